"""The agenda in Chromium: a professional registers and cancels, an organiser exports
the attendee list and checks people in, and axe finds nothing on the public pages."""

import csv
import datetime
import io
import re

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from events import registration as rules
from events.models import Registration
from events.registration import Applicant
from tests.factories.events import EventFactory
from tests.factories.users import PASSWORD


@pytest.fixture
def meeting(organiser):
    event = EventFactory(
        title="Open data in de gemeente",
        capacity=3,
        organisers=[organiser],
        ask_dietary=True,
    )
    event.questions.create(label="Welke sessie?", kind="choice", choices="Ochtend\nMiddag")
    event.save()
    return event


def test_professional_registers_gets_the_mail_and_cancels(
    page, log_in, professional, meeting, smtp_server, assert_accessible
):
    log_in(professional.email, PASSWORD)
    page.goto("/agenda/")
    page.get_by_role("link", name="Open data in de gemeente").click()
    assert page.locator("main").get_by_label("Naam").input_value() == "Priya Jansen"
    assert page.get_by_label("Organisatie").input_value() == "Gemeente Zwolle"
    page.get_by_label("Dieetwensen").fill("Vegetarisch")
    page.get_by_label("Welke sessie?").select_option("Middag")
    page.locator("main").get_by_role("button", name="Aanmelden").click()
    page.get_by_text("Je bent aangemeld.").first.wait_for()
    assert_accessible(page)

    [message] = smtp_server.wait_for(1)
    assert message["To"] == professional.email
    attachment = next(message.iter_attachments())
    assert attachment.get_filename() == "bijeenkomst.ics"
    assert "BEGIN:VCALENDAR" in str(attachment.get_content())

    page.goto("/account/aanmeldingen/")
    page.get_by_role("button", name="Afmelden voor Open data in de gemeente").click()
    page.get_by_text("Je bent afgemeld voor Open data in de gemeente.").wait_for()
    assert Registration.objects.get().status == "cancelled"


def test_organiser_exports_the_attendee_list_and_checks_people_in(page, log_in, organiser, meeting):
    for name in ("Wim de Boer", "Anna Smit"):
        rules.register(
            meeting.pk,
            Applicant(
                name=name, email=f"{name.split()[0].lower()}@example.org", organisation="=1+1"
            ),
        )
    log_in(organiser.email, PASSWORD)
    page.goto("/admin/agenda/")
    page.get_by_role("link", name="Aanmeldingen").first.click()
    page.get_by_text("Wim de Boer").wait_for()

    with page.expect_download() as download:
        page.get_by_role("link", name="Exporteren (Excel, .xlsx)").click()
    with open(download.value.path(), "rb") as file:
        workbook = load_workbook(io.BytesIO(file.read()))
    assert download.value.suggested_filename.endswith(".xlsx")
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][0] == "Naam" and "Welke sessie?" in rows[0]
    assert [row[0] for row in rows[1:]] == ["Anna Smit", "Wim de Boer"]
    assert rows[1][2] == "=1+1"  # as typed, in a text cell that never runs
    assert workbook.active["C2"].data_type == "s"

    with page.expect_download() as download:
        page.get_by_role("link", name="Exporteren (CSV voor Nederlandse Excel)").click()
    with open(download.value.path(), encoding="utf-8-sig") as file:
        lines = list(csv.reader(io.StringIO(file.read()), delimiter=";"))
    assert lines[0][0] == "Naam" and len(lines) == 3

    page.get_by_role("button", name="Wim de Boer was aanwezig").click()
    page.get_by_text("Wim de Boer").wait_for()
    assert Registration.objects.get(name="Wim de Boer").status == "attended"
    page.get_by_role("button", name="Anna Smit is niet gekomen").click()
    page.get_by_text("Anna Smit").wait_for()
    assert Registration.objects.get(name="Anna Smit").status == "no_show"


def test_agenda_and_event_pages_have_no_accessibility_violations(page, assert_accessible, meeting):
    EventFactory(title="Webinar open data", event_type="webinar", is_online=True, city="")
    full = EventFactory(title="Volle bijeenkomst", capacity=1)
    rules.register(full.pk, Applicant(name="A", email="a@example.org"))
    past = EventFactory(
        title="Was vorige week", starts_at=timezone.now() - datetime.timedelta(days=7)
    )

    page.goto("/agenda/?soort=webinar&plaats=online&maand=2099-01")
    assert_accessible(page)
    page.goto("/agenda/?soort=bijeenkomst")
    assert_accessible(page)
    for event in (meeting, full, past):
        page.goto(event.get_absolute_url())
        page.get_by_role("heading", level=1, name=event.title).wait_for()
        assert_accessible(page)
    assert page.get_by_text("Deze bijeenkomst is geweest.").is_visible()


def test_guest_form_with_errors_is_accessible_and_keeps_the_input(page, assert_accessible, meeting):
    page.goto(meeting.get_absolute_url())
    page.locator("main").get_by_label("Naam").fill("Gast <script>")
    page.locator("main").get_by_label("E-mailadres").fill("geen-adres")
    page.locator("main").get_by_role("button", name="Aanmelden").click()
    page.get_by_text("Kijk de velden hieronder na.").wait_for()
    assert page.locator("main").get_by_label("Naam").input_value() == "Gast <script>"
    assert_accessible(page)
    assert not Registration.objects.exists()


def test_guest_registers_and_confirms_from_the_email(page, meeting, smtp_server):
    page.goto(meeting.get_absolute_url())
    page.locator("main").get_by_label("Naam").fill("Gijs Gast")
    page.locator("main").get_by_label("E-mailadres").fill("gijs@example.org")
    page.get_by_label("Organisatie").fill("Gemeente Ede")
    page.locator("main").get_by_role("button", name="Aanmelden").click()
    page.get_by_text("Bijna klaar").wait_for()
    assert Registration.objects.get().status == "pending"

    [message] = smtp_server.wait_for(1)
    link = re.search(r"/agenda/bevestigen/\S+/", smtp_server.text_of(message)).group(0)
    page.goto(link)
    assert Registration.objects.get().status == "pending"  # opening changes nothing
    page.get_by_role("button", name="Ik bevestig mijn aanmelding").click()
    page.get_by_text("Je aanmelding is bevestigd.").wait_for()
    assert Registration.objects.get().status == "confirmed"
    smtp_server.wait_for(2)
