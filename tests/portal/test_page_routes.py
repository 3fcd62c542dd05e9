"""A logged-in visitor's page is found without walking the page tree (one query
instead of two per level), and a page that is unpublished, moved or renamed is
never found at its old address."""

import pytest

from tests.factories.blog import ArticlePageFactory
from tests.factories.portal import StandardPageFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(client):
    client.force_login(UserFactory())
    return client


@pytest.fixture
def article(db):
    return ArticlePageFactory(title="Open raadsinformatie", slug="open-raadsinformatie")


def page_queries(captured):
    return [query for query in captured if "wagtailcore_page" in query["sql"]]


def test_second_visit_finds_the_article_in_one_query(
    member, article, django_assert_max_num_queries
):
    with django_assert_max_num_queries(30) as first:
        assert member.get(article.url).status_code == 200
    with django_assert_max_num_queries(15) as again:
        response = member.get(article.url)
    assert response.context["page"] == article
    # Wagtail's walk: the home page, then the blog and the article, each twice.
    assert len(page_queries(first.captured_queries)) >= 5
    route_queries = [q for q in again.captured_queries if '"wagtailcore_page"."slug" =' in q["sql"]]
    assert route_queries == []


def test_each_address_shows_its_own_page(member, article):
    other = StandardPageFactory(title="Over ons", slug="over-ons")
    for _ in range(2):
        assert member.get(article.url).context["page"] == article
        assert member.get(other.url).context["page"] == other
        assert member.get("/").context["page"].slug == "home"


def test_unpublished_article_is_gone_from_its_address_at_once(member, article):
    assert member.get(article.url).status_code == 200
    article.unpublish()
    assert member.get(article.url).status_code == 404


def test_moved_page_is_found_at_its_new_address_only(member):
    page = StandardPageFactory(title="Werkwijze", slug="werkwijze")
    old_url = page.url
    assert member.get(old_url).context["page"] == page
    page.move(StandardPageFactory(title="Over ons", slug="over-ons"), pos="last-child")
    page.refresh_from_db()
    assert page.url == "/over-ons/werkwijze/"
    moved = member.get(old_url)  # Wagtail keeps a redirect from the old address
    assert moved.status_code == 404 or moved["Location"] == page.url
    assert member.get(page.url).context["page"] == page


def test_renamed_article_leaves_its_old_address(member, article):
    old_url = article.url
    assert member.get(old_url).status_code == 200
    article.slug = "open-raadsinformatie-in-de-praktijk"
    article.save_revision().publish()
    assert member.get(old_url).status_code in (301, 302, 404)
    assert member.get("/actueel/open-raadsinformatie-in-de-praktijk/").status_code == 200
