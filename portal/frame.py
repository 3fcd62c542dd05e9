"""The site's frame (main menu, footer) is the same on every page, so it is cached
instead of queried on every request.

Every cached part carries the frame's version in its key. Publishing, unpublishing,
moving or deleting a page and saving the site settings (with their menu and footer
links, see `portal.models.FrameLink`) start a new version, so a change shows at once;
with several app servers this needs the shared cache (REDIS_URL), otherwise the other
servers catch up within FRAME_TIMEOUT.
"""

from django.core.cache import cache

VERSION_KEY = "portal:frame-version"
FRAME_TIMEOUT = 300  # seconds


def version() -> int:
    current = cache.get(VERSION_KEY)
    if current is None:
        current = 1
        cache.set(VERSION_KEY, current, timeout=None)
    return current


def renew(created=False, **kwargs) -> None:
    """Signal receiver: the next request builds the frame afresh. A row just created
    (the site settings, made empty by the first request) changes nothing shown."""
    if created:
        return
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet
        cache.set(VERSION_KEY, 1, timeout=None)


def cached(name, build, *key_parts):
    """`build()`'s result for this version of the frame, from the cache when it is there."""
    value = cache.get(_key(name, key_parts))
    if value is None:
        value = build()
        cache.set(_key(name, key_parts), value, FRAME_TIMEOUT)
    return value


def _key(name, key_parts):
    return ":".join(["portal:frame", name, str(version()), *map(str, key_parts)])
