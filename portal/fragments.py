"""Parts of pages rendered once and then taken from the cache, for everyone the
full-page cache cannot serve: logged-in visitors, and the first visitor after a
change.

A fragment (a list of cards, a filter form, a comment thread) is kept in the shared
cache under its name, what it varies on (the filters and page number, the article),
the language, the host, the release (the code and templates that drew it) and the
current versions of the kinds of content it shows (portal/content_versions.py). A
change to one of those kinds starts a new version, so the next request draws the
fragment afresh: a fragment is never stale, and no timeout needs tuning. Content
that changes by the clock (an event that starts) keeps a copy no longer than
`content_versions.seconds_unchanged` allows.

A fragment is shared by everyone who asks for the same thing, so it must hold
nothing personal: no CSRF token, no "you are registered", no form with someone's
name in it. Those stay outside, around the fragment. A preview is never cached: it
shows what is not published yet, under the versions of what is.

The data behind a fragment is only fetched when the fragment has to be drawn:
views and page models hand lists over as `lazy` values, and `lazy_page` and
`paginated` make a page of a list lazily.
"""

import hashlib

from django.core.paginator import Paginator
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from . import content_versions, near_cache

# How long an unused fragment takes up room in the cache. Versions keep a fragment
# fresh, never this.
SECONDS_KEPT = 24 * 3600


def cached(request, name: str, kinds, vary_on, draw) -> str:
    """The HTML `draw()` makes, from the cache when the kinds of content it shows
    have not changed since it was drawn. `vary_on` is everything else it shows that
    can differ between requests (the query string, an article's id)."""
    if request is None or getattr(request, "is_preview", False):
        return draw()
    key = _key(request, name, kinds, vary_on)
    html = near_cache.get(key)
    if html is None:
        html = draw()
        seconds = content_versions.seconds_unchanged(kinds, SECONDS_KEPT)
        if seconds > 0:
            near_cache.set(key, html, seconds)
    return html


def _key(request, name, kinds, vary_on):
    varies = hashlib.md5(repr([request.get_host(), *vary_on]).encode(), usedforsecurity=False)
    versions = content_versions.versions(kinds)
    return ":".join(["portal:fragment", name, versions, get_language() or "", varies.hexdigest()])


def lazy(compute):
    """`compute()`'s result, computed when first used (iterated, counted, tested):
    a list in a cached fragment costs no query."""
    return SimpleLazyObject(compute)


def lazy_page(make_queryset, number, per_page):
    """Page `number` (as Paginator.get_page reads it) of the queryset that
    `make_queryset()` returns (a filterset's `qs` validates its filters, which can
    cost queries too); lazy, so a list whose fragment is in the cache costs none."""
    return lazy(lambda: Paginator(make_queryset(), per_page).get_page(number))


def paginated(make_queryset, number, per_page, prepare=list):
    """`lazy_page`, and the items on it passed through `prepare`, also lazily."""
    page = lazy_page(make_queryset, number, per_page)
    return page, lazy(lambda: prepare(page.object_list))
