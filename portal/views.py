"""Public views of the portal app: search and the files robots and security teams read."""

import mimetypes
import posixpath
from datetime import timedelta

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
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
    """Uploads, on a site where no web server serves them for us (SERVE_MEDIA): from
    MEDIA_ROOT, or streamed from the object store (portal/storage.py).

    A name the file system refuses (longer than it allows, say) is a file that is
    not there: 404, not a server error.
    """
    if not settings.SERVE_MEDIA:
        raise Http404
    if not isinstance(default_storage, FileSystemStorage):
        return _stream_from_storage(path)
    try:
        return serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError as error:
        raise Http404 from error


def _stream_from_storage(path):
    name = posixpath.normpath(path).lstrip("/")
    if name.startswith("..") or not default_storage.exists(name):
        raise Http404
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return FileResponse(default_storage.open(name), content_type=content_type)
