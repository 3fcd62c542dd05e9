"""Demo content of the map: some 130 initiatives all over the country, written for
this demo. They are made from topics, places and organisation types in turn, so every
province, theme and type of organisation appears. Idempotent: an initiative whose
slug exists is left alone, so editors' changes survive a second run.
"""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify

from initiatives.models import Initiative, Municipality
from portal.models import Theme
from portal.taxonomy import Province, Sector

# (title, summary, description, theme slugs). {place} is the municipality, {org} the
# organisation.
TOPICS = [
    (
        "Raadsstukken als open data in {place}",
        "Alle agenda's, besluiten en moties van de raad staan als open data online.",
        "{org} zet alle stukken van de gemeenteraad als open data online. Iedereen kan ze "
        "doorzoeken, downloaden en hergebruiken, ook journalisten en inwoners.\n\n"
        "Een kleine groep vrijwilligers maakte er een overzichtelijke zoekpagina bij.",
        ["open-data", "open-verantwoording"],
    ),
    (
        "De begroting van {place} in één oogopslag",
        "Een website laat in plaatjes zien waar het geld naartoe gaat.",
        "Hoeveel geld gaat er naar zorg, wegen of cultuur? {org} laat het zien op een "
        "website met duidelijke grafieken, per jaar en per thema.\n\n"
        "Inwoners kunnen bij elk onderdeel een vraag stellen. Het antwoord komt binnen twee "
        "weken online te staan.",
        ["open-verantwoording", "open-data"],
    ),
    (
        "Inwonerspanel {place} denkt mee",
        "Zo'n duizend inwoners geven een paar keer per jaar hun mening over plannen.",
        "Het inwonerspanel van {org} krijgt vier keer per jaar een korte vragenlijst. "
        "De uitkomsten gaan naar het bestuur en staan openbaar op de website.\n\n"
        "Na elke ronde hoort het panel wat er met hun antwoorden is gedaan.",
        ["open-aanpak", "participatie"],
    ),
    (
        "Buurthuis in eigen beheer in {place}",
        "Bewoners nemen met het Right to Challenge het beheer van hun buurthuis over.",
        "Bewoners vonden dat ze hun buurthuis beter zelf konden runnen. Met het Right to "
        "Challenge kregen ze het budget en de sleutels.\n\n"
        "{org} hielp met een plan en blijft meekijken. Het buurthuis is nu zes dagen per "
        "week open.",
        ["participatie", "open-aanpak"],
    ),
    (
        "Woo-besluiten van {place} direct online",
        "Elk besluit op een Woo-verzoek staat binnen een week openbaar online.",
        "{org} publiceert alle besluiten op Woo-verzoeken, met de vrijgegeven documenten. "
        "Zo hoeft niemand een tweede keer om dezelfde informatie te vragen.\n\n"
        "Een overzicht laat zien hoeveel verzoeken er zijn en hoe snel ze worden afgehandeld.",
        ["actieve-openbaarmaking", "open-verantwoording"],
    ),
    (
        "Brieven in gewone taal bij {org}",
        "Alle standaardbrieven zijn herschreven op taalniveau B1, samen met inwoners.",
        "Veel mensen begrepen de brieven van {org} niet goed. Een team schreef ze opnieuw, "
        "samen met inwoners die meelazen.\n\n"
        "Er komen nu minder telefoontjes met vragen binnen, en minder bezwaren.",
        ["open-contact"],
    ),
    (
        "Burgerberaad over de energietransitie in {place}",
        "Honderd ingelote inwoners adviseren over de overstap naar schone energie.",
        "{org} liet honderd inwoners loten voor een burgerberaad. Ze spraken met experts en "
        "met elkaar, en schreven samen een advies.\n\n"
        "Het bestuur heeft beloofd op elk punt van het advies openbaar te reageren.",
        ["open-aanpak", "participatie"],
    ),
    (
        "Open data over waterkwaliteit rond {place}",
        "Metingen van sloten, vaarten en plassen staan elke dag vernieuwd online.",
        "{org} meet de kwaliteit van het water op tientallen plekken. Die metingen staan nu "
        "als open data online, met een kaart erbij.\n\n"
        "Scholen gebruiken de gegevens in de les, en zwemmers kijken waar het water schoon is.",
        ["open-data"],
    ),
    (
        "Digitaal spreekuur in de bibliotheek van {place}",
        "Hulp bij DigiD, toeslagen en online formulieren, zonder afspraak.",
        "Niet iedereen redt het alleen met digitale zaken van de overheid. In de bibliotheek "
        "helpen vrijwilligers en medewerkers van {org} elke week.\n\n"
        "Bezoekers leren er ook zelf hoe ze inloggen en formulieren invullen.",
        ["digitale-inclusie", "open-contact"],
    ),
    (
        "Chatberichten goed bewaard bij {org}",
        "Een eenvoudige werkwijze om ook chat en sms van bestuurders te bewaren.",
        "Informatie die in chatberichten staat, hoort net zo goed bewaard te worden. "
        "{org} maakte een werkwijze die simpel genoeg is om echt te gebruiken.\n\n"
        "Elke maand zetten medewerkers hun werkberichten in het archief. Dat kost een paar "
        "minuten.",
        ["informatiehuishouding"],
    ),
    (
        "Algoritmeregister van {org}",
        "Een openbaar overzicht van de algoritmes die de organisatie gebruikt.",
        "Welke algoritmes gebruikt {org}, waarvoor, en wie is verantwoordelijk? Het staat in "
        "een openbaar register, in begrijpelijke taal.\n\n"
        "Bij elk algoritme staat ook hoe je bezwaar maakt als je het niet eens bent met een "
        "uitkomst.",
        ["open-verantwoording", "actieve-openbaarmaking"],
    ),
    (
        "Raadsvergaderingen in {place} met ondertiteling",
        "Alle vergaderingen zijn live te volgen, met ondertitels en een samenvatting.",
        "{org} zendt alle vergaderingen live uit, met automatische ondertiteling die een "
        "medewerker controleert.\n\n"
        "Na afloop komt er een korte samenvatting in gewone taal online.",
        ["open-contact", "digitale-inclusie"],
    ),
    (
        "Samen de omgevingsvisie van {place} maken",
        "Inwoners, ondernemers en organisaties schrijven mee aan de toekomst van hun omgeving.",
        "Voor de nieuwe omgevingsvisie organiseerde {org} avonden in elke wijk en een online "
        "platform om ideeën te delen.\n\n"
        "Alle reacties staan openbaar online, met wat ermee is gedaan.",
        ["open-aanpak", "participatie"],
    ),
    (
        "Subsidieregister van {org}",
        "Wie kreeg welke subsidie, en waarvoor? Het staat allemaal in één overzicht.",
        "{org} publiceert alle verleende subsidies in een register dat je kunt doorzoeken en "
        "downloaden.\n\n"
        "Het register wordt elk kwartaal bijgewerkt.",
        ["open-verantwoording", "open-data"],
    ),
    (
        "Inwoners meten de luchtkwaliteit in {place}",
        "Sensoren op balkons en gevels geven samen een beeld van de lucht in de wijk.",
        "Bewoners hingen tientallen meetkastjes op. {org} verzamelt de metingen en zet ze als "
        "open data online.\n\n"
        "De gegevens helpen bij besluiten over verkeer en groen in de wijk.",
        ["open-data", "participatie"],
    ),
    (
        "Eerst bellen bij bezwaar in {place}",
        "Wie bezwaar maakt, wordt eerst gebeld voor een persoonlijk gesprek.",
        "Bij {org} belt een medewerker iedereen die bezwaar maakt. Vaak is een probleem na "
        "één gesprek al opgelost.\n\n"
        "Het aantal formele bezwaarprocedures is daardoor bijna gehalveerd.",
        ["open-contact"],
    ),
    (
        "Datalab met studenten in {place}",
        "Studenten zoeken samen met ambtenaren antwoorden in open data.",
        "Elk semester werken studenten een paar maanden bij {org} aan vragen uit de praktijk. "
        "Ze gebruiken alleen open data.\n\n"
        "Hun code en resultaten zijn openbaar, zodat anderen erop kunnen voortbouwen.",
        ["open-data", "open-aanpak"],
    ),
    (
        "Archief op orde bij {org}",
        "Oude en nieuwe documenten zijn goed vindbaar en op tijd openbaar.",
        "{org} ruimde het digitale archief op en maakte duidelijke afspraken over bewaren en "
        "vernietigen.\n\n"
        "Zo vinden medewerkers sneller wat ze zoeken, en kan informatie sneller openbaar.",
        ["informatiehuishouding", "actieve-openbaarmaking"],
    ),
]

# Places spread over all twelve provinces (names as in the gazetteer).
PLACES = [
    "Groningen", "Het Hogeland", "Oldambt", "Westerkwartier", "Stadskanaal",
    "Leeuwarden", "Súdwest-Fryslân", "Heerenveen", "Smallingerland", "Noardeast-Fryslân",
    "Assen", "Emmen", "Hoogeveen", "Meppel", "Tynaarlo",
    "Zwolle", "Enschede", "Deventer", "Hengelo", "Hardenberg", "Kampen",
    "Almere", "Lelystad", "Dronten", "Noordoostpolder",
    "Arnhem", "Nijmegen", "Apeldoorn", "Ede", "Zutphen", "Doetinchem", "Wageningen", "Tiel",
    "Utrecht", "Amersfoort", "Zeist", "Nieuwegein", "Veenendaal", "Houten",
    "Amsterdam", "Haarlem", "Alkmaar", "Hilversum", "Zaanstad", "Hoorn", "Den Helder",
    "'s-Gravenhage", "Rotterdam", "Leiden", "Delft", "Dordrecht", "Gouda", "Zoetermeer",
    "Middelburg", "Vlissingen", "Goes", "Terneuzen",
    "Eindhoven", "Tilburg", "Breda", "'s-Hertogenbosch", "Helmond", "Oss",
    "Maastricht", "Heerlen", "Venlo", "Roermond", "Sittard-Geleen", "Weert",
]  # fmt: skip

WATER_AUTHORITIES = {
    Province.GRONINGEN: "Waterschap Noorderzijlvest",
    Province.FRIESLAND: "Wetterskip Fryslân",
    Province.DRENTHE: "Waterschap Hunze en Aa's",
    Province.OVERIJSSEL: "Waterschap Vechtstromen",
    Province.FLEVOLAND: "Waterschap Zuiderzeeland",
    Province.GELDERLAND: "Waterschap Rijn en IJssel",
    Province.UTRECHT: "Hoogheemraadschap De Stichtse Rijnlanden",
    Province.NOORD_HOLLAND: "Hoogheemraadschap Hollands Noorderkwartier",
    Province.ZUID_HOLLAND: "Hoogheemraadschap van Delfland",
    Province.ZEELAND: "Waterschap Scheldestromen",
    Province.NOORD_BRABANT: "Waterschap De Dommel",
    Province.LIMBURG: "Waterschap Limburg",
}
KNOWLEDGE_INSTITUTIONS = {
    Province.GRONINGEN: "Rijksuniversiteit Groningen",
    Province.FRIESLAND: "NHL Stenden Hogeschool",
    Province.DRENTHE: "Hanzehogeschool, campus Assen",
    Province.OVERIJSSEL: "Universiteit Twente",
    Province.FLEVOLAND: "Aeres Hogeschool",
    Province.GELDERLAND: "Radboud Universiteit",
    Province.UTRECHT: "Universiteit Utrecht",
    Province.NOORD_HOLLAND: "Hogeschool van Amsterdam",
    Province.ZUID_HOLLAND: "Universiteit Leiden",
    Province.ZEELAND: "HZ University of Applied Sciences",
    Province.NOORD_BRABANT: "Tilburg University",
    Province.LIMBURG: "Universiteit Maastricht",
}
AGENCIES = ["UWV", "DUO", "Belastingdienst", "SVB", "Kadaster", "RVO", "CJIB", "RDW"]
MINISTRIES = [
    "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
    "Ministerie van Infrastructuur en Waterstaat",
    "Ministerie van Justitie en Veiligheid",
    "Ministerie van Onderwijs, Cultuur en Wetenschap",
]
CIVIL_SOCIETY = ["Stichting Open {place}", "Bibliotheek {place}", "Dorpsbelang {place}",
                 "Buurtcoöperatie {place}"]  # fmt: skip
COMPANIES = ["Datawerk {place} B.V.", "Helder Advies {place}", "Civic Lab {place}"]
SECTORS = list(Sector)
G, P, W, R, U, M, B, K = SECTORS
# Which kinds of organisation each topic (in the order of TOPICS) fits.
TOPIC_SECTORS = [
    {G, M, B}, {G, P, W}, {G, P, W}, {G, M}, {G, P, W, R, U}, {G, P, W, R, U},
    {G, P, K}, {W, P, K}, {M, U, G}, {R, G, P, U}, {G, U, R, P}, {G, B},
    {G, P}, {G, P, R}, {M, K, B}, {G, U, W}, {K, B, P}, {W, R, G},
]  # fmt: skip
COUNT = 140
SUBMITTED = 4  # the last few wait for moderation


def organisation_for(sector, municipality, number):
    place, province = municipality.name, municipality.province
    names = {
        Sector.GEMEENTE: f"Gemeente {place}",
        Sector.PROVINCIE: f"Provincie {Province(province).label}",
        Sector.WATERSCHAP: WATER_AUTHORITIES[province],
        Sector.RIJK: MINISTRIES[number % len(MINISTRIES)],
        Sector.UITVOERINGSINSTELLING: f"{AGENCIES[number % len(AGENCIES)]}, kantoor {place}",
        Sector.MAATSCHAPPELIJK: CIVIL_SOCIETY[number % len(CIVIL_SOCIETY)].format(place=place),
        Sector.BEDRIJF: COMPANIES[number % len(COMPANIES)].format(place=place),
        Sector.KENNISINSTELLING: KNOWLEDGE_INSTITUTIONS[province],
    }
    return names[sector]


def nudge(value, number, axis):
    """A small, fixed offset, so initiatives in one municipality do not overlap."""
    steps = (number * (7 if axis else 3)) % 11 - 5
    return value + Decimal(steps) * Decimal("0.003")


def load():
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    municipalities = Municipality.objects.in_bulk(PLACES, field_name="name")
    now = timezone.now()
    for number in range(COUNT):
        municipality = municipalities[PLACES[number % len(PLACES)]]
        sector = SECTORS[number % len(SECTORS)]
        fitting = [
            topic for topic, fits in zip(TOPICS, TOPIC_SECTORS, strict=True) if sector in fits
        ]
        title, summary, description, theme_slugs = fitting[
            (number // len(SECTORS) + number) % len(fitting)
        ]
        organisation = organisation_for(sector, municipality, number)
        names = {"place": municipality.name, "org": organisation}
        title = title.format(**names)
        slug = slugify(title)[:140]
        if Initiative.objects.filter(slug=slug).exists():
            continue
        submitted = number >= COUNT - SUBMITTED
        initiative = Initiative.objects.create(
            title=title,
            slug=slug,
            summary=summary.format(**names),
            description=description.format(**names),
            organisation_name=organisation,
            organisation_type=sector,
            municipality=municipality,
            latitude=nudge(municipality.latitude, number, 0),
            longitude=nudge(municipality.longitude, number, 1),
            website=f"https://www.example.org/initiatieven/{slug}",
            contact_email=f"info+{number}@example.org",
            status=Initiative.Status.SUBMITTED if submitted else Initiative.Status.PUBLISHED,
            relation=Initiative.Relation.ADMIRED if number % 3 == 0 else Initiative.Relation.OWN,
            submitter_name="Sanne de Vries" if submitted else "",
            submitter_email=f"sanne.devries+{number}@example.org" if submitted else "",
            published_at=None if submitted else now - timedelta(days=number * 3),
        )
        initiative.themes.set([themes[slug] for slug in theme_slugs if slug in themes])
    return []
