"""What the map draws under the initiatives.

By default only our own vector data (static/map/, see its README): the provinces and
the country's border always, the municipalities' names once zoomed in. No visitor's
browser asks another server for anything. A tile server (OpenStreetMap, PDOK) is an
opt-in setting, MAP_TILE_URL; when it is set, the pages that draw a map, and only
those, allow its origin in the Content-Security-Policy's img-src.
"""

from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import gettext as _

# From this zoom level on the municipalities' names are drawn (and only then fetched).
MUNICIPALITIES_ZOOM = 9


def layers() -> dict:
    """The map script's configuration of its base layers."""
    return {
        "tileUrl": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        "base": {
            "provinces": static("map/provinces.geojson"),
            "municipalities": static("map/municipalities.geojson"),
            "municipalitiesZoom": MUNICIPALITIES_ZOOM,
            "attribution": _("Boundaries: Natural Earth (public domain); municipalities: CBS"),
        },
    }


def tile_origins() -> list[str]:
    """The tile server's origin ("{s}" subdomains become a wildcard), or none."""
    url = settings.MAP_TILE_URL
    return ["/".join(url.split("/")[:3]).replace("{s}", "*")] if url else []


def allow_tiles(response):
    """Lets a page with a map load the configured tile server's images. Sets the
    attribute Django's own @csp_override sets, with a policy built per request so
    that a change of MAP_TILE_URL (or a test's override) takes effect."""
    origins = tile_origins()
    if origins:
        policy = settings.SECURE_CSP
        response._csp_config = {**policy, "img-src": [*policy["img-src"], *origins]}
    return response
