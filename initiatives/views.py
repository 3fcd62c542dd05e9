"""Public views of the map: the map with its list, an initiative, the GeoJSON and the
submission form. Rules live in filters.py, geo.py, mapdata.py and moderation.py."""

from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from portal import fragments, ratelimit
from portal.cached_bytes import cached_response, query_key
from portal.csrf import same_origin_post

from . import basemap, geo, mapdata, moderation
from .filters import InitiativeFilter, filtered_initiatives
from .forms import SubmissionForm
from .models import Initiative, Municipality

PER_PAGE = 20
RELATED_COUNT = 4


def map_config(**extra):
    """What the map script needs, handed over as JSON data (never as inline script)."""
    return {
        **basemap.layers(),
        "icon": {
            "iconUrl": static("vendor/leaflet/images/marker-icon.png"),
            "iconRetinaUrl": static("vendor/leaflet/images/marker-icon-2x.png"),
            "shadowUrl": static("vendor/leaflet/images/marker-shadow.png"),
        },
        "bounds": [
            [float(geo.MIN_LATITUDE), float(geo.MIN_LONGITUDE)],
            [float(geo.MAX_LATITUDE), float(geo.MAX_LONGITUDE)],
        ],
        **extra,
    }


def filter_query(request):
    """The filters of this request without the page number, for the GeoJSON link."""
    params = request.GET.copy()
    params.pop("pagina", None)
    return params.urlencode()


@require_GET
def initiative_map(request):
    filterset = filtered_initiatives(
        request.GET, Initiative.objects.published().select_related("municipality")
    )
    # Fetched only when the list's fragment has to be drawn (portal/fragments.py).
    page = fragments.lazy_page(lambda: filterset.qs, request.GET.get("pagina"), PER_PAGE)
    query = filter_query(request)
    geojson_url = reverse("initiatives:geojson") + (f"?{query}" if query else "")
    response = render(
        request,
        "initiatives/map.html",
        {
            "filter": filterset,
            "page_obj": page,
            "is_filtered": bool(query),
            "map_config": map_config(
                geojson=geojson_url,
                labels={"more": _("Read more"), "count": _("initiatives on the map")},
            ),
        },
    )
    return basemap.allow_tiles(response)


@require_GET
def initiatives_geojson(request):
    """Built once per change to the initiatives on the map, or to the themes they
    are filtered by, and then served as bytes (portal/cached_bytes.py)."""
    response = cached_response(
        request,
        "initiatives:geojson?" + query_key(request.GET, InitiativeFilter.base_filters),
        ("initiatives", "themes"),
        lambda: mapdata.feature_collection(filtered_initiatives(request.GET).qs),
        "application/geo+json",
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def initiative_detail(request, slug):
    initiative = get_object_or_404(
        Initiative.objects.published()
        .select_related("municipality", "image")
        .prefetch_related("themes"),
        slug=slug,
    )
    # Querysets, so lazy: they run (and measure the distance to every initiative)
    # only when the page's fragment of them is not in the cache (portal/fragments.py).
    others = Initiative.objects.published().exclude(pk=initiative.pk).select_related("municipality")
    nearby = others.annotate(
        distance=geo.squared_distance(initiative.latitude, initiative.longitude)
    ).order_by("distance")[:RELATED_COUNT]
    related = (
        others.filter(themes__in=[theme.pk for theme in initiative.themes.all()])
        .annotate(shared=Count("themes"))
        .order_by("-shared", "-published_at")[:RELATED_COUNT]
    )
    point = [float(initiative.latitude), float(initiative.longitude)]
    response = render(
        request,
        "initiatives/detail.html",
        {
            "initiative": initiative,
            "nearby": nearby,
            "related": related,
            "map_config": map_config(point=point, zoom=12),
        },
    )
    return basemap.allow_tiles(response)


@same_origin_post
def submit(request):
    """The public form; with an account the person's details are filled in."""
    posted = request.method == "POST"
    form = SubmissionForm(
        request.POST if posted else None, request.FILES if posted else None, user=request.user
    )
    status = 200
    if posted:
        if form.is_spam:
            return redirect("initiatives:submitted")
        if not moderation.allow_submission(ratelimit.client_ip(request)):
            form.add_error(
                None, _("You have sent many initiatives in a short time. Try again later.")
            )
            form.note_image_not_kept()
            status = 429
        elif form.is_valid():
            moderation.submit(form)
            return redirect("initiatives:submitted")
        else:
            status = 400
    municipalities = Municipality.objects.values_list("name", "latitude", "longitude")
    response = render(
        request,
        "initiatives/submit.html",
        {
            "form": form,
            "municipalities": municipalities,
            "map_config": map_config(
                municipalities=[
                    [name, float(lat), float(lon)] for name, lat, lon in municipalities
                ],
                labels={
                    "centre": _("The point on the map is the centre of the municipality."),
                    "picked": _("You have placed the point on the map yourself."),
                },
            ),
        },
        status=status,
    )
    return basemap.allow_tiles(response)


def submitted(request):
    return render(request, "initiatives/submitted.html")
