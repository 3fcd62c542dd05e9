"""The toolkit in Chromium: a visitor finds a tool with the filters, opens its page and
its file, and the use is counted, while no request leaves our own origin and axe-core
finds no WCAG 2.1 A/AA violations; an editor sets a period in the report and sees it."""

import datetime

import pytest

from communities.toolkit import counting
from portal import demo
from tests.factories.users import PASSWORD

ALL_TIME = (datetime.date(2000, 1, 1), datetime.date(2100, 1, 1))


@pytest.fixture
def toolkit_site(site_url, settings, tmp_path):
    """The demo's toolkit, with its themes, pages and documents, and no counts yet."""
    settings.MEDIA_ROOT = tmp_path
    demo.load_themes()
    demo.load_pages()
    demo.toolkit.load()
    counting.ToolUse.objects.all().delete()
    return site_url


def test_a_visitor_finds_a_checklist_and_downloads_it_and_the_use_is_counted(
    page, toolkit_site, assert_accessible
):
    requested = []
    page.on("request", lambda request: requested.append(request.url))

    page.goto("/toolkit/")
    assert_accessible(page)
    page.get_by_label("Soort").select_option(label="Checklist")
    page.get_by_label("Thema").select_option(label="Open Data")
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_url("**/toolkit/?*soort=checklist*")
    assert page.get_by_role("status").inner_text() == "1 hulpmiddel"
    assert_accessible(page)

    page.get_by_role("link", name="Checklist: open data publiceren", exact=True).click()
    page.wait_for_url("**/toolkit/checklist-open-data-publiceren/")
    assert_accessible(page)
    download_link = page.locator('a[href="/toolkit/checklist-open-data-publiceren/gebruik/"]')
    assert download_link.inner_text().startswith("Downloaden")
    assert download_link.get_attribute("rel") == "nofollow"
    with page.expect_response("**/gebruik/") as counted:
        download_link.click()
    assert counted.value.status == 302
    assert "/documenten/" in counted.value.headers["location"]

    assert counting.uses_between(*ALL_TIME) == 1
    assert requested, "no requests recorded"
    # Chromium opens the PDF in its own viewer (a chrome-extension: address, no network).
    on_the_network = [url for url in requested if url.startswith(("http:", "https:"))]
    elsewhere = [url for url in on_the_network if not url.startswith(toolkit_site)]
    assert elsewhere == []


def test_an_editor_sees_the_uses_of_a_chosen_period(page, toolkit_site, log_in, editor):
    tool = counting.ToolPage.objects.get(slug="sjabloon-participatieplan")
    for _click in range(3):
        counting.count_use(tool, datetime.date(2026, 2, 10))
    counting.count_use(tool, datetime.date(2026, 4, 2))  # outside the period

    log_in(editor.email, PASSWORD)
    page.goto("/admin/")
    assert page.locator('a[href="/admin/toolkit/gebruik/"]').count() == 1  # in the menu
    page.goto("/admin/toolkit/gebruik/")
    page.locator("#id_start").fill("2026-02-01")  # "Van"
    page.locator("#id_end").fill("2026-02-28")  # "Tot en met"
    page.get_by_role("button", name="Toon", exact=True).click()

    row = page.get_by_role("row", name="Sjabloon voor een participatieplan")
    assert row.get_by_role("cell").last.inner_text() == "3"
    assert page.get_by_text("In totaal 3 keer gebruikt.").is_visible()
