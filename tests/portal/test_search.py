"""Site-wide search: Dutch stemming, paging, hostile queries and a flat query count."""

import pytest

from portal.models import HomePage, StandardPage


@pytest.fixture
def add_page(db):
    home = HomePage.objects.get()

    def add(title, intro="Een pagina van het portaal.", **fields):
        page = StandardPage(title=title, intro=intro, **fields)
        home.add_child(instance=page)
        page.save_revision().publish()
        return page

    return add


def test_search_finds_other_word_forms_in_dutch(client, add_page):
    add_page("Gemeenten publiceren besluiten", intro="Hoe gemeenten besluiten openbaar maken.")
    add_page("Archieven op orde", intro="Over archiefbeheer.")
    response = client.get("/zoeken/", {"q": "gemeente besluit"})
    assert response.status_code == 200
    assert "Gemeenten publiceren besluiten" in response.text
    assert "Archieven op orde" not in response.text


def test_search_matches_the_start_of_dutch_compounds(client, add_page):
    add_page("Privacyverklaring", intro="Wat we met je gegevens doen.")
    response = client.get("/zoeken/", {"q": "privacy"})
    assert "Privacyverklaring" in response.text


def test_search_results_are_paginated(client, add_page):
    for number in range(23):
        add_page(f"Werkbezoek open data {number}", slug=f"werkbezoek-{number}")
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
def test_hostile_or_odd_queries_are_answered_calmly(client, add_page, query):
    add_page("Open overheid in de praktijk")
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert" not in response.text
    assert HomePage.objects.get().get_children().count() == 1


def test_search_query_count_does_not_grow_with_the_number_of_results(
    client, add_page, django_assert_max_num_queries
):
    for number in range(12):
        add_page(f"Leren van elkaar {number}", slug=f"leren-{number}")
    client.get("/zoeken/", {"q": "leren"})  # warms the menus' cache, as on a served site
    with django_assert_max_num_queries(15):
        response = client.get("/zoeken/", {"q": "leren"})
    assert response.text.count('class="search-result"') == 10
