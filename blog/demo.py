"""Demo content of the blog: the "Actueel" section with articles in every category,
guest blogs, authors, images drawn here with Pillow, and comments.

Idempotent: what exists already (by slug or name) is left alone, so editors' changes
survive a second run.
"""

import io
import random
from datetime import date, datetime, time, timedelta

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from portal.models import HomePage, Theme, User

from .models import ArticlePage, Author, BlogIndexPage, Category, Comment

PALETTES = [
    ("#e5f0f9", "#154273", "#01689b", "#ffb612"),
    ("#e8f4ec", "#1e6b3a", "#7fb08f", "#f3d27a"),
    ("#f7efe6", "#8a4b14", "#d9a066", "#154273"),
    ("#eef0f8", "#3b3f8f", "#9aa3d9", "#e07a5f"),
    ("#f4f6f8", "#34495e", "#86a8c5", "#c6d57e"),
]

AUTHORS = {
    "ruben": {
        "name": "Ruben de Redacteur",
        "role": "Redacteur",
        "organisation": "Expertisepunt Open Overheid",
        "bio": "Ruben schrijft over wat er in het netwerk gebeurt en zoekt altijd naar het "
        "verhaal achter een mooi voorbeeld.",
        "is_guest": False,
    },
    "noor": {
        "name": "Noor Bakker",
        "role": "Adviseur open overheid",
        "organisation": "Expertisepunt Open Overheid",
        "bio": "Noor begeleidt leerkringen en helpt gemeenten op weg met actieve openbaarmaking.",
        "is_guest": False,
    },
    "sander": {
        "name": "Sander Visser",
        "role": "Informatieadviseur",
        "organisation": "Gemeente Apeldoorn",
        "bio": "Sander werkt aan een betere informatiehuishouding en schrijft als gast over "
        "wat hij in de praktijk tegenkomt.",
        "is_guest": True,
    },
    "fatima": {
        "name": "Fatima El Amrani",
        "role": "Participatiemakelaar",
        "organisation": "Provincie Utrecht",
        "bio": "Fatima brengt inwoners en ambtenaren samen aan tafel, het liefst buiten het "
        "provinciehuis.",
        "is_guest": True,
    },
    "joost": {
        "name": "Joost van Leeuwen",
        "role": "Data-analist",
        "organisation": "Waterschap Vallei en Veluwe",
        "bio": "Joost maakt data van het waterschap vindbaar en bruikbaar voor iedereen.",
        "is_guest": True,
    },
}


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def quote(text, attribution=""):
    return {"type": "pull_quote", "value": {"quote": text, "attribution": attribution}}


def term(word, explanation):
    return {"type": "term_note", "value": {"term": word, "explanation": explanation}}


def button(text, url):
    return {"type": "call_to_action", "value": {"text": text, "page": None, "url": url}}


ARTICLES = [
    {
        "slug": "woo-verzoeken-sneller-afhandelen",
        "title": "Zo handel je Woo-verzoeken sneller af",
        "category": "blog",
        "authors": ["noor"],
        "themes": ["open-verantwoording", "actieve-openbaarmaking"],
        "tags": ["Woo", "werkproces"],
        "date": date(2026, 10, 28),
        "lead": "Veel gemeenten halen de termijn voor een Woo-verzoek niet. Drie "
        "teams vertellen hoe zij het werk anders hebben ingericht.",
        "body": [
            paragraph(
                "Een Woo-verzoek kost vaak veel meer tijd dan nodig. Documenten liggen "
                "verspreid over mailboxen en mappen, en niemand weet precies wie wat doet."
            ),
            heading("Begin bij het zoeken"),
            paragraph(
                "De teams die het snelst werken, maken eerst afspraken over waar "
                "informatie staat. Dan hoef je bij een verzoek niet overal te zoeken."
            ),
            quote(
                "We vragen nu meteen aan de indiener wat hij echt wil weten. Dat scheelt "
                "weken werk.",
                "Teamleider Woo, gemeente in Gelderland",
            ),
            term(
                "Woo",
                "De Wet open overheid. Deze wet regelt dat iedereen informatie van de "
                "overheid kan opvragen, en dat de overheid ook zelf informatie openbaar maakt.",
            ),
            paragraph(
                "Een tweede tip: lak niet alles aan het eind. Wie tijdens het verzamelen "
                "al ziet wat gevoelig is, is daarna veel sneller klaar."
            ),
        ],
    },
    {
        "slug": "open-data-waterschap",
        "title": "Gastblog: wat het waterschap leerde van open data",
        "category": "gastblog",
        "authors": ["joost"],
        "themes": ["open-data"],
        "tags": ["open data", "waterschap"],
        "date": date(2026, 10, 14),
        "lead": "Meetgegevens over waterpeil lagen jaren op de plank. Sinds ze open "
        "zijn, gebruiken boeren, scholen en app-bouwers ze elke dag.",
        "inline_image": "Meetpunt langs de rivier, als schets",
        "licence": "cc-by-4.0",
        "licence_attribution": "Joost van Leeuwen, Waterschap Vallei en Veluwe",
        "licence_source_url": "https://example.org/blog/open-data-waterschap",
        "body": [
            paragraph(
                "Toen we begonnen, dachten we dat niemand op onze meetreeksen zat te "
                "wachten. Dat bleek niet te kloppen."
            ),
            quote(
                "Het mooiste gebruik van onze data hadden we zelf nooit bedacht.",
                "Joost van Leeuwen",
            ),
            heading("Kleine stappen"),
            paragraph(
                "We publiceerden eerst één dataset, met een korte uitleg erbij. Daarna "
                "vroegen we gebruikers wat ze misten. Zo groeide het aanbod stap voor stap."
            ),
            term(
                "API",
                "Een vaste manier waarop computers gegevens bij elkaar opvragen. Een app "
                "kan zo steeds de nieuwste meting ophalen.",
            ),
            paragraph(
                "Mijn advies aan andere overheden: wacht niet tot alles perfect is. Zet "
                "het online, zeg eerlijk wat er nog niet goed is en verbeter het samen."
            ),
        ],
        "comments": [
            ("Marieke", "Heel herkenbaar! Bij ons ging het precies zo met de gegevens over afval."),
        ],
        "reply": ("Joost", "Dank je Marieke. Zullen we eens ervaringen uitwisselen?"),
    },
    {
        "slug": "inwoners-aan-tafel-in-utrecht",
        "title": "Gastblog: inwoners aan tafel, niet erachter",
        "category": "gastblog",
        "authors": ["fatima"],
        "themes": ["open-aanpak", "participatie"],
        "tags": ["participatie", "provincie"],
        "date": date(2026, 9, 30),
        "lead": "Een avond in het dorpshuis zegt meer dan tien enquêtes. Fatima El Amrani "
        "over wat er gebeurt als je echt luistert.",
        "body": [
            paragraph(
                "We hadden een mooi plan voor een nieuw fietspad. Op de eerste avond "
                "bleek dat de buurt vooral iets anders wilde: een veilige oversteek bij school."
            ),
            quote("Luisteren is geen stap in het proces. Het is het proces.", "Fatima El Amrani"),
            paragraph(
                "Dat vroeg om lef van de projectleider. Het plan ging terug naar de "
                "tekentafel, samen met drie ouders uit de buurt."
            ),
            heading("Wat werkte"),
            paragraph(
                "Kleine tafels, een kaart van de buurt en koffie. Geen presentatie vooraf. "
                "En na afloop een brief aan iedereen: dit hebben we gehoord, dit doen we ermee."
            ),
        ],
        "comments": [
            ("Henk", "Een brief achteraf, wat een goed idee. Dat vergeten we vaak."),
            ("Sanne", "Werkt dit ook bij grote projecten, denk je?"),
        ],
        "reply": ("Fatima", "Ja, maar dan met meer avonden in verschillende wijken."),
    },
    {
        "slug": "archief-op-orde-gastblog",
        "title": "Gastblog: een archief op orde begint bij de mail",
        "category": "gastblog",
        "authors": ["sander"],
        "themes": ["informatiehuishouding"],
        "tags": ["archief", "e-mail"],
        "date": date(2026, 9, 12),
        "lead": "Wie informatie wil openbaar maken, moet haar eerst kunnen vinden. "
        "Sander Visser begon bij de plek waar het meeste misgaat: de mailbox.",
        "comments_open": False,
        "body": [
            paragraph(
                "Bij ons staat veel belangrijke informatie alleen in e-mail. Als een "
                "collega vertrekt, is die kennis vaak weg."
            ),
            quote("Een mailbox is geen archief, al gebruiken we hem wel zo.", "Sander Visser"),
            paragraph(
                "We spraken af dat besluiten altijd in het zaaksysteem komen. Dat klinkt "
                "simpel, maar het vroeg om veel uitleg en een paar handige sneltoetsen."
            ),
            term(
                "Zaaksysteem",
                "Een programma waarin een overheid alle documenten over één zaak bij "
                "elkaar bewaart, bijvoorbeeld over een vergunning.",
            ),
        ],
    },
    {
        "slug": "interview-griffier-over-raadsinformatie",
        "title": "Interview: ‘Raadsinformatie is van iedereen’",
        "category": "interview",
        "authors": ["ruben"],
        "themes": ["open-verantwoording", "open-contact"],
        "tags": ["gemeenteraad", "interview"],
        "date": date(2026, 8, 27),
        "lead": "Een griffier vertelt hoe haar gemeente raadsstukken begrijpelijk maakt "
        "voor inwoners, en waarom dat ook de raad helpt.",
        "body": [
            paragraph(
                "Raadsstukken zijn vaak lang en vol vaktaal. In deze gemeente krijgt elk "
                "stuk nu een samenvatting van een halve pagina, in gewone taal."
            ),
            quote(
                "Als een inwoner het niet snapt, snapt een raadslid het vaak ook niet helemaal.",
                "De griffier",
            ),
            heading("Hoe begin je?"),
            paragraph(
                "Begin klein, zegt ze. Kies één commissie en probeer het een half jaar. "
                "Vraag daarna aan inwoners en raadsleden wat ze ervan vinden."
            ),
        ],
        "comments": [("Ahmed", "Mooi interview. Wij gaan dit voorstellen aan onze griffie.")],
    },
    {
        "slug": "verslag-landelijke-dag-open-overheid",
        "title": "Verslag: de landelijke dag over open overheid",
        "category": "verslag",
        "authors": ["noor", "ruben"],
        "themes": ["open-aanpak", "open-contact", "open-data", "open-verantwoording"],
        "tags": ["bijeenkomst", "verslag"],
        "date": date(2026, 8, 5),
        "lead": "Tweehonderd mensen uit het hele land kwamen samen in Utrecht. Een "
        "terugblik op een dag vol voorbeelden en goede gesprekken.",
        "body": [
            paragraph(
                "De dag begon met een vraag aan de zaal: waar ben je trots op? Binnen "
                "vijf minuten hingen er zestig briefjes aan de muur."
            ),
            heading("De workshops"),
            paragraph(
                "In de workshops ging het over begrijpelijke brieven, over data die "
                "iedereen kan gebruiken en over samenwerken met inwoners."
            ),
            quote("Openheid is geen project, het is een manier van werken.", "Een deelnemer"),
            button("Bekijk de agenda", "/agenda/"),
        ],
    },
    {
        "slug": "nieuwe-leerkring-provincies",
        "title": "Nieuwe leerkring voor provincies van start",
        "category": "actueel",
        "authors": ["ruben"],
        "themes": ["open-aanpak"],
        "tags": ["leerkring", "provincie"],
        "date": date(2026, 7, 16),
        "lead": "Na de zomer begint een leerkring speciaal voor medewerkers van "
        "provincies. Aanmelden kan nu.",
        "body": [
            paragraph(
                "In de leerkring werken deelnemers een jaar lang aan een eigen vraag. "
                "Ze komen zes keer bij elkaar, steeds in een andere provincie."
            ),
            button("Naar de leerkringen", "/leerkringen/"),
        ],
    },
    {
        "slug": "webinar-begrijpelijke-brieven",
        "title": "Webinar: schrijf een brief die iedereen snapt",
        "category": "agenda",
        "authors": ["noor"],
        "themes": ["open-contact", "digitale-inclusie"],
        "tags": ["taal", "webinar"],
        "date": date(2026, 7, 2),
        "lead": "In een uur leer je hoe je een brief schrijft die mensen in één keer "
        "begrijpen. Het webinar is gratis.",
        "body": [
            paragraph(
                "Veel mensen vinden brieven van de overheid moeilijk. In dit webinar "
                "laten we zien hoe het eenvoudiger kan, met voorbeelden van deelnemers."
            ),
            term(
                "Taalniveau B1",
                "Een taalniveau dat de meeste mensen in Nederland goed begrijpen: korte "
                "zinnen en bekende woorden.",
            ),
        ],
    },
    {
        "slug": "actieve-openbaarmaking-stap-voor-stap",
        "title": "Actieve openbaarmaking, stap voor stap",
        "category": "blog",
        "authors": ["noor"],
        "themes": ["actieve-openbaarmaking", "open-verantwoording"],
        "tags": ["Woo", "actieve openbaarmaking"],
        "date": date(2026, 6, 18),
        "lead": "Informatie openbaar maken voordat iemand erom vraagt: hoe pak je dat "
        "aan zonder te verdrinken in het werk?",
        "body": [
            paragraph(
                "Begin met de stukken die al bijna openbaar zijn, zoals besluiten van het "
                "college. Daar zit weinig gevoelige informatie in."
            ),
            quote("Wat je zelf openbaar maakt, hoeft niemand meer op te vragen.", "Noor Bakker"),
            paragraph(
                "Maak daarna een lijst van onderwerpen waar vaak vragen over komen. Die "
                "informatie kun je ook actief delen."
            ),
        ],
    },
    {
        "slug": "digitale-loketten-voor-iedereen",
        "title": "Digitale loketten die voor iedereen werken",
        "category": "blog",
        "authors": ["ruben"],
        "themes": ["digitale-inclusie", "open-contact"],
        "tags": ["toegankelijkheid", "dienstverlening"],
        "date": date(2026, 5, 21),
        "lead": "Niet iedereen kan online zijn zaken regelen. Drie gemeenten zoeken "
        "naar manieren om niemand buitenspel te zetten.",
        "body": [
            paragraph(
                "Een formulier dat met een schermlezer werkt, is voor iedereen "
                "makkelijker. Toegankelijkheid helpt dus niet alleen een kleine groep."
            ),
            paragraph(
                "Toch blijft een balie nodig. Sommige mensen willen gewoon iemand spreken, "
                "en dat is prima."
            ),
        ],
    },
    {
        "slug": "interview-data-analist-provincie",
        "title": "Interview: ‘Data vertellen pas iets met context’",
        "category": "interview",
        "authors": ["ruben"],
        "themes": ["open-data"],
        "tags": ["open data", "interview"],
        "date": date(2026, 4, 23),
        "lead": "Een data-analist over waarom een tabel zonder uitleg weinig zegt, en "
        "hoe je data samen met gebruikers beter maakt.",
        "body": [
            paragraph(
                "Een dataset online zetten is het begin. Wie de data gebruikt, wil weten "
                "hoe ze zijn verzameld en wat ze wel en niet laten zien."
            ),
            quote("Een goede toelichting is net zo belangrijk als de cijfers zelf."),
        ],
    },
    {
        "slug": "verslag-leerkring-gemeenten",
        "title": "Verslag: leerkring gemeenten over participatie",
        "category": "verslag",
        "authors": ["noor"],
        "themes": ["participatie", "open-aanpak"],
        "tags": ["leerkring", "participatie"],
        "date": date(2026, 3, 26),
        "lead": "De leerkring voor gemeenten sprak over het Right to Challenge. Wat "
        "gebeurt er als inwoners een taak van de gemeente overnemen?",
        "body": [
            term(
                "Right to Challenge",
                "Inwoners mogen een taak van de gemeente overnemen als zij denken dat ze "
                "het beter of goedkoper kunnen doen.",
            ),
            paragraph(
                "Een dorpsvereniging onderhoudt nu zelf het groen. Dat ging niet vanzelf: "
                "er waren afspraken nodig over geld, veiligheid en verzekering."
            ),
        ],
    },
    {
        "slug": "actueel-nieuwe-website",
        "title": "Het netwerk heeft een nieuwe website",
        "category": "actueel",
        "authors": ["ruben"],
        "themes": ["open-contact"],
        "tags": ["netwerk"],
        "date": date(2026, 2, 12),
        "lead": "Op de nieuwe website vind je artikelen, de agenda, leerkringen en een "
        "kaart met initiatieven. Laat weten wat je ervan vindt.",
        "body": [
            paragraph(
                "We hebben de website samen met leden gebouwd. Ze is toegankelijk, snel "
                "en werkt zonder trackers."
            ),
            button("Over het netwerk", "/over-ons/"),
        ],
    },
    {
        "slug": "agenda-voorjaar",
        "title": "Agenda: dit doen we in het voorjaar",
        "category": "agenda",
        "authors": ["noor"],
        "themes": ["open-aanpak"],
        "tags": ["bijeenkomst"],
        "date": date(2025, 12, 18),
        "lead": "Van een webinar over data tot een werkdag over archieven: dit staat er "
        "de komende maanden op de agenda.",
        "body": [
            paragraph(
                "We organiseren vier bijeenkomsten, verspreid over het land. Elke "
                "bijeenkomst is gratis voor leden van het netwerk."
            ),
            button("Naar de agenda", "/agenda/"),
        ],
    },
    {
        "slug": "terugblik-op-het-jaar",
        "title": "Terugblik op een jaar open overheid",
        "category": "actueel",
        "authors": ["ruben", "noor"],
        "themes": ["open-verantwoording", "open-data"],
        "tags": ["netwerk", "terugblik"],
        "date": date(2025, 12, 4),
        "lead": "Meer leden, meer leerkringen en veel mooie voorbeelden. We kijken "
        "terug op het afgelopen jaar.",
        "body": [
            paragraph(
                "Het netwerk groeide dit jaar naar ruim duizend leden. Er kwamen vier "
                "leerkringen bij en we organiseerden twaalf bijeenkomsten."
            ),
            quote("Samen leren gaat sneller dan alleen.", "Ruben de Redacteur"),
        ],
    },
]


def draw_image(title, seed, size=(1200, 675)):
    """A calm composition of circles and bands in one palette, as a Wagtail image."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    background, dark, mid, accent = PALETTES[seed % len(PALETTES)]
    canvas = PillowImage.new("RGB", size, background)
    draw = ImageDraw.Draw(canvas)
    width, height = size
    draw.rectangle([0, int(height * 0.7), width, height], fill=mid)
    for _ in range(3):
        radius = rng.randint(height // 8, height // 3)
        x, y = rng.randint(0, width), rng.randint(0, int(height * 0.7))
        draw.ellipse(
            [x - radius, y - radius, x + radius, y + radius], fill=rng.choice([dark, accent])
        )
    buffer = io.BytesIO()
    canvas.save(buffer, "PNG")
    image = Image(title=title, description=title)
    image.file = ImageFile(buffer, name=f"blog-demo-{seed}.png")
    image.save()
    return image


def image_block(image, spec):
    return {
        "type": "image",
        "value": {
            "image": image.pk,
            "alt": spec["inline_image"],
            "caption": spec["inline_image"],
            "maker": AUTHORS[spec["authors"][0]]["name"],
            "rights": "CC BY 4.0",
            "downloadable": True,
        },
    }


def load_authors():
    authors = {}
    for position, (key, spec) in enumerate(AUTHORS.items()):
        author = Author.objects.filter(name=spec["name"]).first()
        if author is None:
            photo = draw_image(f"Portret {spec['name']}", 100 + position, size=(300, 300))
            author = Author.objects.create(photo=photo, **spec)
        authors[key] = author
    return authors


def load_index():
    index = BlogIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.get()
        index = BlogIndexPage(
            title="Actueel",
            slug="actueel",
            show_in_menus=True,
            intro="Nieuws, blogs en gastblogs uit het netwerk, interviews en verslagen "
            "van bijeenkomsten.",
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def load_articles(index, authors):
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    categories = {category.slug: category for category in Category.objects.all()}
    existing = set(ArticlePage.objects.values_list("slug", flat=True))
    member = User.objects.filter(email="professional@example.org").first()
    for position, spec in enumerate(ARTICLES):
        if spec["slug"] in existing:
            continue
        image = draw_image(spec["title"], position)
        body = list(spec["body"])
        if "inline_image" in spec:
            body.insert(2, image_block(draw_image(spec["inline_image"], 50 + position), spec))
        article = ArticlePage(
            title=spec["title"],
            slug=spec["slug"],
            lead=spec["lead"],
            date=spec["date"],
            category=categories[spec["category"]],
            body=body,
            main_image=image,
            main_image_caption="Illustratie bij het artikel",
            main_image_maker="Redactie Open Overheid",
            main_image_rights="CC BY 4.0",
            comments_open=spec.get("comments_open", True),
            licence=spec.get("licence", ""),
            licence_attribution=spec.get("licence_attribution", ""),
            licence_source_url=spec.get("licence_source_url", ""),
            search_description=spec["lead"],
        )
        article.authors = [authors[key] for key in spec["authors"]]
        article.themes = [themes[slug] for slug in spec["themes"] if slug in themes]
        article.tags.add(*spec["tags"])
        index.add_child(instance=article)
        article.save_revision().publish()
        load_comments(article, spec, member)


def load_comments(article, spec, member):
    created = timezone.make_aware(datetime.combine(article.date, time(10, 30)))
    first = None
    for name, body in spec.get("comments", []):
        comment = Comment.objects.create(
            article=article,
            name=name,
            email=f"{name.lower()}@example.org",
            body=body,
            status=Comment.Status.APPROVED,
            created=created,
        )
        first = first or comment
    if first and "reply" in spec:
        name, body = spec["reply"]
        Comment.objects.create(
            article=article,
            parent=first,
            name=name,
            email=f"{name.lower()}@example.org",
            body=body,
            status=Comment.Status.APPROVED,
            created=created + timedelta(hours=3),
        )
    if first and member:
        Comment.objects.create(
            article=article,
            user=member,
            body="Dank voor het delen. Ik neem dit mee naar ons team.",
            status=Comment.Status.APPROVED,
            created=created + timedelta(days=1),
        )
    if spec.get("comments"):
        Comment.objects.create(
            article=article,
            name="Kees",
            email="kees@example.org",
            body="Waar kan ik meer lezen over dit onderwerp?",
            status=Comment.Status.PENDING,
            created=created + timedelta(days=2),
        )


def load():
    """Load the blog's demo content; it adds no accounts of its own."""
    authors = load_authors()
    index = load_index()
    load_articles(index, authors)
    return []
