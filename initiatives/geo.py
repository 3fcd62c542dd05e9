"""Where an initiative may lie: the core rule of the map.

A point must lie in the European Netherlands (a bounding box the database also
enforces with a check constraint) and near the municipality it is said to be in, so a
typo in a coordinate or a point in the North Sea is caught. Distances are computed on
a sphere; for "nearby" lists the database computes an equirectangular approximation,
which is exact enough at the scale of a country.
"""

import csv
import math
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.db.models import F, FloatField, Value
from django.db.models.functions import Cast, Power
from django.utils.text import slugify

# The European Netherlands, Wadden islands and Zeeuws-Vlaanderen included, with a
# small margin for the coast.
MIN_LATITUDE = Decimal("50.70")
MAX_LATITUDE = Decimal("53.70")
MIN_LONGITUDE = Decimal("3.20")
MAX_LONGITUDE = Decimal("7.30")

# The largest municipalities (Súdwest-Fryslân, Hollands Kroon) reach about 25 km from
# their main town; a point farther than this from its municipality's centre is a mistake.
MAX_KM_FROM_MUNICIPALITY = 30

# Five decimals of a degree: about a metre, more than a map click means.
PRECISION = Decimal("0.00001")
EARTH_RADIUS_KM = 6371.0
GAZETTEER = Path(__file__).resolve().parent / "data" / "gemeenten.csv"


@dataclass(frozen=True)
class Place:
    name: str
    province: str
    latitude: Decimal
    longitude: Decimal


def read_gazetteer(path=GAZETTEER) -> list[Place]:
    """The municipalities from the data file (comment lines start with #)."""
    with open(path, encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return [
            Place(row["name"], row["province"], Decimal(row["latitude"]), Decimal(row["longitude"]))
            for row in csv.DictReader(lines)
        ]


def load_gazetteer(municipality_model) -> None:
    """Create or update the municipalities from the data file. Takes the model as an
    argument, so the data migration can pass its historical model."""
    for place in read_gazetteer():
        municipality_model.objects.update_or_create(
            name=place.name,
            defaults={
                "slug": slugify(place.name),
                "province": place.province,
                "latitude": place.latitude,
                "longitude": place.longitude,
            },
        )


def in_netherlands(latitude, longitude) -> bool:
    return (
        MIN_LATITUDE <= Decimal(latitude) <= MAX_LATITUDE
        and MIN_LONGITUDE <= Decimal(longitude) <= MAX_LONGITUDE
    )


def distance_km(lat1, lon1, lat2, lon2) -> float:
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(float(lat1)), math.radians(float(lat2))
    dphi = phi2 - phi1
    dlambda = math.radians(float(lon2) - float(lon1))
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def near_municipality(latitude, longitude, municipality) -> bool:
    return (
        distance_km(latitude, longitude, municipality.latitude, municipality.longitude)
        <= MAX_KM_FROM_MUNICIPALITY
    )


def squared_distance(latitude, longitude):
    """An expression for the (squared, scaled) distance of each row's point to a point,
    for ordering in SQL: longitude degrees shrink with the cosine of the latitude."""
    scale = math.cos(math.radians(float(latitude)))
    lat = Cast(F("latitude"), FloatField()) - Value(float(latitude))
    lon = (Cast(F("longitude"), FloatField()) - Value(float(longitude))) * Value(scale)
    return Power(lat, 2) + Power(lon, 2)
