"""Fixtures of the leerkringen tests: an open leerkring and one that asks for approval."""

import pytest

from communities.models import SignupMode
from tests.factories.communities import LeerkringFactory


@pytest.fixture
def make_leerkring(db):
    """LeerkringFactory, for tests that make leerkringen of their own."""
    return LeerkringFactory


@pytest.fixture
def open_leerkring(db):
    return LeerkringFactory(name="Open data bij gemeenten", slug="open-data-gemeenten")


@pytest.fixture
def approval_leerkring(db, coordinator):
    return LeerkringFactory(
        name="Waterschappen open",
        slug="waterschappen-open",
        audience=["waterschap"],
        signup_mode=SignupMode.APPROVAL,
        coordinators=[coordinator],
    )
