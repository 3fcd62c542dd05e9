"""What the newsletter holds about an account holder, for their data download, and
forgetting it when they delete their account.

A subscription belongs to an account when it is linked to it, or when it is under
the account's e-mail address (someone who signed up in the footer before or after
making an account).
"""

from django.db.models import CharField, Q, Value
from django.db.models.functions import Cast, Concat

from portal.personal_data import address_matches

from . import consent
from .models import Delivery, Subscriber


def _iso(moment):
    return moment.isoformat() if moment else None


def subscriptions_of(user):
    return Subscriber.objects.filter(Q(user=user) | address_matches(user, "email"))


def export(user) -> list:
    subscribers = subscriptions_of(user).prefetch_related("themes", "leerkringen")
    return [
        {
            "email": subscriber.email,
            "name": subscriber.name,
            "status": subscriber.status,
            "themes": [theme.name for theme in subscriber.themes.all()],
            "leerkringen": [leerkring.name for leerkring in subscriber.leerkringen.all()],
            "consent": {
                "given_at": _iso(subscriber.consent_given_at),
                "form": subscriber.consent_source,
                "text_version": subscriber.consent_version,
                "text": consent.text_of(subscriber.consent_version),
                "text_language": consent.language_of(subscriber.consent_version),
                "confirmed_at": _iso(subscriber.confirmed_at),
                "unsubscribed_at": _iso(subscriber.unsubscribed_at),
            },
        }
        for subscriber in subscribers.order_by("consent_given_at")
    ]


def erase(user) -> None:
    """Delete the subscriptions; the mailings' delivery records keep their counts
    but not the address."""
    Delivery.objects.filter(
        Q(subscriber__in=subscriptions_of(user)) | address_matches(user, "email")
    ).update(email=Concat(Value("anoniem-"), Cast("id", CharField()), Value("@invalid")))
    subscriptions_of(user).delete()
