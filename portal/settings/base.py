"""Settings shared by every environment.

Everything that differs between machines comes from the environment; see the
configuration table in README.md. `dev`, `test` and `production` only change what
must differ between those three.
"""

from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from .environment import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The site's address as visitors reach it, for every absolute link: e-mails, feeds,
# the sitemap, canonical URLs (Wagtail's Site record follows it, see portal/sites.py).
# WAGTAILADMIN_BASE_URL, its older name, still works.
SITE_URL = env_str("SITE_URL", env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")).rstrip(
    "/"
)
if urlsplit(SITE_URL).scheme not in ("http", "https") or not urlsplit(SITE_URL).hostname:
    raise ImproperlyConfigured(f"SITE_URL must look like https://www.example.nl, not {SITE_URL!r}.")

INSTALLED_APPS = [
    "portal",
    "blog",
    "communities",
    "communities.newsletter",
    "events",
    "initiatives",
    "communities.centre",
    "communities.toolkit",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "portal.apps.UsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # runserver leaves static files to WhiteNoise, as production does.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    # The request id and one log line per request (portal/logs.py), for everything below.
    "portal.logs.RequestLogMiddleware",
    # /healthz and /readyz for the load balancer: before the HTTPS redirect, the host
    # check, the page cache and the session (portal/health.py).
    "portal.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Right after the HTTPS redirect: a page from the cache costs almost nothing.
    "portal.page_cache.PageCacheMiddleware",
    # Old WordPress addresses on the home page (/?p=123): before any page is served.
    "blog.middleware.WordPressQueryRedirectMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "portal.middleware.AdminContentSecurityPolicyMiddleware",
    "portal.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Finds the page an address shows without walking the tree every time.
    "portal.page_routes.PageRouteMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.site",
            ],
        },
    },
]

# PostgreSQL only: there is no SQLite fallback. `scripts/postgres.sh` provides a
# private cluster when DATABASE_URL is not set.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", "postgres://postgres@127.0.0.1:54329/portal"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }

# The page cache for anonymous visitors (portal/page_cache.py) lives in the default
# cache. It is never stale: a change starts a new version of what it touches (see
# portal/content_versions.py), so PAGE_CACHE_SECONDS only bounds how long an unused
# copy takes up room; 0 turns the page cache off. A proxy in front may keep a page
# PAGE_CACHE_PROXY_SECONDS without asking again: anything above 0 lets it serve a page
# up to that long after a change, since nothing purges the proxy.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 86_400)
PAGE_CACHE_PROXY_SECONDS = env_int("PAGE_CACHE_PROXY_SECONDS", 0)

# Slow work (e-mail above all) runs as Django tasks on a queue kept in PostgreSQL,
# worked off by `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

AUTH_USER_MODEL = "portal.User"
AUTHENTICATION_BACKENDS = [
    "portal.backends.CachedModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "portal.passwords.UserAttributeSimilarityValidator"},
    {
        "NAME": "portal.passwords.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "portal.passwords.CommonPasswordValidator"},
    {"NAME": "portal.passwords.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "account_profile"

# django-allauth: the e-mail address is the login and must be verified.
ACCOUNT_ADAPTER = "portal.adapters.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "portal.forms.SignupProfileForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Open Overheid] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = env_str("ACCOUNT_DEFAULT_HTTP_PROTOCOL", urlsplit(SITE_URL).scheme)
# How many reverse proxies of our own stand before the app servers; each appends the
# address it got the request from to X-Forwarded-For. Every rate limit, allauth's
# included, finds the client's address from it (portal.ratelimit.client_ip).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# allauth's own rate limits stay on (its defaults); listed here so they are visible.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploads on one machine: MEDIA_ROOT. On several app servers: an S3-compatible object
# store that all of them share (portal/storage.py); credentials as boto3 finds them
# (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the machine's role).
S3_BUCKET = env_str("S3_BUCKET")
if S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "portal.storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
            "region_name": env_str("S3_REGION") or None,
        },
    }

# E-mail goes through Django's mailers (Django 6.1). The SMTP server's details come
# from the environment; another backend (console, file) takes no options.
SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_BACKEND_PATH = env_str("EMAIL_BACKEND", SMTP_BACKEND)
MAILERS = {
    "default": {
        "BACKEND": EMAIL_BACKEND_PATH,
        "OPTIONS": {
            "host": env_str("EMAIL_HOST", "localhost"),
            "port": env_int("EMAIL_PORT", 25),
            "username": env_str("EMAIL_HOST_USER"),
            "password": env_str("EMAIL_HOST_PASSWORD"),
            "use_tls": env_bool("EMAIL_USE_TLS", False),
            "use_ssl": env_bool("EMAIL_USE_SSL", False),
            "timeout": 30,
        }
        if EMAIL_BACKEND_PATH == SMTP_BACKEND
        else {},
    }
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Open Overheid <noreply@example.org>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Where people report vulnerabilities; served in /.well-known/security.txt.
SECURITY_CONTACT = env_str("SECURITY_CONTACT", "mailto:security@example.org")
# How many newsletter e-mails one background task sends over one SMTP connection.
# Each batch builds its e-mail and claims and settles its rows once; in `make bench`
# the workers used 442-476 µs of CPU per e-mail with 200 and 360-434 µs with 500.
# A batch that dies resends nothing (communities/newsletter/sending.py).
NEWSLETTER_BATCH_SIZE = env_int("NEWSLETTER_BATCH_SIZE", 500)

WAGTAIL_SITE_NAME = "Open Overheid"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "dutch",
    }
}
WAGTAIL_I18N_ENABLED = False
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The admin uses the account log-in and password reset (see portal/urls.py).
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Security headers, strict in every environment; production adds HTTPS-only parts.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No site may frame a public page, ours included: X-Frame-Options (for old browsers)
# says what the CSP's frame-ancestors says. The admin frames its own previews, so it
# allows its own origin in both (AdminContentSecurityPolicyMiddleware).
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
# Everything is served from our own origin.
# The map of initiatives draws the Netherlands from our own vector data (static/map/).
# Tiles under it are opt-in: empty (the default) asks no other server for anything. E.g.
# OpenStreetMap: https://tile.openstreetmap.org/{z}/{x}/{y}.png with attribution
# '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'; PDOK's
# BRT-Achtergrondkaart:
# https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png
# with "Kaartgegevens &copy; Kadaster". Only the pages with a map then allow the tile
# server's origin in img-src (initiatives/basemap.py).
MAP_TILE_URL = env_str("MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = env_str("MAP_TILE_ATTRIBUTION", "")
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    # Video players load only after the reader presses play (blog's click-to-play).
    "frame-src": [CSP.SELF, "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
# The Wagtail admin needs inline scripts and styles (see AdminContentSecurityPolicyMiddleware).
ADMIN_PATH = "/admin/"
ADMIN_CSP = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "frame-ancestors": [CSP.SELF],
}
# A page previewed in the admin: the public policy, in the admin's own frame.
PREVIEW_CSP = {**SECURE_CSP, "frame-ancestors": [CSP.SELF]}
# Avatars come from our own origin only: no requests to gravatar.com.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# One line per request and per task with the request id (portal/logs.py); LOG_FORMAT=json
# writes every record as a JSON object, otherwise text with key=value fields.
LOG_FORMAT = env_str("LOG_FORMAT", "text")
if LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be text or json, not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "portal.logs.RequestIdFilter"}},
    "formatters": {
        "text": {"()": "portal.logs.TextFormatter"},
        "json": {"()": "portal.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # Wagtail logs every page edit at INFO; its audit log in the admin keeps those.
    # The task framework logs every task's start and end; failures still show, and
    # portal.tasks writes the one line per task.
    "loggers": {"wagtail": {"level": "WARNING"}, "django.tasks": {"level": "WARNING"}},
}

# Every form, allauth's included, renders through our templates in templates/django/forms/.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# Media files are served by Django only where no web server does it for us.
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)

# The agenda: reminders go out this many days before an event; attendees' personal
# details are wiped this many days after it (the counts stay).
EVENTS_REMINDER_DAYS = env_int("EVENTS_REMINDER_DAYS", 2)
EVENTS_ANONYMISE_AFTER_DAYS = env_int("EVENTS_ANONYMISE_AFTER_DAYS", 90)
