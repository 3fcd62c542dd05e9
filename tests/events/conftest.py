"""Fixtures of the agenda's tests: events in every state, made the same way."""

import datetime
import itertools

import pytest
from django.utils import timezone

from events.models import Event, EventStatus

_numbers = itertools.count(1)


def create_event(**fields):
    """A published meeting in two weeks' time, with open registration."""
    number = next(_numbers)
    start = fields.pop("starts_at", timezone.now() + datetime.timedelta(days=14))
    defaults = {
        "title": f"Bijeenkomst open overheid {number}",
        "slug": f"bijeenkomst-{number}",
        "summary": "We praten over actieve openbaarmaking in de praktijk.",
        "description": "<p>Een middag vol voorbeelden.</p>",
        "starts_at": start,
        "ends_at": start + datetime.timedelta(hours=3),
        "status": EventStatus.PUBLISHED,
        "venue_name": "Stadhuis",
        "venue_address": "Grote Markt 1",
        "city": "Zwolle",
    }
    defaults.update(fields)
    organisers = defaults.pop("organisers", [])
    themes = defaults.pop("themes", [])
    event = Event.objects.create(**defaults)
    # Parental many-to-many relations are written when the event is saved.
    event.organisers.set(organisers)
    event.themes.set(themes)
    event.save()
    return event


@pytest.fixture
def make_event(db):
    return create_event


@pytest.fixture
def event(make_event):
    return make_event(capacity=2)
