"""Certificates of attendance: the organiser issues them with one click after check-in,
the worker makes one PDF per attendee, the attendee downloads theirs from the account,
anyone checks a code on /certificaat/, and a change to what is printed makes them again."""

import datetime
import io
from pathlib import Path

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from pypdf import PdfReader
from wagtail.models import ModelLogEntry

from events import certificate_pdf, certificates, privacy, tasks
from events.models import AMSTERDAM, Certificate, RegistrationStatus
from portal import personal_data
from tests.factories.events import EventFactory, RegistrationFactory
from tests.factories.users import PASSWORD

pytestmark = pytest.mark.django_db

ATTENDED = RegistrationStatus.ATTENDED
START = datetime.datetime(2026, 3, 12, 13, 0, tzinfo=AMSTERDAM)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(media):
    return sorted(path.name for path in Path(media).rglob("*.pdf"))


@pytest.fixture
def past_event(organiser):
    return EventFactory(
        title="Open data café",
        organisers=[organiser],
        starts_at=START,
        ends_at=START + datetime.timedelta(hours=3),
    )


@pytest.fixture
def anna(make_user):
    return make_user(email="anna@example.org", full_name="Anna Bakker")


@pytest.fixture
def attendees(past_event, anna, make_user):
    """Two account holders checked in; around them everyone who gets nothing."""
    bram = make_user(email="bram@example.org", full_name="Bram Łukasiewicz")
    for user, status in [
        (anna, ATTENDED),
        (bram, ATTENDED),
        (make_user(full_name="Carla Confirmed"), RegistrationStatus.CONFIRMED),
        (make_user(full_name="Dirk Cancelled"), RegistrationStatus.CANCELLED),
        (make_user(full_name="Eva Noshow"), RegistrationStatus.NO_SHOW),
        (None, ATTENDED),  # a guest: no account to download it from
    ]:
        RegistrationFactory(
            event=past_event,
            user=user,
            name=user.full_name if user else "Gast Zonder Account",
            email=user.email if user else "gast@example.org",
            status=status,
        )
    return anna, bram


def issue_url(event):
    return reverse("events_admin:issue_certificates", args=[event.pk])


def pdf_text(certificate):
    with certificate.file.open("rb") as file:
        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(file.read())).pages)


def logged(event, action):
    return list(
        ModelLogEntry.objects.filter(object_id=str(event.pk), action=action).values_list(
            "user_id", "data"
        )
    )


def test_organiser_issues_certificates_to_everyone_checked_in_and_nobody_else(
    client, organiser, past_event, attendees, django_capture_on_commit_callbacks
):
    client.force_login(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(issue_url(past_event), follow=True)

    assert "De certificaten voor 2 deelnemers worden gemaakt" in response.content.decode()
    holders = set(past_event.certificates.values_list("user__full_name", flat=True))
    assert holders == {"Anna Bakker", "Bram Łukasiewicz"}
    assert logged(past_event, "events.certificates.issue") == [(organiser.pk, {"count": 2})]
    page = client.get(reverse("events_admin:registrations", args=[past_event.pk]))
    assert "2 certificaten uitgegeven." in page.content.decode()
    history = client.get(reverse("events_admin:history", args=[past_event.pk])).content.decode()
    assert "2 deelnamecertificaten uitgegeven" in history


def test_the_pdf_names_the_person_event_date_hours_code_and_where_to_check_it(
    past_event, attendees
):
    certificates.issue(past_event.pk)
    anna_certificate = past_event.certificates.get(user=attendees[0])
    text = pdf_text(anna_certificate)
    for expected in (
        "Anna Bakker",
        "Open data café",
        "12 maart 2026",
        "Studiebelasting: 3 uur",
        "Open Overheid",
        anna_certificate.display_code,
        f"http://testserver/certificaat/?code={anna_certificate.display_code}",
    ):
        assert expected in text, expected
    assert "Łukasiewicz" in pdf_text(past_event.certificates.get(user=attendees[1]))
    assert len(anna_certificate.code) == 12
    assert set(anna_certificate.code) <= set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    # The file's name says nothing about the event or the person.
    assert "open-data" not in anna_certificate.file.name
    assert "anna" not in anna_certificate.file.name.lower()


def test_the_organisers_study_hours_and_a_conference_over_two_days_are_printed(
    past_event, attendees
):
    past_event.ends_at = START + datetime.timedelta(days=1, hours=4)
    past_event.study_hours = "7.5"
    past_event.save()
    certificates.issue(past_event.pk)
    text = pdf_text(past_event.certificates.first())
    assert "12 maart 2026 t/m 13 maart 2026" in text
    assert "7,5 uur" in text


def test_issuing_twice_gives_nobody_a_second_certificate(
    client, organiser, past_event, attendees, media
):
    assert certificates.issue(past_event.pk) == 2
    assert certificates.issue(past_event.pk) == 0
    assert past_event.certificates.count() == 2 and len(stored_files(media)) == 2

    client.force_login(organiser)
    response = client.post(issue_url(past_event), follow=True)
    assert "Iedereen die aanwezig was heeft al een certificaat." in response.content.decode()

    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(
            event=past_event, user=attendees[0], code="ABCDEFGHJKMN", holder_name="x"
        )


def test_issuing_before_anyone_is_checked_in_says_so(client, organiser, past_event):
    client.force_login(organiser)
    response = client.post(issue_url(past_event), follow=True)
    assert "Er is nog niemand met een account aanwezig gemeld." in response.content.decode()
    assert not past_event.certificates.exists()


def test_a_run_that_died_half_way_is_finished_by_the_next_one(
    past_event, attendees, monkeypatch, media
):
    real_render = certificate_pdf.render
    made = []

    def render_once_then_crash(*args):
        if made:
            raise MemoryError("the worker died")
        made.append(1)
        return real_render(*args)

    monkeypatch.setattr(certificate_pdf, "render", render_once_then_crash)
    with pytest.raises(MemoryError):
        certificates.issue(past_event.pk)
    assert past_event.certificates.count() == 1
    assert len(stored_files(media)) == 1  # nothing half-made left behind

    monkeypatch.setattr(certificate_pdf, "render", real_render)
    assert certificates.issue(past_event.pk) == 1
    assert past_event.certificates.count() == 2


def test_a_new_title_or_date_makes_the_certificates_again_with_the_same_code(
    past_event, attendees, django_capture_on_commit_callbacks, media
):
    certificates.issue(past_event.pk)
    before = {c.pk: (c.code, c.file.name) for c in past_event.certificates.all()}

    past_event.title = "Open data café (verzet)"
    past_event.starts_at += datetime.timedelta(days=1)
    past_event.ends_at += datetime.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        past_event.save()

    for certificate in past_event.certificates.all():
        code, old_file = before[certificate.pk]
        assert certificate.code == code and certificate.file.name != old_file
        assert certificate.regenerated_at is not None
        text = pdf_text(certificate)
        assert "Open data café (verzet)" in text and "13 maart 2026" in text
    assert len(stored_files(media)) == 2  # the old files are gone
    assert logged(past_event, "events.certificates.regenerate") == [(None, {"count": 2})]


def test_a_change_that_prints_the_same_leaves_the_certificates_alone(
    past_event, attendees, django_capture_on_commit_callbacks, monkeypatch
):
    past_event.study_hours = 3
    past_event.save()
    certificates.issue(past_event.pk)
    before = sorted(past_event.certificates.values_list("file", "fingerprint"))

    past_event.starts_at += datetime.timedelta(hours=1)  # same day, same study hours
    past_event.summary = "Nieuwe samenvatting"
    with django_capture_on_commit_callbacks(execute=True):
        past_event.save()
    queued = []
    monkeypatch.setattr(tasks, "_refresh_later", lambda **scope: queued.append(scope))
    privacy.anonymise_past_events(now=START + datetime.timedelta(days=365))

    assert sorted(past_event.certificates.values_list("file", "fingerprint")) == before
    assert queued == []  # the anonymising job's save touches nothing printed
    assert logged(past_event, "events.certificates.regenerate") == []


def test_a_new_name_on_the_account_goes_on_its_certificates_also_after_anonymising(
    client, past_event, attendees, django_capture_on_commit_callbacks
):
    anna = attendees[0]
    certificates.issue(past_event.pk)
    privacy.anonymise_past_events(now=START + datetime.timedelta(days=365))

    client.force_login(anna)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_profile_edit"),
            {"full_name": "Anna de Vries", "organisation": "", "job_title": "", "sector": ""},
        )
    assert response.status_code == 302

    certificate = past_event.certificates.get(user=anna)
    assert certificate.holder_name == "Anna de Vries"
    assert "Anna de Vries" in pdf_text(certificate)
    bram = past_event.certificates.get(user=attendees[1])
    assert bram.regenerated_at is None  # the others stay as they were


def test_the_attendee_downloads_their_own_certificate_from_my_registrations(
    client, past_event, attendees, django_assert_max_num_queries
):
    certificates.issue(past_event.pk)
    own = past_event.certificates.get(user=attendees[0])
    client.force_login(attendees[0])

    with django_assert_max_num_queries(10):
        page = client.get(reverse("events:my_registrations")).content.decode()
    assert "Download certificaat (PDF)" in page
    url = reverse("events:certificate_download", args=[own.pk])
    assert url in page

    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_nobody_else_downloads_a_certificate(client, organiser, past_event, attendees, make_user):
    certificates.issue(past_event.pk)
    own = past_event.certificates.get(user=attendees[0])
    url = reverse("events:certificate_download", args=[own.pk])

    assert client.get(url).status_code == 302  # to the log-in
    client.force_login(attendees[1])
    assert client.get(url).status_code == 404
    client.force_login(make_user(email="iemand@example.org"))
    assert client.get(url).status_code == 404


def test_the_organiser_downloads_and_issues_only_for_their_own_events(
    client, organiser, past_event, attendees, make_user, professional
):
    certificates.issue(past_event.pk)
    own = past_event.certificates.first()
    admin_download = reverse("events_admin:certificate", args=[past_event.pk, own.pk])
    client.force_login(organiser)
    response = client.get(admin_download)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    listing = client.get(reverse("events_admin:registrations", args=[past_event.pk]))
    assert admin_download in listing.content.decode()
    assert client.get(issue_url(past_event)).status_code == 405

    # Like the attendee export: someone else's event does not exist for an organiser,
    # and people without the admin do not get in at all.
    client.force_login(make_user(email="ander@example.org", group="Organisatoren"))
    assert client.get(admin_download).status_code == 404
    assert client.post(issue_url(past_event)).status_code == 404
    client.force_login(professional)
    assert client.get(admin_download).status_code in (302, 403)
    assert client.post(issue_url(past_event)).status_code in (302, 403)
    client.logout()
    assert client.post(issue_url(past_event)).status_code == 302


def test_the_organiser_sets_the_study_hours_on_the_event(client, organiser, past_event):
    client.force_login(organiser)
    form = client.get(reverse("events_admin:edit", args=[past_event.pk])).content.decode()
    assert 'name="study_hours"' in form


def check(client, code, **headers):
    return client.post(reverse("events:certificate_check"), {"code": code}, **headers)


def test_anyone_checks_a_code_as_it_is_typed_and_sees_whose_it_is(
    client, past_event, attendees, django_assert_max_num_queries
):
    certificates.issue(past_event.pk)
    code = past_event.certificates.get(user=attendees[0]).code
    typed = f" {code[:4].lower()} {code[4:8]}–{code[8:]} ".replace("0", "o").replace("1", "l")

    with django_assert_max_num_queries(10):
        response = check(client, typed)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dit certificaat is geldig" in html
    for expected in ("Anna Bakker", "Open data café", "12 maart 2026", "3 uur"):
        assert expected in html
    assert "no-store" in response["Cache-Control"]


def test_the_form_page_comes_from_the_cache_with_the_printed_code_filled_in(client):
    url = reverse("events:certificate_check") + "?code=ABCD-EFGH-JKMN"
    first = client.get(url)
    assert first.status_code == 200 and 'value="ABCD-EFGH-JKMN"' in first.content.decode()
    assert first["X-Cache"] == "miss" and client.get(url)["X-Cache"] == "hit"


def test_an_unknown_code_says_so_in_dutch_and_keeps_it(client):
    response = check(client, "ABCD-EFGH-JKMN")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Er is geen certificaat met deze code." in html
    assert 'value="ABCD-EFGH-JKMN"' in html
    assert "geldig" not in html.split("<main", 1)[-1].split("Er is geen")[0]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Dit is een verplicht veld."),
        ("ABCD-EFGH", "Een code heeft 12 letters en cijfers"),
        ("ABCD-EFGH-JKMU", "Een code heeft 12 letters en cijfers"),
        ("<script>alert(1)</script>", "Een code heeft 12 letters en cijfers"),
        ("' OR 1=1 --", "Een code heeft 12 letters en cijfers"),
        ("ABCD\x00EFGH-JKMN", "Null"),
        ("A" * 100_000, "niet meer dan 40 tekens"),
    ],
    ids=["empty", "short", "letter-u", "script", "sql", "null-byte", "huge"],
)
def test_malformed_and_hostile_codes_get_a_clear_message_and_are_kept(client, typed, message):
    response = check(client, typed)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "<script>alert(1)</script>" not in html
    if typed and "\x00" not in typed:
        assert (
            f'value="{typed[:40]}'.replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#x27;")
            in html
        )


def test_checking_many_codes_is_stopped_per_visitor(client, settings):
    for number in range(certificates.CHECKS_PER_CLIENT):
        assert check(client, f"ABCD-EFGH-{number:04d}").status_code == 200
    response = check(client, "ABCD-EFGH-JKMN")
    assert response.status_code == 429
    assert "Je hebt in korte tijd veel codes gecontroleerd." in response.content.decode()
    assert 'value="ABCD-EFGH-JKMN"' in response.content.decode()
    # Another visitor is not affected.
    assert check(client, "ABCD-EFGH-JKMN", REMOTE_ADDR="10.1.2.3").status_code == 200


def test_a_check_from_another_site_is_refused(client):
    response = client.post(
        reverse("events:certificate_check"),
        {"code": "ABCD-EFGH-JKMN"},
        headers={"Sec-Fetch-Site": "cross-site"},
    )
    assert response.status_code == 403


def test_certificates_are_in_the_data_download_and_go_with_the_account(
    client, past_event, attendees, media, tables_containing, django_capture_on_commit_callbacks
):
    anna = attendees[0]
    certificates.issue(past_event.pk)
    own = past_event.certificates.get(user=anna)
    data = personal_data.export_user_data(anna)["event_certificates"]
    assert data == [
        {
            "event": "Open data café",
            "starts_at": "2026-03-12T12:00:00+00:00",
            "name": "Anna Bakker",
            "hours": "3",
            "verification_code": own.display_code,
            "issued_at": own.issued_at.isoformat(),
            "download": f"http://testserver/account/certificaten/{own.pk}/",
        }
    ]

    client.force_login(anna)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/account/verwijderen/", {"password": PASSWORD})
    assert response.status_code == 302
    assert not Certificate.objects.filter(pk=own.pk).exists()
    assert len(stored_files(media)) == 1  # only Bram's is left
    assert tables_containing("Anna Bakker") == []
    assert check(client, own.code).status_code == 200
    assert "Er is geen certificaat met deze code." in check(client, own.code).content.decode()
