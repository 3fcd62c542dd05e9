"""Public views of the portal app: search and the files robots and security teams read."""

from datetime import timedelta

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.static import serve
from wagtail.models import Page

from .search import search_pages, search_sections

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    # PostgreSQL cannot hold a NUL character in text, so it is dropped before searching.
    query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    results = search_pages(query) if query else Page.objects.none()
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("pagina"))
    sections = search_sections(query) if query else []
    # The heading counts everything found, on every page: the pages and each
    # section's matches (the sections show under the first page only).
    total = page.paginator.count + sum(section["count"] for section in sections)
    return render(
        request,
        "portal/search.html",
        {"query": query, "results": page, "sections": sections, "total": total},
    )


@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /account/",
        "Disallow: /zoeken/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@cache_control(max_age=86400, public=True)
def security_txt(request):
    """RFC 9116: where to report a vulnerability. Expires is always half a year ahead."""
    expires = (timezone.now() + timedelta(days=180)).replace(microsecond=0)
    lines = [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {expires.astimezone(timezone.UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: nl, en",
        f"Canonical: {request.build_absolute_uri(request.path)}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def media(request, path):
    """Uploads, on a site where no web server serves them for us (SERVE_MEDIA).

    A name the file system refuses (longer than it allows, say) is a file that is
    not there: 404, not a server error.
    """
    if not settings.SERVE_MEDIA:
        raise Http404
    try:
        return serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError as error:
        raise Http404 from error
