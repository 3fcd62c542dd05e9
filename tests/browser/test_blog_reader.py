"""A reader finds a guest article through the filters, reads it (video only on
request), and leaves a comment; axe checks every page on the way. In Chromium."""

import re
from datetime import date

import pytest

from blog.models import Comment
from tests.factories.blog import (
    ArticlePageFactory,
    AuthorFactory,
    BlogIndexPageFactory,
    ImageFactory,
)
from tests.factories.portal import ThemeFactory


@pytest.fixture
def guest_article(site_url):
    BlogIndexPageFactory()
    theme = ThemeFactory(name="Open Data", slug="open-data")
    image = ImageFactory(
        title="Rivier",
        description="Een rivier",
        file__filename="rivier.png",
        file__width=320,
        file__height=180,
        file__color="#01689b",
    )
    guest = AuthorFactory(
        name="Joost van Leeuwen",
        role="Data-analist",
        organisation="Waterschap",
        bio="Joost maakt data vindbaar.",
        is_guest=True,
        photo=image,
    )
    editor = AuthorFactory(name="Noor Bakker", role="Redacteur", organisation="")
    for number in range(3):
        ArticlePageFactory(
            title=f"Ander bericht {number}",
            lead="Een ander bericht.",
            date=date(2026, 1, number + 1),
            category__slug="actueel",
            body=[{"type": "paragraph", "value": "<p>Tekst.</p>"}],
            authors=[editor],
        )
    article = ArticlePageFactory(
        title="Wat het waterschap leerde van open data",
        lead="Meetgegevens lagen jaren op de plank.",
        date=date(2026, 3, 4),
        category__slug="gastblog",
        main_image=image,
        main_image_caption="De rivier bij hoog water",
        main_image_maker="Fien Fotograaf",
        main_image_rights="CC BY 4.0",
        licence="cc-by-4.0",
        licence_attribution="Joost van Leeuwen",
        body=[
            {"type": "paragraph", "value": "<p>Toen we begonnen, dacht niemand aan data.</p>"},
            {"type": "heading", "value": {"text": "Kleine stappen", "level": "h2"}},
            {"type": "pull_quote", "value": {"quote": "Open is normaal.", "attribution": "Joost"}},
            {
                "type": "image",
                "value": {
                    "image": image.pk,
                    "alt": "Een blauwe rivier",
                    "caption": "Meetpunt",
                    "maker": "Joost",
                    "rights": "CC BY 4.0",
                    "downloadable": True,
                },
            },
            {"type": "term_note", "value": {"term": "API", "explanation": "Een vaste koppeling."}},
            {
                "type": "call_to_action",
                "value": {"text": "Bekijk de data", "page": None, "url": "https://example.org/"},
            },
            {
                "type": "video",
                "value": {"url": "https://www.youtube.com/watch?v=abc123", "title": "Uitleg"},
            },
        ],
        authors=[guest],
        themes=[theme],
        tags=["waterschap"],
    )
    Comment.objects.create(article=article, name="Marieke", body="Mooi!", status="approved")
    return article


def test_reader_filters_reads_plays_video_and_comments(
    page, site_url, guest_article, assert_accessible, editor, smtp_server
):
    outside = []
    page.on(
        "request",
        lambda request: not request.url.startswith(site_url) and outside.append(request.url),
    )
    page.route(
        "https://www.youtube-nocookie.com/**",
        lambda route: route.fulfill(body="<p>speler</p>", content_type="text/html"),
    )

    page.goto("/actueel/")
    page.get_by_label("Categorie").select_option("gastblog")
    page.get_by_label("Thema").select_option("open-data")
    page.get_by_role("button", name="Toon artikelen").click()
    page.wait_for_url("**/actueel/?categorie=gastblog&thema=open-data*")
    page.get_by_text("1 artikel", exact=True).wait_for()
    assert_accessible(page)

    page.get_by_role("link", name=re.compile(r"^Lees verder ?: Wat het waterschap")).click()
    page.get_by_role("heading", level=1, name="Wat het waterschap leerde van open data").wait_for()
    assert page.get_by_text("Gastblog door Joost van Leeuwen").is_visible()
    assert page.get_by_text("4 maart 2026").first.is_visible()
    summary = page.get_by_text("Wat is ‘API’?")
    summary.click()
    assert page.get_by_text("Een vaste koppeling.").is_visible()
    assert_accessible(page)
    assert outside == [], "nothing may load from elsewhere before the reader asks"

    page.get_by_role("button", name="Video afspelen: Uitleg").click()
    frame = page.locator("iframe[title='Uitleg']")
    frame.wait_for()
    assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/abc123")

    # The comment form: errors first, then a comment that waits for moderation.
    page.get_by_role("button", name="Plaats reactie").click()
    page.get_by_text("Dit is een verplicht veld.").first.wait_for()
    assert_accessible(page)
    page.get_by_label("Je naam").fill("Vera Bezoeker")
    page.get_by_label("Je e-mailadres").fill("vera@example.org")
    page.get_by_label("Je reactie").fill("Dank voor het delen.\n<b>Groet</b>")
    page.get_by_role("button", name="Plaats reactie").click()
    page.get_by_text("Je reactie verschijnt zodra een redacteur haar heeft goedgekeurd.").wait_for()
    comment = Comment.objects.get(name="Vera Bezoeker")
    assert comment.status == Comment.Status.PENDING
    assert comment.body == "Dank voor het delen.\n<b>Groet</b>"
    [message] = smtp_server.wait_for(1)
    assert message["To"] == editor.email
    assert "Dank voor het delen." in smtp_server.text_of(message)


def test_video_falls_back_to_a_plain_link_without_javascript(browser, site_url, guest_article):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    page.goto(guest_article.url)
    assert page.locator("iframe").count() == 0
    assert not page.get_by_role("button", name="Video afspelen: Uitleg").is_visible()
    link = page.get_by_role("link", name=re.compile(r"^Bekijk de video op YouTube ?: Uitleg"))
    assert link.get_attribute("href") == "https://www.youtube.com/watch?v=abc123"
    context.close()
