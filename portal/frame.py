"""The site's frame (main menu, footer) is the same on every page, so it is cached
instead of queried on every request.

Every cached part carries in its key the versions of the frame (site settings with
their menu and footer links, see `portal.models.FrameLink`) and of the pages
(publishing, unpublishing, moving or deleting one), kept by
portal/content_versions.py: a change shows at once, on every app server that shares
the cache (REDIS_URL, or the database in production).
"""

from . import content_versions, near_cache

SHOWS = ("frame", "pages")
FRAME_TIMEOUT = 86_400  # seconds; an unused copy makes room after a day


def cached(name, build, *key_parts):
    """`build()`'s result for these versions of the frame, from the cache when it is there."""
    key = _key(name, key_parts)
    value = near_cache.get(key)
    if value is None:
        value = build()
        near_cache.set(key, value, FRAME_TIMEOUT)
    return value


def _key(name, key_parts):
    return ":".join(["portal:frame", name, content_versions.versions(SHOWS), *map(str, key_parts)])
