"""The demo content: every category, guest blogs, comments, and safe to load twice."""

import pytest

from blog.models import ArticlePage, Author, Category, Comment
from portal import demo as portal_demo
from portal.demo import blog as demo

pytestmark = pytest.mark.django_db


def test_demo_fills_every_category_and_loads_twice_without_duplicates(client):
    portal_demo.load_accounts()
    portal_demo.load_themes()
    portal_demo.load_pages()
    assert demo.load() == []
    counts = (ArticlePage.objects.count(), Author.objects.count(), Comment.objects.count())
    demo.load()
    assert (ArticlePage.objects.count(), Author.objects.count(), Comment.objects.count()) == counts

    articles = ArticlePage.objects.live()
    assert articles.count() >= 14
    used = set(articles.values_list("category__slug", flat=True))
    assert used == set(Category.objects.values_list("slug", flat=True))
    assert articles.filter(authors__is_guest=True).distinct().count() >= 3
    assert articles.filter(comments_open=False).exists()
    assert Comment.objects.filter(status="approved", parent__isnull=False).exists()
    assert Author.objects.filter(name="Ruben de Redacteur").exists()
    for article in articles:
        assert client.get(article.url).status_code == 200
    assert client.get("/actueel/").status_code == 200
