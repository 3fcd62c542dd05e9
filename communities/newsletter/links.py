"""Signed links in newsletter e-mails.

A link carries the subscriber's id and address, signed with the site's secret and
a timestamp, so it cannot be guessed or altered and stops working after a while.
The confirmation link also carries the moment consent was given: signing up again
makes older confirmation links useless.

Opening a link changes nothing, because mail scanners open links: the page it opens
has a button, and only that button's POST acts. The one exception is the RFC 8058
one-click unsubscribe, which is a POST by definition.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

from .models import CONFIRM_DAYS, Subscriber

CONFIRM = "newsletter.confirm"
MANAGE = "newsletter.manage"
MAX_AGE = {
    CONFIRM: CONFIRM_DAYS * 24 * 3600,
    # Preferences and unsubscribe links live in people's mailboxes for a long time.
    MANAGE: 366 * 24 * 3600,
}


class BadLink(Exception):
    """The link was altered, has expired, or its subscriber is gone."""

    def __init__(self, expired=False):
        super().__init__("expired" if expired else "bad signature")
        self.expired = expired


def site_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def _payload(subscriber, purpose) -> list:
    payload = [subscriber.pk, subscriber.email]
    if purpose == CONFIRM:
        payload.append(subscriber.consent_given_at.isoformat())
    return payload


def sign(subscriber, purpose) -> str:
    return signing.dumps(_payload(subscriber, purpose), salt=purpose, compress=True)


def confirm_url(subscriber) -> str:
    return site_url() + reverse("newsletter:confirm", args=[sign(subscriber, CONFIRM)])


def preferences_url(subscriber) -> str:
    return site_url() + reverse("newsletter:preferences", args=[sign(subscriber, MANAGE)])


def unsubscribe_url(subscriber) -> str:
    """The RFC 8058 one-click address, for the List-Unsubscribe header."""
    return site_url() + reverse("newsletter:one_click", args=[sign(subscriber, MANAGE)])


def load(signed, purpose) -> Subscriber:
    """The subscriber a signed link points to; BadLink when it cannot be trusted."""
    try:
        payload = signing.loads(signed, salt=purpose, max_age=MAX_AGE[purpose])
    except signing.SignatureExpired:
        raise BadLink(expired=True) from None
    except signing.BadSignature:
        raise BadLink() from None
    try:
        subscriber = Subscriber.objects.get(pk=payload[0], email=payload[1])
    except (Subscriber.DoesNotExist, TypeError, ValueError, IndexError):
        raise BadLink() from None
    if payload != _payload(subscriber, purpose):
        raise BadLink()
    return subscriber
