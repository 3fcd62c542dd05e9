"""Fixtures of the leerkringen tests: leerkringen in every sign-up mode, made the same way."""

import itertools

import pytest

from communities.models import Leerkring, Membership, MembershipStatus, SignupMode

_numbers = itertools.count(1)


def create_leerkring(**fields):
    """An open leerkring for municipalities, without a maximum."""
    number = next(_numbers)
    defaults = {
        "name": f"Leerkring gemeenten {number}",
        "slug": f"leerkring-{number}",
        "short_description": "Gemeenten leren van elkaar over actieve openbaarmaking.",
        "description": "<p>We komen elke maand samen.</p>",
        "audience": ["gemeente"],
        "signup_mode": SignupMode.OPEN,
        "meeting_rhythm": "Elke maand online",
        "contact_email": "leerkring@example.org",
    }
    defaults.update(fields)
    coordinators = defaults.pop("coordinators", [])
    themes = defaults.pop("themes", [])
    leerkring = Leerkring.objects.create(**defaults)
    # Parental many-to-many relations are written when the leerkring is saved.
    leerkring.coordinators.set(coordinators)
    leerkring.themes.set(themes)
    leerkring.save()
    return leerkring


def add_member(leerkring, user, status=MembershipStatus.ACTIVE, **fields):
    return Membership.objects.create(leerkring=leerkring, user=user, status=status, **fields)


@pytest.fixture
def make_leerkring(db):
    return create_leerkring


@pytest.fixture
def open_leerkring(make_leerkring):
    return make_leerkring(name="Open data bij gemeenten", slug="open-data-gemeenten")


@pytest.fixture
def approval_leerkring(make_leerkring, coordinator):
    return make_leerkring(
        name="Waterschappen open",
        slug="waterschappen-open",
        audience=["waterschap"],
        signup_mode=SignupMode.APPROVAL,
        coordinators=[coordinator],
    )
