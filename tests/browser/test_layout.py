"""The layout holds at a phone's 390 px and a laptop's 1280 px: the header leaves
room for content, an article uses the width beside it, long Dutch words and
addresses stay in their boxes, and every choice in a filter shows whole. In
Chromium, as a visitor sees it."""

import datetime

import pytest
from django.utils import timezone

from tests.factories.blog import ArticlePageFactory, BlogIndexPageFactory
from tests.factories.communities import LeerkringFactory
from tests.factories.events import EventFactory
from tests.factories.portal import ThemeFactory

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 900}

# True when some choice of a filter form is wider than its drop-down shows.
CUT_OFF_CHOICES = """() => {
    const measure = document.createElement("canvas").getContext("2d");
    return [...document.querySelectorAll(".filter-form select")].filter((select) => {
        measure.font = getComputedStyle(select).font;
        const text = select.options[select.selectedIndex].text;
        return measure.measureText(text).width > select.clientWidth - 36;
    }).map((select) => select.name);
}"""

# How many lines the word takes in the element: more than one is a break inside it.
LINES_OF_WORD = """([selector, word]) => {
    const element = document.querySelector(selector);
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const at = walker.currentNode.textContent.indexOf(word);
        if (at >= 0) {
            const range = document.createRange();
            range.setStart(walker.currentNode, at);
            range.setEnd(walker.currentNode, at + word.length);
            return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
        }
    }
    return 0;
}"""


@pytest.fixture
def article(site_url):
    BlogIndexPageFactory()
    theme = ThemeFactory(name="Open data", slug="open-data")
    for number in range(3):
        ArticlePageFactory(
            title=f"Open data in de praktijk {number}",
            date=datetime.date(2026, 9, 1 + number),
            themes=[theme],
        )
    return ArticlePageFactory(title="Woo-verzoeken sneller afhandelen", themes=[theme])


def test_on_a_phone_the_header_leaves_most_of_the_screen_for_content(page):
    page.set_viewport_size(PHONE)
    page.goto("/")
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 180, header
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    assert menu.get_by_role("link", name="Zoeken", exact=True).is_visible()


def test_on_a_laptop_related_articles_stand_beside_the_article(page, article):
    page.set_viewport_size(LAPTOP)
    page.goto(article.url)
    text = page.locator("article.article").bounding_box()
    related = page.locator(".related-articles").bounding_box()
    assert related["x"] > text["x"] + text["width"]
    assert related["y"] < text["y"] + 400  # beside the top, not below the end
    menu = page.locator(".main-nav").bounding_box()
    category_line = page.locator(".article__meta").bounding_box()
    assert category_line["y"] - (menu["y"] + menu["height"]) >= 24


def test_the_home_page_has_one_newsletter_form(page):
    page.goto("/")
    assert page.locator("form.newsletter-form").count() == 1


def test_long_leerkring_names_break_between_words_only(page, site_url):
    LeerkringFactory(name="Leerkring Uitvoeringsinstellingen", slug="uitvoering")
    for viewport in (LAPTOP, PHONE):
        page.set_viewport_size(viewport)
        page.goto("/leerkringen/")
        lines = page.evaluate(LINES_OF_WORD, [".leerkring-card__title", "Uitvoeringsinstellingen"])
        assert lines == 1, viewport


def test_a_leerkrings_contact_address_stays_in_its_box(page, site_url):
    LeerkringFactory(
        slug="adres",
        contact_email="kenniscentrum.actieve.openbaarmaking@uitvoeringsorganisatie.example.org",
    )
    for viewport in (LAPTOP, PHONE):
        page.set_viewport_size(viewport)
        page.goto("/leerkringen/adres/")
        aside = page.locator(".leerkring__aside")
        overflow = aside.evaluate("(box) => box.scrollWidth - box.clientWidth")
        assert overflow <= 0, viewport


def test_every_filter_choice_shows_whole(page, site_url):
    EventFactory(starts_at=timezone.now() + datetime.timedelta(days=20))
    for viewport in (LAPTOP, PHONE):
        page.set_viewport_size(viewport)
        for path in ("/leerkringen/", "/agenda/", "/kaart/"):
            page.goto(path)
            assert page.evaluate(CUT_OFF_CHOICES) == [], (path, viewport)


def test_the_agenda_month_is_chosen_by_name(page, site_url):
    page.goto("/agenda/")
    month = page.get_by_label("Maand")
    assert month.evaluate("(field) => field.tagName") == "SELECT"
    this_month = timezone.localdate().strftime("%Y-%m")
    month.select_option(this_month)
    page.get_by_role("button", name="Filteren").click()
    assert f"maand={this_month}" in page.url
    assert page.get_by_label("Maand").input_value() == this_month
