"""The core rule: who gets a seat, who waits, who moves up (events.registration)."""

import datetime

import pytest
from django.db import IntegrityError
from django.utils import timezone, translation

from events import registration as rules
from events.models import Registration, RegistrationStatus
from events.registration import Applicant

pytestmark = pytest.mark.django_db


def person(number, **fields):
    return Applicant(name=f"Deelnemer {number}", email=f"deelnemer{number}@example.org", **fields)


def register(event, number, **kwargs):
    return rules.register(event.pk, person(number), **kwargs)


def statuses(event):
    return list(
        event.registrations.order_by("created_at", "pk").values_list(
            "email", "status", "waiting_position"
        )
    )


def test_first_people_get_a_seat_and_the_rest_wait_in_order(event):
    made = [register(event, number) for number in range(1, 6)]
    assert [r.status for r in made] == ["confirmed", "confirmed", "waiting", "waiting", "waiting"]
    assert [r.waiting_position for r in made] == [None, None, 1, 2, 3]
    counts = rules.counts(event)
    assert (counts.confirmed, counts.waiting, counts.seats_left, counts.is_full) == (2, 3, 0, True)


def test_event_without_capacity_never_fills(make_event):
    event = make_event(capacity=None)
    for number in range(5):
        assert register(event, number).status == RegistrationStatus.CONFIRMED
    assert rules.counts(event).seats_left is None


def test_cancelled_seat_goes_to_first_on_waiting_list_who_is_emailed(
    event, mailoutbox, django_capture_on_commit_callbacks
):
    first, _, waiting_1, waiting_2, waiting_3 = [register(event, n) for n in range(1, 6)]
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        rules.cancel(first.pk)
    waiting_1.refresh_from_db()
    assert (waiting_1.status, waiting_1.waiting_position) == ("confirmed", None)
    assert list(
        event.registrations.filter(status="waiting")
        .order_by("waiting_position")
        .values_list("pk", "waiting_position")
    ) == [(waiting_2.pk, 1), (waiting_3.pk, 2)]
    subjects = {message.to[0]: message.subject for message in mailoutbox}
    assert "Er is een plek vrijgekomen" in subjects["deelnemer3@example.org"]
    moved_up_mail = next(m for m in mailoutbox if m.to == ["deelnemer3@example.org"])
    assert moved_up_mail.attachments[0][0] == "bijeenkomst.ics"
    assert "afgemeld" in subjects["deelnemer1@example.org"]


def test_cancelling_from_the_waiting_list_closes_the_gap(event):
    made = [register(event, n) for n in range(1, 6)]
    rules.cancel(made[3].pk)  # waiting position 2
    assert [row[2] for row in statuses(event) if row[1] == "waiting"] == [1, 2]
    assert rules.counts(event).confirmed == 2


def test_cancelling_twice_changes_nothing(event):
    made = register(event, 1)
    rules.cancel(made.pk)
    again = rules.cancel(made.pk)
    assert again.status == RegistrationStatus.CANCELLED


def test_visitor_cannot_cancel_after_the_event_even_via_the_service(
    make_event, mailoutbox, django_capture_on_commit_callbacks
):
    """The rule is in registration.cancel, under the event's lock, not only in the
    pages that hide the button: nothing changes and nobody is mailed."""
    event = make_event(capacity=1)
    seated, waiting = register(event, 1), register(event, 2)
    over = timezone.now() - datetime.timedelta(hours=1)
    event.starts_at, event.ends_at = over - datetime.timedelta(hours=2), over
    event.save()
    mailoutbox.clear()
    for registration in (seated, waiting):
        with (
            django_capture_on_commit_callbacks(execute=True),
            pytest.raises(rules.RegistrationError) as refused,
        ):
            rules.cancel(registration.pk)
        assert refused.value.code == "too_late_to_cancel"
        with translation.override("nl"):
            assert str(refused.value) == "Deze aanmelding kun je niet meer annuleren."
    assert statuses(event) == [
        ("deelnemer1@example.org", "confirmed", None),
        ("deelnemer2@example.org", "waiting", 1),
    ]
    assert mailoutbox == []


def test_a_checked_in_person_cannot_cancel_afterwards(event):
    made = register(event, 1)
    rules.check_in(made.pk, attended=True)
    with pytest.raises(rules.RegistrationError) as refused:
        rules.cancel(made.pk)
    assert refused.value.code == "too_late_to_cancel"
    made.refresh_from_db()
    assert made.status == RegistrationStatus.ATTENDED


def test_an_account_holder_has_one_live_registration_even_under_an_old_address(event, professional):
    rules.register(event.pk, Applicant(name="Priya", email="oud@example.org", user=professional))
    with pytest.raises(rules.AlreadyRegistered) as refused:
        rules.register(
            event.pk, Applicant(name="Priya", email=professional.email, user=professional)
        )
    assert refused.value.registration.email == "oud@example.org"
    assert event.registrations.count() == 1


def test_a_guest_typing_a_registered_address_is_not_told_and_its_owner_is_mailed_again(
    event, mailoutbox, django_capture_on_commit_callbacks
):
    """Telling the guest would show anyone who is registered; the owner hears of it,
    at most once every MAIL_AGAIN_AFTER (test_registration_limits.py)."""
    made = register(event, 1, needs_confirmation=True)
    Registration.objects.filter(pk=made.pk).update(last_mailed_at=None)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert rules.sign_up(event.pk, person(1)) is None
    [message] = mailoutbox
    assert message.to == ["deelnemer1@example.org"]
    assert event.registrations.count() == 1


def test_an_account_holder_signing_up_twice_is_told(event, professional):
    applicant = Applicant(name="Priya", email=professional.email, user=professional)
    first = rules.sign_up(event.pk, applicant)
    with pytest.raises(rules.AlreadyRegistered) as refused:
        rules.sign_up(event.pk, applicant)
    assert refused.value.registration == first
    with translation.override("nl"):
        assert refused.value.message == "Je bent al aangemeld voor deze bijeenkomst."


def test_one_live_registration_per_email_but_registering_again_after_cancelling_works(event):
    made = register(event, 1)
    with pytest.raises(rules.AlreadyRegistered):
        rules.register(event.pk, Applicant(name="Ander", email="DEELNEMER1@example.org"))
    rules.cancel(made.pk)
    again = register(event, 1)
    assert again.status == RegistrationStatus.CONFIRMED
    assert event.registrations.count() == 2


def test_database_refuses_a_second_live_registration_for_the_same_address(event):
    register(event, 1)
    with pytest.raises(IntegrityError):
        Registration.objects.create(
            event=event,
            name="X",
            email="Deelnemer1@Example.org",
            status="waiting",
            waiting_position=9,
        )


def test_registration_window_is_enforced(make_event):
    now = timezone.now()
    not_yet = make_event(registration_opens_at=now + datetime.timedelta(days=1))
    closed = make_event(registration_closes_at=now - datetime.timedelta(minutes=1))
    started = make_event(starts_at=now - datetime.timedelta(minutes=5))
    draft = make_event(status="draft")
    cancelled = make_event(status="cancelled")
    for event in (not_yet, closed, started, draft, cancelled):
        with pytest.raises(rules.RegistrationError) as refused:
            register(event, 1)
        assert refused.value.code == "closed"
    open_now = make_event(
        registration_opens_at=now - datetime.timedelta(days=1),
        registration_closes_at=now + datetime.timedelta(days=1),
    )
    assert register(open_now, 1).status == RegistrationStatus.CONFIRMED


def test_guest_waits_for_confirmation_and_capacity_counts_at_confirmation(event):
    guest = register(event, 1, needs_confirmation=True)
    assert guest.status == RegistrationStatus.PENDING
    register(event, 2)
    register(event, 3)  # the two seats are taken before the guest confirms
    confirmed = rules.confirm_guest(guest.pk)
    assert (confirmed.status, confirmed.waiting_position) == ("waiting", 1)
    assert rules.confirm_guest(guest.pk).waiting_position == 1  # twice changes nothing


def test_raising_the_capacity_moves_people_up(event):
    made = [register(event, n) for n in range(1, 5)]
    event.capacity = 3
    event.save()
    moved = rules.fill_free_seats(event.pk)
    assert [r.pk for r in moved] == [made[2].pk]
    made[3].refresh_from_db()
    assert made[3].waiting_position == 1


def test_cancelling_an_event_emails_everyone_registered(
    event, mailoutbox, django_capture_on_commit_callbacks
):
    made = [register(event, n) for n in range(1, 4)]
    rules.cancel(made[0].pk)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert rules.cancel_event(event.pk) == 2
    assert sorted(m.to[0] for m in mailoutbox) == [
        "deelnemer2@example.org",
        "deelnemer3@example.org",
    ]
    assert all(m.subject.startswith("Afgelast") for m in mailoutbox)
    event.refresh_from_db()
    assert event.status == "cancelled"
    assert rules.counts(event).cancelled == 3


def test_check_in_marks_attended_or_no_show_and_keeps_the_seat(event):
    made = register(event, 1)
    assert rules.check_in(made.pk, attended=True).status == RegistrationStatus.ATTENDED
    assert rules.check_in(made.pk, attended=False).status == RegistrationStatus.NO_SHOW
    assert rules.counts(event).seated == 1
    waiting = [register(event, n) for n in range(2, 4)][-1]
    with pytest.raises(rules.RegistrationError) as refused:
        rules.check_in(waiting.pk, attended=True)
    assert refused.value.code == "not_seated"
