"""The demo sells the product: long articles with headings, a pull quote and a credited
image, one with a video and a guest blog under CC BY; leerkringen whose past meetings
are theirs, with a report; drawn pictures of people and places; and an accessibility
statement in the structure of the government's model statement."""

import pytest

from blog.blocks import video_player_url
from blog.models import ArticlePage
from communities.models import Leerkring
from portal import demo
from portal.demo import blog, events, leerkringen
from portal.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_pages(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    demo.load_accounts()
    demo.load_themes()
    demo.load_pages()


@pytest.fixture
def demo_articles(demo_pages):
    blog.load()


@pytest.fixture
def demo_content(demo_articles):
    leerkringen.load()
    events.load()


def blocks_of(article):
    return [block.block_type for block in article.body]


def test_the_long_articles_have_headings_a_pull_quote_and_a_credited_image(demo_articles):
    long_reads = [
        article for article in ArticlePage.objects.live() if 800 <= article.word_count <= 1200
    ]
    assert len(long_reads) >= 5
    for article in long_reads:
        kinds = blocks_of(article)
        assert kinds.count("heading") >= 3 and "pull_quote" in kinds, article.slug
        [image] = [block.value for block in article.body if block.block_type == "image"]
        assert image["alt"] and image["maker"] and image["rights"], article.slug
        assert article.main_image.description.startswith("Illustratie"), article.slug
        assert article.main_image_maker and article.main_image_rights


def test_one_article_shows_a_video_through_the_privacy_friendly_player(demo_articles):
    videos = [
        block.value
        for article in ArticlePage.objects.live()
        for block in article.body
        if block.block_type == "video"
    ]
    assert videos
    assert video_player_url(videos[0]["url"]).startswith("https://www.youtube-nocookie.com/")


def test_a_long_guest_blog_may_be_reused_under_cc_by(demo_articles):
    guest = ArticlePage.objects.get(slug="open-data-waterschap")
    assert guest.authors.get().is_guest
    assert guest.licence == ArticlePage.Licence.CC_BY
    assert guest.licence_attribution and guest.word_count >= 800


def test_a_leerkring_page_lists_its_own_past_meetings_with_a_report(client, demo_content):
    waterschappen = Leerkring.objects.get(slug="waterschappen")
    meetings = waterschappen.events.all()
    assert {meeting.event_type for meeting in meetings} == {"leerkringbijeenkomst"}
    past = [meeting for meeting in meetings if meeting.is_past]
    assert len(past) >= 2 and any(meeting.report_page for meeting in past)
    for meeting in past:
        if meeting.report_page:
            assert meeting.report_page.specific.date > meeting.starts_at.date()
    html = client.get(waterschappen.get_absolute_url()).content.decode()
    assert "Eerdere bijeenkomsten" in html
    assert "Leerkring waterschappen: bewoners en de dijk" in html
    assert "Leerkring provincies" not in html  # another leerkring's meetings stay there


def test_the_accessibility_statement_follows_the_model_statement(client, demo_pages):
    statement = StandardPage.objects.get(slug="toegankelijkheidsverklaring")
    headings = [block.value["text"] for block in statement.body if block.block_type == "heading"]
    for start in ["Status", "Datum", "Hoe we", "Wat nog niet goed gaat", "Probleem gevonden"]:
        assert any(heading.startswith(start) for heading in headings), start
    html = client.get(statement.url).content.decode()
    assert "voldoet gedeeltelijk" in html and "2 november 2026" in html
    assert "Nationale ombudsman" in html
