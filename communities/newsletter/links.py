"""Signed links in newsletter e-mails.

A link carries the subscriber's id and address, signed with the site's secret and
a timestamp, so it cannot be guessed or altered and stops working after a while.
The confirmation link also carries the moment consent was given: signing up again
makes older confirmation links useless.

Opening a link changes nothing, because mail scanners open links: the page it opens
has a button, and only that button's POST acts. The one exception is the RFC 8058
one-click unsubscribe, which is a POST by definition.
"""

from django.urls import reverse

from portal import links as portal_links
from portal.links import BadLink, site_url

from .models import CONFIRM_DAYS, Subscriber

CONFIRM = "newsletter.confirm"
MANAGE = "newsletter.manage"
MAX_AGE = {
    CONFIRM: CONFIRM_DAYS * 24 * 3600,
    # Preferences and unsubscribe links live in people's mailboxes for a long time.
    MANAGE: 366 * 24 * 3600,
}


def _payload(subscriber, purpose) -> list:
    payload = [subscriber.pk, subscriber.email]  # as ManageLinks.of signs it too
    if purpose == CONFIRM:
        payload.append(subscriber.consent_given_at.isoformat())
    return payload


def sign(subscriber, purpose) -> str:
    return portal_links.sign(_payload(subscriber, purpose), purpose)


def confirm_url(subscriber) -> str:
    return site_url() + reverse("newsletter:confirm", args=[sign(subscriber, CONFIRM)])


def preferences_url(subscriber) -> str:
    return site_url() + reverse("newsletter:preferences", args=[sign(subscriber, MANAGE)])


def unsubscribe_url(subscriber) -> str:
    """The RFC 8058 one-click address, for the List-Unsubscribe header."""
    return site_url() + reverse("newsletter:one_click", args=[sign(subscriber, MANAGE)])


class ManageLinks:
    """The preferences and one-click unsubscribe addresses of many subscribers, as a
    mailing needs them: both addresses are looked up once, and each subscriber's
    signature, the same in both, is made once. (Looking the addresses up and signing
    cost more than the SMTP server's work for the e-mail they go in.)"""

    SLOT = "SIGNED"

    def __init__(self):
        self.preferences = site_url() + reverse("newsletter:preferences", args=[self.SLOT])
        self.unsubscribe = site_url() + reverse("newsletter:one_click", args=[self.SLOT])
        self.signer = portal_links.signer(MANAGE)

    def of(self, subscriber_id, email) -> tuple[str, str]:
        """(preferences, unsubscribe) address of one subscriber."""
        # Uncompressed: zlib cost more than the rest of a signature, and an id and an
        # address come out no shorter (Django keeps the shorter form either way).
        signed = self.signer.sign_object([subscriber_id, email])
        return self.preferences.replace(self.SLOT, signed), self.unsubscribe.replace(
            self.SLOT, signed
        )


def load(signed, purpose) -> Subscriber:
    """The subscriber a signed link points to; BadLink when it cannot be trusted."""
    payload = portal_links.unsign(signed, purpose, MAX_AGE[purpose])
    try:
        subscriber = Subscriber.objects.get(pk=payload[0], email=payload[1])
    except (Subscriber.DoesNotExist, TypeError, ValueError, IndexError):
        raise BadLink() from None
    if payload != _payload(subscriber, purpose):
        raise BadLink()
    return subscriber
