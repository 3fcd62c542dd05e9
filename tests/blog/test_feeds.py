"""RSS and Atom feeds, read back with feedparser as a feed reader would."""

from datetime import date

import feedparser
import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(make_article, guest_author, author):
    return [
        make_article(
            title="Gastblog over data",
            category__slug="gastblog",
            authors=[guest_author, author],
            date=date(2026, 3, 2),
            lead="Data van iedereen.",
        ),
        make_article(title="Nieuws van de week", category__slug="actueel", date=date(2026, 3, 1)),
    ]


@pytest.mark.parametrize(("path", "version"), [("feed/", "rss20"), ("feed/atom/", "atom10")])
def test_feed_lists_every_article_with_title_link_date_and_authors(
    client, blog_index, articles, path, version
):
    response = client.get(blog_index.url + path)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.version == version
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Actueel"
    entries = {entry.title: entry for entry in feed.entries}
    assert set(entries) == {"Gastblog over data", "Nieuws van de week"}
    guest = entries["Gastblog over data"]
    assert guest.link == "http://testserver/actueel/gastblog-over-data/"
    assert guest.summary == "Data van iedereen."
    assert guest.published_parsed[:3] == (2026, 3, 2)
    assert "Joost Gast" in guest.author and "Noor Bakker" in guest.author
    assert feed.entries[0].title == "Gastblog over data"  # newest first


@pytest.mark.parametrize("path", ["feed/gastblog/", "feed/gastblog/atom/"])
def test_category_feed_has_only_that_category(client, blog_index, articles, path):
    feed = feedparser.parse(client.get(blog_index.url + path).content)
    assert feed.feed.title == "Actueel: Gastblog"
    assert [entry.title for entry in feed.entries] == ["Gastblog over data"]


def test_unknown_category_feed_is_not_found(client, blog_index):
    assert client.get(blog_index.url + "feed/bestaat-niet/").status_code == 404


def test_drafts_are_not_in_the_feed(client, blog_index, make_article):
    make_article(title="Concept").unpublish()
    feed = feedparser.parse(client.get(blog_index.url + "feed/").content)
    assert feed.entries == []


def test_pages_announce_their_feeds(client, blog_index, articles):
    html = client.get(blog_index.url + "?categorie=gastblog").content.decode()
    rss = 'type="application/rss+xml" title="Actueel (RSS)" href="/actueel/feed/"'
    atom = 'type="application/atom+xml" title="Actueel: Gastblog (Atom)"'
    assert f'<link rel="alternate" {rss}>' in html
    assert f'{atom} href="/actueel/feed/gastblog/atom/"' in html


def test_feed_and_canonical_links_point_at_site_url_after_migrate(
    client, settings, blog_index, articles
):
    """A fresh `make run` database: migrate gives Wagtail's Site the SITE_URL's address."""
    settings.SITE_URL = "http://127.0.0.1:8000"
    call_command("migrate", verbosity=0)
    feed = feedparser.parse(client.get(blog_index.url + "feed/").content)
    links = {entry.link for entry in feed.entries}
    assert "http://127.0.0.1:8000/actueel/gastblog-over-data/" in links
    assert feed.feed.link == "http://127.0.0.1:8000/actueel/"
    article = client.get("/actueel/gastblog-over-data/").text
    canonical = '<link rel="canonical" href="http://127.0.0.1:8000/actueel/gastblog-over-data/">'
    assert canonical in article
    assert '<meta property="og:url" content="http://127.0.0.1:8000/actueel/' in article

    settings.SITE_URL = "https://www.example.nl"
    call_command("migrate", verbosity=0)
    feed = feedparser.parse(client.get(blog_index.url + "feed/").content)
    assert "https://www.example.nl/actueel/gastblog-over-data/" in {e.link for e in feed.entries}


def test_published_article_shows_in_the_feeds_at_once(client, blog_index, articles, make_article):
    for path in ("feed/", "feed/atom/"):
        client.get(blog_index.url + path)
    make_article(title="Net gepubliceerd", category__slug="gastblog")
    for path in ("feed/", "feed/atom/", "feed/gastblog/"):
        feed = feedparser.parse(client.get(blog_index.url + path).content)
        assert "Net gepubliceerd" in [entry.title for entry in feed.entries]


def test_unpublished_article_and_renamed_author_show_in_the_feed_at_once(
    client, blog_index, articles, guest_author
):
    client.get(blog_index.url + "feed/")
    articles[1].unpublish()
    guest_author.name = "Joost de Gast"
    guest_author.save()
    feed = feedparser.parse(client.get(blog_index.url + "feed/").content)
    assert [entry.title for entry in feed.entries] == ["Gastblog over data"]
    assert "Joost de Gast" in feed.entries[0].author


def test_feed_reader_asking_again_gets_304_until_a_new_article(
    client, blog_index, articles, make_article, django_assert_num_queries
):
    first = client.get(blog_index.url + "feed/", headers={"Accept-Encoding": "gzip"})
    assert first["Content-Encoding"] == "gzip"
    assert first["Content-Type"] == "application/rss+xml; charset=utf-8"
    with django_assert_num_queries(0):
        again = client.get(blog_index.url + "feed/", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    make_article(title="Nog een artikel")
    changed = client.get(blog_index.url + "feed/", headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200
    assert "Nog een artikel" in changed.text
