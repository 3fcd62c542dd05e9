"""Every public form works for a visitor whose page came from the page cache: the
page was first built for someone else, carries no CSRF token, and Chromium's own
Sec-Fetch-Site and Origin headers are what lets the POST in (portal/csrf.py)."""

import urllib.request

import pytest
from playwright.sync_api import expect

from blog.models import Comment
from communities.newsletter.models import Subscriber
from events.models import Registration
from initiatives.models import Initiative
from portal import demo
from tests.factories.blog import ArticlePageFactory
from tests.factories.events import EventFactory

TILES = "https://tile.openstreetmap.org/**"


@pytest.fixture
def from_the_cache(page, site_url):
    """Open `path` in the browser after another visitor has loaded it, so the browser
    gets the cached copy."""
    page.route(TILES, lambda route: route.abort())

    def goto(path):
        with urllib.request.urlopen(site_url + path) as someone_else:  # noqa: S310 - our own server
            assert someone_else.headers["X-Cache"] == "miss"
        response = page.goto(path)
        assert response.headers["x-cache"] == "hit"
        assert "csrfmiddlewaretoken" not in page.content()
        return page

    return goto


def test_visitor_subscribes_from_the_footer_of_a_cached_page(from_the_cache):
    page = from_the_cache("/agenda/")
    page.locator("#newsletter-footer-email").fill("lezer@example.org")
    page.locator("#newsletter-footer-name").fill("Lotte")
    page.locator("footer").get_by_role("button", name="Aanmelden").click()
    page.get_by_role("heading", name="Kijk in je mailbox").wait_for()
    assert Subscriber.objects.get().email == "lezer@example.org"


def test_visitor_comments_on_a_cached_article(from_the_cache):
    article = ArticlePageFactory(title="Open raadsinformatie")
    page = from_the_cache(article.url)
    page.get_by_label("Je naam").fill("Vera Bezoeker")
    page.get_by_label("Je e-mailadres").fill("vera@example.org")
    page.get_by_label("Je reactie").fill("Dank voor het delen.")
    page.get_by_role("button", name="Plaats reactie").click()
    page.get_by_text("Je reactie verschijnt zodra een redacteur haar heeft goedgekeurd.").wait_for()
    assert Comment.objects.get().name == "Vera Bezoeker"


def test_guest_registers_from_a_cached_event_page(from_the_cache):
    event = EventFactory(title="Open data in de gemeente", capacity=3)
    page = from_the_cache(event.get_absolute_url())
    page.locator("main").get_by_label("Naam").fill("Gijs Gast")
    page.locator("main").get_by_label("E-mailadres").fill("gijs@example.org")
    page.get_by_label("Organisatie").fill("Gemeente Ede")
    page.locator("main").get_by_role("button", name="Aanmelden").click()
    page.get_by_text("Bijna klaar").wait_for()
    assert Registration.objects.get().email == "gijs@example.org"


def test_visitor_submits_an_initiative_from_the_cached_form(from_the_cache):
    demo.load_themes()
    page = from_the_cache("/kaart/aanmelden/")
    page.get_by_label("Titel", exact=True).fill("Buurtbudget Deventer")
    page.get_by_label("Samenvatting", exact=True).fill("Bewoners beslissen samen over een budget.")
    page.get_by_label("Beschrijving", exact=True).fill("Elk jaar kiezen bewoners de plannen.")
    page.get_by_label("Open Aanpak").check()
    page.get_by_label("Organisatie", exact=True).fill("Gemeente Deventer")
    page.get_by_label("Soort organisatie").select_option("gemeente")
    page.get_by_label("Gemeente", exact=True).fill("Deventer")
    page.get_by_label("Ons eigen initiatief").check()
    page.get_by_label("Je naam").fill("Daan Visser")
    page.get_by_label("Je e-mailadres").fill("daan@example.nl")
    page.get_by_role("button", name="Initiatief versturen").click()
    expect(page.locator("h1")).to_have_text("Bedankt voor je initiatief")
    assert Initiative.objects.get().title == "Buurtbudget Deventer"


def test_visitor_switches_language_on_a_cached_page(from_the_cache):
    page = from_the_cache("/agenda/")
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.url.endswith("/agenda/")
