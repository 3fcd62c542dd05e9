"""The menus and footer are cached, yet a change by an editor shows on the next page."""

import pytest

from portal.models import MainMenuItem, SiteSettings
from tests.factories.portal import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_main_menu_shows_the_app_sections_and_marks_the_current_one(client):
    html = client.get("/agenda/").text
    menu = html[html.index('class="main-nav__list"') : html.index("</ul>", html.index("main-nav"))]
    assert '<a href="/leerkringen/">Leerkringen</a>' in menu
    assert '<a href="/agenda/" aria-current="page">Agenda</a>' in menu
    assert '<a href="/kaart/">Kaart</a>' in menu


def test_frame_speaks_the_language_of_each_visitor_around_the_editors_links(client):
    client.get("/agenda/")  # a Dutch visitor fills the cache
    client.post("/taal/setlang/", {"language": "en", "next": "/agenda/"})
    html = client.get("/zoeken/").text
    assert '<h2 id="footer-newsletter">Newsletter</h2>' in html
    # The links' labels are content, as the editors wrote them (see test_frame_links.py).
    assert '<a href="/kaart/">Kaart</a>' in html


def test_published_page_appears_in_the_frame_and_leaves_it_when_unpublished(client):
    page = StandardPageFactory(title="Werkwijze", slug="werkwijze", show_in_menus=True)
    MainMenuItem.objects.create(site_settings=SiteSettings.objects.get(), link_page=page)
    client.get("/zoeken/")  # the menu is now cached
    page.unpublish()
    assert "/werkwijze/" not in client.get("/zoeken/").text
    page.save_revision().publish()
    assert '<a href="/werkwijze/">Werkwijze</a>' in client.get("/zoeken/").text


def test_changed_contact_details_show_in_the_footer_at_once(client):
    client.get("/zoeken/")
    site_settings = SiteSettings.objects.get()
    site_settings.contact_email = "redactie@example.nl"
    site_settings.save()
    assert "mailto:redactie@example.nl" in client.get("/zoeken/").text


def test_cached_frame_saves_queries(client, django_assert_max_num_queries):
    StandardPageFactory(title="Over ons", slug="over-ons", show_in_menus=True)
    client.get("/zoeken/")
    with django_assert_max_num_queries(2):  # no menu, footer or settings queries are left
        client.get("/zoeken/")
