"""Benchmark data and pages of the blog (see `manage.py bench`): many articles with
tags, authors, themes and comments on top of the demo content."""

from datetime import date, timedelta

from blog.models import ArticlePage, Author, BlogIndexPage, Category, Comment
from portal.models import Theme

from ..blog import ARTICLES

ARTICLES_PER_SCALE = 20
COMMENTS_ON_BUSIEST = 50


def fill(scale: int) -> None:
    index = BlogIndexPage.objects.get()
    authors = list(Author.objects.all()[:2])
    themes = list(Theme.objects.all()[:3])
    categories = list(Category.objects.all())
    template = ARTICLES[0]
    existing = ArticlePage.objects.filter(slug__startswith="bench-").count()
    for number in range(existing, ARTICLES_PER_SCALE * scale):
        article = ArticlePage(
            title=f"Benchmarkartikel {number}",
            slug=f"bench-{number}",
            lead=template["lead"],
            date=date(2026, 1, 1) - timedelta(days=number),
            category=categories[number % len(categories)],
            body=template["body"],
        )
        article.authors = authors
        article.themes = themes
        article.tags.add(f"bench-{number % 30}", f"thema-{number % 7}")
        index.add_child(instance=article)
    busiest = ArticlePage.objects.live().order_by("-date").first()
    missing = COMMENTS_ON_BUSIEST - busiest.comments.count()
    Comment.objects.bulk_create(
        [
            Comment(article=busiest, name=f"Lezer {n}", body="Goed stuk.", status="approved")
            for n in range(max(0, missing))
        ]
    )


def pages() -> list[tuple[str, str]]:
    busiest = ArticlePage.objects.live().order_by("-date").first()
    return [
        ("blog index", "/actueel/"),
        ("blog index, filtered", "/actueel/?categorie=blog&thema=open-data"),
        ("article", busiest.url if busiest else "/actueel/"),
        ("blog feed", "/actueel/feed/"),
    ]
