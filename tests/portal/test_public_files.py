"""The files robots and security researchers read, and the site's error pages."""

import datetime
from xml.etree import ElementTree

import pytest
from django.test import RequestFactory
from django.utils import timezone
from django.utils.text import slugify
from django.views.defaults import server_error

from events.models import EventStatus
from portal import demo
from tests.factories.communities import LeerkringFactory
from tests.factories.events import EventFactory
from tests.factories.initiatives import InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_pages(db):
    demo.load_themes()
    demo.load_pages()


def test_security_txt_follows_rfc_9116(client):
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = dict(line.split(": ", 1) for line in response.text.strip().splitlines())
    assert fields["Contact"].startswith(("mailto:", "https://"))
    assert fields["Canonical"] == "http://testserver/.well-known/security.txt"
    expires = datetime.datetime.fromisoformat(fields["Expires"])
    assert timezone.now() < expires < timezone.now() + datetime.timedelta(days=365)
    assert client.get("/security.txt")["Location"] == "/.well-known/security.txt"


def test_robots_txt_keeps_crawlers_out_of_admin_and_accounts_and_names_the_sitemap(client):
    lines = client.get("/robots.txt").text.splitlines()
    assert "Disallow: /admin/" in lines
    assert "Disallow: /account/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_sitemap_lists_the_published_pages(client, demo_pages):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert "http://testserver/over-ons/" in response.text
    assert "http://testserver/toegankelijkheidsverklaring/" in response.text


def test_unknown_page_shows_a_dutch_404_in_the_portal_layout(client, demo_pages):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    html = response.text
    assert '<html lang="nl"' in html
    assert "Pagina niet gevonden" in html
    assert 'href="#inhoud"' in html  # the skip link of the base layout
    assert html.count("<h1") == 1


def test_server_error_page_renders_without_the_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Er ging iets mis" in html
    assert "/static/css/portal.css" in html


def test_sitemap_lists_public_events_leerkringen_and_initiatives_with_their_dates(
    client, demo_pages
):
    EventFactory(title="Open dag", slug="open-dag")
    EventFactory(title="Concept", slug="concept-bijeenkomst", status=EventStatus.DRAFT)
    LeerkringFactory(name="Open data", slug="open-data")
    LeerkringFactory(name="Gesloten kring", slug="gesloten-kring", archived=True)
    for title, status in [("Raad open", "published"), ("Nog niet", "submitted")]:
        InitiativeFactory(title=title, slug=slugify(title), status=status)
    sitemap = ElementTree.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    entries = {
        url.findtext("s:loc", namespaces=namespace): url.findtext("s:lastmod", namespaces=namespace)
        for url in sitemap.findall("s:url", namespace)
    }
    assert "http://testserver/over-ons/" in entries
    assert entries["http://testserver/agenda/open-dag/"]
    assert entries["http://testserver/leerkringen/open-data/"]
    assert entries["http://testserver/kaart/raad-open/"]
    listed = " ".join(entries)
    assert "concept-bijeenkomst" not in listed
    assert "gesloten-kring" not in listed
    assert "nog-niet" not in listed
