"""Certificates of attendance in Chromium: the organiser issues them in the admin, the
attendee downloads theirs from the account, and anyone checks a code on a page that
axe finds nothing on, in every state, with the keyboard alone."""

import datetime

import pytest
from django.utils import timezone

from events import certificates
from events.models import RegistrationStatus
from tests.factories.events import EventFactory, RegistrationFactory
from tests.factories.users import PASSWORD


@pytest.fixture
def held_meeting(organiser, professional, settings, tmp_path):
    """A meeting last week; the professional was there."""
    settings.MEDIA_ROOT = tmp_path
    start = timezone.now() - datetime.timedelta(days=7)
    event = EventFactory(
        title="Open data in de gemeente",
        organisers=[organiser],
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )
    RegistrationFactory(
        event=event,
        user=professional,
        name=professional.full_name,
        email=professional.email,
        status=RegistrationStatus.ATTENDED,
    )
    return event


def test_organiser_issues_and_the_attendee_downloads_the_pdf(
    page, log_in, organiser, professional, held_meeting
):
    log_in(organiser.email, PASSWORD)
    page.goto(f"/admin/agenda/{held_meeting.pk}/aanmeldingen/")
    page.get_by_role("button", name="Certificaten uitgeven aan iedereen die aanwezig was").click()
    page.get_by_text("Het certificaat voor 1 deelnemer wordt gemaakt.").wait_for()
    page.reload()
    page.get_by_text("1 certificaat uitgegeven.").wait_for()
    page.get_by_role("link", name="Certificaat (PDF): Priya Jansen").wait_for()

    page.context.clear_cookies()
    log_in(professional.email, PASSWORD)
    page.goto("/account/aanmeldingen/")
    with page.expect_download() as download:
        page.get_by_role(
            "link", name="Download certificaat (PDF): Open data in de gemeente"
        ).click()
    assert download.value.suggested_filename == f"certificaat-{held_meeting.slug}.pdf"
    with open(download.value.path(), "rb") as file:
        assert file.read(5) == b"%PDF-"


def test_anyone_checks_a_code_with_the_keyboard_on_an_accessible_page(
    page, held_meeting, assert_accessible
):
    certificates.issue(held_meeting.pk)
    code = held_meeting.certificates.get().display_code
    page.goto("/certificaat/")
    assert_accessible(page)

    field = page.get_by_label("Verificatiecode")
    field.focus()
    page.keyboard.type("ABCD-EFGH")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Code controleren"
    page.keyboard.press("Enter")
    page.get_by_text("Een code heeft 12 letters en cijfers").wait_for()
    assert page.get_by_label("Verificatiecode").input_value() == "ABCD-EFGH"
    assert_accessible(page)

    page.get_by_label("Verificatiecode").fill(code.lower().replace("-", " "))
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Dit certificaat is geldig").wait_for()
    assert page.get_by_text("Priya Jansen").is_visible()
    assert_accessible(page)
