"""The site search finds articles by title, lead, body, author and tag, in Dutch."""

import pytest

from tests.factories.blog import paragraph

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(make_article, guest_author):
    return make_article(
        title="Een verhaal uit de polder",
        lead="Over inwoners die meepraten.",
        body=[paragraph("De gemeenten publiceerden hun vergaderstukken.")],
        authors=[guest_author],
        tags=["Waterbeheer"],
    )


@pytest.mark.parametrize(
    "query",
    ["polder", "meepraten", "gemeente", "inwoner", "Joost Gast", "waterbeheer"],
)
def test_search_finds_the_article(client, article, query):
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    assert article.title in response.content.decode(), query
