"""Organisers in the Wagtail admin: their own events only, registrations, check-in,
exports, duplicating, cancelling, messages, and the key figures panel."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from events import registration as rules
from events.models import Event, Registration, YearTarget
from events.registration import Applicant
from tests.factories.events import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_event(make_event, organiser):
    event = make_event(capacity=2, organisers=[organiser], title="Eigen bijeenkomst")
    question = event.questions.create(label="Welke workshop?", kind="text")
    event.save()
    people = [
        ("Zoë de Wit", "zoe@example.org", '=HYPERLINK("http://evil")', "Ochtend"),
        ("Anna Bakker", "anna@example.org", "Gemeente Ede", "+31 6 1234"),
        ("Bram Jansen", "bram@example.org", "@Rijk", "-"),
    ]
    for name, email, organisation, answer in people:
        rules.register(
            event.pk,
            Applicant(
                name=name, email=email, organisation=organisation, answers={question.key: answer}
            ),
        )
    return event


@pytest.fixture
def other_event(make_event, make_user):
    someone = make_user(email="iemand@example.org", group="Organisatoren")
    event = make_event(organisers=[someone], title="Andermans bijeenkomst")
    rules.register(event.pk, Applicant(name="Geheim", email="geheim@example.org"))
    return event


def admin_url(name, event, *args):
    return reverse(f"events_admin:{name}", args=[event.pk, *args])


def test_organiser_sees_only_their_own_events_in_the_admin(
    client, organiser, own_event, other_event
):
    client.force_login(organiser)
    listing = client.get(reverse("events_admin:index")).content.decode()
    assert "Eigen bijeenkomst" in listing and "Andermans bijeenkomst" not in listing
    assert client.get(admin_url("edit", own_event)).status_code == 200
    for name in (
        "edit",
        "delete",
        "registrations",
        "export_csv",
        "export_xlsx",
        "checkin_list",
        "message",
        "cancel_event",
        "history",
    ):
        assert client.get(admin_url(name, other_event)).status_code == 404, name
    assert client.post(admin_url("duplicate", other_event)).status_code == 404


def test_editor_sees_every_event(client, editor, own_event, other_event):
    client.force_login(editor)
    listing = client.get(reverse("events_admin:index")).content.decode()
    assert "Eigen bijeenkomst" in listing and "Andermans bijeenkomst" in listing
    assert client.get(admin_url("export_csv", other_event)).status_code == 200


def test_professional_cannot_reach_the_admin_tools(client, professional, own_event):
    client.force_login(professional)
    assert client.get(admin_url("export_csv", own_event)).status_code in (302, 403)


def test_organiser_creates_an_event_and_becomes_its_organiser(client, organiser):
    client.force_login(organiser)
    response = client.post(
        reverse("events_admin:add"),
        {
            "title": "Nieuwe werksessie",
            "slug": "nieuwe-werksessie",
            "event_type": "werksessie",
            "status": "published",
            "summary": "Samen werken aan open data.",
            "starts_at": "2030-03-01 10:00",
            "ends_at": "2030-03-01 12:00",
            "description": '{"blocks": [{"key": "a", "type": "unstyled", "text": "Tekst", '
            '"depth": 0, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
            "ask_organisation": "on",
            "questions-TOTAL_FORMS": "0",
            "questions-INITIAL_FORMS": "0",
            "questions-MIN_NUM_FORMS": "0",
            "questions-MAX_NUM_FORMS": "1000",
            "partners-TOTAL_FORMS": "0",
            "partners-INITIAL_FORMS": "0",
            "partners-MIN_NUM_FORMS": "0",
            "partners-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.get(slug="nieuwe-werksessie")
    assert list(event.organisers.all()) == [organiser]


def test_registration_list_shows_counts_and_filters_and_searches(
    client, organiser, own_event, django_assert_max_num_queries
):
    client.force_login(organiser)
    page = client.get(admin_url("registrations", own_event)).content.decode()
    assert "Zoë de Wit" in page and "Wachtlijst" in page
    page = client.get(admin_url("registrations", own_event) + "?status=waiting").content.decode()
    assert "Bram Jansen" in page and "Anna Bakker" not in page
    page = client.get(admin_url("registrations", own_event) + "?q=bram").content.decode()
    assert "Bram Jansen" in page and "Anna Bakker" not in page
    for number in range(30):
        rules.register(own_event.pk, Applicant(name=f"Extra {number}", email=f"x{number}@e.org"))
    with django_assert_max_num_queries(20):
        assert client.get(admin_url("registrations", own_event)).status_code == 200


def test_check_in_marks_attended_and_no_show_by_post_only(client, organiser, own_event):
    client.force_login(organiser)
    seated = own_event.registrations.filter(status="confirmed").first()
    url = admin_url("check_in", own_event, seated.pk)
    assert client.get(url).status_code == 405
    client.post(url, {"attended": "1", "next": "https://evil.example.org/"})
    seated.refresh_from_db()
    assert seated.status == "attended" and seated.checked_in_at
    client.post(url, {"attended": "0"})
    seated.refresh_from_db()
    assert seated.status == "no_show"


def test_check_in_of_another_events_registration_is_refused(
    client, organiser, own_event, other_event
):
    client.force_login(organiser)
    foreign = other_event.registrations.get()
    client.post(admin_url("check_in", own_event, foreign.pk), {"attended": "1"})
    foreign.refresh_from_db()
    assert foreign.status == "confirmed"


def read_csv(response, delimiter):
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=delimiter))


def test_organiser_exports_attendee_list_as_csv_with_dutch_headings(client, organiser, own_event):
    client.force_login(organiser)
    response = client.get(admin_url("export_csv", own_event))
    assert response.streaming and response["Content-Type"] == "text/csv; charset=utf-8"
    rows = read_csv(response, ",")
    assert rows[0][:3] == ["Naam", "E-mailadres", "Organisatie"]
    assert "Welke workshop?" in rows[0] and "Status" in rows[0]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Zoë de Wit"][2] == '\'=HYPERLINK("http://evil")'
    assert by_name["Bram Jansen"][2] == "'@Rijk"
    answer_column = rows[0].index("Welke workshop?")
    assert by_name["Anna Bakker"][answer_column] == "'+31 6 1234"
    assert by_name["Bram Jansen"][rows[0].index("Status")] == "Wachtlijst"


def test_semicolon_csv_opens_in_dutch_excel(client, organiser, own_event):
    client.force_login(organiser)
    rows = read_csv(client.get(admin_url("export_csv_excel", own_event)), ";")
    assert rows[0][0] == "Naam" and len(rows) == 4


def test_organiser_exports_attendee_list_as_xlsx(client, organiser, own_event):
    client.force_login(organiser)
    response = client.get(admin_url("export_xlsx", own_event))
    assert "spreadsheetml" in response["Content-Type"]
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][0] == "Naam" and "Welke workshop?" in rows[0]
    # A text cell: shown as typed, never run, and without the CSV's apostrophe.
    evil = next(row for row in workbook.active.iter_rows(min_row=2) if row[0].value == "Zoë de Wit")
    assert evil[2].value == '=HYPERLINK("http://evil")' and evil[2].data_type == "s"
    assert len(rows) == 4


def test_export_follows_the_list_filter(client, organiser, own_event):
    client.force_login(organiser)
    rows = read_csv(client.get(admin_url("export_csv", own_event) + "?status=confirmed"), ",")
    assert len(rows) == 3


def test_checkin_list_is_alphabetical_with_only_seated_people(client, organiser, own_event):
    client.force_login(organiser)
    page = client.get(admin_url("checkin_list", own_event)).content.decode()
    assert page.index("Anna Bakker") < page.index("Zoë de Wit")
    assert "Bram Jansen" not in page  # on the waiting list


def test_organiser_duplicates_an_event_as_a_draft(client, organiser, own_event):
    client.force_login(organiser)
    response = client.post(admin_url("duplicate", own_event))
    copy = Event.objects.exclude(pk=own_event.pk).get(title__startswith="Eigen")
    assert response.url == admin_url("edit", copy)
    assert copy.status == "draft" and copy.slug != own_event.slug
    assert [q.label for q in copy.questions.all()] == ["Welke workshop?"]
    assert list(copy.organisers.all()) == [organiser]
    assert not copy.registrations.exists()


def test_organiser_cancels_the_event_and_everyone_is_emailed(
    client, organiser, own_event, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(organiser)
    assert client.get(admin_url("cancel_event", own_event)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post(admin_url("cancel_event", own_event))
    assert len(mailoutbox) == 3
    assert not Registration.objects.filter(event=own_event).exclude(status="cancelled").exists()


def test_message_to_confirmed_attendees_goes_out_in_the_background(
    client, organiser, own_event, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(organiser)
    response = client.post(admin_url("message", own_event), {"subject": "", "text": ""})
    assert response.status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            admin_url("message", own_event),
            {"subject": "Parkeren", "text": "Parkeer bij het station.\n\nTot dan!"},
        )
    assert sorted(m.to[0] for m in mailoutbox) == ["anna@example.org", "zoe@example.org"]
    assert "Parkeer bij het station." in mailoutbox[0].body


def test_dashboard_shows_key_figures_against_targets(client, organiser, make_event):
    import datetime

    from django.utils import timezone

    now = timezone.now()
    YearTarget.objects.create(year=now.year, events_target=20, participants_target=1000)
    held = make_event(starts_at=now - datetime.timedelta(hours=5))
    RegistrationFactory(event=held, status="attended")
    RegistrationFactory(event=held, status="no_show")
    client.force_login(organiser)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Kerncijfers van de bijeenkomsten" in page
    assert "1 van 20 bijeenkomsten" in page and "1 van 1000 deelnemers" in page
    assert "<svg" in page and "style=" not in page.split("events-figures")[1].split("</section>")[0]


def test_only_administrators_set_the_yearly_targets(client, organiser, make_user):
    client.force_login(organiser)
    assert client.get(reverse("yeartarget:add")).status_code in (302, 403)
    admin = make_user(email="beheer@example.org", is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.post(
        reverse("yeartarget:add"),
        {"year": "2027", "events_target": "20", "participants_target": "1000"},
    )
    assert response.status_code == 302
    assert YearTarget.objects.get(year=2027).participants_target == 1000
    response = client.post(
        reverse("yeartarget:add"),
        {"year": "2027", "events_target": "-1", "participants_target": "9" * 30},
    )
    assert response.status_code in (200, 400) and YearTarget.objects.count() == 1


def _edit_data(event, **changes):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    data = {
        "title": event.title,
        "slug": event.slug,
        "event_type": event.event_type,
        "status": event.status,
        "summary": event.summary,
        "starts_at": event.local_start.strftime("%Y-%m-%d %H:%M"),
        "ends_at": event.local_end.strftime("%Y-%m-%d %H:%M"),
        "venue_name": event.venue_name,
        "city": event.city,
        "description": rich_text(event.description),
        "capacity": event.capacity or "",
        "organisers": [user.pk for user in event.organisers.all()],
        "questions": inline_formset(
            [
                {"id": q.pk, "label": q.label, "kind": q.kind, "choices": q.choices}
                for q in event.questions.all()
            ],
            initial=event.questions.count(),
        ),
        "partners": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


def test_raising_the_capacity_in_the_admin_moves_the_waiting_list_up(
    client, organiser, own_event, django_capture_on_commit_callbacks
):
    client.force_login(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(admin_url("edit", own_event), _edit_data(own_event, capacity=3))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert own_event.registrations.get(name="Bram Jansen").status == "confirmed"


def test_setting_the_status_to_cancelled_tells_everyone(
    client, organiser, own_event, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(admin_url("edit", own_event), _edit_data(own_event, status="cancelled"))
    assert len(mailoutbox) == 3
    assert all(m.subject.startswith("Afgelast") for m in mailoutbox)


@pytest.mark.parametrize(
    "changes",
    [
        {"ends_at": "2020-01-01 10:00"},
        {"registration_opens_at": "2030-02-01 10:00", "registration_closes_at": "2030-01-01 10:00"},
        {"is_online": "on"},
        {"capacity": "99999999999999999999"},
        {"title": "x" * 201},
        {"starts_at": "31-31-2030"},
    ],
)
def test_admin_form_refuses_bad_input_without_a_server_error(client, organiser, own_event, changes):
    client.force_login(organiser)
    before = Event.objects.values().get(pk=own_event.pk)
    response = client.post(admin_url("edit", own_event), _edit_data(own_event, **changes))
    assert response.status_code in (200, 400)
    assert Event.objects.values().get(pk=own_event.pk) == before
