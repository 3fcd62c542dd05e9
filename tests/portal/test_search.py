"""Site-wide search: Dutch stemming, paging, hostile queries and a flat query count."""

import re

import pytest

from portal.models import HomePage
from tests.factories.communities import LeerkringFactory
from tests.factories.events import EventFactory
from tests.factories.portal import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_search_finds_other_word_forms_in_dutch(client):
    StandardPageFactory(
        title="Gemeenten publiceren besluiten", intro="Hoe gemeenten besluiten openbaar maken."
    )
    StandardPageFactory(title="Archieven op orde", intro="Over archiefbeheer.")
    response = client.get("/zoeken/", {"q": "gemeente besluit"})
    assert response.status_code == 200
    assert "Gemeenten publiceren besluiten" in response.text
    assert "Archieven op orde" not in response.text


def test_search_matches_the_start_of_dutch_compounds(client):
    StandardPageFactory(title="Privacyverklaring", intro="Wat we met je gegevens doen.")
    response = client.get("/zoeken/", {"q": "privacy"})
    assert "Privacyverklaring" in response.text


def test_search_results_are_paginated(client):
    for number in range(23):
        StandardPageFactory(title=f"Werkbezoek open data {number}", slug=f"werkbezoek-{number}")
    first = client.get("/zoeken/", {"q": "werkbezoek"})
    assert "23 resultaten" in first.text
    assert first.text.count('class="search-result"') == 10
    last = client.get("/zoeken/", {"q": "werkbezoek", "pagina": 3})
    assert last.text.count('class="search-result"') == 3
    beyond = client.get("/zoeken/", {"q": "werkbezoek", "pagina": "999999999999999999999"})
    assert beyond.status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "<script>alert('x')</script>",
        "'; DROP TABLE wagtailcore_page; --",
        "overheid & | ! ( ) :* \\",
        "9" * 400,
        "\x00",
        "   ",
    ],
)
def test_hostile_or_odd_queries_are_answered_calmly(client, query):
    StandardPageFactory(title="Open overheid in de praktijk")
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert" not in response.text
    assert HomePage.objects.get().get_children().count() == 1


def test_search_query_count_does_not_grow_with_the_number_of_results(
    client, django_assert_max_num_queries
):
    for number in range(12):
        StandardPageFactory(title=f"Leren van elkaar {number}", slug=f"leren-{number}")
    client.get("/zoeken/", {"q": "leren"})  # warms the menus' cache, as on a served site
    with django_assert_max_num_queries(15):
        response = client.get("/zoeken/", {"q": "leren"})
    assert response.text.count('class="search-result"') == 10


def result_count(response):
    return re.search(r'class="result-count"[^>]*>\s*(.*?)\s*</p>', response.text, re.S).group(1)


@pytest.mark.parametrize(
    ("title", "query"),
    [
        ("Wat het waterschap leerde van open data", "waterschappen"),
        ("Wat drie waterschappen leerden", "waterschap"),
        ("Een gemeente publiceert haar besluiten", "gemeenten"),
        ("Ons participatietraject in Deventer", "participatie"),
        ("De provincie opent haar archief", "provincies"),
        ("Een initiatief van inwoners", "initiatieven"),
        ("Nieuwe initiatieven op de kaart", "initiatief"),
    ],
)
def test_search_finds_dutch_plurals_and_compounds(client, title, query):
    StandardPageFactory(title=title, intro="Een verhaal uit de praktijk.")
    StandardPageFactory(title="Archieven op orde", intro="Over de Archiefwet.")
    response = client.get("/zoeken/", {"q": query})
    assert title in response.text
    assert "Archieven op orde" not in response.text
    assert result_count(response) == f"1 resultaat voor ‘{query}’"


def test_the_heading_counts_the_leerkringen_and_events_it_shows(client):
    LeerkringFactory(name="Waterschappen open", description="<p>Voor elk waterschap.</p>")
    EventFactory(title="Waterschapsdag", summary="De dag van het waterschap.")
    StandardPageFactory(title="Archieven op orde")
    response = client.get("/zoeken/", {"q": "waterschappen"})
    assert "Waterschappen open" in response.text
    assert "Waterschapsdag" in response.text
    assert result_count(response) == "2 resultaten voor ‘waterschappen’"


def test_the_heading_counts_every_match_of_a_section_not_only_those_shown(client, db):
    for number in range(7):
        EventFactory(title=f"Gemeentedag {number}", slug=f"gemeentedag-{number}")
    response = client.get("/zoeken/", {"q": "gemeenten"})
    assert response.text.count("Gemeentedag") == 5
    assert result_count(response) == "7 resultaten voor ‘gemeenten’"
    assert "(7)" in response.text
