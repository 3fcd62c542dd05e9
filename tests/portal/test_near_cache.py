"""Logged-in pages take their frame and fragments from a copy in the process, so
with the database as the shared cache they still cost few queries; and the copy is
never staler than the shared cache, because both live under versioned keys."""

import pytest
from django.core.cache import cache

from portal import content_versions, near_cache
from tests.factories.blog import ArticlePageFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_cache(settings):
    """The shared cache as production has it without Redis: the database table."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_cache",
        }
    }
    yield
    cache.clear()


def test_logged_in_article_costs_one_cache_query_with_the_database_as_cache(
    client, database_cache, django_assert_max_num_queries
):
    article = ArticlePageFactory(title="Open raadsinformatie")
    client.force_login(UserFactory())
    assert client.get(article.url).status_code == 200  # draws and keeps the fragments
    with django_assert_max_num_queries(15) as captured:
        response = client.get(article.url)
    assert "Open raadsinformatie" in response.text
    cache_reads = [query["sql"] for query in captured if "portal_cache" in query["sql"]]
    # The versions of every kind of content, read once for the page cache, the frame
    # and all fragments together (the frame and fragments come from the process), and
    # the visitor's permissions (portal/backends.py), instead of a query of their own.
    assert len(cache_reads) == 2
    assert "portal:version:frame" in cache_reads[0]
    assert "portal:permissions:user" in cache_reads[1]
    assert not [query for query in captured if "auth_permission" in query["sql"]]


def test_copy_in_the_process_is_taken_from_the_shared_cache_with_its_expiry():
    near_cache.set("portal:test:fragment", "<p>kaart</p>", 60)
    near_cache._copies.clear()  # another process: nothing copied yet
    assert near_cache.get("portal:test:fragment") == "<p>kaart</p>"
    expires, value = near_cache._copies["portal:test:fragment"]
    assert value == "<p>kaart</p>" and expires == cache.get("portal:test:fragment")[0]


def test_expired_copy_is_not_served(monkeypatch):
    near_cache.set("portal:test:clock", "<p>nog 1 plek</p>", 1)
    cache.delete("portal:test:clock")
    later = near_cache.time.time() + 2
    monkeypatch.setattr(near_cache.time, "time", lambda: later)
    assert near_cache.get("portal:test:clock") is None


def test_process_keeps_a_bounded_number_of_copies(monkeypatch):
    monkeypatch.setattr(near_cache, "ENTRIES", 3)
    for number in range(5):
        near_cache.set(f"portal:test:{number}", number, 60)
    assert list(near_cache._copies)[-3:] == ["portal:test:2", "portal:test:3", "portal:test:4"]
    assert len(near_cache._copies) == 3


def test_change_made_during_a_request_is_seen_by_the_rest_of_it():
    with content_versions.one_reading_per_request():
        before = content_versions.versions(("comments",))
        content_versions.bump("comments")
        assert content_versions.versions(("comments",)) != before


def test_anonymous_page_from_the_cache_costs_one_read_of_it(
    client, database_cache, django_assert_num_queries
):
    """The kept page and the current versions of what it shows come in one round trip
    (portal/page_cache.py); with the database as the cache, that is one query."""
    article = ArticlePageFactory(title="Open raadsinformatie")
    client.get(article.url)
    with django_assert_num_queries(1) as captured:
        response = client.get(article.url)
    assert response["X-Cache"] == "hit"
    assert "portal:page:" in captured[0]["sql"] and "portal:version:" in captured[0]["sql"]
