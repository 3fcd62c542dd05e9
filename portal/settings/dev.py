"""Development: `make run`. Debug on, e-mail printed by the worker, no HTTPS."""

from .base import *  # noqa: F403
from .environment import env_bool, env_int, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-secret-key-not-for-production")
# Without an SMTP server, the worker prints each e-mail in the terminal of `make run`.
if not env_str("EMAIL_HOST"):
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
# WhiteNoise serves static files straight from static/ (and the apps), as they change.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# No page cache while templates are being edited (runserver does not restart for
# them); PAGE_CACHE_SECONDS=86400 to try it.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0)
# Uploaded images are served by runserver itself.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
