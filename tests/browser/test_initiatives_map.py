"""The map in a real browser: filtering, submitting, publishing, and axe.

The tile server is out of reach here: its requests are blocked, and every page must
still work (list, markers) without a console error from our code.
"""

import io
import re

import pytest
from PIL import Image as PillowImage
from playwright.sync_api import expect

from initiatives.models import Initiative
from portal import demo
from portal.roles import EDITORS
from tests.factories.initiatives import InitiativeFactory
from tests.factories.users import PASSWORD

TILES = "https://tile.openstreetmap.org/**"


@pytest.fixture
def map_page(page):
    page.route(TILES, lambda route: route.abort())
    return page


@pytest.fixture
def initiatives(site_url):
    demo.load_themes()

    def make(title, place, theme_slug, **fields):
        return InitiativeFactory(
            title=title,
            place=place,
            theme_slugs=[theme_slug],
            summary=f"Samenvatting van {title}.",
            description="Beschrijving.\nMet een tweede regel.",
            **fields,
        )

    return [
        make("Open data Arnhem", "Arnhem", "open-data", website="https://arnhem.example.nl"),
        make("Inwonerspanel Nijmegen", "Nijmegen", "participatie"),
        make("Open data Leeuwarden", "Leeuwarden", "open-data"),
        make("Brieven in gewone taal Maastricht", "Maastricht", "open-contact"),
    ]


def list_items(page):
    return page.locator(".initiatives-list__items > li")


def test_visitor_filters_the_map_and_sees_markers_and_list_change(map_page, initiatives):
    page = map_page
    page.goto("/kaart/")
    expect(page.locator("#initiatives-map")).to_have_attribute("data-count", "4")
    expect(list_items(page)).to_have_count(4)
    assert page.locator("#initiatives-map .leaflet-marker-icon").count() >= 1

    page.get_by_label("Thema", exact=True).select_option("open-data")
    page.get_by_label("Provincie", exact=True).select_option("gelderland")
    page.get_by_role("button", name="Toon initiatieven").click()

    expect(page).to_have_url(re.compile(r"thema=open-data.*provincie=gelderland"))
    expect(page.locator("#initiatives-map")).to_have_attribute("data-count", "1")
    expect(list_items(page)).to_have_count(1)
    expect(list_items(page)).to_contain_text("Open data Arnhem")
    expect(page.locator("#initiatives-map .leaflet-marker-icon")).to_have_count(1)

    # The marker's popup links to the initiative.
    page.locator("#initiatives-map .leaflet-marker-icon").click()
    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("Samenvatting van Open data Arnhem.")
    popup.get_by_role("link").click()
    expect(page.locator("h1")).to_have_text("Open data Arnhem")
    assert not page.console_errors, page.console_errors


def test_shared_filtered_map_shows_the_same_initiatives(map_page, initiatives):
    page = map_page
    page.goto("/kaart/?thema=open-data")
    expect(page.locator("#initiatives-map")).to_have_attribute("data-count", "2")
    expect(list_items(page)).to_have_count(2)
    expect(page.get_by_label("Thema", exact=True)).to_have_value("open-data")


def test_visitor_submits_an_initiative_and_an_editor_publishes_it(
    map_page, initiatives, make_user, log_in, mailoutbox, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    page = map_page
    make_user(email="redacteur@example.org", group=EDITORS, full_name="Ruben Redacteur")
    page.goto("/kaart/")
    page.get_by_role("link", name="Zet een initiatief op de kaart").first.click()

    page.get_by_label("Titel", exact=True).fill("Buurtbudget Deventer")
    page.get_by_label("Samenvatting", exact=True).fill("Bewoners beslissen samen over een budget.")
    page.get_by_label("Beschrijving", exact=True).fill("Elk jaar kiezen bewoners de plannen.")
    page.get_by_label("Open Aanpak").check()
    page.get_by_label("Organisatie", exact=True).fill("Gemeente Deventer")
    page.get_by_label("Soort organisatie").select_option("gemeente")
    page.get_by_label("Gemeente", exact=True).fill("Deventer")
    page.get_by_label("Gemeente", exact=True).press("Tab")
    expect(page.locator("#initiatives-picker-status")).to_contain_text("midden van de gemeente")
    # A click on the map refines the point.
    page.locator("#initiatives-map").click(position={"x": 200, "y": 150})
    expect(page.locator("#initiatives-picker-status")).to_contain_text("zelf")
    assert page.locator("#id_latitude").input_value().startswith("52.")
    photo = io.BytesIO()
    PillowImage.new("RGB", (400, 300), "teal").save(photo, "JPEG")
    page.get_by_label("Afbeelding (optioneel)").set_input_files(
        {"name": "buurt.jpg", "mimeType": "image/jpeg", "buffer": photo.getvalue()}
    )
    page.get_by_label("Beschrijving van de afbeelding").fill("Bewoners stemmen op plannen")
    page.get_by_label("Ons eigen initiatief").check()
    page.get_by_label("Je naam").fill("Daan Visser")
    page.get_by_label("Je e-mailadres").fill("daan@example.nl")
    page.get_by_role("button", name="Initiatief versturen").click()
    expect(page.locator("h1")).to_have_text("Bedankt voor je initiatief")

    initiative = Initiative.objects.get(title="Buurtbudget Deventer")
    assert initiative.status == Initiative.Status.SUBMITTED
    assert initiative.municipality.name == "Deventer"
    assert {tuple(mail.to) for mail in mailoutbox} == {
        ("daan@example.nl",),
        ("redacteur@example.org",),
    }

    log_in("redacteur@example.org", PASSWORD)
    page.goto("/admin/initiatieven/?status=submitted")
    expect(page.get_by_text("Buurtbudget Deventer")).to_be_visible()
    page.goto(f"/admin/initiatieven/moderate/{initiative.pk}/")
    page.get_by_role("button", name="Publiceren op de kaart").click()
    expect(page.get_by_text("staat op de kaart")).to_be_visible()

    page.goto("/kaart/?provincie=overijssel")
    expect(page.locator("#initiatives-map")).to_have_attribute("data-count", "1")
    expect(list_items(page)).to_contain_text("Buurtbudget Deventer")
    response = page.request.get("/kaart/initiatieven.geojson")
    assert "Buurtbudget Deventer" in response.text()
    page.goto(initiative.get_absolute_url())
    # Media files are not served in tests: the rendition and its alt text are what count.
    image = page.locator("img.initiative-image")
    expect(image).to_have_attribute("alt", "Bewoners stemmen op plannen")
    expect(image).to_have_attribute("src", re.compile(r"^/media/images/initiatief-.*\.jpg$"))


def test_map_page_has_no_accessibility_violations(map_page, initiatives, assert_accessible):
    map_page.goto("/kaart/")
    expect(map_page.locator("#initiatives-map")).to_have_attribute("data-count", "4")
    assert map_page.locator("h1").count() == 1
    assert_accessible(map_page)


def test_detail_page_has_no_accessibility_violations(map_page, initiatives, assert_accessible):
    map_page.goto(initiatives[0].get_absolute_url())
    expect(map_page.locator("#initiatives-map .leaflet-marker-icon")).to_have_count(1)
    assert_accessible(map_page)


def test_submission_form_with_errors_has_no_accessibility_violations(
    map_page, initiatives, assert_accessible
):
    map_page.goto("/kaart/aanmelden/")
    map_page.get_by_label("Titel", exact=True).fill("Alleen een titel")
    map_page.get_by_role("button", name="Initiatief versturen").click()
    expect(map_page.locator(".errorlist").first).to_be_visible()
    expect(map_page.get_by_label("Titel", exact=True)).to_have_value("Alleen een titel")
    assert_accessible(map_page)
