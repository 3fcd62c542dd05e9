"""Demo content of the newsletter: the newsletter page, 64 subscribers in every state
spread over the past fourteen months, and two issues that were sent.

Idempotent: subscribers are added only for addresses that are not there yet, and an
issue that exists is left alone. Names and texts are written for this demo.
"""

import random
from datetime import timedelta

from django.utils import timezone

from blog.models import ArticlePage
from communities.models import Leerkring
from communities.newsletter import consent
from communities.newsletter.models import (
    Delivery,
    DeliveryStatus,
    Mailing,
    NewsletterIndexPage,
    NewsletterIssuePage,
    Subscriber,
    SubscriberStatus,
    SubscriptionSource,
)
from portal.models import HomePage, Theme

FIRST_NAMES = ["Sanne", "Joost", "Fatima", "Pieter", "Lotte", "Mehmet", "Ineke", "Ruud"]
LAST_NAMES = ["Bakker", "Vermeulen", "Yilmaz", "de Graaf", "Koster", "Postma", "Wouters", "Maas"]
# 64 subscribers: most confirmed, some waiting for confirmation, some gone again.
STATUSES = (
    [SubscriberStatus.CONFIRMED] * 46
    + [SubscriberStatus.PENDING] * 8
    + [SubscriberStatus.UNSUBSCRIBED] * 10
)

INDEX_INTRO = (
    "<p>Eens per maand het nieuws uit het netwerk in je mailbox: nieuwe artikelen, "
    "bijeenkomsten in de agenda en wat de leerkringen doen. Kies zelf over welke "
    "onderwerpen je extra berichten wilt krijgen.</p>"
)

ISSUES = [
    {
        "slug": "nieuwsbrief-september-2026",
        "title": "Nieuwsbrief september 2026: terug van vakantie",
        "intro": "Na de zomer gaan de leerkringen weer van start. In deze nieuwsbrief lees "
        "je wat er de komende maanden op de agenda staat en welke verhalen collega's "
        "deze zomer deelden.",
        "days_ago": 70,
        "text": "<p>Deze maand starten drie leerkringen met een nieuwe reeks. Ben je nog "
        "geen lid? Aanmelden kan op de pagina van elke leerkring.</p>",
    },
    {
        "slug": "nieuwsbrief-oktober-2026",
        "title": "Nieuwsbrief oktober 2026: open data in de praktijk",
        "intro": "Deze keer staat open data centraal. Een gemeente vertelt hoe ze haar "
        "begroting als open data publiceert, en je vindt de volgende bijeenkomsten in "
        "de agenda.",
        "days_ago": 38,
        "text": "<p>Open data is pas nuttig als mensen het gebruiken. Daarom vroegen we "
        "collega's wat hen hielp om te beginnen. Hun tips lees je hieronder.</p>",
    },
]


def load():
    index = _index_page()
    _subscribers()
    for spec in ISSUES:
        _sent_issue(index, spec)
    return []


def _index_page():
    index = NewsletterIndexPage.objects.first()
    if index is None:
        index = NewsletterIndexPage(title="Nieuwsbrief", slug="nieuwsbrief", intro=INDEX_INTRO)
        HomePage.objects.get().add_child(instance=index)
        index.save_revision().publish()
    return index


def _subscribers():
    chance = random.Random(7)  # the same demo every time
    themes = list(Theme.objects.all())
    leerkringen = list(Leerkring.objects.all())
    sources = [SubscriptionSource.FOOTER, SubscriptionSource.HOME, SubscriptionSource.PAGE]
    existing = set(Subscriber.objects.values_list("email", flat=True))
    now = timezone.now()
    for number, status in enumerate(STATUSES):
        first = FIRST_NAMES[number % len(FIRST_NAMES)]
        last = LAST_NAMES[number // len(FIRST_NAMES) % len(LAST_NAMES)]
        email = f"{first}.{last}.{number}@example.net".lower().replace(" ", "-")
        if email in existing:
            continue
        # Pending sign-ups are recent (older ones are deleted after seven days).
        days = (
            chance.randint(0, 6) if status == SubscriberStatus.PENDING else chance.randint(8, 420)
        )
        given = now - timedelta(days=days, minutes=chance.randint(0, 600))
        subscriber = Subscriber.objects.create(
            email=email,
            name=f"{first} {last}" if number % 3 else "",
            status=status,
            consent_given_at=given,
            consent_source=sources[number % len(sources)],
            consent_version=consent.current_version(),
            confirmed_at=None if status == SubscriberStatus.PENDING else given + timedelta(hours=2),
            unsubscribed_at=(
                given + timedelta(days=chance.randint(1, max(1, days - 1)))
                if status == SubscriberStatus.UNSUBSCRIBED
                else None
            ),
        )
        subscriber.themes.set(chance.sample(themes, k=chance.randint(0, 2)))
        subscriber.leerkringen.set(chance.sample(leerkringen, k=chance.randint(0, 1)))


def _sent_issue(index, spec):
    if NewsletterIssuePage.objects.filter(slug=spec["slug"]).exists():
        return
    articles = ArticlePage.objects.live().order_by("-date")[:3]
    issue = NewsletterIssuePage(
        title=spec["title"],
        slug=spec["slug"],
        intro=spec["intro"],
        body=[
            {"type": "text", "value": spec["text"]},
            {
                "type": "articles",
                "value": {"heading": "Om te lezen", "articles": [a.pk for a in articles]},
            },
            {
                "type": "events",
                "value": {"heading": "In de agenda", "events": [], "number": 3},
            },
            {
                "type": "call_to_action",
                "value": {"text": "Bekijk alle leerkringen", "page": None, "url": "/leerkringen/"},
            },
        ],
    )
    index.add_child(instance=issue)
    issue.save_revision().publish()
    sent_at = timezone.now() - timedelta(days=spec["days_ago"])
    subject, html, text = issue.render_email()
    mailing = Mailing.objects.create(
        issue=issue, subject=subject, html=html, text=text, started_at=sent_at, finished_at=sent_at
    )
    recipients = issue.recipients().filter(confirmed_at__lt=sent_at)
    Delivery.objects.bulk_create(
        Delivery(
            mailing=mailing,
            subscriber=subscriber,
            email=subscriber.email,
            status=DeliveryStatus.SENT,
            attempts=1,
            sent_at=sent_at,
        )
        for subscriber in recipients
    )
