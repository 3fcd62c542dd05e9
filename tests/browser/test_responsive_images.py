"""A reader on a phone gets the article's photo in a modern format and about as wide as
the phone's screen; on a desktop a larger one. The lead photo is fetched at once and
has its alt text, the cards further down wait until they are scrolled near. In Chromium."""

import io
from datetime import date

import pytest
from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from playwright.sync_api import expect

from tests.factories.blog import ArticlePageFactory, BlogIndexPageFactory, ImageFactory

ALT = "Deelnemers aan tafel bij de bijeenkomst in Zwolle"

# The rendition the browser chose, with its width from the srcset it came from.
CHOSEN = """img => {
    const sources = [...img.closest('picture').querySelectorAll('source'), img];
    for (const source of sources) {
        for (const candidate of source.srcset.split(',')) {
            const [url, width] = candidate.trim().split(/\\s+/);
            if (img.currentSrc.endsWith(url)) {
                const shown = img.getBoundingClientRect().width;
                return {url: img.currentSrc, width: parseInt(width), shown};
            }
        }
    }
    return {url: img.currentSrc, width: 0, shown: img.getBoundingClientRect().width};
}"""


def photograph(name, size=(1600, 900)):
    """A landscape JPEG large enough for every rendition of the article slot."""
    picture = Image.new("RGB", size, "#dce9f2")
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, size[1] * 2 // 3, size[0], size[1]), fill="#39870c")
    draw.ellipse((size[0] // 3, size[1] // 5, size[0] // 2, size[1] // 2), fill="#f9e11e")
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90)
    return ImageFile(buffer, name=name)


@pytest.fixture
def media(settings, tmp_path):
    """Uploads served by the portal itself, from a folder of this test's own."""
    settings.MEDIA_ROOT = tmp_path
    settings.SERVE_MEDIA = True
    return tmp_path


@pytest.fixture
def article(site_url, media):
    BlogIndexPageFactory()
    for number in range(6):
        ArticlePageFactory(
            title=f"Eerder bericht {number}",
            date=date(2026, 1, number + 1),
            main_image=ImageFactory(
                title=f"Beeld {number}", file=photograph(f"beeld-{number}.jpg")
            ),
        )
    lead_image = ImageFactory(title="Bijeenkomst", description=ALT, file=photograph("zwolle.jpg"))
    return ArticlePageFactory(
        title="Een middag over open data", date=date(2026, 2, 1), main_image=lead_image
    )


def lead_picture(page):
    image = page.locator(".article__image picture img")
    expect(image).to_have_js_property("complete", True)
    return image


def test_phone_gets_the_lead_photo_in_a_modern_format_near_its_width(page, article):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(article.url)
    chosen = lead_picture(page).evaluate(CHOSEN)
    assert chosen["url"].endswith((".avif", ".webp")), chosen
    # At one device pixel per CSS pixel: at least as wide as shown, and not much more.
    assert chosen["shown"] <= chosen["width"] <= 2.5 * chosen["shown"], chosen
    assert chosen["width"] == 400
    assert not page.console_errors, page.console_errors


def test_desktop_gets_a_larger_lead_photo(page, article):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(article.url)
    chosen = lead_picture(page).evaluate(CHOSEN)
    assert chosen["url"].endswith((".avif", ".webp")), chosen
    assert chosen["shown"] <= chosen["width"] <= 2.5 * chosen["shown"], chosen
    assert chosen["width"] == 700


def test_lead_photo_is_fetched_at_once_with_its_alt_text_and_later_cards_wait(page, article):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(article.url)
    image = lead_picture(page)
    expect(image).to_have_attribute("alt", ALT)
    expect(image).to_have_attribute("loading", "eager")
    expect(image).to_have_attribute("fetchpriority", "high")
    # The largest rendition's size: the photo's shape is known before it arrives.
    width, height = image.evaluate("img => [img.width, img.height]")
    assert int(image.get_attribute("width")) == 1400
    assert int(image.get_attribute("height")) in (787, 788)
    assert height == pytest.approx(width * 9 / 16, abs=1)

    page.goto("/actueel/")
    cards = page.locator(".article-card picture img")
    expect(cards).to_have_count(7)
    expect(cards.first).to_have_attribute("fetchpriority", "high")
    last = cards.last
    expect(last).to_have_attribute("loading", "lazy")
    expect(last).to_have_attribute("decoding", "async")
    expect(last).to_have_attribute("alt", "")  # the card's title says it all
    assert last.evaluate("img => img.currentSrc") == ""  # not fetched before it is near
    last.scroll_into_view_if_needed()
    expect(last).to_have_js_property("complete", True)
    assert last.evaluate("img => img.currentSrc").endswith((".avif", ".webp"))


def test_open_graph_image_is_the_full_address_of_a_rendition(page, article, settings):
    page.goto(article.url)
    address = page.locator('meta[property="og:image"]').get_attribute("content")
    assert address.startswith(f"{settings.SITE_URL}/media/images/zwolle.")
    assert ".fill-1200x630" in address
    path = address.removeprefix(settings.SITE_URL)
    response = page.request.get(path)
    assert response.status == 200
    assert response.headers["content-type"] == "image/jpeg"


@pytest.mark.parametrize("width", [390, 1280])
def test_article_and_blog_index_with_pictures_have_no_accessibility_violations(
    page, article, assert_accessible, width
):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(article.url)
    lead_picture(page)
    assert_accessible(page)
    page.goto("/actueel/")
    expect(page.locator(".article-card picture")).to_have_count(7)
    assert_accessible(page)
