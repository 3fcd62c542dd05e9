"""Which page an address shows, remembered, so a page costs one query to find
instead of two for every level of the tree.

Wagtail finds a page by walking the tree from the site's root: each level asks the
database for the child with the next slug and then for its specific page, so an
article three levels down costs five queries and almost half of a logged-in
visitor's request. The answer (which page, by content type and id) is kept under
the address, the host, the language, the release and the version of "pages"
(portal/content_versions.py): publishing, unpublishing, moving or deleting any page
starts a new version, so a remembered route is never stale. The page itself is
loaded fresh, in one query, and Wagtail's own checks (view restrictions, the
`before_serve_page` hooks, the page's `serve`) run as always.

Only a route to a page as a whole is kept; one that carries a view of its own (a
routable page's sub-address) is found by Wagtail every time.
"""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from . import content_versions, near_cache

SECONDS_KEPT = 24 * 3600


class PageRouteMiddleware:
    """Last in the list: it only looks at requests for Wagtail's page view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve or getattr(request, "is_preview", False):
            return None
        path = view_args[0] if view_args else view_kwargs["path"]  # as Wagtail's URL gives it
        key = _key(request, path)
        remembered = near_cache.get(key)
        if remembered is not None:
            content_type_id, page_id = remembered
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            page = model._default_manager.filter(pk=page_id, live=True).first()
            if page is not None:
                request._wagtail_route_for_request = RouteResult(page)
                return None
        route = Page.route_for_request(request, path)  # Wagtail's walk; kept on the request
        if route is not None and not route.args and not route.kwargs:
            near_cache.set(key, (route.page.content_type_id, route.page.pk), SECONDS_KEPT)
        return None


def _key(request, path) -> str:
    versions = content_versions.versions(("pages",))
    address = f"{request.get_host()}\n{request.get_port()}\n{path}\n{get_language()}"
    digest = hashlib.blake2b(address.encode(), digest_size=16).hexdigest()
    return f"portal:route:{versions}:{digest}"
