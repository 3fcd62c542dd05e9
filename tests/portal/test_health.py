"""The load balancer asks each app server `/healthz` (does the process live?) and
`/readyz` (can it serve pages?) every few seconds: cheap, never cached, no cookie, no
rate limit, not in the log at INFO, and answered over plain HTTP whatever the Host."""

import http.client
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import OperationalError, connection
from django.db.migrations.recorder import MigrationRecorder

from portal import health
from tests.conftest import free_port, subprocess_database_url, wait_for_port
from tests.portal.test_settings import REAL_KEY, production_settings

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def not_yet_ready():
    """Every test starts as a fresh process: migrations not yet found applied."""
    health._migrated = False
    yield
    health._migrated = False


def assert_plain_and_uncached(response):
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies
    assert "X-Cache" not in response


def test_healthz_says_ok_without_asking_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.text == "ok\n"
    assert_plain_and_uncached(response)


def test_readyz_says_ready_and_checks_migrations_once_per_process(
    client, django_assert_num_queries
):
    first = client.get("/readyz")
    assert (first.status_code, first.text) == (200, "ready\n")
    assert_plain_and_uncached(first)
    # Later checks: the database and the cache only (here the cache is in memory).
    with django_assert_num_queries(1):
        assert client.get("/readyz").status_code == 200


def test_readyz_is_not_ready_while_a_migration_is_missing(client, monkeypatch):
    applied = MigrationRecorder(connection).applied_migrations()
    missing = ("events", max(name for app, name in applied if app == "events"))
    monkeypatch.setattr(
        MigrationRecorder,
        "applied_migrations",
        lambda self: {key: value for key, value in applied.items() if key != missing},
    )
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.text == f"migrations: 1 not applied, e.g. events.{missing[1]}\n"
    assert_plain_and_uncached(response)

    monkeypatch.setattr(MigrationRecorder, "applied_migrations", lambda self: applied)
    assert client.get("/readyz").status_code == 200


def test_readyz_is_not_ready_when_the_database_does_not_answer(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/readyz")
    assert (response.status_code, response.text) == (503, "database: OperationalError\n")
    assert client.get("/healthz").status_code == 200  # the process itself lives


def test_readyz_is_not_ready_when_the_shared_cache_does_not_answer(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.redis_cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/2",  # nothing listens there
        }
    }
    response = client.get("/readyz")
    assert (response.status_code, response.text) == (503, "cache: ConnectionError\n")


def test_health_checks_are_never_kept_by_the_page_cache_nor_rate_limited(client, settings):
    settings.PAGE_CACHE_SECONDS = 86_400
    answers = [client.get(path) for path in ["/healthz", "/readyz"] * 40]
    assert {response.status_code for response in answers} == {200}
    assert not any("portal:page:" in key for key in cache._cache)


def test_the_load_balancer_reaches_them_over_http_with_production_settings(
    client, settings, monkeypatch
):
    """Behind HAProxy the checks go straight to the app server: plain HTTP, no
    X-Forwarded-Proto, the server's own address as Host. Pages still go to HTTPS."""
    values = production_settings(monkeypatch)
    for name in values:
        if name.startswith("SECURE_"):
            setattr(settings, name, values[name])
    settings.ALLOWED_HOSTS = ["portal.example.org"]
    for path in ("/healthz", "/readyz"):
        response = client.get(path, headers={"host": "10.0.0.7:8000"})
        assert response.status_code == 200, response
        assert "Location" not in response
    page = client.get("/", headers={"host": "portal.example.org"})
    assert page.status_code == 301
    assert page["Location"] == "https://portal.example.org/"


def test_gunicorn_with_production_settings_and_the_pool_answers_plain_http_checks(tmp_path):
    """As HAProxy's `option httpchk` asks: HTTP/1.0 without a Host header. The
    database answers through the connection pool of production settings."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=REAL_KEY,
        ALLOWED_HOSTS="portal.example.org",
        DATABASE_URL=subprocess_database_url(),
        STATIC_ROOT=str(tmp_path),
        WEB_CONCURRENCY="2",
    )
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi:application"]
        + ["--bind", f"127.0.0.1:{port}", "--no-control-socket"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        wait_for_port(port, server)
        assert health_check(port, "/healthz") == (200, b"ok\n")
        assert health_check(port, "/readyz") == (200, b"ready\n")
        page = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        page.request("GET", "/", headers={"Host": "portal.example.org"})
        assert page.getresponse().status == 301  # pages still go to HTTPS
    finally:
        os.killpg(server.pid, signal.SIGKILL)  # a graceful stop takes gunicorn seconds
        server.wait(timeout=20)


def health_check(port, path, within=60):
    """Status and body of `path` as HAProxy's `option httpchk` asks (HTTP/1.0, no
    Host), asked again until gunicorn's workers have loaded the portal."""
    deadline = time.monotonic() + within
    while True:
        check = http.client.HTTPConnection("127.0.0.1", port, timeout=within)
        check._http_vsn, check._http_vsn_str = 10, "HTTP/1.0"
        try:
            check.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
            check.endheaders()
            answer = check.getresponse()
            return answer.status, answer.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
        finally:
            check.close()
