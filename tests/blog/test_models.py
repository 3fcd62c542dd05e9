"""The article's own rules: word count, reading time, neighbours, related articles."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from blog.blocks import video_player_url
from blog.models import ArticlePage
from tests.factories.blog import paragraph

pytestmark = pytest.mark.django_db


def test_word_count_and_reading_time_are_stored_when_the_article_is_saved(make_article):
    words = " ".join(["woord"] * 920)
    article = make_article(
        lead="Vier woorden in intro.",
        body=[
            paragraph(f"<b>{words}</b>"),
            {"type": "heading", "value": {"text": "Twee woorden", "level": "h2"}},
            {"type": "pull_quote", "value": {"quote": "Drie woorden hier", "attribution": "X"}},
        ],
    )
    assert article.word_count == 4 + 920 + 2 + 3
    assert article.reading_minutes == 5  # 929 / 230 rounded up


def test_a_short_article_reads_in_at_least_one_minute(make_article):
    assert make_article(lead="Kort.").reading_minutes == 1


def test_previous_and_next_follow_the_publication_date(make_article):
    old = make_article(title="Oud", date=date(2025, 1, 1))
    middle = make_article(title="Midden", date=date(2025, 6, 1))
    new = make_article(title="Nieuw", date=date(2026, 1, 1))
    live = ArticlePage.objects.live()
    assert middle.neighbours(live) == (old, new)
    assert old.neighbours(live)[0] is None
    assert new.neighbours(live)[1] is None


def test_related_articles_are_the_editors_choice_first(make_article, theme):
    article = make_article(title="Hoofd", themes=[theme])
    same_theme = make_article(title="Zelfde thema", themes=[theme])
    chosen = make_article(title="Gekozen")
    others = ArticlePage.objects.live().exclude(pk=article.pk)
    assert [a.pk for a in article.related_articles(others, [theme])] == [same_theme.pk]

    article.related = [("article", chosen)]
    article.save()
    article = ArticlePage.objects.get(pk=article.pk)
    assert [a.pk for a in article.related_articles(others, [theme])] == [chosen.pk]


def test_a_licence_needs_an_attribution(make_article):
    article = make_article(licence="cc-by-4.0", licence_attribution="Noor Bakker")
    article.licence_attribution = ""
    with pytest.raises(ValidationError):
        article.full_clean()


@pytest.mark.parametrize(
    ("url", "player"),
    [
        (
            "https://www.youtube.com/watch?v=abc_DEF-123",
            "https://www.youtube-nocookie.com/embed/abc_DEF-123?autoplay=1",
        ),
        ("https://youtu.be/abc123", "https://www.youtube-nocookie.com/embed/abc123?autoplay=1"),
        ("https://vimeo.com/123456", "https://player.vimeo.com/video/123456?autoplay=1&dnt=1"),
        ("https://evil.example/watch?v=abc", None),
        ("https://www.youtube.com/watch?v=<script>", None),
        ("https://vimeo.com/abc", None),
    ],
)
def test_only_youtube_and_vimeo_videos_get_a_player(url, player):
    assert video_player_url(url) == player
