"""The agenda's demo content: 25 events, attendance and a waiting list, idempotent."""

import pytest

from events import registration as rules
from events.models import Event, Registration
from portal import demo as portal_demo
from portal.demo import events as demo

pytestmark = pytest.mark.django_db


def test_demo_loads_25_events_and_400_registrations_once():
    portal_demo.load_accounts()
    portal_demo.load_themes()
    portal_demo.load_pages()
    demo.load()
    demo.load()
    events = Event.objects.all()
    assert events.count() == 25
    assert sum(event.is_past for event in events) == 16
    assert events.filter(is_online=True).exists()
    assert Registration.objects.count() >= 400
    full = Event.objects.get(slug=demo.FULL_SLUG)
    counts = rules.counts(full)
    assert counts.is_full and counts.waiting > 0
    assert list(
        full.registrations.filter(status="waiting")
        .order_by("waiting_position")
        .values_list("waiting_position", flat=True)
    ) == list(range(1, counts.waiting + 1))
    assert Registration.objects.filter(status="attended").exists()
    assert events.filter(organisers__email=demo.ORGANISER).count() >= 10
