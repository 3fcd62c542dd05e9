"""Signed links for e-mails: confirming a guest's registration and cancelling one.

The link carries the registration's token, signed with the site's secret and a
timestamp, so it cannot be guessed or altered and stops working after a while.
Opening a link changes nothing (mail scanners open links); the page it opens has a
button, and only that button's POST acts.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from .models import Registration

CONFIRM = "events.confirm"
CANCEL = "events.cancel"
MAX_AGE = {
    CONFIRM: 7 * 24 * 3600,  # a guest confirms within a week
    CANCEL: 366 * 24 * 3600,  # cancelling works until long after any event
}


class BadLink(Exception):
    """The link was altered, has expired, or its registration is gone."""

    def __init__(self, expired=False):
        super().__init__("expired" if expired else "bad signature")
        self.expired = expired


def site_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def sign(registration, purpose) -> str:
    return signing.dumps(str(registration.token), salt=purpose, compress=False)


def confirm_url(registration) -> str:
    return site_url() + reverse("events:confirm", args=[sign(registration, CONFIRM)])


def cancel_url(registration) -> str:
    return site_url() + reverse("events:cancel", args=[sign(registration, CANCEL)])


def load(signed, purpose) -> Registration:
    """The registration a signed link points to; BadLink when it cannot be trusted."""
    try:
        token = signing.loads(signed, salt=purpose, max_age=MAX_AGE[purpose])
    except signing.SignatureExpired:
        raise BadLink(expired=True) from None
    except signing.BadSignature:
        raise BadLink() from None
    try:
        return Registration.objects.select_related("event").get(token=token)
    except (Registration.DoesNotExist, ValueError, signing.BadSignature):
        raise BadLink() from None
