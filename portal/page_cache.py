"""A full-page cache for anonymous visitors that is never stale.

A page an anonymous visitor gets is kept whole (status, headers, body) in the
default cache, under its address and its language, together with the versions of
the kinds of content it shows (portal/content_versions.py), and served only while
those are still the current versions. A change to one kind starts a new version,
so the next visitor gets a page built afresh: nothing waits for a timeout.
A copy lasts at most PAGE_CACHE_SECONDS, and never past the moment the clock alone
changes what it shows (an event starting, a registration window closing).

Listed right after SecurityMiddleware, so a hit costs one round trip to the cache
(the page and the current versions, read together) and no database query; the copy
carries the headers the other middleware wrote (the Content-Security-Policy and its
friends), and SecurityMiddleware adds its own to every response, hits included.

Only what cannot hold anything personal is served from or kept in the cache:

- requests: GET or HEAD, without a session or messages cookie (someone logged in,
  or with a message waiting), without an Authorization header, for an address
  `content_versions.kinds_for_path` does not mark never-cached (the admin, previews,
  the account, the pages behind e-mailed links, files);
- responses: 200 to a GET for an anonymous visitor, that set no cookie (a page that
  renders a CSRF token sets one, so it is never kept), whose Cache-Control does not
  say private, no-cache or no-store (a `never_cache` view opts out), that vary on
  nothing but Cookie (the language is in the key; a response negotiated per
  Accept-Encoding is its view's to cache) and are not compressed already, and that
  are not streamed. Redirects, 404s and errors are not kept: they are cheap
  or rare, and a redirect added in the admin must show at once.

A page is kept with a gzip copy, compressed once when it is kept, and served in the
encoding the visitor's browser takes (`Vary: Accept-Encoding`): an article of 50 KB
goes out as about 10 KB. Compression is safe here (BREACH needs a secret in the same
response as text an attacker chooses): a kept page holds no CSRF token, no cookie
and nothing of anyone's own.

Browsers and a proxy in front get `Cache-Control: public, max-age=0, must-revalidate`
and a strong ETag (another for the gzip copy): they may keep the page, but ask each
time, and the answer is a 304 from this cache. PAGE_CACHE_PROXY_SECONDS lets a proxy
keep a page that long without asking (`s-maxage`), at the price of that much
staleness, since nothing purges the proxy.
"""

import gzip
import hashlib

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

from . import cached_bytes, content_versions
from .middleware import chosen_language

CACHED_METHODS = {"GET", "HEAD"}
NOT_SHARED = {"private", "no-cache", "no-store"}
# A response that varies on Accept-Encoding is compressed by its view for each
# visitor, and that view keeps its own copies (the feeds, see portal/cached_bytes.py).
VARIES_ONLY_ON = {"cookie"}
MARK = "X-Cache"  # "hit" or "miss": what happened, for people and `make bench`


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with content_versions.one_reading_per_request():
            return self.respond(request)

    def respond(self, request):
        kinds = _cacheable_kinds(request)
        if kinds is None:
            return self.get_response(request)
        key = _key(request)
        stored = content_versions.read_with(key)
        versions = content_versions.versions(kinds)  # already read, with the copy
        if stored is not None and stored[0] == versions:
            return _served(request, stored[1:], "hit")
        response = self.get_response(request)
        if request.method == "GET" and _storable(request, response):
            timeout = content_versions.seconds_unchanged(kinds, settings.PAGE_CACHE_SECONDS)
            if timeout > 0:
                _add_validators(response)
                stored = _stored(response)
                cache.set(key, (versions, *stored), timeout)
                return _served(request, stored, "miss")
        return response


def _cacheable_kinds(request):
    """The kinds of content the requested page shows, or None: not for the cache."""
    if (
        not settings.PAGE_CACHE_SECONDS
        or request.method not in CACHED_METHODS
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or CookieStorage.cookie_name in request.COOKIES
        or "Authorization" in request.headers
    ):
        return None
    return content_versions.kinds_for_path(request.path)


def _key(request) -> str:
    """The same for GET and HEAD; the address with its query, host and scheme, and
    the visitor's language. The copy kept under it names the versions it was built
    from; it is served only while they are still the current ones."""
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(f"{address}\n{chosen_language(request)}".encode())
    return "portal:page:" + digest.hexdigest()


def _storable(request, response) -> bool:
    user = getattr(request, "user", None)
    cache_control = {
        part.split("=", 1)[0].strip().lower()
        for part in response.get("Cache-Control", "").split(",")
    }
    varies = {part.strip().lower() for part in response.get("Vary", "").split(",")} - {""}
    return (
        response.status_code == 200
        and not response.streaming
        and not (user and user.is_authenticated)
        and not response.cookies
        and not response.has_header("Set-Cookie")
        and not cache_control & NOT_SHARED
        and varies <= VARIES_ONLY_ON
        and not response.has_header("Content-Encoding")
    )


def _add_validators(response) -> None:
    """A view's own ETag and Cache-Control stay; others get ours."""
    if not response.has_header("ETag"):
        response["ETag"] = f'"{hashlib.blake2b(response.content, digest_size=16).hexdigest()}"'
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        if settings.PAGE_CACHE_PROXY_SECONDS:
            patch_cache_control(response, s_maxage=settings.PAGE_CACHE_PROXY_SECONDS)


def _stored(response):
    """Status, headers, the body and its gzip copy, compressed once here rather than
    for every visitor."""
    body = response.content
    compressed = gzip.compress(body, compresslevel=cached_bytes.GZIP_LEVEL, mtime=0)
    return response.status_code, list(response.headers.items()), body, compressed


def _served(request, stored, mark) -> HttpResponse:
    """The kept page in the encoding the visitor takes; 304 Not Modified when the
    browser or proxy already has this copy."""
    status, headers, body, compressed = stored
    encoding = cached_bytes.negotiate(request.headers.get("Accept-Encoding", ""))
    response = HttpResponse(compressed if encoding == "gzip" else body, status=status)
    for name, value in headers:
        if name.lower() != "content-length":  # the length of this encoding's body
            response[name] = value
    response["Content-Length"] = str(len(response.content))
    if encoding == "gzip":
        response["Content-Encoding"] = "gzip"
        # Different bytes need an ETag of their own (RFC 9110 8.8.3).
        response["ETag"] = response["ETag"][:-1] + '-gzip"'
    patch_vary_headers(response, ["Accept-Encoding"])
    response[MARK] = mark
    return get_conditional_response(request, etag=response["ETag"], response=response)
