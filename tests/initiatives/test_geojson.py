"""The GeoJSON of the map: valid RFC 7946, same filters as the list, cacheable, and
a constant number of queries however many initiatives there are."""

import gzip
import json

import geojson
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from initiatives.models import Initiative
from portal.demo.bench.initiatives import add_synthetic

URL = "/kaart/initiatieven.geojson"


def fetch(client, query="", **headers):
    response = client.get(URL + query, headers=headers)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


@pytest.fixture
def initiatives(make_initiative):
    return [
        make_initiative(title="Open data Arnhem", place="Arnhem", theme_slugs=("open-data",)),
        make_initiative(
            title="Inwonerspanel Ede",
            place="Ede",
            theme_slugs=("participatie",),
            organisation_type="provincie",
        ),
        make_initiative(
            title="Open data Leeuwarden",
            place="Leeuwarden",
            theme_slugs=("open-data", "open-contact"),
        ),
        make_initiative(
            title="Nog niet beoordeeld", place="Arnhem", status=Initiative.Status.SUBMITTED
        ),
        make_initiative(title="Afgewezen", place="Arnhem", status=Initiative.Status.REJECTED),
    ]


def titles(body):
    return sorted(feature["properties"]["title"] for feature in json.loads(body)["features"])


def test_geojson_is_a_valid_feature_collection_of_published_initiatives(client, initiatives):
    response, body = fetch(client)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    collection = geojson.loads(body.decode())
    assert isinstance(collection, geojson.FeatureCollection)
    assert collection.is_valid, collection.errors()
    assert titles(body) == ["Inwonerspanel Ede", "Open data Arnhem", "Open data Leeuwarden"]
    arnhem = next(
        f for f in collection["features"] if f["properties"]["title"] == "Open data Arnhem"
    )
    # RFC 7946: longitude first.
    assert arnhem["geometry"]["coordinates"] == [5.899, 51.985]
    assert arnhem["properties"]["url"] == "/kaart/open-data-arnhem/"
    assert "geheim-contact@example.org" not in body.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?thema=open-data", ["Open data Arnhem", "Open data Leeuwarden"]),
        ("?thema=open-data&provincie=gelderland", ["Open data Arnhem"]),
        ("?organisatie=provincie", ["Inwonerspanel Ede"]),
        ("?q=leeuwarden", ["Open data Leeuwarden"]),
        ("?q=open+arnhem", ["Open data Arnhem"]),
        ("?provincie=zeeland", []),
        ("?thema=bestaat-niet&provincie=friesland", ["Open data Leeuwarden"]),
    ],
)
def test_geojson_honours_the_filters_of_the_map(client, initiatives, query, expected):
    assert titles(fetch(client, query)[1]) == expected
    # The list on the map page shows the very same initiatives.
    page = client.get("/kaart/" + query).text
    for initiative in initiatives:
        assert (f">{initiative.title}</a>" in page) == (initiative.title in expected)


def test_browser_keeps_the_geojson_asks_again_each_time_and_gets_304_until_a_change(
    client, initiatives
):
    response, _ = fetch(client)
    assert response["Cache-Control"] == "public, max-age=0, must-revalidate"
    etag = response["ETag"]
    again, body = fetch(client, **{"If-None-Match": etag})
    assert again.status_code == 304
    assert body == b""
    filtered, _ = fetch(client, "?thema=open-data")
    assert filtered["ETag"] != etag
    initiatives[3].status = Initiative.Status.PUBLISHED
    initiatives[3].save()
    changed, body = fetch(client, **{"If-None-Match": etag})
    assert changed.status_code == 200
    assert "Nog niet beoordeeld" in titles(body)


def test_initiative_published_on_the_map_shows_in_the_geojson_at_once(client, initiatives):
    assert "Nog niet beoordeeld" not in titles(fetch(client)[1])
    initiatives[3].status = Initiative.Status.PUBLISHED
    initiatives[3].save()
    assert "Nog niet beoordeeld" in titles(fetch(client)[1])
    assert "Nog niet beoordeeld" not in titles(fetch(client, "?provincie=friesland")[1])


def test_gzipped_geojson_decompresses_to_the_same_bytes(client, initiatives):
    plain, body = fetch(client)
    zipped, compressed = fetch(client, **{"Accept-Encoding": "gzip"})
    assert zipped["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped["Vary"]
    assert gzip.decompress(compressed) == body
    assert zipped["ETag"] != plain["ETag"]
    assert zipped["Access-Control-Allow-Origin"] == "*"


def test_warm_geojson_takes_no_database_query(client, initiatives, django_assert_num_queries):
    fetch(client, "?thema=open-data", **{"Accept-Encoding": "gzip"})
    with django_assert_num_queries(0):
        response, body = fetch(client, "?thema=open-data", **{"Accept-Encoding": "gzip"})
    assert titles(gzip.decompress(body)) == ["Open data Arnhem", "Open data Leeuwarden"]


def test_filters_in_another_order_or_with_other_parameters_share_one_copy(
    client, initiatives, django_assert_num_queries
):
    fetch(client, "?thema=open-data&provincie=gelderland")
    with django_assert_num_queries(0):
        _, body = fetch(client, "?utm_source=mail&provincie=gelderland&thema=open-data")
    assert titles(body) == ["Open data Arnhem"]


def test_geojson_of_ten_thousand_initiatives_takes_a_constant_number_of_queries(
    client, themes, make_initiative
):
    make_initiative()
    with CaptureQueriesContext(connection) as few:
        _, body = fetch(client, "?thema=open-data")
    add_synthetic(10_000)
    with CaptureQueriesContext(connection) as many:
        _, body = fetch(client)
    assert len(json.loads(body)["features"]) == 10_001
    assert len(many) <= len(few) <= 3


def test_geojson_of_ten_thousand_initiatives_is_at_most_300_kb_on_the_wire(client, themes):
    add_synthetic(10_000)
    response, body = fetch(client, **{"Accept-Encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert len(body) <= 300_000
    assert len(json.loads(gzip.decompress(body))["features"]) == 10_000
