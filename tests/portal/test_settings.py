"""Production settings: safe by default, `check --deploy` clean, strict headers and cookies."""

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.settings.environment import env_bool, env_int

ROOT = Path(__file__).resolve().parents[2]
REAL_KEY = "k3y-" + "x1Y2z3W4v5U6t7S8r9Q0p" * 3


def manage(*args, **env):
    """Run manage.py in a fresh process with production settings (and without the
    browser tests' DJANGO_ALLOW_ASYNC_UNSAFE, which no production machine has)."""
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "ALLOWED_HOSTS": "portal.example.org",
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_settings(monkeypatch):
    """The values of portal.settings.production, loaded with a real SECRET_KEY."""
    monkeypatch.setenv("SECRET_KEY", REAL_KEY)
    importlib.reload(importlib.import_module("portal.settings.base"))
    module = importlib.reload(importlib.import_module("portal.settings.production"))
    return {name: getattr(module, name) for name in dir(module) if name.isupper()}


def test_production_settings_pass_check_deploy_without_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=REAL_KEY)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("key", ["", "short", "dev-only-secret-key-not-for-production" * 2])
def test_production_refuses_to_start_without_a_real_secret_key(key):
    result = manage("check", SECRET_KEY=key)
    assert result.returncode != 0
    assert "Set SECRET_KEY to a long random value" in result.stderr


def test_production_settings_turn_debug_off_and_enforce_https(monkeypatch):
    values = production_settings(monkeypatch)
    assert values["DEBUG"] is False
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600
    assert values["SESSION_COOKIE_NAME"].startswith("__Host-")
    assert values["CSRF_COOKIE_NAME"].startswith("__Host-")


def test_production_responses_carry_security_headers_and_host_cookies(
    client, settings, monkeypatch, professional
):
    values = production_settings(monkeypatch)
    for name in values:
        if name.startswith(("SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_", "LANGUAGE_COOKIE_")):
            setattr(settings, name, values[name])
    settings.ALLOWED_HOSTS = ["portal.example.org"]

    home = client.get("/account/login/", secure=True, headers={"host": "portal.example.org"})
    assert home.status_code == 200
    assert home["Strict-Transport-Security"] == "max-age=63072000; includeSubDomains; preload"
    assert home["X-Content-Type-Options"] == "nosniff"
    assert home["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in home["Permissions-Policy"]
    assert home["X-Frame-Options"] == "DENY"
    assert "script-src 'self';" in home["Content-Security-Policy"]

    response = client.post(
        "/account/login/",
        {"login": professional.email, "password": "Een-goed-wachtwoord-42"},
        secure=True,
        headers={"host": "portal.example.org"},
    )
    assert response.status_code == 302
    session = response.cookies["__Host-sessionid"]
    assert session["secure"] and session["httponly"] and session["path"] == "/"
    assert not session["domain"]
    csrf = home.cookies["__Host-csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["path"] == "/"

    plain = client.get("/", headers={"host": "portal.example.org"})
    assert plain.status_code == 301
    assert plain["Location"] == "https://portal.example.org/"


def test_public_pages_keep_the_strict_csp_and_only_the_admin_allows_inline_scripts(client, editor):
    public = client.get("/account/login/")["Content-Security-Policy"]
    assert "unsafe-inline" not in public
    assert "script-src 'self';" in public
    client.force_login(editor)
    admin = client.get("/admin/")["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in admin
    assert "frame-ancestors 'self'" in admin


def test_environment_values_that_make_no_sense_stop_the_start(monkeypatch):
    monkeypatch.setenv("DEBUG", "misschien")
    with pytest.raises(ImproperlyConfigured, match="DEBUG must be true or false"):
        env_bool("DEBUG")
    monkeypatch.setenv("EMAIL_PORT", "vijfentwintig")
    with pytest.raises(ImproperlyConfigured, match="EMAIL_PORT must be a whole number"):
        env_int("EMAIL_PORT", 25)


def test_site_url_sets_every_address_and_the_old_name_still_works(monkeypatch):
    monkeypatch.delenv("WAGTAILADMIN_BASE_URL", raising=False)
    monkeypatch.delenv("ACCOUNT_DEFAULT_HTTP_PROTOCOL", raising=False)
    monkeypatch.delenv("SITE_URL", raising=False)
    values = production_settings(monkeypatch)
    assert values["SITE_URL"] == values["WAGTAILADMIN_BASE_URL"] == "http://127.0.0.1:8000"
    assert values["ACCOUNT_DEFAULT_HTTP_PROTOCOL"] == "http"

    monkeypatch.setenv("SITE_URL", "https://www.example.nl/")
    values = production_settings(monkeypatch)
    assert values["SITE_URL"] == values["WAGTAILADMIN_BASE_URL"] == "https://www.example.nl"
    assert values["ACCOUNT_DEFAULT_HTTP_PROTOCOL"] == "https"

    monkeypatch.delenv("SITE_URL")
    monkeypatch.setenv("WAGTAILADMIN_BASE_URL", "https://portal.example.org")
    assert production_settings(monkeypatch)["SITE_URL"] == "https://portal.example.org"

    monkeypatch.setenv("SITE_URL", "www.example.nl")
    with pytest.raises(ImproperlyConfigured, match="SITE_URL must look like"):
        production_settings(monkeypatch)
    monkeypatch.delenv("SITE_URL")
    monkeypatch.delenv("WAGTAILADMIN_BASE_URL")
    production_settings(monkeypatch)  # leave the modules as they were


def test_with_redis_sessions_are_read_from_the_cache_and_kept_in_the_database(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/9")
    values = production_settings(monkeypatch)
    assert values["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"
    monkeypatch.delenv("REDIS_URL")
    assert production_settings(monkeypatch)["SESSION_ENGINE"] == (
        "django.contrib.sessions.backends.db"
    )
