"""The article and the index as a reader gets them: content, filters, SEO, speed."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from blog.models import ArticlePage, Category, Comment
from tests.factories.blog import ImageFactory, paragraph
from tests.factories.portal import ThemeFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 15  # a logged-in reader's: Wagtail's routing, the session and the frame


def every_block(image):
    return [
        paragraph("Een alinea met <b>vette</b> tekst."),
        {"type": "heading", "value": {"text": "Een tussenkop", "level": "h2"}},
        {"type": "pull_quote", "value": {"quote": "Open is normaal.", "attribution": "Noor"}},
        {
            "type": "image",
            "value": {
                "image": image.pk,
                "alt": "Een blauw vlak",
                "caption": "Het blauwe vlak",
                "maker": "Fotograaf Fien",
                "rights": "CC BY 4.0",
                "downloadable": True,
            },
        },
        {"type": "term_note", "value": {"term": "Woo", "explanation": "De Wet open overheid."}},
        {
            "type": "call_to_action",
            "value": {"text": "Naar de agenda", "page": None, "url": "https://example.org/agenda"},
        },
        {
            "type": "video",
            "value": {
                "url": "https://www.youtube.com/watch?v=abc123",
                "title": "Uitleg over de Woo",
            },
        },
    ]


def test_reader_sees_the_article_with_authors_date_reading_time_and_credits(
    client, make_article, guest_author, theme, image
):
    article = make_article(
        title="Wat open data oplevert",
        authors=[guest_author],
        themes=[theme],
        tags=["Woo"],
        date=date(2018, 2, 27),
        body=every_block(image),
        main_image=image,
        main_image_caption="Een rivier",
        main_image_maker="Fien",
        main_image_rights="Alle rechten voorbehouden",
        licence="cc-by-4.0",
        licence_attribution="Joost Gast, Waterschap",
        licence_source_url="https://example.org/bron",
    )
    html = client.get(article.url).content.decode()
    assert "27 februari 2018" in html
    assert "Gastblog door Joost Gast" in html
    assert f"{article.word_count} woorden · ca. 1 minuut" in html
    assert '<a href="/actueel/?thema=open-data">Open Data</a>' in html
    assert '<a href="/actueel/?tag=woo">Woo</a>' in html
    assert "Beeld: Fotograaf Fien · CC BY 4.0" in html
    assert "Beeld: Fien · Alle rechten voorbehouden" in html
    assert 'rel="license">CC BY 4.0</a>' in html
    assert "Naamsvermelding: Joost Gast, Waterschap." in html
    assert '<figure class="pull-quote">' in html
    assert '<details class="term-note">' in html and "Wat is ‘Woo’?" in html
    # The video: nothing from YouTube is loaded, only a local placeholder and a link.
    assert "<iframe" not in html
    assert 'data-player-url="https://www.youtube-nocookie.com/embed/abc123?autoplay=1"' in html
    assert 'href="https://www.youtube.com/watch?v=abc123"' in html
    assert "https://www.linkedin.com/sharing/share-offsite/?url=" in html
    assert "mailto:?subject=" in html


def test_article_has_description_canonical_and_open_graph_tags(client, make_article, image):
    article = make_article(title="Delen maar", lead="Waarom delen loont.", main_image=image)
    html = client.get(article.url).content.decode()
    assert '<meta name="description" content="Waarom delen loont.">' in html
    assert f'<link rel="canonical" href="{article.full_url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Delen maar">' in html
    assert '<meta property="og:image" content="http://testserver/media/images/' in html
    assert 'type="application/rss+xml"' in html and 'href="/actueel/feed/blog/"' in html


def test_articles_are_in_the_sitemap(client, make_article):
    article = make_article(title="In de sitemap")
    assert article.full_url in client.get("/sitemap.xml").content.decode()


def test_draft_articles_are_not_shown(client, make_article, blog_index):
    article = make_article(title="Nog geheim")
    article.unpublish()
    assert client.get(article.url).status_code == 404
    assert "Nog geheim" not in client.get(blog_index.url).content.decode()


def test_index_filters_combine_and_keep_a_shareable_address(
    client, make_article, blog_index, theme, guest_author
):
    make_article(
        title="Gast over data", category__slug="gastblog", themes=[theme], authors=[guest_author]
    )
    make_article(title="Gast over iets anders", category__slug="gastblog", tags=["archief"])
    make_article(
        title="Blog over data", category__slug="blog", themes=[theme], date=date(2025, 5, 1)
    )

    def titles(query):
        response = client.get(blog_index.url + query)
        assert response.status_code == 200
        return {article.title for article in response.context["articles"]}

    assert titles("?categorie=gastblog") == {"Gast over data", "Gast over iets anders"}
    assert titles("?categorie=gastblog&thema=open-data") == {"Gast over data"}
    assert titles("?tag=archief") == {"Gast over iets anders"}
    assert titles(f"?auteur={guest_author.pk}") == {"Gast over data"}
    assert titles("?jaar=2025") == {"Blog over data"}
    assert titles("?jaar=2025&categorie=gastblog") == set()


@pytest.mark.parametrize(
    "query",
    [
        "?categorie=bestaat-niet",
        "?jaar=abc",
        "?jaar=99999999999999999999",
        "?auteur=99999999999999999999999",
        "?auteur=-1&thema=%3Cscript%3E",
        "?tag=' OR 1=1 --",
        "?pagina=9999",
        "?pagina=abc",
    ],
)
def test_index_survives_hostile_filter_values(client, make_article, blog_index, query):
    make_article()
    response = client.get(blog_index.url + query)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_index_says_clearly_when_nothing_is_found(client, make_article, blog_index):
    make_article(category__slug="blog")
    html = client.get(blog_index.url + "?categorie=interview").content.decode()
    assert "Er zijn geen artikelen gevonden met deze filters." in html
    assert "Wis alle filters" in html


def test_index_shows_excerpt_read_more_and_comment_count(client, make_article, blog_index):
    article = make_article(title="Met reacties", lead="Dit is de intro van het stuk.")
    Comment.objects.create(article=article, name="A", body="Ja", status="approved")
    Comment.objects.create(article=article, name="B", body="Nee", status="pending")
    html = client.get(blog_index.url).content.decode()
    assert "Dit is de intro van het stuk." in html
    assert 'Lees verder<span class="visually-hidden">: Met reacties</span>' in html
    assert "1 reactie" in html


def test_index_shows_twelve_articles_per_page(client, make_article, blog_index):
    for number in range(13):
        make_article(title=f"Artikel {number}")
    first = client.get(blog_index.url)
    assert len(first.context["articles"]) == 12
    assert len(client.get(blog_index.url + "?pagina=2").context["articles"]) == 1


def test_editor_previews_the_index_and_an_article_as_readers_see_them(make_article, blog_index):
    """A preview has no address of its own: the filters, the articles and the comment
    form come with the pages' templates."""
    article = make_article(title="In de preview")
    index = blog_index.make_preview_request().content.decode()
    assert "In de preview" in index and 'name="categorie"' in index
    assert 'name="body"' in article.make_preview_request().content.decode()


def test_home_page_shows_the_latest_articles(client, make_article):
    for number in range(5):
        make_article(title=f"Bericht {number}", date=date(2026, 1, number + 1))
    html = client.get("/").content.decode()
    assert "Laatste artikelen" in html
    assert "Bericht 4" in html and "Bericht 1" in html and "Bericht 0" not in html


def test_closed_article_says_comments_are_closed(client, make_article):
    article = make_article(comments_open=False)
    html = client.get(article.url).content.decode()
    assert "Reageren is gesloten." in html
    assert 'name="body"' not in html


@pytest.fixture
def many_articles(blog_index, author, guest_author, theme):
    """200 articles with tags, two authors, themes, images and 50 comments."""
    image = ImageFactory()
    blog = Category.objects.get(slug="blog")
    other_theme = ThemeFactory(name="Participatie", slug="participatie")
    articles = []
    for number in range(200):
        article = ArticlePage(
            title=f"Artikel {number}",
            slug=f"artikel-{number}",
            lead="Een intro.",
            date=date(2020 + number % 6, 1 + number % 12, 1 + number % 28),
            category=blog,
            body=[paragraph("Tekst.")],
            main_image=image,
            first_published_at=timezone.now(),
        )
        article.authors = [author, guest_author]
        article.themes = [theme, other_theme]
        article.tags.add(f"tag-{number % 20}", f"extra-{number % 7}")
        blog_index.add_child(instance=article)
        articles.append(article)
    target = articles[100]
    parents = [
        Comment.objects.create(article=target, name=f"Lezer {n}", body="Mooi", status="approved")
        for n in range(25)
    ]
    for parent in parents:
        Comment.objects.create(
            article=target, parent=parent, name="Antwoord", body="Dank", status="approved"
        )
    return target


def count_queries(client, url):
    client.get(url)  # warm Wagtail's site and rendition caches, as a served page would be
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_index_and_article_queries_do_not_grow_with_the_content(
    client,
    professional,
    blog_index,
    make_article,
    theme,
    many_articles,
    django_assert_max_num_queries,
):
    """For someone logged in (anonymous visitors get the page cache's copy): Wagtail's
    routing, the session and the site frame take most queries; the lists come from
    the fragment cache or take a fixed number."""
    client.force_login(professional)
    few = make_article(title="Los artikel", themes=[theme], tags=["los"], main_image=ImageFactory())
    Comment.objects.create(article=few, name="Een", body="Een reactie", status="approved")
    index_url = blog_index.url + "?categorie=blog&thema=open-data&tag=tag-1"
    assert count_queries(client, few.url) == count_queries(client, many_articles.url)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(many_articles.url)
    assert response.context["comments"].total == 50
    client.get(index_url)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(index_url)
    assert len(response.context["articles"]) == 10  # tag-1 is on every 20th article


def test_article_keeps_the_strict_csp_and_allows_only_the_video_players(client, make_article):
    policy = client.get(make_article().url)["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "style-src 'self';" in policy
    assert "frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com" in policy
