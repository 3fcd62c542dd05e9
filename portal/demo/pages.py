"""Demo content of the portal itself: the themes, the home page, the team page (about
us), the publications page, the standard pages (privacy, accessibility) and the site
settings."""

from wagtail.models import Site

from portal.models import HomePage, SiteSettings, StandardPage, Theme

from .publications import load_publications_page
from .team import load_team_page

THEMES = [
    # (name, slug, starting point, description)
    (
        "Open Contact",
        "open-contact",
        True,
        "Overheid en inwoners praten met elkaar, op tijd en in begrijpelijke taal.",
    ),
    (
        "Open Aanpak",
        "open-aanpak",
        True,
        "Samen met inwoners, bedrijven en organisaties aan beleid en uitvoering werken.",
    ),
    (
        "Open Data",
        "open-data",
        True,
        "Gegevens van de overheid vrij beschikbaar, zodat iedereen ze kan hergebruiken.",
    ),
    (
        "Open Verantwoording",
        "open-verantwoording",
        True,
        "Laten zien wat de overheid doet, waarom, en wat het kost.",
    ),
    (
        "Actieve openbaarmaking",
        "actieve-openbaarmaking",
        False,
        "Informatie uit zichzelf openbaar maken, zonder dat iemand erom vraagt.",
    ),
    (
        "Participatie",
        "participatie",
        False,
        "Inwoners doen mee: van meedenken tot zelf uitvoeren, zoals het Right to Challenge.",
    ),
    (
        "Informatiehuishouding",
        "informatiehuishouding",
        False,
        "Informatie goed bewaren en terugvinden: de basis onder openheid.",
    ),
    (
        "Digitale inclusie",
        "digitale-inclusie",
        False,
        "Niemand buitenspel: digitale diensten die voor iedereen werken.",
    ),
]


def paragraph(*texts):
    """A body stream of text blocks, one per paragraph."""
    return [
        {"type": "paragraph", "value": text if text.startswith("<ul>") else f"<p>{text}</p>"}
        for text in texts
    ]


def heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


STANDARD_PAGES = [
    {
        "slug": "privacyverklaring",
        "title": "Privacyverklaring",
        "show_in_menus": False,
        "intro": "Wij gaan zorgvuldig om met je gegevens. We vragen niet meer dan nodig is "
        "en je kunt je gegevens altijd inzien, meenemen of laten verwijderen.",
        "body": [
            heading("Welke gegevens we bewaren"),
            *paragraph(
                "Als je een account maakt, bewaren we je naam, e-mailadres, organisatie, "
                "functie en sector. Meld je je aan voor een bijeenkomst, dan bewaren we ook je "
                "antwoorden op de vragen van de organisator, zoals dieetwensen.",
                "Gegevens van deelnemers aan bijeenkomsten maken we na afloop anoniem. "
                "We tellen dan nog wel hoeveel mensen er waren.",
            ),
            heading("Waarvoor we ze gebruiken"),
            *paragraph(
                "We gebruiken je gegevens alleen om je aanmeldingen te regelen en je berichten "
                "te sturen waar je zelf om vraagt. We verkopen niets en gebruiken geen "
                "trackers of advertentiecookies.",
            ),
            heading("Je rechten"),
            *paragraph(
                "Op je accountpagina download je al je gegevens in één bestand. Daar kun je "
                "je account ook verwijderen; je gegevens zijn dan direct weg.",
            ),
        ],
    },
    {
        # In the structure of the government's model statement (toegankelijkheidsverklaring.nl):
        # status, date, how it was evaluated, known issues, what we do, contact, and the
        # complaints route.
        "slug": "toegankelijkheidsverklaring",
        "title": "Toegankelijkheidsverklaring",
        "show_in_menus": False,
        "intro": "Het Expertisepunt Open Overheid wil dat iedereen deze website kan "
        "gebruiken. Ook als je slecht ziet, slecht hoort, alleen een toetsenbord gebruikt "
        "of moeite hebt met lezen.",
        "body": [
            heading("Status: voldoet gedeeltelijk"),
            *paragraph(
                "Deze website voldoet gedeeltelijk aan de eisen. Dat is status B in de "
                "modelverklaring van de overheid. De eisen staan in de Europese norm "
                "EN 301 549 en komen overeen met de WCAG 2.1 op niveau AA. Een paar "
                "onderdelen voldoen nog niet. Die staan hieronder, met wat we eraan doen.",
            ),
            heading("Datum van deze verklaring"),
            *paragraph(
                "We hebben deze verklaring opgesteld op 2 november 2026. We kijken elk jaar "
                "opnieuw, en ook als we de website flink veranderen.",
            ),
            heading("Hoe we de toegankelijkheid hebben onderzocht"),
            *paragraph(
                "Een onafhankelijk bureau, Toegankelijk Web Onderzoek (demo), heeft de "
                "website in oktober 2026 onderzocht volgens de methode WCAG-EM. Het bureau "
                "testte 24 pagina's, met een schermlezer, met alleen een toetsenbord en "
                "met een vergroting van 400 procent.",
                "Daarnaast testen we zelf. Elke soort pagina controleren we automatisch met "
                "het programma axe-core, telkens als we iets aan de website veranderen. "
                "Nieuwe formulieren proberen we ook uit met een toetsenbord en een "
                "schermlezer.",
            ),
            heading("Wat nog niet goed gaat"),
            *paragraph(
                "<ul><li><b>Oudere documenten.</b> Sommige PDF-bestanden van voor 2024 zijn "
                "niet goed te lezen met een schermlezer. We maken ze uiterlijk in juni 2027 "
                "toegankelijk. Heb je er eerder een nodig? Vraag het ons, dan sturen we je "
                "een toegankelijke versie.</li><li><b>Video's.</b> Niet alle video's hebben "
                "ondertiteling. Bij elke nieuwe video zetten we ondertiteling en een "
                "uitgeschreven tekst. Oudere video's krijgen die voor 1 april 2027.</li>"
                "<li><b>De kaart.</b> Op de kaart met initiatieven kun je niet alle "
                "onderdelen met een toetsenbord bereiken. Onder de kaart staat daarom "
                "dezelfde informatie als lijst.</li></ul>",
            ),
            heading("Wat we doen om de website beter te maken"),
            *paragraph(
                "Redacteuren krijgen een training in toegankelijk schrijven. De website "
                "waarschuwt als een afbeelding geen beschrijving heeft. En we vragen "
                "mensen die een schermlezer gebruiken om nieuwe onderdelen mee te testen.",
            ),
            heading("Probleem gevonden? Laat het ons weten"),
            *paragraph(
                "Kun je iets op deze website niet gebruiken? Mail ons via "
                '<a href="mailto:contact@example.org">contact@example.org</a> of bel '
                "070 123 45 67 (maandag tot en met vrijdag, van 9.00 tot 17.00 uur). "
                "Vertel ons op welke pagina het was en wat er misging. Je krijgt binnen "
                "vijf werkdagen antwoord.",
            ),
            heading("Niet tevreden met ons antwoord?"),
            *paragraph(
                "Dan kun je een klacht indienen bij de Nationale ombudsman. Dat is gratis. "
                "Op de website van de Nationale ombudsman lees je hoe dat werkt.",
            ),
        ],
    },
]

HOME_INTRO = (
    "Het netwerk voor iedereen die bij de overheid werkt aan openheid. Leer van "
    "collega's in een leerkring, kom naar een bijeenkomst en ontdek wat anderen al doen."
)


def load_themes():
    for position, (name, slug, starting_point, description) in enumerate(THEMES):
        Theme.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "is_starting_point": starting_point,
                "description": description,
                "sort_order": position * 10,
            },
        )


def load_pages():
    """Fill the home page and add the pages that are missing. Pages that exist are
    left as they are, so editors' changes survive a second run."""
    home = HomePage.objects.get()
    if home.latest_revision_id is None:
        home.title = "Samen werken aan een open overheid"
        home.intro = HOME_INTRO
        home.seo_title = "Open Overheid"
        home.search_description = HOME_INTRO
        home.save_revision().publish()

    existing = set(StandardPage.objects.child_of(home).values_list("slug", flat=True))
    for spec in STANDARD_PAGES:
        if spec["slug"] in existing:
            continue
        page = StandardPage(
            slug=spec["slug"],
            title=spec["title"],
            intro=spec["intro"],
            body=spec["body"],
            sidebar=spec.get("sidebar", ""),
            show_in_menus=spec["show_in_menus"],
            search_description=spec["intro"],
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    load_team_page(home)
    load_publications_page(home)

    site = Site.objects.get(is_default_site=True)
    site.site_name = "Open Overheid"
    site.save(update_fields=["site_name"])
    settings = SiteSettings.for_site(site)
    if not settings.contact_email:
        settings.contact_email = "contact@example.org"
        settings.contact_phone = "070 123 45 67"
        settings.contact_address = "Postbus 12345\n2500 AA Den Haag"
        settings.linkedin_url = "https://www.linkedin.com/"
        settings.mastodon_url = "https://mastodon.nl/"
        settings.footer_text = (
            "Een netwerk waar mensen uit de publieke sector van elkaar leren hoe de "
            "overheid opener kan werken."
        )
        settings.save()
