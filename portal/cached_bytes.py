"""Responses built once and then served as bytes: the map's GeoJSON, the blog's
feeds and the agenda's calendar files.

They are big or costly to build (10,000 initiatives are 3 MB of JSON) and asked for
far more often than they change. So the body is kept in the shared cache under the
view's key and the current versions of the kinds of content it shows
(portal/content_versions.py): a change starts a new version and the next request
builds afresh, so a copy is never stale and no timeout needs tuning. Next to the
body a gzip copy is kept, compressed once at the highest level instead of on every
request. Only gzip: Python's standard library has it, every client takes it, and
it brings the GeoJSON of 10,000 initiatives to a third of the 300 KB it may take;
Brotli or zstd would mean another compiled dependency for a smaller file still.

For browsers, feed readers and a proxy in front:

- the encoding is negotiated from Accept-Encoding (`Vary: Accept-Encoding`);
- the ETag is strong: a hash of the uncompressed body, with "-gzip" for the gzip
  copy, since different bytes need different strong ETags (RFC 9110 8.8.3);
- a repeat with If-None-Match naming any copy of the current body gets 304 without
  a body. If-Modified-Since alone is not answered with 304: two versions built in
  the same second would share a Last-Modified, and one of them would be stale;
- `Cache-Control: public, max-age=0, must-revalidate`: anyone may keep a copy, but
  must ask before using it, and the answer is a cheap 304. A longer max-age would
  let a browser show the map or the agenda without a change just made (and the
  map's markers disagree with its list), which is what this module is here to stop.

Nothing else compresses these responses (there is no GZipMiddleware, and WhiteNoise
only serves static files), so nothing compresses them twice; the page cache leaves
them alone, since they vary on Accept-Encoding (portal/page_cache.py).
"""

import gzip
import hashlib
import threading
import time
from collections import OrderedDict

from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags, urlencode
from django.utils.translation import get_language

from . import content_versions

# How long an unused copy takes up room in the cache. It is never what keeps a copy
# fresh: versions do that, and the clock for content that changes by time.
SECONDS_KEPT = 24 * 3600
# Each process keeps the copies it served last in its own memory too, up to this
# many bytes: a hit then costs one small read of the versions from the shared cache
# instead of also fetching (and unpickling) the whole body from it.
LOCAL_BYTES = 32 * 1024 * 1024
GZIP_LEVEL = 9
CACHE_CONTROL = "public, max-age=0, must-revalidate"
IDENTITY = "identity"
ENCODINGS = ("gzip",)  # the compressed copies kept, in order of preference


def cached_response(request, key: str, kinds, build, content_type: str) -> HttpResponse:
    """The response of `build()` (bytes), from the cache when the kinds of content
    it shows have not changed since it was built.

    `key` names what the view builds from the request: everything it reads besides
    the address's scheme and host and the active language, which are added here.
    Exceptions from `build` (a 404) pass through and nothing is kept."""
    encoding = negotiate(request.headers.get("Accept-Encoding", ""))
    base = _key(request, key, kinds)
    name = f"{base}:{encoding}"
    stored = _local.get(name)
    if stored is None:
        stored = cache.get(name) or _build(base, kinds, build)[encoding]
        _local.put(name, stored)
    digest, body, _until = stored
    asked = request.headers.get("If-None-Match")
    if asked and (matched := _matching_etag(asked, digest, encoding)):
        return _headers(HttpResponseNotModified(), matched)
    response = HttpResponse(body, content_type=content_type)
    if encoding != IDENTITY:
        response["Content-Encoding"] = encoding
    return _headers(response, etag_of(digest, encoding))


def query_key(params, names) -> str:
    """The parameters `names` of `params` (a QueryDict) in a fixed order, without
    anything else in the query: what a filtered response depends on, for its key.
    Repeated values keep their order, since a filter takes the last one."""
    return urlencode([(name, params.getlist(name)) for name in sorted(names)], doseq=True)


def _key(request, key, kinds) -> str:
    versions = content_versions.versions(kinds)
    address = f"{request.scheme}://{request.get_host()}"
    digest = hashlib.sha256(f"{address}\n{get_language()}\n{key}\n{versions}".encode())
    return "portal:bytes:" + digest.hexdigest()


def _build(base, kinds, build):
    """Every copy of the body (plain and compressed) as (digest, body, valid until),
    kept in the shared cache unless the clock changes the content right now."""
    body = build()
    seconds = content_versions.seconds_unchanged(kinds, SECONDS_KEPT)
    digest = hashlib.blake2b(body, digest_size=16).hexdigest()
    until = time.time() + seconds
    copies = {
        IDENTITY: (digest, body, until),
        "gzip": (digest, gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0), until),
    }
    if seconds > 0:
        cache.set_many({f"{base}:{name}": copy for name, copy in copies.items()}, seconds)
    return copies


class _LocalCopies:
    """The copies this process served last, up to LOCAL_BYTES; safe across threads.
    Keyed like the shared cache, versions included, so never staler than it."""

    def __init__(self, limit):
        self.limit = limit
        self.size = 0
        self.copies = OrderedDict()
        self.lock = threading.Lock()

    def get(self, name):
        """The copy kept under `name`, unless the clock has changed its content."""
        with self.lock:
            stored = self.copies.get(name)
            if stored is None:
                return None
            if stored[2] <= time.time():
                self.size -= len(self.copies.pop(name)[1])
                return None
            self.copies.move_to_end(name)
            return stored

    def put(self, name, stored):
        size = len(stored[1])
        if size > self.limit or stored[2] <= time.time():
            return
        with self.lock:
            if name in self.copies:
                return
            self.copies[name] = stored
            self.size += size
            while self.size > self.limit:
                _name, dropped = self.copies.popitem(last=False)
                self.size -= len(dropped[1])


_local = _LocalCopies(LOCAL_BYTES)


def negotiate(accept_encoding: str) -> str:
    """The first of ENCODINGS the client accepts (q above 0), or identity."""
    accepted = {}
    for part in accept_encoding.lower().split(","):
        name, _, params = part.partition(";")
        quality = 1.0
        for param in params.split(";"):
            label, _, value = param.strip().partition("=")
            if label == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        accepted[name.strip()] = quality
    for encoding in ENCODINGS:
        if accepted.get(encoding, accepted.get("*", 0.0)) > 0:
            return encoding
    return IDENTITY


def etag_of(digest, encoding) -> str:
    return f'"{digest}"' if encoding == IDENTITY else f'"{digest}-{encoding}"'


def _matching_etag(if_none_match: str, digest: str, encoding: str):
    """The ETag of the current body's copy that If-None-Match names, if any (weak
    comparison, as RFC 9110 asks for If-None-Match; "*" names the negotiated copy)."""
    current = {etag_of(digest, name) for name in (IDENTITY, *ENCODINGS)}
    for etag in parse_etags(if_none_match):
        if etag == "*":
            return etag_of(digest, encoding)
        etag = etag.removeprefix("W/")
        if etag in current:
            return etag
    return None


def _headers(response, etag):
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    patch_vary_headers(response, ["Accept-Encoding"])
    return response
