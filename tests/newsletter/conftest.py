"""Fixtures of the newsletter tests: subscribers, topics and issues, made the same way."""

import pytest
from django.utils import timezone

from communities.models import Leerkring
from communities.newsletter import consent
from communities.newsletter.models import (
    NewsletterIndexPage,
    NewsletterIssuePage,
    Subscriber,
    SubscriberStatus,
    SubscriptionSource,
)
from portal.models import HomePage, Theme
from tests.communities.conftest import make_leerkring  # noqa: F401  (a fixture)


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
