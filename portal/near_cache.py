"""A copy, in this process, of what was recently read from the shared cache under
a versioned key.

A versioned key (see portal/content_versions.py) names one value that never
changes: when the content changes, the next request asks for another key. So a
copy kept in the process under the same key is exactly as fresh as the shared
cache's, and reading it costs no round trip to Redis (and, with the database as the
cache, no query). Only for such keys: the frame and the fragments of pages.

A value keeps the moment it stops being true (a fragment that the clock changes,
see `content_versions.seconds_unchanged`), in the shared cache too, so a process
that copies it from there knows it as well. At most ENTRIES copies are kept; the
least recently used make room.

Several app servers: this copy can never serve content that another server has
already changed. A change anywhere gives its kind a new random version in the
shared cache (never one used before, also when a version was evicted), and every
request reads the current versions from there before it builds a key; a copy kept
under an old version is then never asked for again and ages out of this LRU. What
it takes: the shared cache really is shared (Redis or the database; production
refuses a per-process cache with several processes, see settings/production.py),
and the servers' clocks agree (NTP), since a clock-bound value's end is a moment
written by the server that made it.
"""

import threading
import time
from collections import OrderedDict

from django.core.cache import cache

ENTRIES = 500

_copies = OrderedDict()
_lock = threading.Lock()


def get(key):
    """The value under `key`, or None."""
    with _lock:
        copy = _copies.get(key)
        if copy is not None and copy[0] > time.time():
            _copies.move_to_end(key)
            return copy[1]
    stored = cache.get(key)
    if stored is None:
        return None
    _keep(key, stored)
    return stored[1]


def set(key, value, timeout: int) -> None:  # noqa: A001 - as the cache's own method is called
    stored = (time.time() + timeout, value)
    cache.set(key, stored, timeout)
    _keep(key, stored)


def _keep(key, stored):
    with _lock:
        _copies[key] = stored
        _copies.move_to_end(key)
        while len(_copies) > ENTRIES:
            _copies.popitem(last=False)
