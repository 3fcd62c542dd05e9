"""The public side: the list with its filters, a leerkring's page, the home page block,
the search section, and what is never shown (member names, archived leerkringen)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from communities.models import MembershipStatus, SignupMode
from portal.search import search_sections
from tests.factories.communities import MembershipFactory
from tests.factories.portal import ThemeFactory


@pytest.fixture
def open_data(db):
    return ThemeFactory(name="Open Data", slug="open-data")


def test_list_shows_audience_member_count_and_sign_up_status(client, open_leerkring, make_user):
    MembershipFactory(
        leerkring=open_leerkring, user=make_user(email="lid@example.org", full_name="Geheime Naam")
    )
    MembershipFactory(
        leerkring=open_leerkring,
        user=make_user(email="weg@example.org"),
        status=MembershipStatus.LEFT,
    )
    response = client.get("/leerkringen/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Open data bij gemeenten" in html
    assert "Gemeente" in html
    assert "<dt>Leden</dt><dd>1</dd>" in html
    assert "Geheime Naam" not in html


def test_list_filters_by_sector_theme_and_sign_up(client, make_leerkring, open_data):
    wanted = make_leerkring(name="Rijk open data", audience=["rijk"], themes=[open_data])
    make_leerkring(name="Rijk gesloten", audience=["rijk"], signup_mode=SignupMode.CLOSED)
    make_leerkring(name="Gemeenten open data", audience=["gemeente"], themes=[open_data])
    response = client.get("/leerkringen/?sector=rijk&thema=open-data&aanmelden=open")
    assert response.status_code == 200
    assert list(response.context["leerkringen"]) == [wanted]


def test_list_hides_archived_leerkringen(client, make_leerkring):
    make_leerkring(name="Voorbij en gearchiveerd", archived=True)
    response = client.get("/leerkringen/")
    assert "Voorbij en gearchiveerd" not in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "sector=bestaat-niet",
        "thema=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "aanmelden=1%27%20OR%201%3D1--",
        "pagina=99999999999999999999",
        "q=" + "x" * 300,
    ],
)
def test_list_survives_bad_filter_values(client, open_leerkring, query):
    response = client.get(f"/leerkringen/?{query}")
    assert response.status_code in (200, 400)
    assert "<script>alert(1)" not in response.content.decode()


def count_queries(client, path):
    """Queries of one page view, after a first view has warmed the site caches."""
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def test_list_query_count_does_not_grow_with_leerkringen(
    client, make_leerkring, open_data, make_user
):
    member = make_user(email="veel@example.org")

    def add_leerkringen(count):
        for _number in range(count):
            leerkring = make_leerkring(themes=[open_data])
            MembershipFactory(leerkring=leerkring, user=member)

    add_leerkringen(1)
    few = count_queries(client, "/leerkringen/?thema=open-data")
    add_leerkringen(11)
    many = count_queries(client, "/leerkringen/?thema=open-data")
    assert many == few <= 15


def test_detail_shows_who_it_is_for_coordinators_partners_and_testimonials(
    client, approval_leerkring, make_user
):
    approval_leerkring.partners.create(name="Unie van Demo", url="https://example.org/unie")
    approval_leerkring.testimonials.create(
        quote="Ik leerde hier meer dan op welke cursus ook.",
        name="Sanne",
        role="Adviseur",
        organisation="Waterschap Aa",
    )
    approval_leerkring.save()
    MembershipFactory(
        leerkring=approval_leerkring,
        user=make_user(email="stil@example.org", full_name="Stille Deelnemer"),
    )
    response = client.get(approval_leerkring.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    for text in ["Waterschap", "Kees Coördinator", "Unie van Demo", "Ik leerde hier meer"]:
        assert text in html
    assert "Stille Deelnemer" not in html
    assert "stil@example.org" not in html
    assert reverse("communities:signup", args=[approval_leerkring.slug]) in html


def test_detail_query_count_is_constant(client, approval_leerkring, professional):
    def add_partners_and_testimonials(count):
        for number in range(count):
            approval_leerkring.partners.create(name=f"Partner {number}")
            approval_leerkring.testimonials.create(quote="Mooi.", name=f"Lid {number}")
        approval_leerkring.save()

    add_partners_and_testimonials(1)
    path = approval_leerkring.get_absolute_url()
    anonymous = count_queries(client, path)
    add_partners_and_testimonials(5)
    assert count_queries(client, path) == anonymous <= 15
    client.force_login(professional)
    logged_in = count_queries(client, path)
    add_partners_and_testimonials(5)
    assert count_queries(client, path) == logged_in


def test_archived_leerkring_page_says_it_cannot_be_joined(client, make_leerkring):
    leerkring = make_leerkring(archived=True)
    html = client.get(leerkring.get_absolute_url()).content.decode()
    assert "gearchiveerd" in html
    assert reverse("communities:signup", args=[leerkring.slug]) not in html


def test_unknown_leerkring_is_a_404(client, db):
    assert client.get("/leerkringen/bestaat-niet/").status_code == 404


def test_home_page_shows_the_leerkringen_block(client, open_leerkring):
    from portal import demo

    demo.load_pages()
    html = client.get("/").content.decode()
    assert "home-leerkringen-heading" in html
    assert "Open data bij gemeenten" in html


def test_search_finds_leerkringen_but_not_archived_ones(make_leerkring):
    make_leerkring(name="Dijkbewaking samen", short_description="Over dijken.")
    make_leerkring(name="Dijken van vroeger", short_description="Oud.", archived=True)
    [section] = [s for s in search_sections("dijken") if s["source"].key == "leerkringen"]
    assert [result.name for result in section["results"]] == ["Dijkbewaking samen"]
    assert section["more_url"] == "/leerkringen/?q=dijken"


def test_list_search_finds_dutch_plurals_and_compounds(client, make_leerkring):
    make_leerkring(name="Leren van elkaar", short_description="Voor elk waterschap.")
    make_leerkring(name="Participatietrajecten", short_description="Inwoners aan tafel.")
    make_leerkring(name="Archiefbeheer", short_description="Over de Archiefwet.")
    waterschappen = client.get("/leerkringen/?q=waterschappen").content.decode()
    assert "Leren van elkaar" in waterschappen
    assert "Archiefbeheer" not in waterschappen
    participatie = client.get("/leerkringen/?q=participatie").content.decode()
    assert "Participatietrajecten" in participatie
    assert "Leren van elkaar" not in participatie
