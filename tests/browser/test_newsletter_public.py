"""The newsletter's public pages in Chromium: no axe-core (WCAG 2.1 A and AA)
violations on the newsletter page, the subscribe page with errors, the confirm page
and the preferences page; and a visitor who subscribes from the footer with the
keyboard alone, confirming through the e-mail from a real SMTP server."""

import re

import pytest

from communities.newsletter import links
from communities.newsletter.models import Subscriber, SubscriberStatus
from tests.factories.communities import LeerkringFactory
from tests.factories.newsletter import (
    NewsletterIndexPageFactory,
    NewsletterIssuePageFactory,
    SubscriberFactory,
)
from tests.factories.portal import ThemeFactory


@pytest.fixture
def newsletter(site_url):
    ThemeFactory(name="Open Data", slug="open-data")
    ThemeFactory(name="Open Contact", slug="open-contact")
    LeerkringFactory(name="Waterschappen open", slug="waterschappen-open")
    return NewsletterIndexPageFactory()


def local(url):
    return re.sub(r"^https?://[^/]+", "", url)


def test_newsletter_page_and_subscribe_page_with_errors_have_no_violations(
    page, newsletter, assert_accessible
):
    page.goto("/nieuwsbrief/")
    assert page.locator("h1").count() == 1
    assert_accessible(page)

    page.goto("/nieuwsbrief/aanmelden/")
    assert_accessible(page)
    # The browser stops typing at maxlength; the server must still say no to more.
    page.locator("main input").evaluate_all(
        "fields => fields.forEach(field => field.removeAttribute('maxlength'))"
    )
    page.locator("#newsletter-email").fill("geen-adres")
    page.locator("#newsletter-name").fill("<b>" + "n" * 200)
    page.get_by_role("button", name="Aanmelden").first.click()
    page.get_by_text("Vul een geldig e-mailadres in").first.wait_for()
    assert page.locator(".field--error").count() == 2
    assert page.locator("#newsletter-email").input_value() == "geen-adres"
    assert_accessible(page)


def test_confirm_and_preferences_pages_have_no_violations(page, newsletter, assert_accessible):
    pending = SubscriberFactory(email="wacht@example.org", status=SubscriberStatus.PENDING)
    page.goto(local(links.confirm_url(pending)))
    assert_accessible(page)
    page.get_by_role("button", name="Ja, ik bevestig mijn aanmelding").click()
    page.get_by_role("heading", name="Bedankt voor je aanmelding").wait_for()
    assert_accessible(page)

    page.get_by_role("link", name="Kies je onderwerpen").click()
    page.get_by_role("heading", name="Je voorkeuren voor de nieuwsbrief").wait_for()
    assert_accessible(page)
    page.get_by_label("Open Data").check()
    page.get_by_role("button", name="Onderwerpen opslaan").click()
    page.get_by_text("Je keuze van onderwerpen is opgeslagen.").wait_for()
    assert [theme.name for theme in Subscriber.objects.get().themes.all()] == ["Open Data"]

    page.goto(local(links.unsubscribe_url(pending)))
    assert_accessible(page)
    page.get_by_role("button", name="Afmelden voor de nieuwsbrief").click()
    page.get_by_role("heading", name="Je bent afgemeld").wait_for()
    assert Subscriber.objects.get().status == "unsubscribed"

    page.goto("/nieuwsbrief/bevestigen/kapot/")
    assert_accessible(page)


def test_visitor_subscribes_from_the_footer_with_the_keyboard_only(
    page, newsletter, smtp_server, assert_accessible
):
    page.goto("/zoeken/")  # the home page has its own form instead of the footer's
    assert_accessible(page)
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "newsletter-footer-email":
            break
    else:
        pytest.fail("the footer's e-mail field cannot be reached with Tab")
    page.keyboard.type("Toetsenbord@Example.org")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "newsletter-footer-name"
    page.keyboard.type("Kim")
    page.keyboard.press("Tab")  # past the honeypot, which robots fill in and people never see
    assert page.evaluate("document.activeElement.textContent.trim()") == "Aanmelden"
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Kijk in je mailbox").wait_for()

    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.name, subscriber.consent_source) == (
        "toetsenbord@example.org",
        "Kim",
        "footer",
    )
    [message] = smtp_server.wait_for(1)
    link = re.search(r"https?://\S+(/nieuwsbrief/bevestigen/\S+/)", smtp_server.text_of(message))
    page.goto(link.group(1))
    button = page.get_by_role("button", name="Ja, ik bevestig mijn aanmelding")
    button.focus()
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Bedankt voor je aanmelding").wait_for()
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed"


def test_web_version_and_archive_of_a_sent_issue_have_no_violations(
    page, newsletter, assert_accessible
):
    from communities.newsletter.models import Mailing

    issue = NewsletterIssuePageFactory(
        parent=newsletter,
        title="Nieuwsbrief december: het jaar rond",
        slug="nieuwsbrief-december",
        intro="Wat we dit jaar samen deden, en wat er in januari komt.",
        body=[
            {"type": "text", "value": "<h2>Terugblik</h2><p>Twaalf leerkringen kwamen samen.</p>"},
            {"type": "events", "value": {"heading": "In de agenda", "events": [], "number": 3}},
            {
                "type": "call_to_action",
                "value": {"text": "Naar de kaart", "page": None, "url": "/kaart/"},
            },
        ],
    )
    Mailing.objects.create(issue=issue, subject=issue.title, html="", text="")

    page.goto("/nieuwsbrief/")
    page.get_by_role("link", name="Nieuwsbrief december: het jaar rond").click()
    page.get_by_role("heading", name="Nieuwsbrief december: het jaar rond").wait_for()
    assert page.get_by_text("Twaalf leerkringen kwamen samen.").is_visible()
    assert_accessible(page)
