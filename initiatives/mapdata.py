"""The published initiatives as GeoJSON (RFC 7946): one query, streamed.

Ten thousand initiatives must not mean ten thousand model instances: rows come
straight from `values_list()` through a server-side cursor and are written out as
they arrive. Coordinates are [longitude, latitude], as RFC 7946 demands.
"""

import hashlib
import json

from django.db.models import Count, Max
from django.urls import reverse

from .models import Initiative

COLUMNS = ("slug", "title", "summary", "organisation_name", "municipality__name")
CHUNK_SIZE = 2000


def state(request):
    """The latest change to any initiative and their number, once per request: it
    changes whenever an initiative is added, edited, published, rejected or deleted."""
    if not hasattr(request, "_initiatives_state"):
        request._initiatives_state = Initiative.objects.aggregate(
            latest=Max("updated_at"), count=Count("pk")
        )
    return request._initiatives_state


def etag(request, *args, **kwargs):
    current = state(request)
    latest = current["latest"].isoformat() if current["latest"] else "-"
    key = f"{current['count']}|{latest}|{request.GET.urlencode()}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def last_modified(request, *args, **kwargs):
    return state(request)["latest"]


def feature_collection(queryset):
    """Yield the FeatureCollection as text, in chunks, for a streaming response."""
    url_pattern = reverse("initiatives:detail", args=["SLUG"])
    rows = queryset.order_by("pk").values_list(*COLUMNS, "longitude", "latitude")
    parts = ['{"type":"FeatureCollection","features":[']
    separator = ""
    for slug, title, summary, organisation, municipality, longitude, latitude in rows.iterator(
        chunk_size=CHUNK_SIZE
    ):
        feature = {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [float(longitude), float(latitude)]},
            "properties": {
                "title": title,
                "summary": summary,
                "organisation": organisation,
                "municipality": municipality,
                "url": url_pattern.replace("SLUG", slug),
            },
        }
        parts.append(separator + json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
        separator = ","
        if len(parts) >= CHUNK_SIZE:  # one write per chunk, not per feature
            yield "".join(parts)
            parts = []
    parts.append("]}")
    yield "".join(parts)
