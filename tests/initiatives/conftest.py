"""Fixtures of the map: themes and a factory for initiatives."""

from decimal import Decimal

import pytest

from initiatives.models import Initiative, Municipality
from portal import demo


@pytest.fixture
def themes(db):
    demo.load_themes()
    from portal.models import Theme

    return {theme.slug: theme for theme in Theme.objects.all()}


@pytest.fixture
def make_initiative(db, themes):
    def make(
        title="Open raad in Zwolle", municipality="Zwolle", theme_slugs=("open-data",), **fields
    ):
        place = Municipality.objects.get(name=municipality)
        fields.setdefault("summary", "Alle raadsstukken als open data.")
        fields.setdefault("description", "Een lange beschrijving.")
        fields.setdefault("organisation_name", f"Gemeente {place.name}")
        fields.setdefault("organisation_type", "gemeente")
        fields.setdefault("latitude", place.latitude)
        fields.setdefault("longitude", place.longitude)
        fields.setdefault("status", Initiative.Status.PUBLISHED)
        fields.setdefault("contact_email", "geheim-contact@example.org")
        initiative = Initiative.objects.create(title=title, municipality=place, **fields)
        initiative.themes.set([themes[slug] for slug in theme_slugs])
        return initiative

    return make


def point(latitude, longitude):
    return {"latitude": str(Decimal(latitude)), "longitude": str(Decimal(longitude))}
