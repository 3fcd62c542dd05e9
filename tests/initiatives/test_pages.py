"""The map page with its list, the detail page, the home teaser and the search."""

import json
import re

import pytest
from django.test import override_settings

from initiatives.models import Initiative
from portal.demo import initiatives as demo


def test_map_page_lists_published_initiatives_with_a_map_config(client, make_initiative):
    make_initiative(title="Open data Arnhem", place="Arnhem")
    make_initiative(title="Wacht nog", place="Arnhem", status=Initiative.Status.SUBMITTED)
    response = client.get("/kaart/?thema=open-data")
    assert response.status_code == 200
    assert "Open data Arnhem" in response.text
    assert "Wacht nog" not in response.text
    assert "1 initiatief gevonden" in response.text
    config = json.loads(
        re.search(
            r'<script id="initiatives-map-config" type="application/json">(.*?)</script>',
            response.text,
        ).group(1)
    )
    assert config["geojson"] == "/kaart/initiatieven.geojson?thema=open-data"
    # By default no tile server: our own vector layer, and nothing from elsewhere.
    assert config["tileUrl"] == ""
    assert config["base"]["provinces"].startswith("/static/map/provinces")
    assert "img-src 'self' data: blob:;" in response["Content-Security-Policy"]
    assert re.search(r"<script>", response.text) is None


def test_map_page_paginates_and_keeps_the_filters(
    client, make_initiative, django_assert_max_num_queries
):
    for number in range(25):
        make_initiative(title=f"Initiatief {number}", place="Utrecht")
    with django_assert_max_num_queries(12):
        response = client.get("/kaart/?provincie=utrecht&pagina=2")
    assert response.status_code == 200
    assert "Pagina 2 van 2" in response.text
    assert "/kaart/initiatieven.geojson?provincie=utrecht" in response.text
    assert "pagina=2" not in response.text.split("initiatives-map-config")[1].split("</script>")[0]


def test_unknown_filter_values_do_not_break_the_page(client, make_initiative):
    make_initiative()
    for query in [
        "?provincie=atlantis",
        "?thema=%00",
        "?q=" + "x" * 5000,
        "?pagina=999",
        "?organisatie[]=1",
    ]:
        assert client.get("/kaart/" + query).status_code == 200


def test_detail_page_shows_the_initiative_without_contact_address(
    client, make_initiative, django_assert_max_num_queries
):
    initiative = make_initiative(
        title="Open raad Zwolle",
        description="Eerste regel.\nTweede regel.",
        website="https://www.example.nl/raad",
        theme_slugs=("open-data", "open-verantwoording"),
    )
    make_initiative(title="Buren in Kampen", place="Kampen", theme_slugs=("participatie",))
    make_initiative(title="Data in Maastricht", place="Maastricht", theme_slugs=("open-data",))
    with django_assert_max_num_queries(10):
        response = client.get(initiative.get_absolute_url())
    assert response.status_code == 200
    page = response.text
    assert "<p>Eerste regel.<br>Tweede regel.</p>" in page
    assert 'href="https://www.example.nl/raad"' in page
    assert "Open Verantwoording" in page
    assert "geheim-contact@example.org" not in page
    nearby = page.split('id="nearby-heading"')[1].split("</section>")[0]
    assert nearby.index("Buren in Kampen") < nearby.index("Data in Maastricht")
    related = page.split('id="related-heading"')[1].split("</section>")[0]
    assert "Data in Maastricht" in related
    assert "Buren in Kampen" not in related


def test_unpublished_or_unknown_initiative_is_not_found(client, make_initiative):
    initiative = make_initiative(status=Initiative.Status.REJECTED)
    assert client.get(initiative.get_absolute_url()).status_code == 404
    assert client.get("/kaart/bestaat-niet/").status_code == 404


def test_home_page_shows_the_number_of_initiatives(client, make_initiative):
    make_initiative(title="Een")
    make_initiative(title="Twee")
    make_initiative(title="Drie", status=Initiative.Status.SUBMITTED)
    response = client.get("/")
    assert "<strong>2</strong> initiatieven op de kaart" in response.text


def test_search_finds_initiatives_and_links_to_the_filtered_map(client, make_initiative):
    make_initiative(title="Waterkwaliteit in Goes", place="Goes", summary="Metingen van het water.")
    make_initiative(title="Verborgen water", place="Goes", status=Initiative.Status.SUBMITTED)
    response = client.get("/zoeken/?q=waterkwaliteit")
    assert "Waterkwaliteit in Goes" in response.text
    assert "/kaart/?q=waterkwaliteit" in response.text
    assert "Verborgen water" not in client.get("/zoeken/?q=water").text


@override_settings(
    MAP_TILE_URL="https://{s}.tiles.example.org/{z}/{x}/{y}.png",
    MAP_TILE_ATTRIBUTION="&copy; Voorbeeld",
)
def test_a_configured_tile_server_is_allowed_on_the_pages_with_a_map_only(client, make_initiative):
    initiative = make_initiative()
    for path in ["/kaart/", initiative.get_absolute_url(), "/kaart/aanmelden/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert '"tileUrl": "https://{s}.tiles.example.org/{z}/{x}/{y}.png"' in response.text
        assert "https://*.tiles.example.org" in response["Content-Security-Policy"], path
    assert "tiles.example.org" not in client.get("/zoeken/")["Content-Security-Policy"]


def test_demo_content_covers_the_country_and_runs_twice(themes):
    from portal.models import Theme
    from portal.taxonomy import Province, Sector

    demo.load()
    demo.load()
    initiatives = Initiative.objects.all()
    assert initiatives.count() >= 120
    assert set(initiatives.values_list("province", flat=True)) == set(Province.values)
    assert set(initiatives.values_list("organisation_type", flat=True)) == set(Sector.values)
    used = set(Theme.objects.filter(initiatives__isnull=False).values_list("slug", flat=True))
    assert used == set(Theme.objects.values_list("slug", flat=True))
    assert initiatives.filter(status=Initiative.Status.SUBMITTED).count() >= 3
    assert len({i.title for i in initiatives}) == initiatives.count()


@pytest.mark.parametrize("path", ["/kaart/", "/kaart/aanmelden/"])
def test_pages_send_no_inline_scripts(client, themes, path):
    response = client.get(path)
    assert "<script>" not in response.text
    assert " style=" not in response.text


def test_map_search_finds_dutch_plurals_compounds_and_places(client, make_initiative):
    make_initiative(title="Inwoners kiezen mee", place="Goes", summary="Een participatietraject.")
    make_initiative(title="Dijken in beeld", place="Zwolle", summary="Het waterschap deelt data.")
    for query, expected in [
        ("participatie", "Inwoners kiezen mee"),
        ("waterschappen", "Dijken in beeld"),
        ("zwolle", "Dijken in beeld"),
    ]:
        html = client.get("/kaart/", {"q": query}).content.decode()
        assert f">{expected}</a>" in html
        other = {"Inwoners kiezen mee", "Dijken in beeld"} - {expected}
        assert f">{other.pop()}</a>" not in html
