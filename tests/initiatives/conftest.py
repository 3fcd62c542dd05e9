"""Fixtures of the map: the demo's themes, and initiatives."""

from decimal import Decimal

import pytest

from portal import demo
from tests.factories.initiatives import InitiativeFactory


@pytest.fixture
def themes(db):
    demo.load_themes()
    from portal.models import Theme

    return {theme.slug: theme for theme in Theme.objects.all()}


@pytest.fixture
def make_initiative(themes):
    """InitiativeFactory, with the demo's themes to choose from."""
    return InitiativeFactory


def point(latitude, longitude):
    return {"latitude": str(Decimal(latitude)), "longitude": str(Decimal(longitude))}
