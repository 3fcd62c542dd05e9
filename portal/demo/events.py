"""Demo content of the agenda: 25 events written for this demo (sixteen past with
attendance, a few with a report; nine to come, one full with a waiting list, one
online), some 500 registrations, and the meetings of the leerkringen (past ones with
a report).

Idempotent: an event whose slug exists is left alone (editors' changes survive);
registrations are only made for events created in this run.
"""

import datetime
import itertools

from django.utils import timezone
from wagtail.models import Page

from blog.models import ArticlePage
from communities.models import Leerkring
from events.models import AMSTERDAM, Event, EventPartner, EventQuestion, Registration, YearTarget
from portal.models import Theme, User

from .images import audience_scene, meeting_scene

ORGANISER = "organisator@example.org"

FIRST_NAMES = [
    "Anna", "Bas", "Charlotte", "Dirk", "Esra", "Floor", "Gijs", "Hanna", "Imre", "Joke",
    "Karim", "Lotte", "Mohamed", "Noor", "Olaf", "Petra", "Quinten", "Roos", "Sem", "Tamara",
    "Umut", "Vera", "Wouter", "Yara",
]  # fmt: skip
LAST_NAMES = [
    "de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer",
    "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Dijk", "Dekker", "Kaya",
    "Brouwer", "de Wit", "Dijkstra",
]  # fmt: skip
ORGANISATIONS = [
    "Gemeente Amersfoort", "Gemeente Tilburg", "Provincie Zeeland", "Waterschap Aa en Maas",
    "Ministerie van Financiën", "Gemeente Leeuwarden", "Provincie Limburg", "RVO",
    "Gemeente Almere", "Open State Foundation", "Hogeschool Utrecht", "Gemeente Enschede",
]  # fmt: skip

# (slug, title, type, days from now, hours, city or None for online, capacity,
#  themes, summary)
EVENTS = [
    ("woo-in-de-praktijk-voorjaar", "Woo in de praktijk: ervaringen na twee jaar",
     "bijeenkomst", -250, 3, "Utrecht", 80, ["actieve-openbaarmaking"],
     "Gemeenten en provincies vertellen hoe ze de Woo toepassen, en waar ze nog tegenaan lopen."),
    ("webinar-open-data-starten", "Webinar: zo begin je met open data",
     "webinar", -220, 1, None, None, ["open-data"],
     "In één uur van eerste dataset naar publicatie: praktische stappen voor kleine organisaties."),
    ("leerkring-waterschappen-maart", "Leerkring waterschappen: informatie delen met inwoners",
     "leerkringbijeenkomst", -200, 2, "Tiel", 25, ["open-contact"],
     "Hoe leg je uit wat een waterschap doet? Deelnemers delen brieven, sites en ervaringen."),
    ("conferentie-open-overheid-2026", "Conferentie Open Overheid 2026",
     "conferentie", -180, 7, "Den Haag", 300, ["open-aanpak", "open-verantwoording"],
     "De jaarlijkse dag voor iedereen die werkt aan open overheid, met workshops en een markt."),
    ("werksessie-begroting-begrijpelijk", "Werksessie: een begroting die iedereen snapt",
     "werksessie", -160, 3, "Zwolle", 30, ["open-verantwoording"],
     "We maken samen een begrijpelijke versie van een echte gemeentebegroting."),
    ("participatie-in-de-wijk", "Participatie in de wijk: wat werkt echt?",
     "bijeenkomst", -140, 3, "Rotterdam", 60, ["participatie"],
     "Bewoners en ambtenaren over buurtbudgetten, wijkraden en het Right to Challenge."),
    ("webinar-archiveren-chat", "Webinar: chatberichten bewaren en archiveren",
     "webinar", -120, 1, None, None, ["informatiehuishouding"],
     "Wat moet je bewaren van berichten in chat-apps, en hoe regel je dat goed?"),
    ("leerkring-provincies-juni", "Leerkring provincies: open data over natuur",
     "leerkringbijeenkomst", -100, 2, "Arnhem", 25, ["open-data"],
     "Provincies laten zien hoe ze gegevens over natuur en stikstof openbaar maken."),
    ("digitaal-toegankelijk-voor-iedereen", "Digitaal toegankelijk voor iedereen",
     "bijeenkomst", -80, 3, "Eindhoven", 50, ["digitale-inclusie"],
     "Over formulieren, taal en hulp aan de balie: zo sluit je niemand buiten."),
    ("werksessie-open-raadsinformatie", "Werksessie: raadsinformatie open en vindbaar",
     "werksessie", -60, 3, "Amersfoort", 30, ["actieve-openbaarmaking"],
     "Griffiers en informatieadviseurs werken aan vindbare raadsstukken."),
    ("webinar-klachten-als-kans", "Webinar: klachten als kans om te leren",
     "webinar", -40, 1, None, None, ["open-contact"],
     "Wat leer je van klachten over je dienstverlening? Drie organisaties vertellen."),
    ("najaarsbijeenkomst-netwerk", "Najaarsbijeenkomst van het netwerk",
     "bijeenkomst", -20, 4, "Utrecht", 100, ["open-aanpak"],
     "Terugblik op het jaar, plannen voor volgend jaar en tijd om elkaar te spreken."),
    ("woo-verzoeken-sneller-afhandelen", "Woo-verzoeken sneller afhandelen",
     "bijeenkomst", 10, 3, "Utrecht", 30, ["actieve-openbaarmaking"],
     "Slimme werkwijzen en hulpmiddelen om Woo-verzoeken binnen de termijn af te ronden."),
    ("webinar-open-data-kwaliteit", "Webinar: de kwaliteit van je open data",
     "webinar", 17, 1, None, None, ["open-data"],
     "Hoe weet je of je data goed genoeg is? Een online sessie met tips en een checklist."),
    ("leerkring-gemeenten-winter", "Leerkring gemeenten: inwoners betrekken bij de begroting",
     "leerkringbijeenkomst", 24, 2, "Deventer", 25, ["participatie", "open-verantwoording"],
     "Gemeenten vergelijken hoe ze inwoners laten meepraten over geld."),
    ("werksessie-heldere-brieven", "Werksessie: heldere brieven schrijven",
     "werksessie", 31, 3, "Groningen", 20, ["open-contact"],
     "Neem een eigen brief mee en herschrijf hem samen met anderen op B1-niveau."),
    ("conferentie-open-overheid-2027", "Conferentie Open Overheid 2027",
     "conferentie", 60, 7, "Den Haag", 300, ["open-aanpak", "open-data"],
     "Schrijf je nu in voor de jaarlijkse conferentie, met een nieuw programma."),
    ("algoritmes-uitleggen", "Algoritmes uitleggen aan inwoners",
     "bijeenkomst", 45, 3, "Utrecht", 40, ["open-verantwoording"],
     "Hoe vertel je welke algoritmes je gebruikt, en waarom? Met voorbeelden uit het register."),
    ("webinar-informatiehuishouding-op-orde", "Webinar: je informatiehuishouding op orde",
     "webinar", 52, 1, None, None, ["informatiehuishouding"],
     "Een eerste stap naar beter bewaren en terugvinden, zonder groot project."),
    ("samen-werken-aan-inclusie", "Samen werken aan digitale inclusie",
     "bijeenkomst", 70, 3, "Leeuwarden", 60, ["digitale-inclusie"],
     "Bibliotheken, gemeenten en welzijnswerk over hulp bij digitale zaken."),
    ("leerkring-uitvoering-besluiten-uitleggen", "Leerkring uitvoering: een besluit uitleggen",
     "leerkringbijeenkomst", -90, 2, "Utrecht", 25, ["open-contact"],
     "Hoe leg je een besluit uit aan iemand die het er niet mee eens is? Met een echte casus."),
    ("leerkring-provincies-subsidieregister",
     "Leerkring provincies: een subsidieregister dat iedereen snapt",
     "leerkringbijeenkomst", -70, 2, None, 25, ["open-verantwoording"],
     "Provincies laten hun subsidieregister zien en geven elkaar tips."),
    ("leerkring-waterschappen-dijkversterking", "Leerkring waterschappen: bewoners en de dijk",
     "leerkringbijeenkomst", -45, 3, "Leeuwarden", 25, ["participatie", "open-aanpak"],
     "Op bezoek bij een dijkversterking: hoe betrek je bewoners vanaf de eerste schets?"),
    ("leerkring-waterschappen-waterkwaliteit",
     "Leerkring waterschappen: open data over waterkwaliteit",
     "leerkringbijeenkomst", 38, 3, "Zwolle", 25, ["open-data"],
     "Welke gegevens over waterkwaliteit deel je, en hoe leg je ze uit aan inwoners?"),
    ("datakliniek-open-data-rijk", "Datakliniek: beschrijf je dataset zo dat anderen hem vinden",
     "leerkringbijeenkomst", -30, 1, None, 25, ["open-data"],
     "Een deelnemer brengt een dataset mee; samen verbeteren we de beschrijving."),
]  # fmt: skip

# The leerkring each leerkring meeting belongs to, and the report of a past one (an
# article's slug, see articles.json).
MEETINGS = {
    "leerkring-waterschappen-maart": ("waterschappen", ""),
    "leerkring-waterschappen-dijkversterking": (
        "waterschappen",
        "verslag-leerkring-waterschappen-dijkversterking",
    ),
    "leerkring-waterschappen-waterkwaliteit": ("waterschappen", ""),
    "leerkring-provincies-juni": ("provincies", "verslag-leerkring-provincies-natuurdata"),
    "leerkring-provincies-subsidieregister": ("provincies", ""),
    "leerkring-uitvoering-besluiten-uitleggen": ("uitvoeringsinstellingen", ""),
    "datakliniek-open-data-rijk": ("open-data-rijk", ""),
    "leerkring-gemeenten-winter": ("right-to-challenge", ""),
}

FULL_SLUG = "woo-verzoeken-sneller-afhandelen"
ONLINE_URL = "https://vergaderen.example.org/open-overheid"
PROGRAMME = (
    "<ul><li>Inloop met koffie</li><li>Welkom en korte inleiding</li>"
    "<li>Verhalen uit de praktijk</li><li>In groepjes aan de slag</li>"
    "<li>Afsluiting en napraten</li></ul>"
)


def _people():
    """Demo attendees as (name, e-mail, organisation), always in the same order."""
    for number, (first, last) in enumerate(itertools.product(FIRST_NAMES, LAST_NAMES)):
        email = f"{first}.{last}".lower().replace(" ", "") + f".{number}@example.org"
        yield f"{first} {last}", email, ORGANISATIONS[number % len(ORGANISATIONS)]


# One picture per type of event: an audience for the talks, a table for the rest.
PICTURES = {
    "bijeenkomst": audience_scene,
    "conferentie": audience_scene,
    "webinar": meeting_scene,
    "leerkringbijeenkomst": meeting_scene,
    "werksessie": meeting_scene,
}


def _picture(kind):
    seed = 40 + list(PICTURES).index(kind)
    return PICTURES[kind](f"Agenda: {kind}", seed, filename=f"agenda-{kind}.png")


def _report_pages():
    return list(Page.objects.type(ArticlePage).live().order_by("pk")[:3])


def _start(days, hour=13):
    day = timezone.localtime(timezone.now(), AMSTERDAM).date() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, 30), tzinfo=AMSTERDAM)


def _registrations(event, people, count, now, cancellations=True):
    """`count` registrations: past events get attendance, a full event a waiting list."""
    rows = []
    for index, (name, email, organisation) in enumerate(itertools.islice(people, count)):
        registration = Registration(
            event=event,
            name=name,
            email=email,
            organisation=organisation,
            created_at=now - datetime.timedelta(days=30, minutes=index),
            confirmed_at=now - datetime.timedelta(days=30, minutes=index),
        )
        if event.is_past:
            registration.status = "no_show" if index % 9 == 4 else "attended"
            if registration.status == "attended":
                registration.checked_in_at = event.starts_at
        elif event.capacity and index >= event.capacity:
            registration.status = "waiting"
            registration.waiting_position = index - event.capacity + 1
        else:
            cancelled = cancellations and index % 11 == 10
            registration.status = "cancelled" if cancelled else "confirmed"
            if registration.status == "cancelled":
                registration.cancelled_at = now
        rows.append(registration)
    Registration.objects.bulk_create(rows)


def load():
    organiser = User.objects.filter(email=ORGANISER).first()
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    reports = iter(_report_pages())
    leerkringen = {leerkring.slug: leerkring for leerkring in Leerkring.objects.all()}
    report_slugs = [report for _leerkring, report in MEETINGS.values() if report]
    articles = {page.slug: page for page in ArticlePage.objects.filter(slug__in=report_slugs)}
    now = timezone.now()
    for number, row in enumerate(EVENTS):
        slug, title, kind, days, hours, city, capacity, theme_slugs, summary = row
        if Event.objects.filter(slug=slug).exists():
            continue
        start = _start(days, hour=10 if hours > 4 else 13)
        event = Event(
            title=title,
            slug=slug,
            event_type=kind,
            summary=summary,
            audience="Ambtenaren en andere professionals in de publieke sector.",
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=hours),
            is_online=city is None,
            online_url=ONLINE_URL if city is None else "",
            venue_name="" if city is None else "Vergadercentrum",
            venue_address="" if city is None else "Stationsplein 1",
            city=city or "",
            description="<p>Je hoort voorbeelden van collega's en gaat zelf aan de slag. "
            "Na afloop heb je ideeën die je meteen kunt gebruiken.</p><p>Deelname is gratis. "
            "Kun je toch niet? Meld je dan af, zodat iemand anders je plek krijgt.</p>",
            programme=PROGRAMME,
            capacity=capacity,
            status="published",
            ask_dietary=city is not None,
            image=_picture(kind),
        )
        if slug in MEETINGS:
            leerkring, report = MEETINGS[slug]
            event.leerkring = leerkringen.get(leerkring)
            event.report_page = articles.get(report)
        elif days < 0 and number % 4 == 0:
            event.report_page = next(reports, None)
        event.save()
        event.themes.set([themes[s] for s in theme_slugs if s in themes])
        if organiser and number % 5 != 4:
            event.organisers.set([organiser])
        if kind == "conferentie":
            event.questions.add(
                EventQuestion(
                    label="Welke workshop kies je?",
                    kind="choice",
                    choices="Open data\nParticipatie\nWoo",
                    required=True,
                )
            )
            event.partners.add(EventPartner(name="Vereniging van Nederlandse Gemeenten"))
        event.save()
        people = itertools.islice(_people(), number * 7, None)
        if slug == FULL_SLUG:
            count = capacity + 8
        elif days < 0:
            count = 22 + number % 9
        else:
            count = 10 + number % 7
        _registrations(event, people, count, now, cancellations=slug != FULL_SLUG)
    YearTarget.objects.get_or_create(
        year=timezone.localtime(now, AMSTERDAM).year,
        defaults={"events_target": 20, "participants_target": 1000},
    )
    return []
