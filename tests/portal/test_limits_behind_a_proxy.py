"""The limits hold as the README tells operators to run the portal: gunicorn with two
workers, production settings, no Redis, behind one reverse proxy that sets
X-Forwarded-For. A burst at the log-in page is refused after exactly the limit, per
client, however the requests are spread over the workers."""

import http.client
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.db import connection

from portal.settings.base import ACCOUNT_RATE_LIMITS
from tests.conftest import free_port, subprocess_database_url, wait_for_port
from tests.portal.test_settings import REAL_KEY, production_settings

ROOT = Path(__file__).resolve().parents[2]
# The limits as configured for every environment but the tests: "30/m/ip" -> 30.
LOGIN_LIMIT = int(ACCOUNT_RATE_LIMITS["login"].split("/")[0])


def test_production_uses_the_database_as_the_shared_cache_without_redis(monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    backend = production_settings(monkeypatch)["CACHES"]["default"]["BACKEND"]
    assert backend == "django.core.cache.backends.db.DatabaseCache"


def production_environment(static_root):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=REAL_KEY,
        SECURE_SSL_REDIRECT="false",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=subprocess_database_url(),
        TRUSTED_PROXY_COUNT="1",
        STATIC_ROOT=str(static_root),
    )
    return environment


def start_gunicorn(port, static_root):
    """Production serves fingerprinted static files, so they are collected first
    (Wagtail's own, which the public pages do not use, are left out: it is faster)."""
    environment = production_environment(static_root)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0", "-i", "wagtail*"],
        cwd=ROOT,
        env=environment,
        check=True,
        timeout=120,
    )
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi:application", "--workers", "2"]
        + ["--bind", f"127.0.0.1:{port}", "--access-logfile", "/dev/null"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


class ProxiedClient:
    """Requests as the reverse proxy passes them on: HTTPS said by X-Forwarded-Proto,
    the client's address appended to X-Forwarded-For."""

    def __init__(self, port, forwarded_for):
        self.port = port
        self.origin = f"https://127.0.0.1:{port}"
        self.forwarded_for = forwarded_for
        self.cookie = ""

    def request(self, method, path, body=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": self.forwarded_for,
            "Cookie": self.cookie,
            "Origin": self.origin,
            "Referer": self.origin + path,
        }
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            return response.status, response.getheader("Set-Cookie") or "", response.read()
        finally:
            connection.close()

    def login_form(self):
        status, set_cookie, page = self.request("GET", "/account/login/")
        assert status == 200
        self.cookie = set_cookie.split(";")[0]
        return re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1].decode()

    def burst_of_logins(self, count):
        token = self.login_form()
        # No password: the form is refused before any (slow) password hashing, and
        # the attempt still counts.
        body = f"csrfmiddlewaretoken={token}&login=nobody%40example.org&password="
        with ThreadPoolExecutor(max_workers=4) as pool:
            return list(
                pool.map(lambda _n: self.request("POST", "/account/login/", body), range(count))
            )


@pytest.fixture
def empty_shared_cache(transactional_db):
    """The database cache's table is no model, so no test flushes it."""

    def empty():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM portal_cache")

    empty()
    yield
    empty()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_burst_at_the_login_is_refused_after_the_limit_per_client_with_two_workers(
    empty_shared_cache, tmp_path
):
    port = free_port()
    server = start_gunicorn(port, tmp_path / "static")
    try:
        wait_for_port(port, server)
        first = ProxiedClient(port, "198.51.100.1").burst_of_logins(50)
        # The part left of the proxy's is written by the client: forging it changes nothing.
        second = ProxiedClient(port, "6.6.6.6, 198.51.100.2").burst_of_logins(50)
    finally:
        server.terminate()
        server.wait(timeout=30)  # a graceful stop takes gunicorn seconds on a busy machine
    for results in (first, second):
        statuses = [status for status, _cookie, _page in results]
        assert statuses.count(429) == 50 - LOGIN_LIMIT, statuses
        assert set(statuses) == {200, 429}
        refused = next(page for status, _cookie, page in results if status == 429)
        assert b"Te vaak geprobeerd" in refused
