"""Demo content of the publications page: reports, guides, research, factsheets and
annual reports, each a small real PDF written at load time (documents.py). Written for
this demo; the organisations and figures in them are made up, and each file says so."""

from datetime import date

from portal.models import Publication, PublicationsPage, Theme

from .documents import load_document

INTRO = (
    "Rapporten, handreikingen en onderzoeken uit het netwerk. Je mag ze gratis "
    "downloaden, delen en gebruiken in je eigen organisatie."
)

ABOUT_THIS_FILE = (
    "Over dit document",
    "Dit document hoort bij de demo van het portaal Open Overheid. De organisaties, "
    "namen en cijfers zijn verzonnen. Wil je dit document in een andere vorm, "
    "bijvoorbeeld met grotere letters? Mail ons, dan sturen we het je toe.",
)

PUBLICATIONS = [
    # (title, kind, date, theme, summary, what it holds)
    (
        "Stand van open verantwoording bij provincies",
        "rapport",
        date(2026, 10, 5),
        "open-verantwoording",
        "Hoe laten provincies zien waar hun geld naartoe gaat? We bekeken de "
        "jaarverslagen en websites van alle twaalf provincies.",
        "Elf van de twaalf provincies hebben een overzicht van hun subsidies online. Maar "
        "wie wil weten wat een subsidie heeft opgeleverd, vindt dat bijna nergens. Het "
        "rapport geeft vijf voorbeelden die laten zien dat het wel kan, en tips om zelf te "
        "beginnen.",
    ),
    (
        "Open data bij waterschappen",
        "factsheet",
        date(2026, 9, 10),
        "open-data",
        "Welke gegevens delen waterschappen al, en welke vragen mensen het vaakst? Alles op "
        "twee pagina's.",
        "De meest gevraagde gegevens gaan over waterkwaliteit, waterpeil en de staat van "
        "dijken. De meeste waterschappen publiceren die al, maar niet altijd in een vorm "
        "die een computer kan lezen. De factsheet noemt de drie stappen die het meeste "
        "opleveren.",
    ),
    (
        "Actieve openbaarmaking voor kleine gemeenten",
        "handreiking",
        date(2026, 6, 2),
        "actieve-openbaarmaking",
        "Een praktische handreiking voor gemeenten met een klein team: welke documenten "
        "maak je eerst openbaar, en hoe houd je het vol?",
        "Begin met wat toch al openbaar is, zoals raadsstukken en beleidsnota's. Zet ze op "
        "één vaste plek, met een duidelijke titel en datum. Spreek af wie wat doet, en "
        "kijk na drie maanden samen wat goed ging. De handreiking bevat een planning voor "
        "het eerste jaar.",
    ),
    (
        "Jaarverslag 2025: een jaar leren van elkaar",
        "jaarverslag",
        date(2026, 3, 16),
        "open-aanpak",
        "Wat deed het expertisepunt in 2025, met wie en met welk geld? Met cijfers over "
        "leerkringen, bijeenkomsten en bezoekers.",
        "In 2025 kwamen ruim 2.400 mensen naar een van onze 38 bijeenkomsten. Er liepen "
        "negen leerkringen. We gaven 412.000 euro uit, waarvan het grootste deel aan "
        "bijeenkomsten en begeleiding. Deelnemers gaven ons gemiddeld een 8,1.",
    ),
    (
        "Chatberichten bewaren: zo regel je het",
        "handreiking",
        date(2026, 1, 28),
        "informatiehuishouding",
        "Berichten in chat-apps kunnen net zo belangrijk zijn als e-mail. Deze handreiking "
        "legt uit wat je moet bewaren en hoe.",
        "Bewaar een bericht als het iets zegt over een besluit of een afspraak. Zet het "
        "binnen een week in het systeem van je organisatie. Maak afspraken met je team "
        "over welke apps je voor werk gebruikt. De handreiking heeft een stappenplan en "
        "een voorbeeld van een werkinstructie.",
    ),
    (
        "Hoe lezen inwoners een brief van de overheid?",
        "onderzoek",
        date(2025, 11, 20),
        "open-contact",
        "Veertig inwoners lazen hardop een brief van hun gemeente. Wat begrepen ze wel, "
        "en waar haakten ze af?",
        "De meeste mensen lazen alleen de eerste alinea en de laatste zin. Ze wilden vooral "
        "weten: wat moet ik doen, en voor wanneer? Brieven die dat bovenaan zetten, werden "
        "veel beter begrepen. Het onderzoek geeft tien tips voor een heldere brief.",
    ),
    (
        "Participatie in de wijk: wat tien jaar ons leerde",
        "rapport",
        date(2025, 5, 12),
        "participatie",
        "Tien gemeenten kijken terug op tien jaar buurtbudgetten, wijkraden en het Right "
        "to Challenge.",
        "Participatie werkt het best als inwoners echt iets te zeggen hebben, en als de "
        "gemeente vooraf zegt wat er met hun inbreng gebeurt. Waar dat ontbrak, haakten "
        "mensen af. Het rapport beschrijft per gemeente wat werkte en wat niet.",
    ),
    (
        "Jaarverslag 2024",
        "jaarverslag",
        date(2025, 3, 20),
        "open-aanpak",
        "Het eerste jaar als zelfstandig samenwerkingsverband: wat we deden en wat het kostte.",
        "In 2024 werd het expertisepunt zelfstandig. Zes partners sloten zich aan. We "
        "organiseerden 31 bijeenkomsten voor 1.900 mensen en startten twee nieuwe "
        "leerkringen, voor waterschappen en voor ministeries.",
    ),
    (
        "Digitale inclusie in cijfers",
        "factsheet",
        date(2024, 10, 3),
        "digitale-inclusie",
        "Hoeveel mensen hebben moeite met digitale zaken van de overheid? De belangrijkste "
        "cijfers op een rij.",
        "Ongeveer een op de vijf volwassenen vindt het lastig om zelf iets digitaal te "
        "regelen met de overheid. Vooral ouderen en mensen die moeite hebben met lezen "
        "vragen vaak hulp aan familie of aan de bibliotheek. De factsheet zet ook "
        "landelijke hulppunten op een rij.",
    ),
]


def _sections(summary, body):
    return [("Waar gaat dit over?", summary), ("Wat staat erin?", body), ABOUT_THIS_FILE]


def load_publications_page(home):
    """Add the publications page under the home page, unless a page has its address."""
    if home.get_children().filter(slug="publicaties").exists():
        return
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    page = PublicationsPage(
        title="Publicaties",
        slug="publicaties",
        show_in_menus=False,
        intro=INTRO,
        search_description=INTRO,
    )
    page.publications = [
        Publication(
            title=title,
            kind=kind,
            published=published,
            theme=themes.get(theme),
            summary=summary,
            document=load_document(title, f"publicatie-{number + 1}.pdf", _sections(summary, body)),
        )
        for number, (title, kind, published, theme, summary, body) in enumerate(PUBLICATIONS)
    ]
    home.add_child(instance=page)
    page.save_revision().publish()
