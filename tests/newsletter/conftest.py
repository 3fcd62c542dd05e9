"""Fixtures of the newsletter tests: subscribers and the topics they can choose."""

import pytest

from tests.factories.communities import LeerkringFactory
from tests.factories.newsletter import SubscriberFactory
from tests.factories.portal import ThemeFactory


@pytest.fixture
def make_subscriber(db):
    """SubscriberFactory, for tests that make subscribers of their own."""
    return SubscriberFactory


@pytest.fixture
def topics(db):
    """Two themes and a leerkring people can choose as newsletter topics."""
    return {
        "data": ThemeFactory(name="Open Data", slug="open-data"),
        "contact": ThemeFactory(name="Open Contact", slug="open-contact"),
        "kring": LeerkringFactory(name="Waterschappen open", slug="waterschappen-open"),
    }
