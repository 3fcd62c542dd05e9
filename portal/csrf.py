"""Cross-site request forgery protection for the public forms on cached pages.

The footer's newsletter form, the comment form, an event's registration form, the
initiative form and the language switch sit on pages that the page cache serves to
every anonymous visitor (portal/page_cache.py). A CSRF token in them would be one
visitor's token served to all, so these forms carry none. Their views check instead
where the POST came from, as browsers tell it and a page on another site cannot
change: `Sec-Fetch-Site` (every current browser), and else `Origin` (sent with every
POST since long before). A POST that says neither is refused too: a browser always
says one of them, and a script outside a browser has no visitor's cookies to abuse.
The account and admin forms keep Django's own token check.
"""

import logging
from functools import wraps

from django.conf import settings
from django.urls import get_callable
from django.utils.http import is_same_domain
from django.views.decorators.csrf import csrf_exempt

logger = logging.getLogger("django.security.csrf")

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}
# `none`: the visitor typed or bookmarked the address, no page asked for it.
TRUSTED_FETCH_SITES = {"same-origin", "none"}
REASON = "The form was not sent from this site."


def same_origin_post(view):
    """Accept a POST (or any unsafe method) to `view` only from our own pages, without
    a CSRF token; refuse others with Django's CSRF failure page (403)."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if request.method not in SAFE_METHODS and not comes_from_own_site(request):
            logger.warning("Forbidden (%s): %s", REASON, request.path)
            return get_callable(settings.CSRF_FAILURE_VIEW)(request, reason=REASON)
        return view(request, *args, **kwargs)

    return csrf_exempt(checked)


def comes_from_own_site(request) -> bool:
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site in TRUSTED_FETCH_SITES:
        return True
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        return False
    return origin == f"{request.scheme}://{request.get_host()}" or _trusted(origin)


def _trusted(origin: str) -> bool:
    """One of CSRF_TRUSTED_ORIGINS, where "https://*.example.nl" allows subdomains."""
    scheme, _, host = origin.partition("://")
    for trusted in settings.CSRF_TRUSTED_ORIGINS:
        trusted_scheme, _, trusted_host = trusted.partition("://")
        if trusted_scheme == scheme and (
            trusted_host == host
            or (trusted_host.startswith("*.") and is_same_domain(host, trusted_host[1:]))
        ):
            return True
    return False
