"""Demo content of the portal itself: the themes, the home page, the standard pages
(about us, privacy, accessibility) and the site settings."""

from wagtail.models import Site

from portal.models import HomePage, SiteSettings, StandardPage, Theme

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
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts]


def heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


STANDARD_PAGES = [
    {
        "slug": "over-ons",
        "title": "Over ons",
        "show_in_menus": True,
        "intro": "Dit netwerk verbindt mensen die bij de overheid werken aan openheid. "
        "We leren van elkaar, delen wat werkt en helpen elkaar verder.",
        "body": [
            heading("Wat we doen"),
            *paragraph(
                "Wij brengen ambtenaren, bestuurders en maatschappelijke partners samen in "
                "leerkringen, bijeenkomsten en webinars. Je vindt hier praktijkverhalen, "
                "een agenda en een kaart met voorbeelden uit het hele land.",
                "Iedereen die in of met de publieke sector werkt, kan meedoen. Een account is "
                "gratis. Daarmee meld je je aan voor een leerkring of bijeenkomst.",
            ),
            heading("Open overheid in vier woorden"),
            *paragraph(
                "We werken vanuit vier uitgangspunten: <b>open contact</b>, <b>open aanpak</b>, "
                "<b>open data</b> en <b>open verantwoording</b>. Elk artikel, elke leerkring "
                "en elk initiatief op de kaart hoort bij een of meer van deze thema's.",
            ),
        ],
        "sidebar": "<p><b>Vragen?</b> Mail ons via het adres onderaan de pagina. "
        "We antwoorden binnen vijf werkdagen.</p>",
    },
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
        "slug": "toegankelijkheidsverklaring",
        "title": "Toegankelijkheidsverklaring",
        "show_in_menus": False,
        "intro": "We willen dat iedereen deze website kan gebruiken, ook met een "
        "schermlezer, alleen een toetsenbord of een vergrootglas.",
        "body": [
            heading("Welke eisen we volgen"),
            *paragraph(
                "Deze website moet voldoen aan de Europese norm EN 301 549 en daarmee aan de "
                "WCAG 2.1 op niveau AA. Elke paginasoort testen we automatisch met axe-core, "
                "en we controleren de site met het toetsenbord.",
            ),
            heading("Wat nog niet goed gaat"),
            *paragraph(
                "Oudere documenten (PDF) zijn soms niet toegankelijk. Wil je zo'n document in "
                "een andere vorm? Vraag het ons; we sturen het binnen vijf werkdagen.",
            ),
            heading("Probleem gevonden?"),
            *paragraph(
                "Loop je tegen iets aan, laat het ons weten via het e-mailadres onderaan deze "
                "pagina. We antwoorden binnen vijf werkdagen.",
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
    """Fill the home page and add the standard pages that are missing. Pages that
    exist are left as they are, so editors' changes survive a second run."""
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
