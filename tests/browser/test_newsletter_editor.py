"""An editor composes a newsletter issue in the Wagtail admin, in Chromium: typing a
subject, an introduction and some text is enough to publish it (the subject fills the
slug), and then the editor finds the button that sends it."""

import re

from communities.newsletter.models import NewsletterIssuePage
from tests.browser.test_blog_editor import footer_action
from tests.factories.newsletter import NewsletterIndexPageFactory
from tests.factories.users import PASSWORD


def test_editor_publishes_an_issue_by_typing_only_its_subject_and_content(page, log_in, editor):
    index = NewsletterIndexPageFactory()
    log_in(editor.email, PASSWORD)
    page.wait_for_url(lambda url: "/login/" not in url)
    page.goto(f"/admin/pages/add/newsletter/newsletterissuepage/{index.pk}/")

    page.locator("#id_title").fill("Nieuwsbrief april: samen open")
    page.locator("#id_intro").fill("Het nieuws van april.")
    body = page.locator("[data-contentpath='body']")
    body.get_by_role("button", name="Blok invoegen").click()
    page.get_by_role("option", name="Tekst").click()
    text = body.get_by_role("textbox").first
    text.click()
    page.keyboard.type("Deze maand leerden drie waterschappen van elkaar.")
    page.locator("#id_intro").click()  # Draftail saves its text when it loses focus
    page.wait_for_timeout(500)
    footer_action(page, "Publiceren")

    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$|/admin/pages/\d+/$"))
    issue = NewsletterIssuePage.objects.get()
    assert issue.live
    assert issue.slug == "nieuwsbrief-april-samen-open"
    assert "Deze maand leerden drie waterschappen" in str(issue.body)

    # The way to send it is a visible button on the issue's editor, not a menu item.
    page.goto(f"/admin/pages/{issue.pk}/edit/")
    send = page.get_by_role("link", name="Nieuwsbrief versturen", exact=True)
    assert send.is_visible()
    send.click()
    page.wait_for_url(f"**/admin/nieuwsbrief/uitgave/{issue.pk}/versturen/")
    # Wagtail autosaves the draft while it is typed, and answers 400 while a required
    # field is still empty; anything else that failed fails the test.
    autosave = re.compile(r"400 \S+/admin/pages/add/newsletter/newsletterissuepage/\d+/$")
    errors = [error for error in page.console_errors if not autosave.match(error)]
    assert not errors, errors
