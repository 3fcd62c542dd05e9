"""The team page ("Over ons") and the publications page as a visitor gets them: people,
history and partners; publications to download, filtered by theme, year and kind,
whatever the address holds; in a fixed number of queries however long the lists."""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from portal import demo
from portal.demo.documents import pdf
from portal.models import Publication, PublicationsPage, TeamMember, TeamPage, Theme
from tests.factories.blog import ImageFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 15


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def demo_pages():
    demo.load_themes()
    demo.load_pages()


def document(title="Rapport"):
    made = get_document_model()(title=title)
    made.file.save("rapport.pdf", ContentFile(pdf(title, [("Kop", "Tekst.")])), save=False)
    made.save()
    return made


def add_publications(count, **fields):
    page = PublicationsPage.objects.get()
    shared = document()
    theme = Theme.objects.get(slug="open-data")
    Publication.objects.bulk_create(
        Publication(
            page=page,
            title=f"Extra publicatie {number}",
            summary="Een samenvatting.",
            document=shared,
            kind=fields.get("kind", "rapport"),
            published=fields.get("published", date(2023, 5, 1)),
            theme=theme,
        )
        for number in range(count)
    )


def test_team_page_shows_the_people_their_history_and_the_partners_logos(client, demo_pages):
    html = client.get("/over-ons/").content.decode()
    assert "<h1>Over ons</h1>" in html
    for text in ["Marieke Verhoef", "Programmaleider", "Onze geschiedenis", "2019"]:
        assert text in html
    assert 'alt="Stichting Open Tafel"' in html  # the logo names its organisation
    assert html.count('class="team-member__photo"') == 6


def test_team_page_costs_the_same_queries_for_a_larger_team(
    client, professional, demo_pages, django_assert_max_num_queries
):
    """Measured logged in: anonymous visitors get the page cache's copy."""
    client.force_login(professional)
    client.get("/over-ons/")  # the renditions are made on the first visit
    with django_assert_max_num_queries(MAX_QUERIES) as six:
        client.get("/over-ons/")
    queries = len(six)  # read now: the next request empties Django's query log
    page = TeamPage.objects.get()
    for number in range(20):
        TeamMember.objects.create(
            page=page, name=f"Collega {number}", role="Adviseur", photo=ImageFactory()
        )
    client.get("/over-ons/")
    with django_assert_max_num_queries(queries):
        response = client.get("/over-ons/")
    assert "Collega 19" in response.content.decode()


def test_publications_page_lists_every_publication_with_a_download(client, demo_pages):
    html = client.get("/publicaties/").content.decode()
    assert "9 publicaties" in html
    first = Publication.objects.order_by("-published").first()
    assert f'href="{first.document.url}" download' in html
    assert "Jaarverslag" in html and "Open Verantwoording" in html


def test_a_publication_downloads_as_a_real_pdf(client, demo_pages):
    publication = Publication.objects.first()
    response = client.get(publication.document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF-1.4") and body.rstrip().endswith(b"%%EOF")
    assert b"/Lang (nl-NL)" in body


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("?thema=open-data", "Open data bij waterschappen", "Jaarverslag 2024"),
        ("?jaar=2025", "Jaarverslag 2024", "Open data bij waterschappen"),
        ("?soort=handreiking", "Chatberichten bewaren", "Jaarverslag 2024"),
        ("?soort=rapport&jaar=2026", "Stand van open verantwoording", "Participatie in de wijk"),
    ],
)
def test_publications_filter_by_theme_year_and_kind(client, demo_pages, query, shown, hidden):
    html = client.get("/publicaties/" + query).content.decode()
    assert shown in html
    assert hidden not in html
    assert '<meta name="robots" content="noindex, follow">' in html


def test_publications_say_so_when_nothing_matches(client, demo_pages):
    html = client.get("/publicaties/?thema=digitale-inclusie&soort=rapport").content.decode()
    assert "Er zijn geen publicaties die passen bij deze filters." in html
    assert "0 publicaties" in html


@pytest.mark.parametrize(
    "query",
    [
        "?thema=&jaar=&soort=",
        "?jaar=" + "9" * 5000,
        "?thema=%3Cscript%3Ealert(1)%3C/script%3E",
        "?soort=' OR 1=1 --",
        "?jaar=2026; DROP TABLE portal_publication",
        "?jaar=abc&soort=niets",
        "?thema=open-data&thema=open-aanpak",
        "?jaar=%00",
        "?pagina=-1",
        "?pagina=99999",
        "?pagina=abc",
    ],
)
def test_publications_survive_wrong_and_hostile_filter_values(client, demo_pages, query):
    response = client.get("/publicaties/" + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "publicaties" in html


def test_a_wrong_filter_value_gets_a_dutch_message_and_the_rest_still_filters(client, demo_pages):
    html = client.get("/publicaties/?soort=geheim&thema=open-data").content.decode()
    assert "Some filters could not be used" not in html
    assert "Selecteer een geldige keuze" in html
    assert "Open data bij waterschappen" in html
    assert "Jaarverslag 2024" not in html


def test_publications_page_costs_the_same_queries_for_many_publications(
    client, professional, demo_pages, django_assert_max_num_queries
):
    client.force_login(professional)
    query = "/publicaties/?thema=open-data"
    client.get(query)
    with django_assert_max_num_queries(MAX_QUERIES) as few:
        client.get(query)
    queries = len(few)
    add_publications(60)
    with django_assert_max_num_queries(queries):
        response = client.get(query)
    assert "61 publicaties" in response.content.decode()
    assert "Pagina 1 van 4" in response.content.decode()
