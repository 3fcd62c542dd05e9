"""Registering on the event page, confirming and cancelling through e-mailed links,
"my registrations", reminders and the privacy rules."""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from events import links, privacy
from events import registration as rules
from events.models import Registration
from events.registration import Applicant
from portal import personal_data
from tests.factories.events import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sending(django_capture_on_commit_callbacks):
    """`with sending():` delivers the e-mails queued inside the block (on commit)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def link_in(message, name):
    return re.search(rf"https?://\S+/agenda/{name}/\S+/", message.body).group(0)


def test_professional_sees_a_prefilled_form_and_gets_the_ics_by_email(
    client, make_event, professional, mailoutbox, sending
):
    event = make_event(ask_job_title=True, is_online=True, online_url="https://meet.example.org/x")
    client.force_login(professional)
    page = client.get(event.get_absolute_url()).content.decode()
    assert 'value="Gemeente Zwolle"' in page and 'value="Beleidsadviseur"' in page
    with sending():
        response = client.post(
            event.get_absolute_url(),
            {"name": "Priya Jansen", "organisation": "Gemeente Zwolle", "job_title": "Adviseur"},
        )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (registration.user, registration.status, registration.job_title) == (
        professional,
        "confirmed",
        "Adviseur",
    )
    [message] = mailoutbox
    assert message.subject == f"Je bent aangemeld voor {event.title}"
    filename, content, mimetype = message.attachments[0]
    assert (filename, mimetype) == ("bijeenkomst.ics", "text/calendar")
    [component] = Calendar.from_ical(content).walk("VEVENT")
    assert event.get_absolute_url() in str(component["url"])
    assert "meet.example.org/x" in message.body
    assert "/agenda/afmelden/" in message.body


def test_guest_confirms_by_email_before_the_seat_is_theirs(client, make_event, mailoutbox, sending):
    event = make_event(capacity=1)
    with sending():
        response = client.post(
            event.get_absolute_url(),
            {"name": "Gast", "email": "Gast@Example.org", "organisation": "Provincie Gelderland"},
        )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (registration.status, registration.email) == ("pending", "gast@example.org")
    confirm_link = link_in(mailoutbox[0], "bevestigen")
    mailoutbox.clear()

    # Opening the link (as a mail scanner does) changes nothing.
    page = client.get(confirm_link)
    assert page.status_code == 200 and "Ik bevestig mijn aanmelding" in page.content.decode()
    registration.refresh_from_db()
    assert registration.status == "pending"

    with sending():
        assert client.post(confirm_link).status_code == 200
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    assert mailoutbox[0].attachments[0][0] == "bijeenkomst.ics"


def test_guest_registering_twice_gets_the_same_answer_and_one_registration(
    client, make_event, mailoutbox, sending
):
    event = make_event()
    data = {"name": "Gast", "email": "gast@example.org", "organisation": "Gemeente Ede"}
    with sending():
        client.post(event.get_absolute_url(), data)
        second = client.post(event.get_absolute_url(), data, follow=True)
    assert "Bijna klaar" in second.content.decode()
    assert Registration.objects.count() == 1
    assert len(mailoutbox) == 1  # not sent again so soon (test_registration_limits.py)


def test_after_a_guest_registers_the_page_shows_what_next_and_no_empty_form(
    client, make_event, sending
):
    event = make_event()
    data = {"name": "Gast", "email": "gast@example.org", "organisation": "Gemeente Ede"}
    with sending():
        response = client.post(event.get_absolute_url(), data, follow=True)
    html = response.content.decode()
    assert "Bijna klaar" in html
    assert 'class="registration-form"' not in html
    assert "Iemand anders aanmelden" in html
    # Coming back later, the form is there again (for someone else).
    assert 'class="registration-form"' in client.get(event.get_absolute_url()).content.decode()


def test_tampered_and_expired_links_get_a_clear_message(client, make_event, monkeypatch):
    event = make_event()
    registration = rules.register(event.pk, Applicant(name="A", email="a@example.org"))
    cancel_link = links.cancel_url(registration)
    tampered = cancel_link.replace("/afmelden/", "/afmelden/x")
    response = client.post(tampered)
    assert response.status_code == 400
    assert "niet compleet of is veranderd" in response.content.decode()
    monkeypatch.setitem(links.MAX_AGE, links.CANCEL, -1)
    response = client.post(cancel_link)
    assert response.status_code == 400 and "verlopen" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_cancel_link_asks_first_and_the_button_moves_the_waiting_list_up(
    client, make_event, mailoutbox, sending
):
    event = make_event(capacity=1)
    seated = rules.register(event.pk, Applicant(name="A", email="a@example.org"))
    waiting = rules.register(event.pk, Applicant(name="B", email="b@example.org"))
    cancel_link = links.cancel_url(seated)
    assert "Afmelden" in client.get(cancel_link).content.decode()
    seated.refresh_from_db()
    assert seated.status == "confirmed"
    with sending():
        client.post(cancel_link)
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert {m.to[0] for m in mailoutbox} == {"a@example.org", "b@example.org"}


def test_a_stale_cancel_page_after_the_event_says_so_in_dutch_and_changes_nothing(
    client, make_event, professional
):
    """The button was on the page before the event; the rule refuses it now."""
    event = make_event()
    mine = rules.register(
        event.pk, Applicant(name="Priya", email=professional.email, user=professional)
    )
    client.force_login(professional)
    cancel_url = f"/account/aanmeldingen/{mine.pk}/afmelden/"
    assert cancel_url in client.get("/account/aanmeldingen/").content.decode()
    over = timezone.now() - datetime.timedelta(hours=1)
    event.starts_at, event.ends_at = over - datetime.timedelta(hours=2), over
    event.save()
    assert cancel_url not in client.get("/account/aanmeldingen/").content.decode()
    cancel_link = links.cancel_url(mine)
    assert "Deze bijeenkomst is al geweest." in client.get(cancel_link).content.decode()
    refused = client.post(cancel_link, follow=True).content.decode()
    assert "Deze aanmelding kun je niet meer annuleren." in refused
    refused = client.post(cancel_url, follow=True)
    assert "Deze aanmelding kun je niet meer annuleren." in refused.content.decode()
    mine.refresh_from_db()
    assert mine.status == "confirmed"


def test_full_event_puts_a_professional_on_the_waiting_list_with_their_position(
    client, make_event, professional
):
    event = make_event(capacity=1)
    rules.register(event.pk, Applicant(name="A", email="a@example.org"))
    client.force_login(professional)
    response = client.post(event.get_absolute_url(), {"name": "Priya", "organisation": "X"})
    assert "plaats 1 van de wachtlijst" in client.get(response.url).content.decode()


def test_professional_who_registered_as_a_guest_first_sees_that_registration(
    client, make_event, professional
):
    event = make_event()
    rules.register(event.pk, Applicant(name="Priya", email=professional.email.upper()))
    Registration.objects.update(status="confirmed")
    client.force_login(professional)
    page = client.get(event.get_absolute_url()).content.decode()
    assert 'class="registration-form"' not in page  # no second registration offered


def test_closed_window_refuses_the_form(client, make_event):
    event = make_event(registration_closes_at=timezone.now() - datetime.timedelta(hours=1))
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Aanmelden is nu niet mogelijk." in page
    response = client.post(
        event.get_absolute_url(), {"name": "A", "email": "a@example.org", "organisation": "X"}
    )
    assert response.status_code == 400
    assert "kan niet meer" in response.content.decode()
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"name": "", "email": "", "organisation": ""},
        {"name": "x" * 151, "email": "a@example.org", "organisation": "X"},
        {"name": "A", "email": "geen-adres", "organisation": "X"},
        {"name": "A", "email": "a@example.org", "organisation": "X", "q_choice": "Niet bestaand"},
        {"name": "A", "email": "' OR 1=1 --", "organisation": "<script>alert(1)</script>"},
        {"name": "A", "email": "a@example.org", "organisation": "X", "q_text": "9" * 400},
    ],
)
def test_bad_input_gets_a_message_keeps_the_input_and_stores_nothing(client, make_event, data):
    event = make_event()
    event.questions.create(label="Sessie", kind="choice", choices="Ochtend\nMiddag", required=True)
    event.questions.create(label="Vraag", kind="text")
    event.save()
    choice, text = event.questions.order_by("sort_order", "pk")
    data = {
        key.replace("q_choice", choice.key).replace("q_text", text.key): value
        for key, value in data.items()
    }
    data.setdefault(choice.key, "Ochtend")
    response = client.post(event.get_absolute_url(), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Kijk de velden hieronder na." in page
    assert "<script>alert(1)</script>" not in page
    if data.get("organisation"):
        assert "value=" in page
    assert not Registration.objects.exists()


def test_custom_answers_are_stored_per_question(client, make_event):
    event = make_event()
    question = event.questions.create(label="Sessie", kind="choice", choices="Ochtend\nMiddag")
    event.save()
    client.post(
        event.get_absolute_url(),
        {"name": "A", "email": "a@example.org", "organisation": "X", question.key: "Middag"},
    )
    assert Registration.objects.get().answers == {question.key: "Middag"}


def test_my_registrations_lists_and_cancels_only_my_own(
    client, make_event, professional, make_user
):
    event = make_event()
    mine = rules.register(
        event.pk, Applicant(name="Priya", email=professional.email, user=professional)
    )
    other_user = make_user(email="ander@example.org")
    other = rules.register(event.pk, Applicant(name="B", email=other_user.email, user=other_user))
    client.force_login(professional)
    page = client.get("/account/aanmeldingen/").content.decode()
    assert event.title in page
    assert event.title in client.get("/account/").content.decode()
    assert client.post(f"/account/aanmeldingen/{other.pk}/afmelden/").status_code == 404
    client.post(f"/account/aanmeldingen/{mine.pk}/afmelden/")
    mine.refresh_from_db()
    other.refresh_from_db()
    assert (mine.status, other.status) == ("cancelled", "confirmed")
    assert client.get(f"/account/aanmeldingen/{mine.pk}/afmelden/").status_code == 405
    # And registering again after cancelling works.
    client.post(event.get_absolute_url(), {"name": "Priya", "organisation": "X"})
    assert Registration.objects.filter(user=professional, status="confirmed").count() == 1


def test_my_registrations_needs_login(client):
    assert client.get("/account/aanmeldingen/").status_code == 302


def test_data_download_includes_registrations_and_deleting_the_account_moves_up(
    client, make_event, professional
):
    event = make_event(capacity=1)
    rules.register(event.pk, Applicant(name="Priya", email=professional.email, user=professional))
    waiting = rules.register(event.pk, Applicant(name="B", email="b@example.org"))
    data = personal_data.export_user_data(professional)
    assert data["event_registrations"][0]["event"] == event.title
    personal_data.delete_user(professional)
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert not Registration.objects.filter(email=professional.email).exists()


def test_deleting_the_account_wipes_a_registration_for_an_event_that_is_over(
    make_event, professional
):
    """Too late to cancel (the rule refuses), so it stays in the counts, nameless."""
    event = make_event()
    mine = rules.register(
        event.pk, Applicant(name="Priya", email=professional.email, user=professional)
    )
    over = timezone.now() - datetime.timedelta(hours=1)
    event.starts_at, event.ends_at = over - datetime.timedelta(hours=2), over
    event.save()
    personal_data.delete_user(professional)
    mine.refresh_from_db()
    assert (mine.status, mine.name, mine.user) == ("confirmed", privacy.ANONYMOUS_NAME, None)


def test_reminders_go_out_once_with_the_online_link(make_event, mailoutbox, sending, settings):
    settings.EVENTS_REMINDER_DAYS = 2
    soon = make_event(
        starts_at=timezone.now() + datetime.timedelta(days=1),
        is_online=True,
        online_url="https://meet.example.org/r",
    )
    later = make_event(starts_at=timezone.now() + datetime.timedelta(days=10))
    rules.register(soon.pk, Applicant(name="A", email="a@example.org"))
    rules.register(later.pk, Applicant(name="B", email="b@example.org"))
    with sending():
        call_command("send_event_reminders", stdout=io.StringIO())
        call_command("send_event_reminders", stdout=io.StringIO())
    [message] = mailoutbox
    assert message.to == ["a@example.org"] and "meet.example.org/r" in message.body


def test_attendees_are_anonymised_after_the_retention_period_and_counts_stay(make_event, settings):
    settings.EVENTS_ANONYMISE_AFTER_DAYS = 30
    old = make_event(starts_at=timezone.now() - datetime.timedelta(days=40), capacity=None)
    recent = make_event(starts_at=timezone.now() - datetime.timedelta(days=5))
    for event in (old, recent):
        for number in range(3):
            RegistrationFactory(
                event=event, name=f"N{number}", email=f"n{number}@example.org", status="attended"
            )
    call_command("anonymise_attendees", stdout=io.StringIO())
    assert set(old.registrations.values_list("name", flat=True)) == {"—"}
    assert old.registrations.filter(status="attended").count() == 3
    assert not old.registrations.filter(email__startswith="n").exists()
    assert recent.registrations.filter(name="N0").exists()


def test_a_guest_registration_never_confirmed_is_forgotten_once_its_link_has_expired(
    make_event,
):
    """Somebody typed an address that was not theirs, or never clicked: the address
    is not kept after the confirmation link stopped working."""
    event = make_event()
    expired = rules.register(
        event.pk, Applicant("Vreemde", "ander@example.org"), needs_confirmation=True
    )
    fresh = rules.register(event.pk, Applicant("Gast", "gast@example.org"), needs_confirmation=True)
    confirmed = rules.register(event.pk, Applicant("Lid", "lid@example.org"))
    link_age = datetime.timedelta(seconds=links.MAX_AGE[links.CONFIRM])
    Registration.objects.filter(pk=expired.pk).update(
        created_at=timezone.now() - link_age - datetime.timedelta(minutes=1)
    )
    Registration.objects.filter(pk=confirmed.pk).update(created_at=timezone.now() - 2 * link_age)

    privacy.delete_expired_pending()

    assert set(event.registrations.values_list("pk", flat=True)) == {fresh.pk, confirmed.pk}
