"""The newsletter: subscribers, its page and its issues."""

import factory
from django.utils import timezone

from communities.newsletter import consent
from communities.newsletter.models import (
    NewsletterIndexPage,
    NewsletterIssuePage,
    Subscriber,
    SubscriberStatus,
    SubscriptionSource,
)

from .portal import PageFactory


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber, with the consent record their status needs: confirmed
    when they gave consent (unless still pending), and unsubscribed now if they left."""

    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"lezer{n}@example.org")
    status = SubscriberStatus.CONFIRMED
    consent_given_at = factory.LazyFunction(timezone.now)
    consent_source = SubscriptionSource.PAGE
    consent_version = factory.LazyFunction(consent.current_version)
    confirmed_at = factory.LazyAttribute(
        lambda subscriber: (
            None if subscriber.status == SubscriberStatus.PENDING else subscriber.consent_given_at
        )
    )
    unsubscribed_at = factory.LazyAttribute(
        lambda subscriber: (
            timezone.now() if subscriber.status == SubscriberStatus.UNSUBSCRIBED else None
        )
    )

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def leerkringen(self, create, extracted, **kwargs):
        if extracted:
            self.leerkringen.set(extracted)


class NewsletterIndexPageFactory(PageFactory):
    """The newsletter's page under the home page; the site has one."""

    class Meta:
        model = NewsletterIndexPage

    title = "Nieuwsbrief"
    slug = "nieuwsbrief"
    intro = "<p>Elke maand het nieuws.</p>"


class NewsletterIssuePageFactory(PageFactory):
    """A published issue with one paragraph; `themes=[...]` and `leerkringen=[...]`
    choose who gets it, `publish=False` keeps it a draft."""

    class Meta:
        model = NewsletterIssuePage

    parent = factory.SubFactory(NewsletterIndexPageFactory)
    title = "Nieuwsbrief maart"
    intro = "Het nieuws van deze maand."
    body = factory.LazyFunction(lambda: [{"type": "text", "value": "<p>Hallo allemaal</p>"}])
