"""Demo content of the leerkringen: six leerkringen for different sectors, ten demo
professionals who are members or wait for approval, testimonials and partners.

Idempotent: a leerkring that exists is left as it is (editors' changes survive), and
memberships are only added for people who never had one in that leerkring. The
texts are written for this demo.
"""

from datetime import timedelta

from django.utils import timezone

from communities.models import Leerkring, Membership, MembershipStatus, SignupMode
from portal.models import Theme, User
from portal.taxonomy import Sector

from .accounts import demo_user
from .images import meeting_scene

COORDINATOR = "coordinator@example.org"

PROFESSIONALS = [
    # (e-mail, name, organisation, job title, sector)
    (
        "anouk.visser@example.org",
        "Anouk Visser",
        "UWV",
        "Klantreisontwerper",
        "uitvoeringsinstelling",
    ),
    (
        "bram.kok@example.org",
        "Bram Kok",
        "Belastingdienst",
        "Adviseur dienstverlening",
        "uitvoeringsinstelling",
    ),
    (
        "chantal.el-amrani@example.org",
        "Chantal El Amrani",
        "Waterschap Vallei en Veluwe",
        "Omgevingsmanager",
        "waterschap",
    ),
    (
        "daan.hoekstra@example.org",
        "Daan Hoekstra",
        "Wetterskip Fryslân",
        "Communicatieadviseur",
        "waterschap",
    ),
    (
        "eva.de-boer@example.org",
        "Eva de Boer",
        "Provincie Gelderland",
        "Beleidsmedewerker open data",
        "provincie",
    ),
    (
        "frank.jansen@example.org",
        "Frank Jansen",
        "Provincie Overijssel",
        "Informatieadviseur",
        "provincie",
    ),
    (
        "gul.yilmaz@example.org",
        "Gül Yılmaz",
        "Ministerie van Binnenlandse Zaken",
        "Data-analist",
        "rijk",
    ),
    (
        "hidde.bakker@example.org",
        "Hidde Bakker",
        "Ministerie van Infrastructuur en Waterstaat",
        "Programmamanager open data",
        "rijk",
    ),
    ("ilse.mulder@example.org", "Ilse Mulder", "Gemeente Utrecht", "Participatiecoach", "gemeente"),
    ("jeroen.smit@example.org", "Jeroen Smit", "Gemeente Groningen", "Woo-coördinator", "gemeente"),
]

LEERKRINGEN = [
    {
        "slug": "uitvoeringsinstellingen",
        "name": "Leerkring Uitvoeringsinstellingen",
        "short_description": "Voor wie bij een uitvoeringsinstelling werkt aan begrijpelijke "
        "brieven, bereikbare dienstverlening en uitleg over besluiten.",
        "description": "<p>Uitvoeringsinstellingen hebben elke dag contact met miljoenen mensen. "
        "In deze leerkring bespreken we hoe je open bent over wat je doet en waarom, ook "
        "als het ingewikkeld wordt.</p><h2>Wat we doen</h2><ul><li>We nemen een echte casus "
        "mee en denken er samen over na.</li><li>We delen voorbeeldbrieven en "
        "uitleg bij besluiten.</li><li>We nodigen af en toe een burger uit die vertelt hoe "
        "het voelt aan de andere kant van het loket.</li></ul>",
        "audience": [Sector.UITVOERINGSINSTELLING],
        "themes": ["open-contact", "digitale-inclusie"],
        "signup_mode": SignupMode.APPROVAL,
        "max_members": 30,
        "meeting_rhythm": "Elke zes weken online, twee keer per jaar op locatie",
        "contact_email": "uitvoering@example.org",
        "coordinated": True,
        "partners": [("Netwerk Dienstverlening", "https://example.org/dienstverlening")],
        "testimonials": [
            (
                "Ik dacht dat onze brieven best duidelijk waren. Na één bijeenkomst had ik "
                "tien verbeterpunten, en collega's die me ermee hielpen.",
                "Anouk Visser",
                "Klantreisontwerper",
                "UWV",
            )
        ],
        "members": ["anouk.visser@example.org", "bram.kok@example.org"],
        "pending": ["jeroen.smit@example.org", "gul.yilmaz@example.org"],
    },
    {
        "slug": "waterschappen",
        "name": "Waterschappen open en dichtbij",
        "short_description": "Waterschappen leren van elkaar hoe je inwoners betrekt bij "
        "dijken, waterpeil en de waterschapsbelasting.",
        "description": "<p>Het werk van een waterschap is vaak onzichtbaar, tot het misgaat. "
        "Deze leerkring helpt je om inwoners op tijd te vertellen wat er speelt en ze mee "
        "te laten denken.</p><p>We wisselen aanpakken uit voor participatie bij "
        "dijkversterking en praten over open data over waterkwaliteit.</p>",
        "audience": [Sector.WATERSCHAP],
        "themes": ["open-aanpak", "participatie"],
        "signup_mode": SignupMode.OPEN,
        "max_members": None,
        "meeting_rhythm": "Elk kwartaal, steeds bij een ander waterschap",
        "contact_email": "waterschappen@example.org",
        "coordinated": True,
        "partners": [("Unie van Waterschappen (demo)", "")],
        "testimonials": [
            (
                "Bij een ander waterschap zag ik hoe zij een dijkproject met bewoners "
                "aanpakten. Dat hebben we bij ons bijna één op één overgenomen.",
                "Daan Hoekstra",
                "Communicatieadviseur",
                "Wetterskip Fryslân",
            )
        ],
        "members": ["chantal.el-amrani@example.org", "daan.hoekstra@example.org"],
        "pending": [],
    },
    {
        "slug": "provincies",
        "name": "Provincies samen open",
        "short_description": "Provinciale ambtenaren werken aan open verantwoording: laten "
        "zien wat de provincie doet, met welk geld en met welk resultaat.",
        "description": "<p>Statenleden, inwoners en journalisten willen weten waar het geld "
        "van de provincie naartoe gaat. In deze leerkring maken we jaarverslagen, "
        "subsidieregisters en dashboards begrijpelijker.</p>",
        "audience": [Sector.PROVINCIE],
        "themes": ["open-verantwoording", "open-data"],
        "signup_mode": SignupMode.OPEN,
        "max_members": None,
        "meeting_rhythm": "Eens per twee maanden, online",
        "contact_email": "provincies@example.org",
        "coordinated": False,
        "partners": [("Interprovinciaal Overleg (demo)", "")],
        "testimonials": [],
        "members": ["eva.de-boer@example.org", "frank.jansen@example.org"],
        "pending": [],
    },
    {
        "slug": "open-data-rijk",
        "name": "Open data bij ministeries",
        "short_description": "Voor data-specialisten bij het Rijk: samen datasets "
        "vindbaar, bruikbaar en goed beschreven publiceren.",
        "description": "<p>Veel ministeries publiceren data, maar niet altijd zo dat anderen "
        "er iets mee kunnen. We leren van elkaar over metadata, licenties en het "
        "gesprek met hergebruikers.</p><p>Elke bijeenkomst kijken we samen naar een "
        "dataset van een van de deelnemers.</p>",
        "audience": [Sector.RIJK],
        "themes": ["open-data"],
        "signup_mode": SignupMode.OPEN,
        "max_members": 25,
        "meeting_rhythm": "Maandelijks een uur online, met een datakliniek",
        "contact_email": "opendata@example.org",
        "coordinated": False,
        "partners": [
            ("Kenniscentrum Open Data (demo)", "https://example.org/open-data"),
            ("Universiteit van Demostad", ""),
        ],
        "testimonials": [
            (
                "Dankzij de datakliniek staat onze dataset nu met een duidelijke "
                "beschrijving online, en krijgen we er vragen over van onderzoekers.",
                "Hidde Bakker",
                "Programmamanager open data",
                "Ministerie van Infrastructuur en Waterstaat",
            )
        ],
        "members": ["gul.yilmaz@example.org", "hidde.bakker@example.org"],
        "pending": [],
    },
    {
        "slug": "right-to-challenge",
        "name": "Right to Challenge in gemeenten",
        "short_description": "Gemeenten en bewonersgroepen over het recht van inwoners "
        "om een taak van de gemeente over te nemen.",
        "description": "<p>Met het Right to Challenge nemen inwoners een taak over als zij "
        "het beter of goedkoper kunnen. Deze leerkring begeleidt een vaste groep "
        "gemeenten die er ervaring mee opdoen.</p><p>De groep is dit jaar vol. Volgend "
        "jaar starten we een nieuwe ronde.</p>",
        "audience": [Sector.GEMEENTE, Sector.MAATSCHAPPELIJK],
        "themes": ["participatie", "open-aanpak"],
        "signup_mode": SignupMode.CLOSED,
        "max_members": None,
        "meeting_rhythm": "Elke maand, op wisselende plekken in het land",
        "contact_email": "righttochallenge@example.org",
        "coordinated": False,
        "partners": [("Landelijk Samenwerkingsverband Actieve Bewoners (demo)", "")],
        "testimonials": [
            (
                "We leerden vooral wat je als gemeente moet loslaten. Dat was spannend, "
                "maar de bewoners deden het groenonderhoud beter dan wij.",
                "Ilse Mulder",
                "Participatiecoach",
                "Gemeente Utrecht",
            )
        ],
        "members": ["ilse.mulder@example.org"],
        "pending": [],
    },
    {
        "slug": "actieve-openbaarmaking",
        "name": "Kennisnetwerk actieve openbaarmaking",
        "short_description": "Iedereen die met de Woo werkt: samen informatie uit jezelf "
        "openbaar maken, zonder dat iemand er eerst om vraagt.",
        "description": "<p>De Wet open overheid vraagt overheden om steeds meer informatie "
        "uit zichzelf te publiceren. In dit netwerk delen Woo-coördinatoren, "
        "informatiebeheerders en juristen wat werkt.</p><ul><li>Welke documenten publiceer "
        "je eerst?</li><li>Hoe lak je zorgvuldig en snel?</li><li>Hoe richt je de "
        "informatiehuishouding zo in dat openbaar maken makkelijk wordt?</li></ul>",
        "audience": [
            Sector.RIJK,
            Sector.GEMEENTE,
            Sector.PROVINCIE,
            Sector.WATERSCHAP,
            Sector.UITVOERINGSINSTELLING,
        ],
        "themes": ["actieve-openbaarmaking", "informatiehuishouding"],
        "signup_mode": SignupMode.OPEN,
        "max_members": None,
        "meeting_rhythm": "Zes keer per jaar online, één landelijke dag",
        "contact_email": "woo-netwerk@example.org",
        "coordinated": False,
        "partners": [("Kenniscentrum Woo (demo)", "https://example.org/woo")],
        "testimonials": [
            (
                "Hier hoor je hoe anderen het echt doen, niet hoe het in de handreiking staat.",
                "Jeroen Smit",
                "Woo-coördinator",
                "Gemeente Groningen",
            )
        ],
        "members": [
            "jeroen.smit@example.org",
            "frank.jansen@example.org",
            "bram.kok@example.org",
            "chantal.el-amrani@example.org",
        ],
        "pending": [],
    },
]


def load_professionals():
    return {
        email: demo_user(
            email, full_name=name, organisation=organisation, job_title=job_title, sector=sector
        )
        for email, name, organisation, job_title, sector in PROFESSIONALS
    }


def load_leerkring(position, spec, people, coordinator):
    leerkring = Leerkring.objects.filter(slug=spec["slug"]).first()
    if leerkring is None:
        leerkring = Leerkring.objects.create(
            slug=spec["slug"],
            name=spec["name"],
            short_description=spec["short_description"],
            description=spec["description"],
            audience=spec["audience"],
            signup_mode=spec["signup_mode"],
            max_members=spec["max_members"],
            meeting_rhythm=spec["meeting_rhythm"],
            contact_email=spec["contact_email"],
            image=meeting_scene(f"Leerkring {spec['name']}", 20 + position),
        )
        leerkring.themes.set(Theme.objects.filter(slug__in=spec["themes"]))
        if spec["coordinated"] and coordinator:
            leerkring.coordinators.add(coordinator)
        for order, (name, url) in enumerate(spec["partners"]):
            leerkring.partners.create(name=name, url=url, sort_order=order)
        for order, (quote, name, role, organisation) in enumerate(spec["testimonials"]):
            leerkring.testimonials.create(
                quote=quote, name=name, role=role, organisation=organisation, sort_order=order
            )
        leerkring.save()  # a ClusterableModel keeps its children until saved
    now = timezone.now()
    already = set(leerkring.memberships.values_list("user__email", flat=True))
    for days, email in enumerate(spec["members"]):
        if email not in already:
            joined = now - timedelta(days=30 + 20 * days)
            Membership.objects.create(
                leerkring=leerkring,
                user=people[email],
                status=MembershipStatus.ACTIVE,
                created_at=joined,
                decided_at=joined,
            )
    for days, email in enumerate(spec["pending"]):
        if email not in already:
            Membership.objects.create(
                leerkring=leerkring,
                user=people[email],
                status=MembershipStatus.PENDING,
                motivation="Ik wil graag leren hoe andere organisaties dit aanpakken.",
                created_at=now - timedelta(days=2 + days),
            )
    return leerkring


def load():
    """Load the leerkringen; returns the demo professionals as (e-mail, role)."""
    people = load_professionals()
    coordinator = User.objects.filter(email=COORDINATOR).first()
    for position, spec in enumerate(LEERKRINGEN):
        load_leerkring(position, spec, people, coordinator)
    return [(email, "professional (leerkring)") for email, *_rest in PROFESSIONALS]
