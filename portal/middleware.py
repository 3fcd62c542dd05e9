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
