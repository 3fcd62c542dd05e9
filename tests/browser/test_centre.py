"""The expertise centre in Chromium: a knowledge broker records a conversation and
finds it again from the initiative's admin page; an editor sets a target on the
quarterly figures and downloads them; the home page with its key figures stays
free of accessibility violations."""

import datetime
import io

from django.utils import timezone
from openpyxl import load_workbook

from communities.centre.models import Conversation, Measure, Target
from events.models import RegistrationStatus
from portal.roles import KNOWLEDGE_BROKERS
from tests.factories.events import EventFactory, RegistrationFactory
from tests.factories.initiatives import InitiativeFactory
from tests.factories.users import PASSWORD, UserFactory


def test_knowledge_broker_records_a_conversation_and_finds_it_from_the_initiative(page, log_in):
    broker = UserFactory(email="kim@example.org", group=KNOWLEDGE_BROKERS)
    initiative = InitiativeFactory(title="Open raad Deventer")
    log_in(broker.email, PASSWORD)

    page.goto("/admin/gesprekken/new/")
    page.get_by_label("Organisaties").fill("Gemeente Zwolle")
    page.get_by_role("textbox", name="Met wie", exact=True).fill("beleidsadviseur")
    page.get_by_role("listbox", name="Initiatieven").select_option(label=str(initiative))
    page.get_by_role("textbox", name="Toelichting").fill(
        "Zwolle leert van de open raad in <Deventer>."
    )
    page.locator("main button.button-longrunning[type=submit]").first.click()  # save
    page.get_by_text("Gemeente Zwolle").first.wait_for()
    assert Conversation.objects.get().recorded_by == broker

    page.goto("/admin/initiatieven/")
    page.get_by_role("link", name="Open raad Deventer").click()
    page.get_by_role("link", name="Gesprekken over dit initiatief").click()
    page.get_by_text("Gemeente Zwolle").wait_for()
    assert f"initiative={initiative.pk}" in page.url


def test_editor_sets_a_target_and_downloads_the_quarterly_figures(page, log_in, editor):
    year = timezone.localdate().year
    log_in(editor.email, PASSWORD)

    page.goto("/admin/")
    page.get_by_role("button", name="Expertisecentrum").click()
    page.get_by_role("link", name="Kwartaalcijfers").click()
    page.get_by_label("Bijeenkomsten gehouden").fill("24")
    page.get_by_role("button", name="Doelen bewaren").click()
    page.get_by_text(f"De doelen voor {year} zijn bewaard").wait_for()
    assert Target.objects.get(year=year, measure=Measure.EVENTS).value == 24

    with page.expect_download() as download:
        page.get_by_role("link", name="Download als Excel (XLSX)").click()
    with open(download.value.path(), "rb") as file:
        rows = list(load_workbook(io.BytesIO(file.read())).active.iter_rows(values_only=True))
    assert download.value.suggested_filename == f"kwartaalcijfers-{year}.xlsx"
    assert rows[1][:2] == ("Bijeenkomsten gehouden", 24)


def test_home_page_with_the_key_figures_has_no_accessibility_violations(page, assert_accessible):
    now = timezone.now()
    event = EventFactory(
        starts_at=now - datetime.timedelta(hours=3), ends_at=now - datetime.timedelta(hours=1)
    )
    RegistrationFactory(event=event, status=RegistrationStatus.ATTENDED)
    Target.objects.create(year=timezone.localdate().year, measure=Measure.EVENTS, value=20)

    page.goto("/")

    page.get_by_role("heading", name="Het netwerk in").wait_for()
    assert "doel 20" in page.locator("#home-figures-heading + ul").inner_text()
    assert_accessible(page)
