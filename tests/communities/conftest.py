"""Fixtures of the leerkringen tests: leerkringen in every sign-up mode, made the same way."""

import itertools

import pytest
from django.utils import timezone

from communities.models import Leerkring, Membership, MembershipStatus, SignupMode
from communities.newsletter import consent
from communities.newsletter.models import (
    NewsletterIndexPage,
    NewsletterIssuePage,
    Subscriber,
    SubscriberStatus,
    SubscriptionSource,
)
from portal.models import HomePage, Theme

_numbers = itertools.count(1)


def create_leerkring(**fields):
    """An open leerkring for municipalities, without a maximum."""
    number = next(_numbers)
    defaults = {
        "name": f"Leerkring gemeenten {number}",
        "slug": f"leerkring-{number}",
        "short_description": "Gemeenten leren van elkaar over actieve openbaarmaking.",
        "description": "<p>We komen elke maand samen.</p>",
        "audience": ["gemeente"],
        "signup_mode": SignupMode.OPEN,
        "meeting_rhythm": "Elke maand online",
        "contact_email": "leerkring@example.org",
    }
    defaults.update(fields)
    coordinators = defaults.pop("coordinators", [])
    themes = defaults.pop("themes", [])
    leerkring = Leerkring.objects.create(**defaults)
    # Parental many-to-many relations are written when the leerkring is saved.
    leerkring.coordinators.set(coordinators)
    leerkring.themes.set(themes)
    leerkring.save()
    return leerkring


def add_member(leerkring, user, status=MembershipStatus.ACTIVE, **fields):
    return Membership.objects.create(leerkring=leerkring, user=user, status=status, **fields)


@pytest.fixture
def make_leerkring(db):
    return create_leerkring


@pytest.fixture
def open_leerkring(make_leerkring):
    return make_leerkring(name="Open data bij gemeenten", slug="open-data-gemeenten")


@pytest.fixture
def approval_leerkring(make_leerkring, coordinator):
    return make_leerkring(
        name="Waterschappen open",
        slug="waterschappen-open",
        audience=["waterschap"],
        signup_mode=SignupMode.APPROVAL,
        coordinators=[coordinator],
    )


# The newsletter: subscribers, topics and issues, made the same way in every test.


def create_subscriber(
    email, status=SubscriberStatus.CONFIRMED, themes=(), leerkringen=(), **fields
):
    """A subscriber with a complete consent record for their status."""
    now = timezone.now()
    fields.setdefault("consent_given_at", now)
    fields.setdefault("consent_source", SubscriptionSource.PAGE)
    fields.setdefault("consent_version", consent.current_version())
    if status != SubscriberStatus.PENDING:
        fields.setdefault("confirmed_at", fields["consent_given_at"])
    if status == SubscriberStatus.UNSUBSCRIBED:
        fields.setdefault("unsubscribed_at", now)
    subscriber = Subscriber.objects.create(email=email, status=status, **fields)
    subscriber.themes.set(themes)
    subscriber.leerkringen.set(leerkringen)
    return subscriber


def create_newsletter_page():
    """The newsletter's page under the home page (made once)."""
    index = NewsletterIndexPage.objects.first()
    if index is None:
        index = NewsletterIndexPage(
            title="Nieuwsbrief", slug="nieuwsbrief", intro="<p>Elke maand het nieuws.</p>"
        )
        HomePage.objects.get().add_child(instance=index)
        index.save_revision().publish()
    return index


def create_issue(title="Nieuwsbrief maart", themes=(), leerkringen=(), publish=True, body=None):
    issue = NewsletterIssuePage(
        title=title,
        intro="Het nieuws van deze maand.",
        body=body or [{"type": "text", "value": "<p>Hallo allemaal</p>"}],
        live=False,
    )
    issue.themes = list(themes)
    issue.leerkringen = list(leerkringen)
    create_newsletter_page().add_child(instance=issue)
    revision = issue.save_revision()
    if publish:
        revision.publish()
    return NewsletterIssuePage.objects.get(pk=issue.pk)


@pytest.fixture
def make_subscriber(db):
    return create_subscriber


@pytest.fixture
def topics(db):
    """Two themes and a leerkring people can choose as newsletter topics."""
    return {
        "data": Theme.objects.create(name="Open Data", slug="open-data"),
        "contact": Theme.objects.create(name="Open Contact", slug="open-contact"),
        "kring": Leerkring.objects.create(
            name="Waterschappen open",
            slug="waterschappen-open",
            short_description="Kort",
            description="<p>x</p>",
        ),
    }
