"""axe-core (WCAG 2.1 A and AA) finds no violations on the team page and the
publications page, also when its filters hold a wrong value; the filters work by
keyboard and without JavaScript (a plain GET form)."""

import pytest

from portal import demo


@pytest.fixture
def demo_site(site_url, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    demo.load_themes()
    demo.load_pages()
    return site_url


@pytest.mark.parametrize(
    "path",
    ["/over-ons/", "/publicaties/", "/publicaties/?soort=geheim&jaar=abc"],
)
def test_team_and_publications_pages_have_no_accessibility_violations(
    page, demo_site, assert_accessible, path
):
    page.goto(path)
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_a_visitor_filters_the_publications_by_kind(page, demo_site, assert_accessible):
    page.goto("/publicaties/")
    page.get_by_label("Soort").select_option(label="Handreiking")
    page.get_by_role("button", name="Filteren").press("Enter")
    page.wait_for_url("**/publicaties/?*soort=handreiking*")
    assert page.get_by_role("status").inner_text() == "2 publicaties"
    assert_accessible(page)
