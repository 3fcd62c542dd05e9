"""Logged-in visitors get the agenda's list and an event's description from the
fragment cache (portal/fragments.py): a registration that fills an event shows at
once, the seats are counted only for the events on the page, and what one person
may see never reaches another."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events import registration as rules
from events.registration import Applicant
from portal import content_versions

pytestmark = pytest.mark.django_db

MAX_QUERIES = 15
FULL = "Vol — aanmelden voor de wachtlijst"


@pytest.fixture
def visitor(client, professional):
    client.force_login(professional)
    return client


def register(event, number):
    rules.register(event.pk, Applicant(name=f"P {number}", email=f"p{number}@example.org"))


def test_the_agenda_says_full_at_once_when_the_last_seat_is_taken(visitor, make_event):
    event = make_event(title="Bijna vol", capacity=1)
    assert FULL not in visitor.get("/agenda/").content.decode()
    register(event, 1)
    assert FULL in visitor.get("/agenda/").content.decode()


def test_a_newly_published_event_is_in_the_agenda_at_once(visitor, make_event):
    make_event(title="Al bekend")
    assert "Al bekend" in visitor.get("/agenda/").content.decode()
    make_event(title="Zojuist gepubliceerd")
    assert "Zojuist gepubliceerd" in visitor.get("/agenda/").content.decode()


def agenda_queries(client):
    """Queries of the agenda just after a change to it, and then unchanged."""
    client.get("/agenda/")  # the site's frame (menu, footer) as on any other page
    content_versions.bump("events")
    with CaptureQueriesContext(connection) as drawn:
        assert client.get("/agenda/").status_code == 200
    with CaptureQueriesContext(connection) as cached:
        assert client.get("/agenda/").status_code == 200
    return len(drawn), len(cached)


def test_the_agenda_counts_seats_only_for_the_events_on_its_page(visitor, make_event):
    """The seats of a page of events take one query, however many events and
    registrations there are; an unchanged list takes none."""
    for number in range(3):
        register(make_event(capacity=5), number)
    few = agenda_queries(visitor)
    for number in range(3, 40):
        event = make_event(capacity=5)
        for person in range(3):
            register(event, f"{number}-{person}")
    many = agenda_queries(visitor)
    assert few == many
    drawn, cached = many
    assert drawn <= MAX_QUERIES and cached < drawn


def test_only_a_seat_holder_sees_the_meeting_link_though_the_page_is_cached(
    client, make_event, professional, make_user
):
    event = make_event(is_online=True, online_url="https://meet.example.org/geheim")
    client.force_login(professional)
    rules.register(event.pk, Applicant(name="Priya", email=professional.email, user=professional))
    assert "meet.example.org/geheim" in client.get(event.get_absolute_url()).content.decode()

    client.force_login(make_user())
    assert "geheim" not in client.get(event.get_absolute_url()).content.decode()
    client.logout()
    assert "geheim" not in client.get(event.get_absolute_url()).content.decode()
