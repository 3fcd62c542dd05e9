"""The map works without a tile server, and no public page asks another server for
anything by default (initiatives/basemap.py, static/map/).

Every request that leaves the live server's origin is recorded and refused, as if
the visitor had no network beyond our own site.
"""

import re

import pytest
from playwright.sync_api import expect

from blog.models import ArticlePage
from communities.models import Leerkring
from events.models import Event
from initiatives.models import Initiative
from portal import demo
from tests.factories.initiatives import InitiativeFactory

TILE_SERVER = "https://tiles.example.org"
PROVINCES = 12
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d4944415478da636460f80f0000030101009a5d6b9d0000000049454e44ae426082"
)


@pytest.fixture
def offline_page(page, site_url):
    """A page whose requests to any other origin are recorded and aborted."""
    page.elsewhere = []

    def only_our_origin(route):
        url = route.request.url
        if url.startswith(site_url + "/") or url == site_url or url.startswith("data:"):
            route.continue_()
        else:
            page.elsewhere.append(url)
            route.abort()

    page.route("**/*", only_our_origin)
    return page


@pytest.fixture
def initiatives(site_url):
    demo.load_themes()
    return [
        InitiativeFactory(title=title, place=place, theme_slugs=["open-data"])
        for title, place in [
            ("Open data Groningen", "Groningen"),
            ("Open data Arnhem", "Arnhem"),
            ("Open data Middelburg", "Middelburg"),
        ]
    ]


def test_without_tiles_and_network_the_map_shows_the_provinces_and_the_initiatives(
    offline_page, initiatives, settings
):
    settings.MAP_TILE_URL = ""
    page = offline_page
    page.goto("/kaart/")
    expect(page.locator("#initiatives-map")).to_have_attribute("data-count", "3")
    provinces = page.locator("#initiatives-map path.map-province")
    expect(provinces).to_have_count(PROVINCES)
    expect(page.locator("#initiatives-map path.map-country")).to_have_count(1)
    markers = page.locator("#initiatives-map .leaflet-marker-icon")
    assert markers.count() >= 1
    expect(markers.first).to_be_visible()
    assert page.locator("#initiatives-map .leaflet-tile").count() == 0
    expect(page.locator("#initiatives-map .leaflet-control-attribution")).to_contain_text(
        "Natural Earth"
    )
    assert page.elsewhere == []
    assert not page.console_errors, page.console_errors


def test_the_municipalities_appear_only_when_the_map_is_zoomed_in(offline_page, initiatives):
    page = offline_page
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto("/kaart/")
    expect(page.locator("#initiatives-map path.map-province")).to_have_count(PROVINCES)
    assert not any("municipalities" in url for url in fetched)
    assert page.locator(".map-place-label").count() == 0

    # Zoom in with the keyboard, as a person without a mouse would.
    page.locator("#initiatives-map").focus()
    for _step in range(4):
        page.keyboard.press("+")
        page.wait_for_timeout(400)  # a key pressed during the zoom animation is lost
    expect(page.locator(".map-place-label").locator("visible=true")).not_to_have_count(0)
    assert any("municipalities" in url for url in fetched)
    assert page.elsewhere == []


def test_on_a_phone_the_map_comes_before_the_list(offline_page, initiatives):
    page = offline_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/kaart/")
    expect(page.locator("#initiatives-map")).to_have_attribute("data-count", "3")
    map_box = page.locator("#initiatives-map").bounding_box()
    list_box = page.locator("#initiatives-list").bounding_box()
    assert map_box["y"] + map_box["height"] <= list_box["y"]
    assert map_box["width"] <= 390


def test_the_keyboard_can_skip_the_map_to_the_list(offline_page, initiatives):
    page = offline_page
    page.goto("/kaart/")
    skip = page.get_by_role("link", name="Sla de kaart over, naar de lijst")
    skip.focus()
    expect(skip).to_be_visible()
    skip.press("Enter")
    expect(page.locator("#initiatives-list")).to_be_focused()


def test_map_without_tiles_has_no_accessibility_violations(
    offline_page, initiatives, assert_accessible
):
    offline_page.goto("/kaart/")
    expect(offline_page.locator("#initiatives-map path.map-province")).to_have_count(PROVINCES)
    assert_accessible(offline_page)


def test_a_configured_tile_server_is_allowed_and_asked_for_tiles(page, initiatives, settings):
    settings.MAP_TILE_URL = TILE_SERVER + "/{z}/{x}/{y}.png"
    settings.MAP_TILE_ATTRIBUTION = "Kaartgegevens &copy; Voorbeeld"
    tiles = []

    def serve_tile(route):
        tiles.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=PNG)

    page.route(TILE_SERVER + "/**", serve_tile)
    response = page.goto("/kaart/")
    policy = response.headers["content-security-policy"]
    assert re.search(r"img-src [^;]*" + re.escape(TILE_SERVER), policy)
    expect(page.locator("#initiatives-map .leaflet-tile-loaded").first).to_be_visible()
    assert tiles and all(re.match(TILE_SERVER + r"/\d+/\d+/\d+\.png$", url) for url in tiles)
    # The vector layer still lies over the tiles: outlined provinces.
    expect(page.locator("#initiatives-map path.map-province")).to_have_count(PROVINCES)
    expect(page.locator("#initiatives-map .leaflet-control-attribution")).to_contain_text(
        "Voorbeeld"
    )
    assert not page.console_errors, page.console_errors


def test_without_a_tile_server_no_public_page_asks_another_origin(offline_page, settings):
    settings.MAP_TILE_URL = ""
    demo.load()
    page = offline_page
    initiative = Initiative.objects.published().first()
    paths = [
        "/",
        "/actueel/",
        ArticlePage.objects.live().first().url,
        "/leerkringen/",
        Leerkring.objects.public().first().get_absolute_url(),
        "/agenda/",
        Event.objects.published().first().get_absolute_url(),
        "/kaart/",
        initiative.get_absolute_url(),
        "/kaart/aanmelden/",
        "/nieuwsbrief/",
        "/zoeken/?q=open",
        "/account/login/",
    ]
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
        if path == "/kaart/":
            expect(page.locator("#initiatives-map path.map-province")).to_have_count(PROVINCES)
        assert page.elsewhere == [], (path, page.elsewhere)
        assert "img-src 'self' data: blob:;" in response.headers["content-security-policy"]
    assert not page.console_errors, page.console_errors
