"""Health checks for the load balancer: `/healthz` and `/readyz`.

- `/healthz`: the process lives and answers; nothing else is asked (no database), so
  a slow database never makes the load balancer kill healthy app servers.
- `/readyz`: this app server can serve pages: the database answers, the shared cache
  answers, and every migration on disk has been applied (a server of a new release
  waits until `migrate` has run). Otherwise 503 with the reason, in a short line of
  text, for the operator looking at the load balancer's status page.

Answered by `HealthCheckMiddleware`, right after the request log at the top of
MIDDLEWARE: before the HTTPS redirect (the load balancer asks over plain HTTP, with
no X-Forwarded-Proto), before the host check (it may send no Host, or an address),
the page cache, the session, the rate limits and the language cookie. So an answer
is cheap, never cached (`Cache-Control: no-store`), sets no cookie and is logged at
DEBUG only (portal/logs.py).

Migrations are checked cheaply: the migrations on disk are read once per process,
each check reads the applied ones (one query), and after the first success the
process does not ask again (its code, and so its migrations, cannot change).
"""

import functools

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse

HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"
HEALTH_PATHS = {HEALTH_PATH, READY_PATH}
CACHE_PROBE_KEY = "portal:readyz"

_migrated = False


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == HEALTH_PATH:
            return _answer(200, "ok")
        if request.path == READY_PATH:
            problem = readiness_problem()
            return _answer(503, problem) if problem else _answer(200, "ready")
        return self.get_response(request)


def _answer(status, text):
    response = HttpResponse(f"{text}\n", status=status, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    # Django's own request log would write a 503 as an error every few seconds while
    # the database is away; the load balancer's status page says it already.
    response._has_been_logged = True
    return response


def readiness_problem() -> str | None:
    """What keeps this app server from serving pages, or None."""
    global _migrated  # noqa: PLW0603 - once per process, see the module's docstring
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        return f"database: {type(error).__name__}"
    try:
        cache.set(CACHE_PROBE_KEY, "1", timeout=60)
        if cache.get(CACHE_PROBE_KEY) != "1":
            return "cache: a value just stored was not read back"
    except Exception as error:  # a cache backend raises its own client's errors
        return f"cache: {type(error).__name__}"
    if not _migrated:
        try:
            unapplied = _unapplied_migrations()
        except DatabaseError as error:
            return f"migrations: {type(error).__name__}"
        if unapplied:
            return f"migrations: {len(unapplied)} not applied, e.g. {'.'.join(min(unapplied))}"
        _migrated = True
    return None


def _unapplied_migrations() -> set:
    from django.db.migrations.recorder import MigrationRecorder

    applied = set(MigrationRecorder(connection).applied_migrations())
    on_disk, replaced_by = _migrations_on_disk()
    return {
        key
        for key in on_disk
        if key not in applied and not (replaced_by.get(key) and replaced_by[key] <= applied)
    }


@functools.cache
def _migrations_on_disk():
    """Every migration of this release, and what each squashed one replaces (applied
    either way once all it replaces are)."""
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    replaced_by = {key: set(migration.replaces) for key, migration in loader.replacements.items()}
    return frozenset(loader.graph.nodes), replaced_by
