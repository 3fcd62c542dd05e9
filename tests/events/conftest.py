"""Fixtures of the agenda's tests: an event with two seats."""

import pytest

from tests.factories.events import EventFactory


@pytest.fixture
def make_event(db):
    """EventFactory, for tests that make events of their own."""
    return EventFactory


@pytest.fixture
def event(db):
    return EventFactory(capacity=2)
