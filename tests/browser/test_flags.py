"""A visitor reports a comment from an article served from the cache, with the
keyboard only: the "Melden" link leads to the form, which takes them back to the
article. An editor finds it in the queue of reports and restores it. axe checks
the report form, also in its error state."""

import re

import pytest
from playwright.sync_api import expect

from blog.comments import REPORTS
from blog.models import Comment
from portal import flags
from portal.roles import EDITORS
from tests.factories.blog import ArticlePageFactory
from tests.factories.users import PASSWORD, UserFactory

# The hidden part is absolutely positioned, so Chromium reads a space before it.
REPORT_ANNA = re.compile(r"^Melden ?: de reactie van Anna$")


@pytest.fixture
def comment(site_url):
    article = ArticlePageFactory(title="Open raadsinformatie", slug="open-raadsinformatie")
    return Comment.objects.create(
        article=article,
        name="Anna",
        email="anna@example.org",
        body="De cijfers in dit stuk kloppen niet.",
        status=Comment.Status.APPROVED,
    )


def test_visitor_reports_a_comment_from_the_cached_article_with_the_keyboard(
    page, comment, assert_accessible
):
    url = comment.article.url
    page.request.get(url)  # another visitor was first: the page is in the cache now
    response = page.goto(url)
    assert response.headers["x-cache"] == "hit"

    link = page.get_by_role("link", name=REPORT_ANNA)
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/melden/reactie/{comment.pk}/")
    assert_accessible(page)

    page.get_by_label("Klopt niet").focus()  # the first reason
    page.keyboard.press("Space")
    assert page.get_by_label("Klopt niet").is_checked()
    page.keyboard.press("Tab")  # past the other reasons, to the note
    page.keyboard.type("Het zijn de cijfers van vorig jaar.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    page.wait_for_url(f"**{url}#reacties")
    assert page.get_by_text("Bedankt voor je melding. De redactie bekijkt het.").is_visible()
    assert flags.reports_of(REPORTS, comment.pk).get().note == (
        "Het zijn de cijfers van vorig jaar."
    )


def test_report_without_a_reason_shows_a_clear_error_that_axe_accepts(
    page, comment, assert_accessible
):
    page.goto(comment.article.url)
    page.get_by_role("link", name=REPORT_ANNA).click()
    page.get_by_label("Toelichting (niet verplicht)").fill("Vergeten een reden te kiezen.")
    page.get_by_role("button", name="Melding versturen").click()

    assert page.get_by_text("Kies wat er mis is.").is_visible()
    assert page.get_by_label("Toelichting (niet verplicht)").input_value() == (
        "Vergeten een reden te kiezen."
    )
    assert_accessible(page)


def test_editor_restores_a_hidden_comment_from_the_queue(page, comment, log_in):
    for number in range(3):
        flags.report(
            REPORTS,
            comment.pk,
            client_address=f"198.51.100.{number + 1}",
            reason="inappropriate",
            note="Grof." if number == 0 else "",
            threshold=3,
        )
    editor = UserFactory(group=EDITORS)
    log_in(editor.email, PASSWORD)

    page.goto("/admin/meldingen/")
    row = page.locator(f"#report-reactie-{comment.pk}")
    assert "Verborgen na meldingen" in row.inner_text()
    assert "Ongepast: 3" in row.inner_text()
    row.get_by_role("link", name="Terugzetten").click()
    page.get_by_role("button", name="Ja, terugzetten").click()

    expect(page.get_by_text("De meldingen zijn afgewezen")).to_be_visible()
    expect(page.get_by_text("Er wachten geen meldingen.")).to_be_visible()
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
