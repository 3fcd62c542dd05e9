"""Old WordPress addresses that point at the home page: `/?p=123`, `/?page_id=`,
`/?attachment_id=`, `/?cat=`, `/?tag=`, `/?author=`.

Wagtail's RedirectMiddleware only looks for a redirect when a page is not found, and
the home page is always found, so these would show the home page instead of the
imported article. The import stores them as ordinary Wagtail redirects (with the
query string, blog/wordpress/redirects.py); this middleware follows them before the
home page is served. Any other request costs one comparison.
"""

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect

WORDPRESS_PARAMETERS = frozenset({"p", "page_id", "attachment_id", "cat", "tag", "author"})


class WordPressQueryRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path == "/"
            and request.method in ("GET", "HEAD")
            and not WORDPRESS_PARAMETERS.isdisjoint(request.GET)
        ):
            path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
            redirect = get_redirect(request, path)
            if redirect is not None and redirect.link:
                response_class = (
                    HttpResponsePermanentRedirect if redirect.is_permanent else HttpResponseRedirect
                )
                return response_class(redirect.link)
        return self.get_response(request)
