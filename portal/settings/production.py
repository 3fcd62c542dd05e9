"""Production: debug off, HTTPS only, static files compressed and fingerprinted.

The portal refuses to start without a real SECRET_KEY, and `manage.py check --deploy`
reports no warnings with these settings.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, REDIS_URL, SECRET_KEY
from .environment import env_bool, env_int, env_str

DEBUG = False

if (
    len(SECRET_KEY) < 50
    or len(set(SECRET_KEY)) < 5
    or SECRET_KEY.startswith(("dev-only", "test-only", "django-insecure"))
):
    raise ImproperlyConfigured(
        "Set SECRET_KEY to a long random value (at least 50 characters), for example "
        "with: python -c 'import secrets; print(secrets.token_urlsafe(64))'"
    )

# Behind a reverse proxy that terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 63_072_000)  # two years
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

# __Host- cookies are Secure, bound to this host and path /.
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_NAME = "__Host-csrftoken"
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_NAME = "__Host-language"

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "portal.static_files.StaticFilesStorage"},
}

# allauth's rate limits and lock-out, the page cache and the content versions live in
# the default cache; every gunicorn worker and app server must see the same one.
# Without Redis that is the database (the table comes from migration
# portal.0008_cache_table). CACHE_BACKEND (a dotted path, with CACHE_LOCATION) names
# another, e.g. Memcached.
if env_str("CACHE_BACKEND"):
    CACHES = {
        "default": {"BACKEND": env_str("CACHE_BACKEND"), "LOCATION": env_str("CACHE_LOCATION")}
    }
elif not REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }

# How many processes serve the site: gunicorn's workers on each app server
# (WEB_CONCURRENCY, which gunicorn also takes as its number of workers) and the app
# servers behind the load balancer (APP_SERVERS). With more than one, a cache that
# each process (or machine) keeps for itself would let them disagree: a change seen
# on one server and not on the next, rate limits counted per process. Refused.
WEB_CONCURRENCY = env_int("WEB_CONCURRENCY", 1)
APP_SERVERS = env_int("APP_SERVERS", 1)
LOCAL_MEMORY_CACHE = "django.core.cache.backends.locmem.LocMemCache"
LOCAL_FILE_CACHE = "django.core.cache.backends.filebased.FileBasedCache"
_cache = CACHES["default"]["BACKEND"]
if (_cache == LOCAL_MEMORY_CACHE and WEB_CONCURRENCY * APP_SERVERS > 1) or (
    _cache == LOCAL_FILE_CACHE and APP_SERVERS > 1
):
    raise ImproperlyConfigured(
        f"The cache {_cache} is not shared, but {APP_SERVERS} app server(s) with "
        f"{WEB_CONCURRENCY} gunicorn worker(s) each (APP_SERVERS, WEB_CONCURRENCY) serve "
        "this site: set REDIS_URL, or leave CACHE_BACKEND empty for the database cache."
    )

# Django's connection pool (psycopg_pool) in each process: connections are opened once
# and handed from request to request, at most DB_POOL_MAX_SIZE per process. The pool
# replaces CONN_MAX_AGE (Django refuses both). DB_POOL_MAX_SIZE=0 turns it off, e.g.
# behind pgbouncer; then DATABASE_CONN_MAX_AGE counts again. The README has the sum
# that must stay under PostgreSQL's max_connections.
DB_POOL_MAX_SIZE = env_int("DB_POOL_MAX_SIZE", 2)
if DB_POOL_MAX_SIZE > 0:
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": min(env_int("DB_POOL_MIN_SIZE", 1), DB_POOL_MAX_SIZE),
        "max_size": DB_POOL_MAX_SIZE,
        # Seconds a request waits for a free connection before it fails.
        "timeout": env_int("DB_POOL_TIMEOUT", 10),
    }

# Sessions stay in the database (they outlive a restart of Redis, which keeps nothing
# on disk), and with Redis they are read from there: one query less on every page a
# logged-in visitor sees. Without Redis the cache is the database, so nothing to gain.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if REDIS_URL
    else "django.contrib.sessions.backends.db"
)
