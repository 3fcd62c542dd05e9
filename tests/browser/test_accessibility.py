"""axe-core (WCAG 2.1 A and AA) finds no violations on the portal's page types."""

import pytest

from portal import demo
from tests.factories.users import PASSWORD


@pytest.fixture
def demo_site(site_url):
    demo.load_themes()
    demo.load_pages()
    return site_url


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/over-ons/",
        "/toegankelijkheidsverklaring/",
        "/zoeken/?q=overheid",
        "/zoeken/?q=woorddatnergensstaat",
        "/account/signup/",
        "/account/login/",
        "/account/password/reset/",
        "/bestaat-niet/",
    ],
)
def test_public_page_has_no_accessibility_violations(page, demo_site, assert_accessible, path):
    page.goto(path)
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_signup_form_with_errors_has_no_accessibility_violations(
    page, demo_site, assert_accessible
):
    page.goto("/account/signup/")
    page.locator("main").get_by_label("E-mail").fill("geen-adres")
    page.get_by_role("button", name="Account maken").click()
    assert page.locator(".errorlist").count() >= 1
    assert_accessible(page)


def test_account_pages_have_no_accessibility_violations(
    page, demo_site, make_user, log_in, assert_accessible
):
    make_user(email="priya@example.org")
    log_in("priya@example.org", PASSWORD)
    for path in [
        "/account/",
        "/account/profiel/",
        "/account/email/",
        "/account/password/change/",
        "/account/verwijderen/",
    ]:
        page.goto(path)
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)


def test_english_pages_have_no_accessibility_violations(page, demo_site, assert_accessible):
    page.goto("/")
    page.get_by_role("button", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page)


def test_the_too_many_attempts_page_has_no_accessibility_violations(
    page, demo_site, assert_accessible, settings
):
    settings.ACCOUNT_RATE_LIMITS = {"reset_password": "1/m/ip"}
    for _attempt in range(2):
        page.goto("/account/password/reset/")
        email = page.locator("main").get_by_label("E-mail")
        email.fill("iemand@example.org")
        with page.expect_navigation():
            email.press("Enter")
    assert page.get_by_role("heading", level=1).inner_text() == "Te vaak geprobeerd"
    # The browser logs the 429 status as an error; that is the point of this page.
    page.console_errors.clear()
    assert_accessible(page)
