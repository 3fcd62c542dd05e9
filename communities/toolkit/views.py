"""The toolkit's one address outside Wagtail: a tool's counted link."""

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import counting
from .models import ToolPage


@never_cache
@require_safe
def use(request, slug):
    """Count the use (counting.py says which requests count), then go to the tool's
    file or website. Never kept by a cache, since each click must reach us, and no
    cookie: the session and the CSRF token are never touched."""
    tool = ToolPage.objects.live().public().filter(slug=slug).select_related("document").first()
    if tool is None:
        raise Http404
    if counting.is_prefetch(request):
        # Refused, so the browser asks again (and is counted) when the visitor clicks.
        response = HttpResponse(status=503)
    else:
        if counting.counts(request):
            counting.count_use(tool)
        response = HttpResponseRedirect(tool.target_url)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
