"""The rules of a subscription: sign up, confirm, change topics, unsubscribe.

Signing up never tells the visitor whether an address is already known: whatever
the state, the form answers the same and the address gets one e-mail. A new or
former subscriber gets a confirmation link; someone already subscribed gets a link
to their preferences instead, so a stranger cannot change them.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import override

from portal import ratelimit
from portal.emails import send_templated_email

from . import consent, links
from .models import CONFIRM_DAYS, Subscriber, SubscriberStatus, SubscriptionSource

SIGNUPS_PER_ADDRESS = 3  # confirmation e-mails per e-mail address per hour
SIGNUPS_PER_IP = 10  # sign-ups per IP address per hour


def normalise(email: str) -> str:
    return email.strip().lower()


def allow_signup(ip_address: str) -> bool:
    return ratelimit.allow("newsletter:ip", ip_address, SIGNUPS_PER_IP, 3600)


def allow_link_request(ip_address: str) -> bool:
    return ratelimit.allow("newsletter:link-ip", ip_address, SIGNUPS_PER_IP, 3600)


def _locked_subscriber(email):
    """The subscriber with this address, locked for this transaction; a new
    (unsaved) one when the address is unknown."""
    existing = Subscriber.objects.select_for_update().filter(email__iexact=email).first()
    return existing or Subscriber(email=email)


def _give_consent(subscriber, source):
    subscriber.consent_given_at = timezone.now()
    subscriber.consent_source = source
    subscriber.consent_version = consent.current_version()
    subscriber.unsubscribed_at = None


@transaction.atomic
def subscribe(email, *, name="", themes=(), leerkringen=(), source=SubscriptionSource.PAGE):
    """A sign-up from a public form. See the module's docstring for the answer."""
    email = normalise(email)
    try:
        with transaction.atomic():
            subscriber = _locked_subscriber(email)
            if subscriber.status == SubscriberStatus.CONFIRMED and subscriber.pk:
                _mail(subscriber, "already_subscribed", links.preferences_url(subscriber))
                return
            subscriber.name = name
            subscriber.status = SubscriberStatus.PENDING
            subscriber.confirmed_at = None
            _give_consent(subscriber, source)
            subscriber.save()
    except IntegrityError:
        # Someone signed up the same address at the same moment; theirs counts.
        return
    subscriber.themes.set(themes)
    subscriber.leerkringen.set(leerkringen)
    _mail(subscriber, "confirm", links.confirm_url(subscriber))


def _mail(subscriber, kind, link):
    """Send one of the subscription e-mails, at most a few an hour per address so
    the form cannot be used to flood someone's mailbox. They are written in the
    language of the consent text the subscriber agreed to."""
    if not ratelimit.allow("newsletter:address", subscriber.email, SIGNUPS_PER_ADDRESS, 3600):
        return
    with override(consent.language_of(subscriber.consent_version)):
        send_templated_email(
            f"newsletter/emails/{kind}",
            {"subscriber": subscriber, "link": link, "days": CONFIRM_DAYS},
            to=[subscriber.email],
        )


def request_preferences_link(email) -> None:
    """E-mail a fresh link to the preferences, when the address is subscribed. The
    answer on the page is the same either way; the e-mails are rate limited per
    address like the other subscription e-mails."""
    subscriber = Subscriber.objects.confirmed().filter(email__iexact=normalise(email)).first()
    if subscriber:
        _mail(subscriber, "preferences_link", links.preferences_url(subscriber))


def confirm(subscriber) -> None:
    """The second step of the double opt-in: the button behind the e-mailed link."""
    if subscriber.status == SubscriberStatus.PENDING:
        subscriber.status = SubscriberStatus.CONFIRMED
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["status", "confirmed_at"])


@transaction.atomic
def subscribe_account(user, *, themes=(), leerkringen=()) -> Subscriber:
    """A sign-up from the account page. The account's address has been verified at
    sign-up, so this needs no confirmation e-mail."""
    subscriber = _locked_subscriber(normalise(user.email))
    subscriber.user = user
    subscriber.name = subscriber.name or user.full_name
    if subscriber.status != SubscriberStatus.CONFIRMED:
        subscriber.status = SubscriberStatus.CONFIRMED
        _give_consent(subscriber, SubscriptionSource.ACCOUNT)
        subscriber.confirmed_at = subscriber.consent_given_at
    subscriber.save()
    subscriber.themes.set(themes)
    subscriber.leerkringen.set(leerkringen)
    return subscriber


def unsubscribe(subscriber) -> None:
    if subscriber.status != SubscriberStatus.UNSUBSCRIBED:
        subscriber.status = SubscriberStatus.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["status", "unsubscribed_at"])


def subscription_of(user):
    """The subscription of an account: linked to it, or under its e-mail address."""
    return (
        Subscriber.objects.filter(user=user).first()
        or Subscriber.objects.filter(email__iexact=user.email).first()
    )


def delete_unconfirmed(now=None) -> int:
    """Forget sign-ups that were never confirmed within CONFIRM_DAYS days."""
    moment = (now or timezone.now()) - timedelta(days=CONFIRM_DAYS)
    deleted, _ = Subscriber.objects.unconfirmed_before(moment).delete()
    return deleted
