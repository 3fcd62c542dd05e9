"""The municipalities ship with the project and are loaded by a migration."""

import pytest
from django.utils.text import slugify

from initiatives import geo
from initiatives.models import Municipality
from portal.taxonomy import Province

PLACES = geo.read_gazetteer()


def test_data_file_names_its_source_and_date():
    header = geo.GAZETTEER.read_text(encoding="utf-8").splitlines()[:8]
    assert any("CBS" in line and "2025" in line for line in header)
    assert any("approximate" in line for line in header)


def test_gazetteer_has_every_current_municipality_once():
    names = [place.name for place in PLACES]
    assert len(names) == 342
    assert len(set(names)) == len(names)
    assert len({slugify(name) for name in names}) == len(names)


def test_every_province_is_present_with_its_municipalities():
    provinces = {place.province for place in PLACES}
    assert provinces == set(Province.values)
    counts = {province: 0 for province in Province.values}
    for place in PLACES:
        counts[place.province] += 1
    assert counts["gelderland"] == 51
    assert counts["flevoland"] == 6
    assert counts["zeeland"] == 13


def test_every_centre_lies_in_the_netherlands():
    outside = [p.name for p in PLACES if not geo.in_netherlands(p.latitude, p.longitude)]
    assert outside == []


def test_well_known_places_lie_where_they_should():
    by_name = {place.name: place for place in PLACES}
    # Groningen lies north of Maastricht, Vaals east of Vlissingen.
    assert by_name["Groningen"].latitude > by_name["Maastricht"].latitude + 2
    assert by_name["Vaals"].longitude > by_name["Vlissingen"].longitude + 2
    assert geo.distance_km(
        by_name["Amsterdam"].latitude,
        by_name["Amsterdam"].longitude,
        by_name["Utrecht"].latitude,
        by_name["Utrecht"].longitude,
    ) == pytest.approx(35, abs=5)


@pytest.mark.django_db
def test_migration_loads_the_gazetteer():
    assert Municipality.objects.count() == 342
    assert Municipality.objects.get(slug="s-gravenhage").province == "zuid-holland"
    assert Municipality.objects.get(name="Bergen (L.)").province == "limburg"
