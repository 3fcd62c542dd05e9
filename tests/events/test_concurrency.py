"""No overbooking under load: many people register for the same event at once.

Real threads, each with its own PostgreSQL connection, against a committed database
(transaction=True): the row lock in events.registration is what is being tested.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.test import Client

from events import registration as rules
from events.registration import Applicant
from tests.factories.events import EventFactory

# Serialized rollback: the migrated data (role groups, page tree) is back afterwards.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _in_own_connection(function):
    def run(*args):
        try:
            return function(*args)
        finally:
            connections.close_all()

    return run


def test_200_concurrent_registrations_for_50_seats_give_50_seats_and_150_waiting():
    event = EventFactory(capacity=50)

    @_in_own_connection
    def register(number):
        made = rules.register(
            event.pk, Applicant(name=f"Deelnemer {number}", email=f"p{number}@example.org")
        )
        return made.status

    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(register, range(200)))

    assert results.count("confirmed") == 50
    assert results.count("waiting") == 150
    positions = sorted(
        event.registrations.filter(status="waiting").values_list("waiting_position", flat=True)
    )
    assert positions == list(range(1, 151))
    assert event.registrations.filter(status="confirmed").count() == 50


def test_concurrent_cancellations_move_the_waiting_list_up_without_gaps():
    event = EventFactory(capacity=10)
    made = [
        rules.register(event.pk, Applicant(name=f"D {n}", email=f"c{n}@example.org"))
        for n in range(30)
    ]
    seated = [r.pk for r in made[:10]]
    waiting_cancels = [r.pk for r in made[10:30:3]]

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(_in_own_connection(rules.cancel), seated[:6] + waiting_cancels))

    assert event.registrations.filter(status="confirmed").count() == 10
    positions = sorted(
        event.registrations.filter(status="waiting").values_list("waiting_position", flat=True)
    )
    assert positions == list(range(1, len(positions) + 1))
    assert len(positions) == 20 - 6 - len(waiting_cancels)


def test_same_person_registering_twice_at_once_gets_one_registration():
    event = EventFactory(capacity=5)

    @_in_own_connection
    def register(_):
        try:
            return rules.register(
                event.pk, Applicant(name="Dubbel", email="dubbel@example.org")
            ).status
        except rules.AlreadyRegistered:
            return "duplicate"

    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(register, range(10)))
    assert results.count("confirmed") == 1
    assert results.count("duplicate") == 9


def test_concurrent_registrations_through_the_web_form(make_user):
    event = EventFactory(capacity=5)
    users = [make_user(email=f"web{n}@example.org", full_name=f"Web {n}") for n in range(15)]

    @_in_own_connection
    def post(user):
        client = Client(headers={"Sec-Fetch-Site": "same-origin"})  # from the event's page
        client.force_login(user)
        return client.post(event.get_absolute_url(), {"name": user.full_name}).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        codes = list(pool.map(post, users))

    assert codes == [302] * 15
    assert event.registrations.filter(status="confirmed").count() == 5
    assert sorted(
        event.registrations.filter(status="waiting").values_list("waiting_position", flat=True)
    ) == list(range(1, 11))
    assert connection.vendor == "postgresql"
