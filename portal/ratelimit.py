"""A simple rate limit kept in the cache, for the public forms that robots like:
comments, initiative submissions and newsletter sign-ups.

Only a hash of what is counted (an IP address, an e-mail address) is kept, and only
in the cache, for the length of the window.
"""

import hashlib

from django.core.cache import cache


def allow(scope: str, identifier: str, limit: int, window: int) -> bool:
    """Count one attempt for `identifier` in `scope`; False once it exceeds `limit`
    attempts within `window` seconds."""
    digest = hashlib.sha256(identifier.encode()).hexdigest()
    key = f"ratelimit:{scope}:{digest}"
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count <= limit
