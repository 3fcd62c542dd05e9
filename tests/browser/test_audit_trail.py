"""The audit trail in Chromium: an organiser checks someone in at the door, then finds
that in the event's History in the admin, under their own name."""

import pytest

from events import registration as rules
from events.registration import Applicant
from tests.conftest import PASSWORD
from tests.events.conftest import create_event


@pytest.fixture
def meeting(organiser):
    event = create_event(title="Open data in de gemeente", organisers=[organiser])
    rules.register(event.pk, Applicant(name="Wim de Boer", email="wim@example.org"))
    return event


def test_organiser_checks_someone_in_and_sees_it_in_the_events_history(
    page, log_in, organiser, meeting
):
    log_in(organiser.email, PASSWORD)
    page.goto(f"/admin/agenda/{meeting.pk}/aanmeldingen/")
    page.get_by_role("button", name="Wim de Boer was aanwezig").click()
    page.get_by_text("Wim de Boer").first.wait_for()

    page.goto(f"/admin/agenda/edit/{meeting.pk}/")
    page.get_by_role("link", name="Geschiedenis").first.click()
    page.wait_for_url(f"**/admin/agenda/history/{meeting.pk}/")
    entry = page.get_by_role("row").filter(has_text="Wim de Boer aanwezig gemeld")
    entry.wait_for()
    assert "Olga Organisator" in entry.inner_text()
    assert page.console_errors == []
