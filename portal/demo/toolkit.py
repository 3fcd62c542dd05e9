"""Demo content of the toolkit (/toolkit/): guides, templates, checklists, a self-test
and websites for open government, in plain Dutch; the files are small real PDFs
written at load time (documents.py). And a count of uses for every day of this year so
far, so the editors' report and the quarterly figures have something to show."""

import datetime
import random

from django.utils import timezone

from communities.toolkit.models import ToolkitIndexPage, ToolPage, ToolUse
from portal.models import HomePage, Theme

from .documents import load_document
from .pages import paragraph

INTRO = (
    "Handige hulpmiddelen om open te werken: handreikingen, sjablonen, checklists en "
    "websites. Gratis te gebruiken en aan te passen voor je eigen organisatie."
)

ALL_GOVERNMENT = ["gemeente", "provincie", "waterschap", "rijk", "uitvoeringsinstelling"]

TOOLS = [
    # (slug, title, kind, themes, audience, short description, body paragraphs, link)
    # A tool without a link is a PDF made from its body.
    (
        "woo-verzoek-behandelen",
        "Een Woo-verzoek behandelen: stap voor stap",
        "handreiking",
        ["actieve-openbaarmaking", "informatiehuishouding"],
        ALL_GOVERNMENT,
        "Iemand vraagt documenten op met de Wet open overheid. Wat doe je dan, en wanneer?",
        [
            "Je krijgt een verzoek binnen. Stuur binnen een paar dagen een ontvangstbevestiging "
            "en bel de verzoeker. Vaak kun je samen de vraag kleiner en duidelijker maken.",
            "Zoek daarna de documenten. Maak een lijst van alles wat je vindt. Beoordeel per "
            "document of het openbaar kan, en schrijf op waarom iets niet openbaar kan.",
            "Je hebt vier weken voor een besluit. Dat mag je één keer met twee weken verlengen. "
            "Lukt het niet, laat het de verzoeker dan op tijd weten.",
        ],
        "",
    ),
    (
        "checklist-open-data-publiceren",
        "Checklist: open data publiceren",
        "checklist",
        ["open-data"],
        ALL_GOVERNMENT,
        "Tien vragen die je nagaat voordat je een dataset online zet. Zo kan iedereen de "
        "gegevens vinden en gebruiken.",
        [
            "Staan er geen persoonsgegevens in de dataset? Heeft de dataset een duidelijke "
            "titel en een korte uitleg? Staat erbij wie hem beheert en hoe vaak hij wordt "
            "bijgewerkt?",
            "Kan een computer het bestand lezen, bijvoorbeeld als CSV of JSON? Is de licentie "
            "duidelijk, het liefst CC0? Staat de dataset op data.overheid.nl?",
            "Weet je wie de data gebruikt? Vraag om reacties en zet je contactgegevens erbij.",
        ],
        "",
    ),
    (
        "sjabloon-participatieplan",
        "Sjabloon voor een participatieplan",
        "sjabloon",
        ["participatie", "open-aanpak"],
        ["gemeente", "provincie", "waterschap"],
        "Een plan in zes stappen: wie doen er mee, waarover, hoe en wat gebeurt er met de "
        "uitkomsten?",
        [
            "Schrijf eerst op waar het project over gaat en wat al vastligt. Zo weet iedereen "
            "waarover hij nog kan meepraten.",
            "Bedenk wie er mee moeten doen: bewoners, ondernemers, organisaties. Kies per groep "
            "een manier die bij hen past, zoals een avond in de buurt of een online enquête.",
            "Spreek af hoe je laat weten wat je met de inbreng hebt gedaan. Ook als je iets "
            "niet overneemt, leg je uit waarom.",
        ],
        "",
    ),
    (
        "zelftest-hoe-open-is-jouw-organisatie",
        "Zelftest: hoe open is jouw organisatie?",
        "zelftest",
        ["open-contact", "open-aanpak", "open-data", "open-verantwoording"],
        ALL_GOVERNMENT,
        "Twintig korte vragen over de vier uitgangspunten van open overheid. Je ziet meteen "
        "waar je al goed in bent en wat je kunt verbeteren.",
        [
            "Beantwoord de vragen met je team. Het kost ongeveer een half uur. Er zijn geen "
            "goede of foute antwoorden: het gaat om een eerlijk beeld.",
            "Tel per uitgangspunt je punten op. Bij minder dan tien punten vind je achterin "
            "drie tips om mee te beginnen.",
        ],
        "",
    ),
    (
        "checklist-schrijven-op-b1-niveau",
        "Checklist: schrijven op B1-niveau",
        "checklist",
        ["open-contact", "digitale-inclusie"],
        [],
        "Schrijf brieven en webteksten die iedereen begrijpt. Met voorbeelden van moeilijke "
        "woorden en makkelijke alternatieven.",
        [
            "Gebruik korte zinnen van hoogstens vijftien woorden. Zet het belangrijkste eerst. "
            "Spreek de lezer aan met je of u, en houd dat vol.",
            "Kies gewone woorden: 'krijgen' in plaats van 'ontvangen', 'nu' in plaats van "
            "'thans'. Leg een vakwoord uit als je het toch nodig hebt.",
            "Laat je tekst lezen door iemand die het onderwerp niet kent.",
        ],
        "",
    ),
    (
        "sjabloon-inventarislijst-woo-besluit",
        "Sjabloon: inventarislijst bij een Woo-besluit",
        "sjabloon",
        ["actieve-openbaarmaking"],
        ALL_GOVERNMENT,
        "Een overzicht van alle documenten bij een besluit op een Woo-verzoek, met per "
        "document wat openbaar is en waarom.",
        [
            "Geef elk document een nummer, een datum en een korte omschrijving. Zet erbij of "
            "het helemaal, gedeeltelijk of niet openbaar wordt.",
            "Noem bij elke weigering het artikel uit de Woo. Zo kan de verzoeker controleren "
            "of de keuze klopt.",
        ],
        "",
    ),
    (
        "handreiking-subsidies-openbaar-maken",
        "Handreiking: subsidies openbaar maken",
        "handreiking",
        ["open-verantwoording", "open-data"],
        ["gemeente", "provincie"],
        "Laat zien wie subsidie krijgt, hoeveel en waarvoor. Deze handreiking helpt je om "
        "een subsidieregister te maken.",
        [
            "Begin met de subsidies van het afgelopen jaar: ontvanger, bedrag, regeling en doel. "
            "Maak de lijst elk kwartaal bij.",
            "Let op personen: noem geen namen van mensen die als privépersoon subsidie krijgen.",
            "Publiceer het register ook als open data, zodat anderen het kunnen vergelijken.",
        ],
        "",
    ),
    (
        "data-overheid-nl",
        "data.overheid.nl",
        "website",
        ["open-data"],
        [],
        "Het register van open data van de Nederlandse overheid. Zoek datasets of meld je "
        "eigen datasets aan.",
        [],
        "https://data.overheid.nl/",
    ),
    (
        "wet-open-overheid",
        "De tekst van de Wet open overheid",
        "website",
        ["actieve-openbaarmaking", "informatiehuishouding"],
        ALL_GOVERNMENT,
        "De volledige en actuele tekst van de Woo op wetten.overheid.nl.",
        [],
        "https://wetten.overheid.nl/BWBR0045754/",
    ),
    (
        "digitoegankelijk",
        "Digitoegankelijk: toegankelijke websites en apps",
        "website",
        ["digitale-inclusie", "open-contact"],
        ALL_GOVERNMENT,
        "Alles over de regels voor digitale toegankelijkheid bij de overheid, met een "
        "generator voor je toegankelijkheidsverklaring.",
        [],
        "https://www.digitoegankelijk.nl/",
    ),
]

ABOUT_THIS_FILE = (
    "Over dit document",
    "Dit document hoort bij de demo van het portaal Open Overheid. Pas het gerust aan "
    "voor je eigen organisatie.",
)
# How popular each tool is in the demo's counts: the first ones most.
POPULARITY = [1.0, 0.9, 0.8, 0.6, 0.55, 0.5, 0.4, 0.35, 0.3, 0.25]


def load():
    """Add the toolkit under the home page with its tools, unless a page has its
    address; count uses for every day of this year so far that has no count yet."""
    home = HomePage.objects.get()
    index = ToolkitIndexPage.objects.first()
    if index is None and not home.get_children().filter(slug="toolkit").exists():
        index = ToolkitIndexPage(
            title="Toolkit",
            slug="toolkit",
            show_in_menus=True,
            intro=INTRO,
            search_description=INTRO,
        )
        home.add_child(instance=index)
        index.save_revision().publish()
        _add_tools(index)
    if index is not None:
        _count_uses(index)
    return []


def _add_tools(index):
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    for slug, title, kind, theme_slugs, audience, short, body, link in TOOLS:
        tool = ToolPage(
            title=title,
            slug=slug,
            kind=kind,
            short_description=short,
            search_description=short,
            audience=audience,
            body=paragraph(*body),
            link_url=link,
            document=None if link else _document(slug, title, short, body),
        )
        tool.themes = [themes[theme] for theme in theme_slugs if theme in themes]
        index.add_child(instance=tool)
        tool.save_revision().publish()


def _document(slug, title, short, body):
    sections = [("Waar gaat dit over?", short), ("Zo werkt het", " ".join(body)), ABOUT_THIS_FILE]
    return load_document(title, f"{slug}.pdf", sections)


def _count_uses(index):
    """A made-up but steady number of uses per tool and day (the same on every run),
    from 1 January up to and including today."""
    today = timezone.localdate()
    first = today.replace(month=1, day=1)
    days = [first + datetime.timedelta(days=n) for n in range((today - first).days + 1)]
    rows = []
    for position, tool in enumerate(ToolPage.objects.child_of(index).order_by("path")):
        chance = POPULARITY[position % len(POPULARITY)] * 0.3
        for day in days:
            draw = random.Random(f"{tool.slug}-{day}")  # noqa: S311 - demo figures, not secrets
            count = sum(draw.random() < chance for _try in range(3))
            if count:
                rows.append(ToolUse(tool=tool, day=day, count=count))
    ToolUse.objects.bulk_create(rows, ignore_conflicts=True)
