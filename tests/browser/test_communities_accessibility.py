"""axe-core (WCAG 2.1 A and AA) finds no violations on the leerkringen pages."""

import pytest

from communities.models import MembershipStatus, SignupMode
from tests.factories.communities import LeerkringFactory, MembershipFactory
from tests.factories.portal import ThemeFactory
from tests.factories.users import PASSWORD


@pytest.fixture
def leerkringen(site_url, make_user, coordinator):
    theme = ThemeFactory(name="Open Data", slug="open-data")
    approval = LeerkringFactory(
        name="Waterschappen open",
        slug="waterschappen-open",
        audience=["waterschap", "provincie"],
        signup_mode=SignupMode.APPROVAL,
        max_members=20,
        themes=[theme],
        coordinators=[coordinator],
    )
    approval.partners.create(name="Unie van Demo", url="https://example.org/unie")
    approval.testimonials.create(
        quote="Ik leerde hier veel.", name="Sanne", role="Adviseur", organisation="Waterschap Aa"
    )
    approval.save()
    LeerkringFactory(name="Gesloten kring", signup_mode=SignupMode.CLOSED, themes=[theme])
    MembershipFactory(leerkring=approval, user=make_user(email="lid@example.org"))
    return approval


@pytest.mark.parametrize(
    "path",
    [
        "/leerkringen/",
        "/leerkringen/?sector=waterschap&thema=open-data&aanmelden=approval",
        "/leerkringen/?sector=bestaat-niet",
        "/leerkringen/waterschappen-open/",
    ],
)
def test_leerkringen_pages_have_no_accessibility_violations(
    page, leerkringen, assert_accessible, path
):
    page.goto(path)
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_signup_form_with_errors_and_account_pages_have_no_violations(
    page, leerkringen, professional, log_in, assert_accessible
):
    MembershipFactory(leerkring=leerkringen, user=professional, status=MembershipStatus.LEFT)
    log_in(professional.email, PASSWORD)
    page.goto("/leerkringen/waterschappen-open/aanmelden/")
    assert_accessible(page)
    # The browser stops typing at maxlength; the server must still say no to more.
    page.locator("textarea, input").evaluate_all(
        "fields => fields.forEach(field => field.removeAttribute('maxlength'))"
    )
    page.get_by_label("Organisatie").fill("o" * 200)
    page.get_by_label("Waarom wil je meedoen? (niet verplicht)").fill("x" * 1200)
    page.get_by_role("button", name="Aanmelding versturen").click()
    assert page.locator(".errorlist").count() >= 1
    assert_accessible(page)
    for path in ["/account/", "/account/leerkringen/"]:
        page.goto(path)
        assert page.locator("h1").count() == 1
        assert_accessible(page)
