"""What each public page shows, by kind of content, and a version per kind.

A cached page, fragment or feed carries in its key the versions of the kinds of
content it shows. A change to one kind starts a new version of that kind, so
everything that shows it is built afresh on the next request: never stale, and no
short timeouts. The versions live in the shared cache (Redis with REDIS_URL, the
database in production without it), so all app servers see a change at once. A new
release (other code or templates) starts afresh too: see `release`.

This module is the one place that says which pages show which kinds
(`KINDS_BY_PATH`) and which changes touch which kind (`WHAT_CHANGES_WHAT`; the
apps connect it in their AppConfig.ready with `follow` and `follow_pages`). Content
that changes by the clock alone (an event that starts, a registration window that
closes) says when it next changes with `changes_by_time`; a cached copy lasts no
longer than that. `current` and `renew` serve other things kept under a version as
well (everyone's permissions, portal/backends.py).
"""

import contextlib
import contextvars
import functools
import hashlib
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils import timezone

# The kinds of content. "frame" is the menu, footer and site settings, which every
# page shows; "pages" is any Wagtail page being published, unpublished, moved or
# deleted (titles and links show up in menus, cards and lists everywhere), and
# what pages show of their own: authors, categories, images, documents.
KINDS = (
    "frame",
    "pages",
    "comments",
    "events",
    "leerkringen",
    "initiatives",
    "newsletter",
    "themes",
)

# Which changes touch which kind: the models whose saves and deletes start a new
# version (see each app's AppConfig.ready), and Wagtail's page signals.
WHAT_CHANGES_WHAT = {
    "frame": "site settings, their menu and footer links; the Wagtail Site",
    "pages": "a page published, unpublished, moved or deleted; its view restrictions; "
    "an author or category; a change to an image or document (a new upload shows nowhere yet)",
    "comments": "a comment that is or was approved (a pending one changes nothing shown); "
    "a member's name, shown with their comments",
    "events": "an event, its questions and partners; any registration (seats left, "
    "waiting list); the yearly targets; and the clock (an event starts or ends, "
    "registration opens or closes, a new year for the key figures)",
    "leerkringen": "a leerkring, its partners and testimonials; a membership that is or "
    "was active (the member count); a coordinator's name or organisation",
    "initiatives": "an initiative that is or was on the map; the municipalities",
    "newsletter": "an issue sent (a mailing created)",
    "themes": "a theme",
}

# Which kinds a public address shows, by the start of its path: the longest
# matching prefix counts. Every page shows the frame, pages and themes; the home
# page and any address not listed (search, standard pages, the sitemap) show
# everything, to be safe. None: never cached, because the page shows one person's
# data (the pages behind e-mailed links, the account), is the admin or a preview,
# or is a file served by something else.
EVERY_PAGE = ("frame", "pages", "themes")
NEVER_CACHED = None
KINDS_BY_PATH = {
    "/": KINDS,
    "/actueel/": (*EVERY_PAGE, "comments"),
    "/agenda/": (*EVERY_PAGE, "events", "leerkringen"),
    "/agenda/bevestigen/": NEVER_CACHED,
    "/agenda/afmelden/": NEVER_CACHED,
    "/certificaat/": EVERY_PAGE,  # the check's form; the check itself is a POST
    "/leerkringen/": (*EVERY_PAGE, "leerkringen", "events"),
    "/kaart/": (*EVERY_PAGE, "initiatives"),
    # The tools are pages; their use counts show only in the admin.
    "/toolkit/": EVERY_PAGE,
    "/nieuwsbrief/": (*EVERY_PAGE, "newsletter", "events", "leerkringen"),
    "/nieuwsbrief/bevestigen/": NEVER_CACHED,
    "/nieuwsbrief/voorkeuren/": NEVER_CACHED,
    "/nieuwsbrief/afmelden/": NEVER_CACHED,
    "/account/": NEVER_CACHED,
    "/accounts/": NEVER_CACHED,
    "/admin/": NEVER_CACHED,
    "/django-admin/": NEVER_CACHED,
    "/static/": NEVER_CACHED,
    "/media/": NEVER_CACHED,
    "/documenten/": NEVER_CACHED,
}
_PREFIXES = sorted(KINDS_BY_PATH, key=len, reverse=True)

_KEY = "portal:version:"
_CLOCKS = {}
# The versions this request has read, so the page cache, the frame and every fragment
# of one page cost one round trip to the cache between them (with the database as
# the cache, one query instead of one per part). None outside a request: a task or
# command always reads afresh.
_this_request = contextvars.ContextVar("content_versions", default=None)


def kinds_for_path(path: str):
    """The kinds of content the page at `path` shows, or None: never cache it."""
    for prefix in _PREFIXES:
        if path.startswith(prefix):
            return KINDS_BY_PATH[prefix]
    return KINDS


def versions(kinds) -> str:
    """The current versions of `kinds`, as one string for a cache key (one round
    trip to the cache), after the release's own: a copy made by other code or
    templates is never served."""
    known = versions_by_kind(kinds)
    return ".".join([release(), *(known[kind] for kind in kinds)])


@contextlib.contextmanager
def one_reading_per_request():
    """Around a request (PageCacheMiddleware): the versions are read once, all kinds
    in one round trip, and a change the request itself makes is seen at once."""
    token = _this_request.set({})
    try:
        yield
    finally:
        _this_request.reset(token)


def versions_by_kind(kinds) -> dict:
    """The current version of each of `kinds`; in a request, every kind is read at
    the first call, and later calls cost nothing."""
    known = _this_request.get()
    if known is None:
        return _read(kinds)[0]
    if not known:
        known.update(_read(KINDS)[0])
    return {kind: known[kind] for kind in kinds}


def read_with(key):
    """The value under `key` in the cache, read in the same round trip as the
    versions of every kind, which then count as this request's reading (the page
    cache's copy of a page: a hit costs one round trip in all)."""
    versions, value = _read(KINDS, also=key)
    known = _this_request.get()
    if known is not None and not known:
        known.update(versions)
    return value


def _read(kinds, also=None) -> tuple[dict, object]:
    """The current version of each of `kinds`, and the value under the key `also`
    (if given), read in one round trip to the cache."""
    keys = [_KEY + kind for kind in kinds]
    found = cache.get_many([*keys, also] if also else keys)
    return {kind: str(current(_KEY + kind, found)) for kind in kinds}, found.get(also)


def current(key: str, found: dict) -> str:
    """The version under `key` as `found` in the cache (by get_many). When there is
    none (never changed yet, or evicted), any new version will do, as long as every
    server agrees on it: the first one added wins."""
    if key not in found:
        cache.add(key, _new_version(), timeout=None)
        found[key] = cache.get(key)
    return found[key]


@functools.cache
def release() -> str:
    """A fingerprint of this release: the code, templates and translations, and the
    static files' manifest (their hashed names are in every page). Every app server
    of one release computes the same one at its first request (a few milliseconds), so
    a deploy needs no step to empty the cache, and a server still running the old
    release never shares copies with the new one."""
    digest = hashlib.blake2b(digest_size=8)
    skip = {".git", ".venv", "node_modules", "tests", "var", "static", "__pycache__"}
    for root, dirs, files in os.walk(settings.BASE_DIR):
        dirs[:] = sorted(name for name in dirs if name not in skip and not name.startswith("."))
        for name in sorted(files):
            if name.endswith((".py", ".html", ".txt", ".xml", ".mo")):
                digest.update(name.encode())
                digest.update(Path(root, name).read_bytes())
    manifest = Path(settings.STATIC_ROOT, "staticfiles.json")
    if manifest.exists():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()


def bump(*kinds: str) -> None:
    """Give each of `kinds` a new version (see `renew`)."""
    for kind in kinds:
        assert kind in KINDS, kind
        renew(_KEY + kind, then=lambda version, kind=kind: _seen_by_this_request(kind, version))


def renew(key: str, then=lambda version: None) -> None:
    """A new version under `key`: now, so the rest of this request (and a test, whose
    transaction never commits) sees the change, and again once the change is
    committed, because a request that read in between may have kept the old content
    under the first new version. `then(version)` follows each renewal."""

    def new():
        version = _new_version()
        cache.set(key, version, timeout=None)
        then(version)

    new()
    transaction.on_commit(new)


def _seen_by_this_request(kind, version):
    known = _this_request.get()
    if known:
        known[kind] = version


def _new_version() -> str:
    """A random version, never one a copy was kept under before, even when two
    servers renew at once (an increment is not atomic in every cache backend) or a
    version was evicted and made again."""
    return secrets.token_hex(8)


def follow(model, *kinds: str, shown=None, fields=None, new_ones_show=True) -> None:
    """Saving or deleting a `model` changes what pages of `kinds` show.

    `shown(instance)` says whether an instance appears on public pages (an approved
    comment, a published initiative); then only a change to one that is or was shown
    counts: a new pending comment does not empty the cache of its article. `fields`:
    only a change to these counts (a member's name, shown with their comments, but not
    their last login). `new_ones_show=False`: a new instance shows nowhere until
    something that shows it changes too (an uploaded image, until the page or
    initiative with it is published), so a visitor's upload empties no cache."""
    uid = f"content-version-{model._meta.label}-{'-'.join(kinds)}"

    def saved(instance, created, **kwargs):
        if created and not new_ones_show:
            return
        if fields and not created and not instance._fields_changed:
            return
        if shown is None or shown(instance) or getattr(instance, "_was_shown", False):
            bump(*kinds)

    def deleted(instance, **kwargs):
        if shown is None or shown(instance):
            bump(*kinds)

    if shown is not None or fields:

        def remember(instance, raw=False, update_fields=None, **kwargs):
            """What the row was before this save: one query, on saves only (none for a
            save of other fields than `fields`)."""
            if fields and update_fields is not None and not set(fields) & set(update_fields):
                instance._fields_changed = instance._was_shown = False
                return
            before = None if raw or instance.pk is None else _stored(model, instance.pk)
            instance._was_shown = before is not None and shown is not None and shown(before)
            instance._fields_changed = before is None or any(
                getattr(before, name) != getattr(instance, name) for name in fields or ()
            )

        pre_save.connect(remember, sender=model, weak=False, dispatch_uid=uid + "-before")
    post_save.connect(saved, sender=model, weak=False, dispatch_uid=uid + "-save")
    post_delete.connect(deleted, sender=model, weak=False, dispatch_uid=uid + "-delete")


def _stored(model, pk):
    return model._default_manager.filter(pk=pk).first()


def follow_pages() -> None:
    """Wagtail's page events: publishing (scheduled publishing included),
    unpublishing (and a page's expiry), moving and deleting a page."""
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    def changed(**kwargs):
        bump("pages")

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(changed, weak=False, dispatch_uid=f"content-version-pages-{id(signal)}")
    post_delete.connect(
        changed, sender=Page, weak=False, dispatch_uid="content-version-pages-delete"
    )


def changes_by_time(kind: str, next_change) -> None:
    """`next_change()` gives the moment `kind`'s content next changes by the clock
    alone (or None): an event that starts or ends, a window that closes."""
    assert kind in KINDS, kind
    _CLOCKS[kind] = next_change


def seconds_unchanged(kinds, longest: int) -> int:
    """How long a copy of content of `kinds` stays true: `longest`, or less when the
    clock changes one of them sooner. Asked when a copy is stored, not when read."""
    moments = [next_change() for kind, next_change in _CLOCKS.items() if kind in kinds]
    now = timezone.now()
    soonest = min((moment for moment in moments if moment is not None), default=None)
    if soonest is None:
        return longest
    return max(0, min(longest, int((soonest - now).total_seconds()) + 1))
