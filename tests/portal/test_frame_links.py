"""Editors set the main menu and the footer links in the site settings, and visitors see
a change on the next page; existing sites were given the links that used to be code."""

import re

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail.models import Site

from portal import frame_defaults
from portal.models import FooterLink, MainMenuItem, SiteSettings
from tests.factories.portal import StandardPageFactory

pytestmark = pytest.mark.django_db


def menu_of(html):
    """The main menu's links as (text, address, aria-current) triples: the ones
    editors set, without the search link the menu adds for phones."""
    start = html.index('class="main-nav__list"')
    menu = html[start : html.index('class="main-nav__search-item"', start)]
    return re.findall(r'<a href="([^"]*)"(?: aria-current="(\w+)")?>([^<]*)</a>', menu)


def footer_links_of(html):
    start = html.index('id="footer-service"')
    footer = html[start : html.index("</ul>", start)]
    return re.findall(r'<a href="([^"]*)">([^<]*)</a>', footer)


def formset(prefix, rows, initial):
    """An inline panel's formset as the admin posts it."""
    data = {
        f"{prefix}-TOTAL_FORMS": len(rows),
        f"{prefix}-INITIAL_FORMS": initial,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }
    for position, row in enumerate(rows):
        fields = {"id": "", "link_page": "", "link_url": "", "label": "", **row}
        fields["ORDER"] = position + 1
        data.update({f"{prefix}-{position}-{name}": value for name, value in fields.items()})
    return data


def rows_of(items):
    return [
        {
            "id": item.pk,
            "link_page": item.link_page_id or "",
            "link_url": item.link_url,
            "label": item.label,
        }
        for item in items.all()
    ]


def post_settings(client, new_menu_rows=(), new_footer_rows=()):
    """Save the site settings in the admin: the current links, plus new ones at the end."""
    site_settings = SiteSettings.objects.get()
    menu = rows_of(site_settings.main_menu_items)
    footer = rows_of(site_settings.footer_links)
    data = {
        "reports_to_hide": site_settings.reports_to_hide,
        **formset("main_menu_items", menu + list(new_menu_rows), len(menu)),
        **formset("footer_links", footer + list(new_footer_rows), len(footer)),
    }
    url = reverse("wagtailsettings:edit", args=["portal", "sitesettings", site_settings.site_id])
    return client.post(url, data)


def test_editor_adds_a_page_to_the_main_menu_and_visitors_see_it_at_once(client, editor):
    page = StandardPageFactory(title="Publicaties", slug="publicaties")
    assert "/publicaties/" not in client.get("/zoeken/").text  # the menu is now cached
    client.force_login(editor)

    response = post_settings(client, new_menu_rows=[{"link_page": page.pk, "label": "Documenten"}])

    assert response.status_code == 302
    client.logout()
    assert menu_of(client.get("/publicaties/").text)[-1] == (
        "/publicaties/",
        "page",
        "Documenten",
    )


def test_editor_adds_an_address_to_the_footer_and_visitors_see_it_at_once(client, editor):
    client.get("/zoeken/")
    client.force_login(editor)

    response = post_settings(
        client, new_footer_rows=[{"link_url": "/nieuwsbrief/", "label": "Nieuwsbrief"}]
    )

    assert response.status_code == 302
    assert footer_links_of(client.get("/zoeken/").text)[-1] == ("/nieuwsbrief/", "Nieuwsbrief")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"link_url": "/nieuwsbrief/"}, "Een link naar een adres heeft een tekst nodig."),
        ({"link_url": "javascript:alert(1)", "label": "Klik"}, "/agenda/"),
        ({"label": "Niets"}, "Kies een pagina of vul een adres in."),
    ],
)
def test_editor_gets_a_clear_message_for_a_link_that_cannot_work(client, editor, row, message):
    client.force_login(editor)

    response = post_settings(client, new_menu_rows=[row])

    assert response.status_code == 200
    assert message in response.text
    assert MainMenuItem.objects.count() == 4  # Home and the three sections, unchanged


def test_footer_shows_the_privacy_statement_the_editor_chose_whatever_its_address(client):
    page = StandardPageFactory(title="Privacy", slug="privacy")
    FooterLink.objects.create(
        site_settings=SiteSettings.objects.get(), link_page=page, label="Privacyverklaring"
    )

    assert ("/privacy/", "Privacyverklaring") in footer_links_of(client.get("/zoeken/").text)


def test_home_is_marked_current_on_the_home_page_only(client):
    assert menu_of(client.get("/").text)[0] == ("/", "page", "Home")
    assert menu_of(client.get("/agenda/").text)[0] == ("/", "", "Home")


def test_migration_gives_an_existing_site_the_menu_and_footer_it_had(client):
    """The database of a site from before the links were settings: the pages exist."""
    StandardPageFactory(title="Over ons", slug="over-ons", show_in_menus=True)
    StandardPageFactory(title="Actueel", slug="actueel", show_in_menus=True)
    StandardPageFactory(title="Privacyverklaring", slug="privacyverklaring")
    StandardPageFactory(title="Toegankelijkheidsverklaring", slug="toegankelijkheidsverklaring")
    StandardPageFactory(title="Colofon", slug="colofon")
    MainMenuItem.objects.all().delete()
    FooterLink.objects.all().delete()

    frame_defaults.fill(apps)

    html = client.get("/actueel/").text
    assert menu_of(html) == [
        ("/", "", "Home"),
        ("/over-ons/", "", "Over ons"),
        ("/actueel/", "page", "Actueel"),
        ("/leerkringen/", "", "Leerkringen"),
        ("/agenda/", "", "Agenda"),
        ("/kaart/", "", "Kaart"),
    ]
    assert footer_links_of(html) == [
        ("/over-ons/", "Over ons"),
        ("/privacyverklaring/", "Privacyverklaring"),
        ("/toegankelijkheidsverklaring/", "Toegankelijkheidsverklaring"),
        ("/zoeken/", "Zoeken"),
        ("/sitemap.xml", "Sitemap"),
    ]


def test_filling_the_defaults_again_leaves_an_editors_own_menu_alone():
    site_settings = SiteSettings.objects.get()
    MainMenuItem.objects.create(site_settings=site_settings, link_url="/forum/", label="Forum")
    before = list(site_settings.main_menu_items.values_list("link_url", "label"))

    frame_defaults.fill(apps)

    assert list(site_settings.main_menu_items.values_list("link_url", "label")) == before


def test_every_site_has_its_own_menu(client):
    other_root = StandardPageFactory(title="Ander netwerk", slug="ander-netwerk")
    Site.objects.create(hostname="ander.example.org", root_page=other_root)
    frame_defaults.fill(apps)

    assert menu_of(client.get("/", headers={"host": "ander.example.org"}).text)[0] == (
        "/",
        "page",
        "Home",
    )
    assert SiteSettings.objects.count() == 2
