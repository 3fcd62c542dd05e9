"""The GeoJSON of the map: valid RFC 7946, same filters as the list, cacheable, and
a constant number of queries however many initiatives there are."""

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


def test_geojson_can_be_cached_and_revalidated(client, initiatives):
    response, _ = fetch(client)
    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]
    assert response["Last-Modified"]
    etag = response["ETag"]
    again, _ = fetch(client, **{"If-None-Match": etag})
    assert again.status_code == 304
    filtered, _ = fetch(client, "?thema=open-data")
    assert filtered["ETag"] != etag
    initiatives[3].status = Initiative.Status.PUBLISHED
    initiatives[3].save()
    changed, body = fetch(client, **{"If-None-Match": etag})
    assert changed.status_code == 200
    assert "Nog niet beoordeeld" in titles(body)


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
