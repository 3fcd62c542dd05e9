"""The registration form cannot be used to flood someone's mailbox or to fill the
agenda with robots' registrations: limits per client and per address, and an
"already registered" e-mail at most once every few minutes."""

import datetime
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections
from django.utils import timezone

from events import registration as rules
from events.models import Registration
from events.registration import Applicant
from tests.factories.events import EventFactory

VICTIM = "slachtoffer@example.org"


@pytest.fixture
def sending(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def guest(email=VICTIM, name="Gast"):
    return {"name": name, "email": email, "organisation": "Gemeente Ede"}


@pytest.mark.django_db
def test_twenty_registrations_with_a_victims_address_send_one_email(
    client, make_event, mailoutbox, sending
):
    event = make_event()
    with sending():
        statuses = [
            client.post(event.get_absolute_url(), guest(), REMOTE_ADDR=f"10.0.1.{n}").status_code
            for n in range(20)
        ]
    assert len(mailoutbox) == 1
    assert Registration.objects.count() == 1
    assert statuses[: rules.REGISTRATIONS_PER_ADDRESS] == [302] * rules.REGISTRATIONS_PER_ADDRESS
    assert set(statuses[rules.REGISTRATIONS_PER_ADDRESS :]) == {429}


@pytest.mark.django_db
def test_a_victims_address_does_not_pile_up_pending_registrations_over_events(
    client, make_event, mailoutbox, sending
):
    events = [make_event() for _n in range(10)]
    with sending():
        for number, event in enumerate(events):
            client.post(event.get_absolute_url(), guest(), REMOTE_ADDR=f"10.0.2.{number}")
    assert Registration.objects.filter(email=VICTIM).count() == rules.REGISTRATIONS_PER_ADDRESS
    assert len(mailoutbox) == rules.REGISTRATIONS_PER_ADDRESS


@pytest.mark.django_db
def test_a_burst_from_one_client_is_refused_in_dutch_and_keeps_what_was_typed(
    client, make_event, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    event = make_event(capacity=None)
    statuses = []
    for number in range(50):
        response = client.post(
            event.get_absolute_url(),
            guest(f"persoon{number}@example.org", name=f"Persoon {number}"),
            REMOTE_ADDR="127.0.0.1",  # the proxy
            HTTP_X_FORWARDED_FOR=f"10.9.9.{number}, 203.0.113.7",
        )
        statuses.append(response.status_code)
    limit = rules.REGISTRATIONS_PER_CLIENT
    assert statuses == [302] * limit + [429] * (50 - limit)
    page = response.content.decode()
    assert "Je hebt je in korte tijd vaak aangemeld. Probeer het later opnieuw." in page
    assert 'value="Persoon 49"' in page
    other = client.post(
        event.get_absolute_url(),
        guest("ander@example.org"),
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.8",
    )
    assert other.status_code == 302


@pytest.mark.django_db
def test_an_account_holder_is_limited_too(client, make_event, professional):
    client.force_login(professional)
    events = [make_event(capacity=None) for _n in range(rules.REGISTRATIONS_PER_CLIENT + 1)]
    statuses = [
        client.post(event.get_absolute_url(), {"name": "Priya Jansen"}).status_code
        for event in events
    ]
    assert statuses[-1] == 429
    assert set(statuses[:-1]) == {302}


@pytest.mark.django_db
def test_already_registered_is_mailed_again_only_after_some_minutes(
    make_event, mailoutbox, sending, monkeypatch
):
    event = make_event()
    with sending():
        existing = rules.register(event.pk, Applicant("Gast", VICTIM), needs_confirmation=True)
        assert not rules.mail_again(existing)
    assert len(mailoutbox) == 1
    later = timezone.now() + rules.MAIL_AGAIN_AFTER + datetime.timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    with sending():
        assert rules.mail_again(existing)
        assert not rules.mail_again(existing)
    assert len(mailoutbox) == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_repeats_mail_an_existing_registration_once(mailoutbox, monkeypatch):
    event = EventFactory()
    existing = rules.register(event.pk, Applicant("Gast", VICTIM), needs_confirmation=True)
    later = timezone.now() + rules.MAIL_AGAIN_AFTER + datetime.timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)

    def repeat(_number):
        try:
            return rules.mail_again(existing)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(repeat, range(20)))
    assert results.count(True) == 1
