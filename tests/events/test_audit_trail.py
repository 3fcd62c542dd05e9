"""An organiser's actions on an event are in its History in the admin: check-ins,
calling the event off and copying it, with who did it and when."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from events import privacy
from events import registration as rules
from events.models import Event
from events.registration import Applicant

pytestmark = pytest.mark.django_db


@pytest.fixture
def event_with_attendee(make_event, organiser):
    event = make_event(organisers=[organiser], title="Open data café")
    attendee = rules.register(event.pk, Applicant(name="Anna Bakker", email="anna@example.org"))
    return event, attendee


def history(client, event):
    return client.get(reverse("events_admin:history", args=[event.pk])).content.decode()


def actions_logged(event):
    return [
        (entry.action, entry.user_id)
        for entry in ModelLogEntry.objects.filter(object_id=str(event.pk)).order_by("pk")
    ]


def test_check_ins_show_in_the_events_history_with_the_organiser(
    client, organiser, event_with_attendee
):
    event, attendee = event_with_attendee
    client.force_login(organiser)
    url = reverse("events_admin:check_in", args=[event.pk, attendee.pk])
    client.post(url, {"attended": "1"})
    client.post(url, {"attended": "0"})

    assert actions_logged(event) == [
        ("events.check_in.attended", organiser.pk),
        ("events.check_in.no_show", organiser.pk),
    ]
    html = history(client, event)
    assert "Anna Bakker aanwezig gemeld" in html
    assert "Anna Bakker afwezig gemeld" in html
    assert "Olga Organisator" in html
    assert "anna@example.org" not in html


def test_a_check_in_names_nobody_once_the_details_are_wiped(client, organiser, event_with_attendee):
    event, attendee = event_with_attendee
    rules.check_in(attendee.pk, attended=True, by=organiser)
    privacy._wipe(event.registrations.all())

    client.force_login(organiser)
    html = history(client, event)
    assert "Iemand van wie de gegevens zijn gewist aanwezig gemeld" in html
    assert "Anna Bakker" not in html


def test_calling_off_the_event_shows_in_its_history(
    client, organiser, event_with_attendee, django_capture_on_commit_callbacks
):
    event, _attendee = event_with_attendee
    client.force_login(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("events_admin:cancel_event", args=[event.pk]))

    assert actions_logged(event) == [("events.cancel", organiser.pk)]
    assert "Bijeenkomst afgelast; 1 persoon kreeg een e-mail" in history(client, event)


def test_the_copy_of_an_event_says_where_it_came_from_and_who_copied_it(
    client, organiser, event_with_attendee
):
    event, _attendee = event_with_attendee
    client.force_login(organiser)
    client.post(reverse("events_admin:duplicate", args=[event.pk]))

    copy = Event.objects.exclude(pk=event.pk).get()
    assert actions_logged(copy) == [("wagtail.copy", organiser.pk)]
    assert "Open data café" in history(client, copy)


def test_the_site_history_report_lists_the_check_ins(client, editor, event_with_attendee):
    event, attendee = event_with_attendee
    rules.check_in(attendee.pk, attended=True, by=editor)
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Anna Bakker aanwezig gemeld" in html


def test_the_site_history_report_is_for_editors_only(
    client, make_user, event_with_attendee, organiser
):
    """Wagtail would list every event's entries to any organiser; theirs are only their
    own events, so the attendees' names of other events stay out of their sight."""
    event, attendee = event_with_attendee
    rules.check_in(attendee.pk, attended=True, by=organiser)
    other_organiser = make_user(email="ander@example.org", group="Organisatoren")
    client.force_login(other_organiser)
    for name in ("site_history", "site_history_results"):
        response = client.get(reverse(f"wagtailadmin_reports:{name}"))
        assert response.status_code in (302, 403)
        assert "Anna Bakker" not in response.content.decode()
