"""Demo content of the team page "Over ons": what the expertise centre does, its people
(fictional, with drawn portraits), its history and its partners (fictional, with drawn
wordmarks). Written for this demo."""

from portal.models import TeamMember, TeamPage, TeamPartner

from .images import portrait, wordmark

INTRO = (
    "Het Expertisepunt Open Overheid helpt mensen bij de overheid om open te werken. "
    "We brengen collega's uit het hele land bij elkaar, zodat ze van elkaar leren."
)

BODY = [
    {"type": "heading", "value": {"text": "Wat we doen", "level": "h2"}},
    {
        "type": "paragraph",
        "value": "<p>Open werken leer je niet uit een boek. Je leert het door te doen, en door "
        "te horen hoe een ander het heeft aangepakt. Daarom organiseren wij leerkringen, "
        "bijeenkomsten en webinars. We schrijven op wat we horen en zetten goede voorbeelden "
        "op de kaart.</p><p>We werken voor gemeenten, provincies, waterschappen, ministeries "
        "en uitvoeringsinstellingen. Maar ook inwoners, journalisten en onderzoekers zijn "
        "welkom. Meedoen is gratis.</p>",
    },
    {"type": "heading", "value": {"text": "Hoe we werken", "level": "h2"}},
    {
        "type": "paragraph",
        "value": "<ul><li><b>Dichtbij de praktijk.</b> Elke leerkring begint met de vragen "
        "van de deelnemers, niet met een lesprogramma.</li><li><b>Open over ons eigen "
        "werk.</b> Onze plannen, verslagen en cijfers staan op de pagina "
        '<a href="/publicaties/">Publicaties</a>.</li><li><b>Samen met anderen.</b> We '
        "werken met partners die iets weten wat wij niet weten.</li></ul>",
    },
]

PEOPLE = [
    # (name, role, bio, look of the portrait)
    (
        "Marieke Verhoef",
        "Programmaleider",
        "Marieke werkte vijftien jaar bij een gemeente, het laatst als teamleider "
        "dienstverlening. Ze zorgt dat het expertisepunt doet wat het netwerk nodig heeft.",
        "long hair",
    ),
    (
        "Noor Bakker",
        "Adviseur open overheid",
        "Noor begeleidt leerkringen en helpt gemeenten op weg met actieve openbaarmaking. "
        "Ze houdt van een goed gesprek en een kort verslag.",
        "bun",
    ),
    (
        "Yusuf Demir",
        "Communitymanager",
        "Yusuf zorgt dat nieuwe leden snel hun weg vinden. Hij koppelt mensen aan elkaar "
        "die met dezelfde vraag bezig zijn.",
        "beard",
    ),
    (
        "Lisa van der Meer",
        "Redacteur",
        "Lisa maakt de artikelen, de nieuwsbrief en de verslagen. Ze schrijft in gewone "
        "taal en vraagt net zo lang door tot het voorbeeld klopt.",
        "long hair",
    ),
    (
        "Thomas Kuiper",
        "Adviseur open data",
        "Thomas helpt organisaties om hun gegevens vindbaar en bruikbaar te maken. Hij "
        "leidt de datakliniek van de leerkring voor ministeries.",
        "short hair",
    ),
    (
        "Samira Haddou",
        "Organisator bijeenkomsten",
        "Samira regelt de bijeenkomsten, van zaal tot webinar. Ze let erop dat iedereen "
        "mee kan doen, ook wie slecht ziet of hoort.",
        "bun",
    ),
]

HISTORY = [
    (
        "2019",
        "Een klein team van het ministerie van Binnenlandse Zaken start met drie "
        "bijeenkomsten over open overheid. Er komen ruim honderd mensen op af.",
    ),
    (
        "2020",
        "De eerste leerkringen beginnen, door de coronacrisis meteen online. Dat blijkt "
        "een voordeel: collega's uit het hele land doen mee.",
    ),
    (
        "2022",
        "De Wet open overheid gaat in. Het kennisnetwerk actieve openbaarmaking groeit in "
        "een jaar naar meer dan vierhonderd leden.",
    ),
    (
        "2024",
        "Het Expertisepunt Open Overheid wordt een zelfstandig samenwerkingsverband, met "
        "partners uit de overheid, het onderwijs en de samenleving.",
    ),
    (
        "2026",
        "Het netwerk krijgt dit portaal: één plek voor artikelen, leerkringen, de agenda "
        "en de kaart met initiatieven.",
    ),
]

PARTNERS = [
    ("Stichting Open Tafel", "https://example.org/open-tafel"),
    ("Wijkdata Collectief", "https://example.org/wijkdata"),
    ("Waterlab Noord", ""),
    ("Kenniskring Heldere Taal", "https://example.org/heldere-taal"),
    ("Hogeschool Middenland", ""),
    ("Netwerk Buurtkracht", "https://example.org/buurtkracht"),
]


def load_team_page(home):
    """Add the team page under the home page, unless a page has its address."""
    if home.get_children().filter(slug="over-ons").exists():
        return
    page = TeamPage(
        title="Over ons",
        slug="over-ons",
        show_in_menus=True,
        intro=INTRO,
        search_description=INTRO,
        body=BODY,
        history=[{"type": "step", "value": {"year": y, "text": t}} for y, t in HISTORY],
    )
    page.people = [
        TeamMember(name=name, role=role, bio=bio, photo=portrait(f"Portret {name}", 200 + n, look))
        for n, (name, role, bio, look) in enumerate(PEOPLE)
    ]
    page.partners = [
        TeamPartner(name=name, url=url, logo=wordmark(name, 300 + n))
        for n, (name, url) in enumerate(PARTNERS)
    ]
    home.add_child(instance=page)
    page.save_revision().publish()
