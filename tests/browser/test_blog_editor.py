"""The editor's journey in the Wagtail admin, in Chromium: a Redacteur writes a guest
article as a draft, previews it, schedules it, publishes it, compares and reverts a
revision and sends a change through the moderation workflow. A professional gets
nowhere. No script error or blocked resource is allowed in the admin either."""

import re
from urllib.parse import urlparse

import pytest
from wagtail.models import Revision

from blog.models import ArticlePage, Comment
from tests.factories.blog import (
    ArticlePageFactory,
    AuthorFactory,
    BlogIndexPageFactory,
    ImageFactory,
)
from tests.factories.users import PASSWORD


@pytest.fixture
def blog_index(site_url):
    AuthorFactory(name="Joost van Leeuwen", role="Analist", organisation="", is_guest=True)
    ImageFactory(
        title="Rivier",
        file__filename="rivier.png",
        file__width=320,
        file__height=180,
        file__color="#01689b",
    )
    return BlogIndexPageFactory(show_in_menus=False)


def admin_log_in(page, email):
    """The admin's log-in is the site's one log-in (with its limits); it leads back."""
    page.goto("/admin/login/")
    main = page.locator("main")
    main.get_by_label("E-mail").fill(email)
    main.get_by_label("Wachtwoord").fill(PASSWORD)
    main.get_by_role("button", name="Inloggen").click()


def set_go_live(dialog, moment):
    """Type the go-live moment and save the schedule with the keyboard: the date
    picker that typing opens can lie over the save button, so a click may not reach
    it (which made this test fail now and then)."""
    dialog.get_by_role("textbox", name="Publiceer op").fill(moment)
    dialog.get_by_role("button", name="Schema opslaan").press("Enter")


def footer_action(page, name):
    footer = page.get_by_role("navigation", name="Acties (footer)")
    footer.get_by_role("button", name="Meer acties").click()
    button = footer.get_by_role("button", name=name)
    if not button.count():
        raise AssertionError(footer.aria_snapshot())
    with page.expect_navigation():
        button.click()


def open_status_panel(page):
    """The side panel remembers whether it was open; open it only when closed."""
    if not page.get_by_role("heading", level=2, name="Status").is_visible():
        page.get_by_role("button", name="Toon/verberg status").click()


def test_editor_drafts_previews_schedules_publishes_reverts_and_moderates(page, editor, blog_index):
    admin_log_in(page, editor.email)
    page.wait_for_url("**/admin/")
    page.goto(f"/admin/pages/add/blog/articlepage/{blog_index.pk}/")

    # Draft
    page.locator("#id_title").fill("Gastblog: samen open")
    page.locator("#id_lead").fill("Wat een waterschap leerde.")
    page.get_by_label("Joost van Leeuwen").check()
    page.locator("#id_category").select_option(label="Gastblog")
    body = page.locator("[data-contentpath='body']")
    body.get_by_role("button", name="Blok invoegen").click()
    page.get_by_role("option", name="Uitgelicht citaat").click()
    body.get_by_role("textbox", name="citaat*").fill("Open is normaal.")
    body.get_by_role("button", name="Blok invoegen").last.click()
    page.get_by_role("option", name="Afbeelding").click()
    body.get_by_role("button", name="Kies een afbeelding").click()
    page.get_by_role("dialog").get_by_role("link", name="Rivier").click()
    body.get_by_role("textbox", name="alternatieve tekst*").fill("Een blauwe rivier")
    body.get_by_role("textbox", name="maker").fill("Fien Fotograaf")
    page.get_by_role("button", name="Bewaar concept").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    article = ArticlePage.objects.get(title="Gastblog: samen open")
    assert not article.live and article.has_unpublished_changes

    # Preview
    page.get_by_role("button", name="Toon/verberg voorvertoning").click()
    preview = page.frame_locator("iframe[title]").first
    preview.get_by_role("heading", level=1, name="Gastblog: samen open").wait_for()
    assert preview.get_by_text("Gastblog door Joost van Leeuwen").is_visible()
    assert preview.get_by_role("img", name="Een blauwe rivier").is_visible()
    assert preview.get_by_text("Beeld: Fien Fotograaf").is_visible()
    page.get_by_role("button", name="Toon/verberg voorvertoning").click()

    # Schedule: a go-live date in the future
    open_status_panel(page)
    page.get_by_role("button", name="Stel schema in").click()
    dialog = page.get_by_role("dialog", name="Schema voor publicatie vaststellen")
    set_go_live(dialog, "2030-01-01 10:00")
    footer_action(page, "Publicatie inplannen")
    page.get_by_text("is ingepland voor publicatie").wait_for()
    article.refresh_from_db()
    assert not article.live
    assert article.status_string == "gepland"

    # Publish now: stop the schedule, then publish
    page.goto(f"/admin/pages/{article.pk}/revisions/{article.latest_revision_id}/unschedule/")
    page.get_by_role("button", name="Ja, stop met planning").click()
    page.goto(f"/admin/pages/{article.pk}/edit/")
    open_status_panel(page)
    page.get_by_role("button", name="Schema bewerken").click()
    set_go_live(dialog, "")
    footer_action(page, "Publiceren")
    page.get_by_text("is gepubliceerd").first.wait_for()
    article.refresh_from_db()
    assert article.live
    first_revision = article.live_revision

    # A second version, then compare and revert to the first
    page.goto(f"/admin/pages/{article.pk}/edit/")
    page.locator("#id_lead").fill("Een betere intro.")
    footer_action(page, "Publiceren")
    page.get_by_text("is gepubliceerd").first.wait_for()
    page.goto(f"/admin/pages/{article.pk}/history/")
    page.get_by_role("button", name="Acties").nth(1).click()
    page.get_by_role("link", name="Vergelijk met huidige versie").click()
    page.get_by_text("Een betere intro.").first.wait_for()
    page.goto(f"/admin/pages/{article.pk}/revisions/{first_revision.pk}/revert/")
    assert page.locator("#id_lead").input_value() == "Wat een waterschap leerde."
    footer_action(page, "Publiceer deze versie")
    page.get_by_text("is gepubliceerd").first.wait_for()
    article.refresh_from_db()
    assert article.lead == "Wat een waterschap leerde."

    # Moderation: submit a change for review; a Redacteur may approve it
    page.goto(f"/admin/pages/{article.pk}/edit/")
    page.locator("#id_lead").fill("Intro na moderatie.")
    footer_action(page, re.compile("^Stuur door naar"))
    article.refresh_from_db()
    assert article.workflow_in_progress
    page.goto(f"/admin/pages/{article.pk}/edit/")
    footer_action(page, "Goedkeuren en publiceren")
    article.refresh_from_db()
    assert not article.workflow_in_progress
    assert article.lead == "Intro na moderatie."
    assert Revision.page_revisions.filter(object_id=str(article.pk)).count() >= 5

    assert page.console_errors == []


def test_editor_approves_a_waiting_comment_in_the_queue(page, editor, blog_index):
    article = ArticlePageFactory(
        title="Met reactie", lead="Intro.", body=[{"type": "paragraph", "value": "<p>Tekst.</p>"}]
    )
    comment = Comment.objects.create(article=article, name="Vera", body="Wacht op mij")
    admin_log_in(page, editor.email)
    page.wait_for_url("**/admin/")
    page.get_by_role("link", name="Reacties").first.click()
    page.get_by_role("button", name="Goedkeuren").first.click()
    page.get_by_text("De reactie van Vera is goedgekeurd.").wait_for()
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    page.goto(article.url)
    assert page.get_by_text("Wacht op mij").is_visible()
    assert page.console_errors == []


def test_professional_cannot_reach_the_admin(page, professional, blog_index):
    admin_log_in(page, professional.email)
    for path in (
        "/admin/",
        f"/admin/pages/add/blog/articlepage/{blog_index.pk}/",
        "/admin/reacties/",
    ):
        page.goto(path)
        assert urlparse(page.url).path == "/account/", page.url
        assert page.get_by_role("button", name="Bewaar concept").count() == 0
