"""Response headers that Django's own settings do not cover."""

from django.conf import settings
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.csp import CSP, build_policy

ACCOUNT_PATH = "/account/"


class SecurityHeadersMiddleware:
    """Headers that Django's own settings do not write.

    - Permissions-Policy turns off browser features the portal never uses.
    - Cross-Origin-Resource-Policy keeps other sites from embedding our pages, files
      and images (Spectre-style reads); everything of ours is used from our own origin.
    - A page for a logged-in person (their name in the header, their data on the
      account pages) is private: no proxy or shared cache may keep it, and the
      account pages are not stored at all, so the back button on a shared computer
      shows nothing after logging out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        user = getattr(request, "user", None)
        if request.path.startswith(ACCOUNT_PATH) or (user and user.is_authenticated):
            add_never_cache_headers(response)
        return response


class AdminContentSecurityPolicyMiddleware:
    """Gives the Wagtail admin its own, looser Content-Security-Policy.

    Wagtail 8 still writes a few inline scripts (date pickers, inline panels,
    choosers) and inline styles, so the admin, behind its login, allows inline code.
    Every public page keeps the strict policy of SECURE_CSP. Listed after Django's
    CSP middleware, so it marks the response before that middleware writes the header.

    The admin shows previews of pages in a frame of its own, so both its CSP and its
    X-Frame-Options allow the same origin (public pages allow no framing at all). A
    preview is the public page, rendered by Wagtail through the whole middleware chain
    once more, so it arrives with the public policy already written; it keeps that
    strict policy, except that the admin may frame it (PREVIEW_CSP).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(settings.ADMIN_PATH):
            if str(CSP.HEADER_ENFORCE) in response:
                response[str(CSP.HEADER_ENFORCE)] = build_policy(settings.PREVIEW_CSP)
            elif not hasattr(response, "_csp_config"):
                # The attribute Django's own @csp_override sets; a view that chose a
                # policy keeps it. (A middleware has no public way to say this.)
                response._csp_config = settings.ADMIN_CSP
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response


class LanguageMiddleware:
    """Dutch first: the portal speaks Dutch unless the visitor chose English with the
    language switch (a cookie). The browser's Accept-Language is not followed, as on
    Dutch government sites, and pages never vary on it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = chosen_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response


def chosen_language(request) -> str:
    """The language the visitor chose with the switch, or Dutch (the page cache keys
    pages on it too)."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    available = {code for code, _name in settings.LANGUAGES}
    return chosen if chosen in available else settings.LANGUAGE_CODE
