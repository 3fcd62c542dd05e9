"""Logged-in readers get the blog's lists, articles and comment threads partly from
the fragment cache (portal/fragments.py): what did not change is not fetched again,
and a change shows at once."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.comments import moderate
from blog.models import Comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client, professional):
    client.force_login(professional)
    return client


def queries_on(client, url):
    """The page (without its CSRF tokens, new on every page) and its SQL."""
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    return html, " ".join(query["sql"] for query in queries.captured_queries)


def test_an_unchanged_list_of_articles_is_not_fetched_again(reader, make_article, blog_index):
    make_article(title="Vaste waarde")
    first, sql = queries_on(reader, blog_index.url)
    assert "Vaste waarde" in first and '"blog_articlepage"' in sql
    again, sql = queries_on(reader, blog_index.url)
    assert again == first
    assert '"blog_articlepage"' not in sql and '"taggit_tag"' not in sql


def test_an_unchanged_article_with_its_comments_is_not_fetched_again(reader, make_article):
    article = make_article(title="Stilstaand")
    Comment.objects.create(article=article, name="Anna", body="Eerste reactie", status="approved")
    first, sql = queries_on(reader, article.url)
    assert "Eerste reactie" in first and '"blog_comment"' in sql
    again, sql = queries_on(reader, article.url)
    assert again == first
    assert '"blog_comment"' not in sql and '"blog_author"' not in sql


def test_a_newly_published_article_is_in_the_list_and_on_the_home_page_at_once(
    reader, make_article, blog_index
):
    make_article(title="Eerder bericht")
    assert "Eerder bericht" in reader.get(blog_index.url).content.decode()
    assert "Eerder bericht" in reader.get("/").content.decode()

    new = make_article(title="Net gepubliceerd")
    assert "Net gepubliceerd" in reader.get(blog_index.url).content.decode()
    assert "Net gepubliceerd" in reader.get("/").content.decode()

    new.unpublish()
    assert "Net gepubliceerd" not in reader.get(blog_index.url).content.decode()
    assert "Net gepubliceerd" not in reader.get("/").content.decode()


def test_each_filtered_list_and_page_of_the_index_is_its_own(reader, make_article, blog_index):
    make_article(title="Een blog", category__slug="blog")
    make_article(title="Een gastblog", category__slug="gastblog")
    assert "Een gastblog" in reader.get(blog_index.url).content.decode()
    filtered = reader.get(blog_index.url + "?categorie=blog").content.decode()
    assert "Een blog" in filtered and "Een gastblog" not in filtered
    assert "Een gastblog" in reader.get(blog_index.url + "?categorie=gastblog").content.decode()


def test_a_newly_approved_comment_shows_under_the_article_at_once(reader, make_article, editor):
    article = make_article()
    Comment.objects.create(article=article, name="Anna", body="Eerste reactie", status="approved")
    waiting = Comment.objects.create(article=article, name="Bram", body="Nog te keuren")
    html = reader.get(article.url).content.decode()
    assert "Eerste reactie" in html and "Nog te keuren" not in html and "1 reactie" in html

    moderate(waiting, Comment.Status.APPROVED, by=editor)

    html = reader.get(article.url).content.decode()
    assert "Nog te keuren" in html and "2 reacties" in html


def test_the_comment_thread_is_shared_but_the_form_says_who_is_commenting(
    client, make_article, professional, make_user
):
    article = make_article()
    Comment.objects.create(article=article, name="Anna", body="Eerste reactie", status="approved")
    client.force_login(professional)
    assert "Priya Jansen" in client.get(article.url).content.decode()
    client.force_login(make_user(full_name="Karel Visser"))
    html = client.get(article.url).content.decode()
    assert "Eerste reactie" in html
    assert "Karel Visser" in html and "Priya Jansen" not in html


def test_a_preview_shows_the_draft_not_the_published_article_from_the_cache(reader, make_article):
    article = make_article(lead="De gepubliceerde intro.")
    assert "De gepubliceerde intro." in reader.get(article.url).content.decode()
    article.lead = "De intro in het concept."
    preview = article.make_preview_request().content.decode()
    assert "De intro in het concept." in preview and "De gepubliceerde intro." not in preview
