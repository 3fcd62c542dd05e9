"""Response headers that Django's own settings do not cover."""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


class PermissionsPolicyMiddleware:
    """Turns off browser features the portal never uses (camera, location, ...)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class AdminContentSecurityPolicyMiddleware:
    """Gives the Wagtail admin its own, looser Content-Security-Policy.

    Wagtail 8 still writes a few inline scripts (date pickers, inline panels,
    choosers) and inline styles, so the admin, behind its login, allows inline code.
    Every public page keeps the strict policy of SECURE_CSP. Listed after Django's
    CSP middleware, so it marks the response before that middleware writes the header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(settings.ADMIN_PATH) and not hasattr(response, "_csp_config"):
            response._csp_config = settings.ADMIN_CSP
        return response


class LanguageMiddleware:
    """Dutch first: the portal speaks Dutch unless the visitor chose English with the
    language switch (a cookie). The browser's Accept-Language is not followed, as on
    Dutch government sites, and pages never vary on it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        available = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response
