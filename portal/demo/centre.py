"""Demo content of the expertise centre: a knowledge broker, the conversations she had
this year and the year's targets, so the quarterly figures of the demo year look alive
next to the demo's events, articles, newsletter, toolkit and map. Written for this
demo; the people and talks are made up. Conversations are added once (none yet),
targets only where the year has none for that measure."""

import datetime

from django.contrib.auth.models import Group
from django.utils import timezone

from communities.centre.models import Conversation, Measure, Target
from communities.models import Leerkring
from events.models import Event
from initiatives.models import Initiative
from portal.models import Theme
from portal.roles import KNOWLEDGE_BROKERS
from portal.taxonomy import Sector

from .accounts import demo_user

BROKER_EMAIL = "kennismakelaar@example.org"

# (days ago, organisations, with, theme slugs, note, leerkring slug or None, event?)
CONVERSATIONS = [
    (
        300,
        "Gemeente Zwolle, Gemeente Deventer",
        "twee beleidsadviseurs",
        ["open-data"],
        "Zwolle wil haar raadsstukken als open data delen. Deventer doet dat al een jaar "
        "en vertelt graag hoe.",
        None,
        False,
    ),
    (
        240,
        "Waterschap Rivierenland",
        "adviseur communicatie",
        ["open-contact"],
        "Het waterschap zoekt manieren om inwoners eerder te betrekken bij dijkwerk. "
        "Tip gegeven: de leerkring waterschappen.",
        "waterschappen",
        False,
    ),
    (
        180,
        "Provincie Gelderland, Provincie Overijssel",
        "programmamanagers",
        ["open-aanpak"],
        "Beide provincies werken aan burgerberaden. Afgesproken samen een werksessie te houden.",
        "provincies",
        True,
    ),
    (
        120,
        "Ministerie van BZK",
        "beleidsmedewerker Woo",
        ["open-data", "open-contact"],
        "Vraag hoe gemeenten hun Woo-verzoeken bijhouden. Drie voorbeelden gedeeld.",
        None,
        True,
    ),
    (
        60,
        "Gemeente Tilburg",
        "wijkcoördinator",
        ["open-aanpak"],
        "Tilburg wil een right to challenge starten en leert van het initiatief in Rotterdam.",
        "right-to-challenge",
        False,
    ),
    (
        20,
        "UWV, Belastingdienst",
        "twee adviseurs klantcontact",
        ["open-contact"],
        "Samen gekeken naar begrijpelijke brieven. Ze sluiten aan bij de leerkring "
        "uitvoeringsinstellingen.",
        "uitvoeringsinstellingen",
        False,
    ),
    (
        5,
        "Gemeente Groningen",
        "griffier",
        ["open-data"],
        "Vraag over het openbaar maken van besluitenlijsten. Doorverwezen naar de toolkit.",
        None,
        False,
    ),
]

# The year's targets, a little above what the demo holds, as a ministry would set them.
TARGETS = {
    Measure.EVENTS: 20,
    Measure.PARTICIPANTS: 400,
    Measure.CONVERSATIONS: 12,
    Measure.TOOLKIT_USES: 1500,
    Measure.SUBSCRIBERS: 60,
    Measure.ISSUES: 6,
    Measure.ARTICLES: 24,
    Measure.INITIATIVES: 40,
}


def load():
    """The knowledge broker, her conversations and this year's targets; returns the
    demo account as (e-mail, role)."""
    broker = demo_user(
        BROKER_EMAIL,
        full_name="Kim de Kennismakelaar",
        organisation="Expertisepunt Open Overheid",
        job_title="Kennismakelaar",
        sector=Sector.RIJK,
    )
    broker.groups.add(Group.objects.get(name=KNOWLEDGE_BROKERS))
    if not Conversation.objects.exists():
        _add_conversations(broker)
    year = timezone.localdate().year
    for measure, value in TARGETS.items():
        Target.objects.get_or_create(year=year, measure=measure, defaults={"value": value})
    return [(BROKER_EMAIL, KNOWLEDGE_BROKERS)]


def _add_conversations(broker):
    today = timezone.localdate()
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    leerkringen = {leerkring.slug: leerkring for leerkring in Leerkring.objects.all()}
    initiatives = list(Initiative.objects.published().order_by("pk")[: len(CONVERSATIONS)])
    events = list(Event.objects.published().order_by("starts_at")[: len(CONVERSATIONS)])
    for number, (days, organisations, with_whom, theme_slugs, note, leerkring, event) in enumerate(
        CONVERSATIONS
    ):
        # Never before this year's first of January, so all count in the demo year.
        date = max(today - datetime.timedelta(days=days), today.replace(month=1, day=1))
        conversation = Conversation.objects.create(
            date=date,
            organisations=organisations,
            with_whom=with_whom,
            note=note,
            recorded_by=broker,
            led_to_leerkring=leerkringen.get(leerkring),
            led_to_event=events[number] if event and number < len(events) else None,
        )
        conversation.themes.set([themes[slug] for slug in theme_slugs if slug in themes])
        if number < len(initiatives):
            conversation.initiatives.add(initiatives[number])
