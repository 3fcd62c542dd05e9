"""Browser tests: Playwright drives Debian's Chromium against a live server.

A missing browser fails the run, never skips it: `make test` installs Chromium, so a
missing one means the set-up is broken, and a skipped accessibility test proves nothing.
"""

import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM
# calls in such a thread unless told that this is safe, which it is in tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        pytest.fail(f"Chromium not found at {CHROMIUM}; `make test` installs it.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site_url(live_server, django_db_serialized_rollback):
    """The live server's address. Each test starts from the migrated database
    (Wagtail's page tree, the role groups), restored after the previous test's flush."""
    return live_server.url


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(base_url=site_url, locale="nl-NL")
    context.set_default_timeout(10_000)
    page = context.new_page()
    # Scripts, styles and images that fail to load, and script errors, fail the test.
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and response.request.resource_type != "document"
            and errors.append(f"{response.status} {response.url}")
        ),
    )
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and not message.text.startswith("Failed to load resource")
            and errors.append(message.text)
        ),
    )
    page.console_errors = errors
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def assert_accessible(axe):
    """Run axe-core with the WCAG 2.1 A and AA rules; expect no violations at all."""

    def check(page):
        results = axe.run(
            page,
            options={
                "runOnly": {"type": "tag", "values": WCAG_TAGS},
                "resultTypes": ["violations"],
            },
        )
        assert results.violations_count == 0, results.generate_report()
        assert not page.console_errors, page.console_errors
        return results

    return check


@pytest.fixture
def log_in(page):
    """Log in through the log-in form, as a person would."""

    def do(email, password):
        page.goto("/account/login/")
        page.locator("main").get_by_label("E-mail").fill(email)
        page.get_by_label("Wachtwoord").fill(password)
        page.get_by_role("button", name="Inloggen").click()

    return do
