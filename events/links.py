"""Signed links for e-mails: confirming a guest's registration and cancelling one.

The link carries the registration's token, signed with the site's secret and a
timestamp, so it cannot be guessed or altered and stops working after a while.
Opening a link changes nothing (mail scanners open links); the page it opens has a
button, and only that button's POST acts.
"""

from django.urls import reverse

from portal import links as portal_links
from portal.links import BadLink, site_url

from .models import Registration

CONFIRM = "events.confirm"
CANCEL = "events.cancel"
MAX_AGE = {
    CONFIRM: 7 * 24 * 3600,  # a guest confirms within a week
    CANCEL: 366 * 24 * 3600,  # cancelling works until long after any event
}


def sign(registration, purpose) -> str:
    return portal_links.sign(str(registration.token), purpose)


def confirm_url(registration) -> str:
    return site_url() + reverse("events:confirm", args=[sign(registration, CONFIRM)])


def cancel_url(registration) -> str:
    return site_url() + reverse("events:cancel", args=[sign(registration, CANCEL)])


def load(signed, purpose) -> Registration:
    """The registration a signed link points to; BadLink when it cannot be trusted."""
    token = portal_links.unsign(signed, purpose, MAX_AGE[purpose])
    try:
        return Registration.objects.select_related("event").get(token=token)
    except (Registration.DoesNotExist, ValueError, TypeError):
        raise BadLink() from None
