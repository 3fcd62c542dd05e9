"""Fixtures of the expertise centre's tests: a knowledge broker (Kennismakelaar)."""

import pytest

from portal.roles import KNOWLEDGE_BROKERS
from tests.factories.users import UserFactory


@pytest.fixture
def broker(db):
    return UserFactory(
        email="kennismakelaar@example.org", group=KNOWLEDGE_BROKERS, full_name="Kim Makelaar"
    )
