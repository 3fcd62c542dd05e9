"""Production settings for several processes and machines: they refuse a cache that is
not shared when more than one process serves the site, and each process takes its
database connections from psycopg's pool."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.portal.test_settings import REAL_KEY, production_settings

ROOT = Path(__file__).resolve().parents[2]
LOCAL_MEMORY = "django.core.cache.backends.locmem.LocMemCache"
LOCAL_FILES = "django.core.cache.backends.filebased.FileBasedCache"


def import_production_settings(**env):
    """Import portal.settings.production in a fresh process with `env`."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "CACHE_BACKEND", "WEB_CONCURRENCY", "APP_SERVERS"}
    }
    return subprocess.run(
        [sys.executable, "-c", "import portal.settings.production"],
        cwd=ROOT,
        env={**environment, "SECRET_KEY": REAL_KEY, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "env",
    [
        {"CACHE_BACKEND": LOCAL_MEMORY, "WEB_CONCURRENCY": "4"},
        {"CACHE_BACKEND": LOCAL_MEMORY, "APP_SERVERS": "2"},
        {"CACHE_BACKEND": LOCAL_FILES, "CACHE_LOCATION": "var/cache", "APP_SERVERS": "2"},
    ],
)
def test_production_refuses_a_cache_that_is_not_shared_by_several_processes(env):
    result = import_production_settings(**env)
    assert result.returncode != 0
    assert "ImproperlyConfigured: The cache" in result.stderr
    assert "is not shared" in result.stderr and "set REDIS_URL" in result.stderr


@pytest.mark.parametrize(
    "env",
    [
        {"WEB_CONCURRENCY": "4", "APP_SERVERS": "3"},  # the database cache
        {"REDIS_URL": "redis://127.0.0.1:6379/2", "WEB_CONCURRENCY": "4", "APP_SERVERS": "3"},
        {"CACHE_BACKEND": LOCAL_MEMORY},  # one process
        {"CACHE_BACKEND": LOCAL_FILES, "CACHE_LOCATION": "var/cache", "WEB_CONCURRENCY": "4"},
    ],
)
def test_production_starts_with_a_shared_cache_or_a_single_process(env):
    result = import_production_settings(**env)
    assert result.returncode == 0, result.stderr


def test_each_process_takes_its_connections_from_a_pool(monkeypatch):
    monkeypatch.setenv("DB_POOL_MAX_SIZE", "3")
    database = production_settings(monkeypatch)["DATABASES"]["default"]
    assert database["OPTIONS"]["pool"] == {"min_size": 1, "max_size": 3, "timeout": 10}
    # Django refuses persistent connections next to its pool.
    assert database["CONN_MAX_AGE"] == 0
    assert database["CONN_HEALTH_CHECKS"] is True  # the pool checks a connection it lends


def test_the_pool_can_be_turned_off_for_pgbouncer(monkeypatch):
    monkeypatch.setenv("DB_POOL_MAX_SIZE", "0")
    monkeypatch.setenv("DATABASE_CONN_MAX_AGE", "30")
    try:
        database = production_settings(monkeypatch)["DATABASES"]["default"]
        assert "pool" not in database.get("OPTIONS", {})
        assert database["CONN_MAX_AGE"] == 30
    finally:
        monkeypatch.delenv("DB_POOL_MAX_SIZE")
        monkeypatch.delenv("DATABASE_CONN_MAX_AGE")
        production_settings(monkeypatch)  # leave the modules as they were
