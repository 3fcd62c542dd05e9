"""After moving a WordPress site in, a reader opens an imported article and old links
from elsewhere (`/?p=123`, `/2015/03/slug/`) still lead to it. In Chromium, with axe
checking the imported blocks (table, code, image, video, pull quote)."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image

from tests.factories.blog import BlogIndexPageFactory
from tests.factories.portal import ThemeFactory

EXPORT = Path(__file__).parent.parent / "blog" / "wordpress" / "fixtures" / "export.xml"
ARTICLE = "/actueel/een-overheid/"


@pytest.fixture
def imported_site(site_url, tmp_path):
    BlogIndexPageFactory()
    ThemeFactory(name="Open Data", slug="open-data")
    uploads = tmp_path / "uploads"
    (uploads / "2015" / "03").mkdir(parents=True)
    Image.new("RGB", (640, 480), "#154273").save(uploads / "2015/03/dataset-kaart.jpg", "JPEG")
    call_command("import_wordpress", str(EXPORT), "--uploads", str(uploads), stdout=io.StringIO())
    return site_url


def test_a_reader_follows_old_wordpress_links_to_the_imported_article(
    page, imported_site, assert_accessible
):
    page.goto("/?p=123")
    assert page.url == imported_site + ARTICLE
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "Één overheid: café-gesprekken over open data"
    assert page.get_by_role("table").get_by_text("Zwolle").is_visible()
    assert page.locator("pre code").inner_text() == 'print("hallo & welkom")'
    assert page.get_by_text("Alle datasets op één kaart").first.is_visible()
    assert page.get_by_text("Mooi stuk! Één vraag").is_visible()
    assert_accessible(page)

    page.goto("/2015/03/een-overheid/")
    assert page.url == imported_site + ARTICLE

    page.goto("/category/open-data/")
    assert page.url == imported_site + "/actueel/?thema=open-data"
    page.get_by_role("link", name="Één overheid: café-gesprekken over open data").first.click()
    assert page.url == imported_site + ARTICLE
