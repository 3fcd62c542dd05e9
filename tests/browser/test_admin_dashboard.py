"""The admin's dashboard in Chromium: each role logs in through the portal's own
log-in page and finds its own panel, in the portal's colours and with its logo,
without accessibility violations, at desktop and phone width."""

import datetime
import os
from pathlib import Path

import pytest
from django.utils import timezone

from blog.models import Comment
from communities.models import MembershipStatus, SignupMode
from events.models import RegistrationStatus
from tests.factories.blog import ArticlePageFactory
from tests.factories.communities import LeerkringFactory, MembershipFactory
from tests.factories.events import EventFactory, RegistrationFactory
from tests.factories.users import PASSWORD, UserFactory

# Where the screenshots go for a person to look at; unset, none are taken.
SHOTS = os.environ.get("ADMIN_SHOTS_DIR")
WIDTHS = [1280, 390]


def screenshot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/admin-{name}.png", full_page=True)


@pytest.fixture
def waiting_work(editor, organiser, coordinator):
    """Something waiting for each role."""
    ArticlePageFactory(title="Woo-verzoeken in de praktijk", publish=False)
    article = ArticlePageFactory(title="Open data in Zwolle")
    Comment.objects.create(
        article=article, name="Vera Visser", email="vera@example.org", body="Waar vind ik de data?"
    )
    event = EventFactory(
        title="Open data in de gemeente",
        organisers=[organiser],
        capacity=2,
        starts_at=timezone.now() + datetime.timedelta(days=3),
    )
    RegistrationFactory.create_batch(2, event=event)
    RegistrationFactory(event=event, status=RegistrationStatus.WAITING, waiting_position=1)
    EventFactory(title="Webinar actieve openbaarmaking", organisers=[organiser], capacity=40)
    leerkring = LeerkringFactory(
        name="Waterschappen open", signup_mode=SignupMode.APPROVAL, coordinators=[coordinator]
    )
    MembershipFactory(
        leerkring=leerkring,
        user=UserFactory(full_name="Wim Wachter"),
        status=MembershipStatus.PENDING,
    )


@pytest.mark.parametrize(
    ("role", "heading", "figure"),
    [
        ("editor", "Pagina's die wachten op publicatie", "Woo-verzoeken in de praktijk"),
        ("editor", "Reacties die wachten op moderatie", "1 reactie wacht op je goedkeuring."),
        ("organiser", "Je volgende bijeenkomsten", "Open data in de gemeente"),
        (
            "coordinator",
            "Aanmeldingen die wachten op je besluit",
            "1 persoon wacht op je besluit.",
        ),
    ],
)
def test_each_role_finds_its_own_panel_on_an_accessible_dashboard(
    page, log_in, assert_accessible, request, waiting_work, role, heading, figure
):
    user = request.getfixturevalue(role)
    log_in(user.email, PASSWORD)
    page.wait_for_url(lambda url: "/login/" not in url)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto("/admin/")
        panel = page.get_by_role("region", name=heading)
        assert figure in panel.inner_text()
        assert page.get_by_role(
            "heading", name="Welkom in het beheer van Open Overheid"
        ).is_visible()
        assert page.title() == "Dashboard - Beheer van Open Overheid"
        assert_accessible(page)
        screenshot(page, f"{role}-{width}")


def test_the_organiser_goes_from_the_dashboard_to_the_attendees(
    page, log_in, organiser, waiting_work
):
    log_in(organiser.email, PASSWORD)
    page.wait_for_url(lambda url: "/login/" not in url)
    page.goto("/admin/")
    row = page.get_by_role("row").filter(has_text="Open data in de gemeente")
    assert "vol" in row.inner_text() and "1 op de wachtlijst" in row.inner_text()
    row.get_by_role("link", name="Aanmeldingen Open data in de gemeente").click()
    page.wait_for_url("**/aanmeldingen/")
    assert page.console_errors == []


def test_the_coordinator_goes_from_the_dashboard_to_the_request(
    page, log_in, coordinator, waiting_work
):
    log_in(coordinator.email, PASSWORD)
    page.wait_for_url(lambda url: "/login/" not in url)
    page.goto("/admin/")
    page.get_by_role("link", name="Goedkeuren of afwijzen (Waterschappen open)").click()
    page.get_by_role("button", name="Goedkeuren Wim Wachter").wait_for()
    assert page.console_errors == []


def test_the_admin_login_is_the_portals_own_with_its_name_and_logo(page, assert_accessible):
    page.goto("/admin/")
    page.wait_for_url("**/account/login/?next=/admin/")
    logo = page.locator("header img[src$='img/logo.svg']")
    assert logo.is_visible()
    assert "Open Overheid" in page.locator("header").inner_text()
    assert_accessible(page)
    screenshot(page, "login-1280")


def test_the_sidebar_shows_the_portals_logo_in_the_portals_colours(page, log_in, editor):
    log_in(editor.email, PASSWORD)
    page.wait_for_url(lambda url: "/login/" not in url)
    page.goto("/admin/")
    logo = page.locator("#wagtail-sidebar img[src$='img/logo.svg']")
    logo.wait_for()
    assert logo.evaluate("image => image.naturalWidth") > 0
    sidebar_colour = page.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--w-color-primary-hue')"
    )
    assert sidebar_colour.strip() == "211.3"
