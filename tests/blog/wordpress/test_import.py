"""Moving a WordPress site in with `manage.py import_wordpress`: articles, guest
articles, authors, terms, comments, images and the old addresses, twice."""

import datetime
import json

from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model

from blog.models import ArticlePage, Author, Comment

ARTICLE = "een-overheid"


def test_an_editor_imports_a_wordpress_site_with_its_articles_authors_and_terms(
    run_import, export_file, theme
):
    lines = run_import(export_file)

    article = ArticlePage.objects.get(slug=ARTICLE)
    assert article.title == "Één overheid: café-gesprekken over open data"
    assert article.lead == "Wat een café-gesprek over open data ons leerde."
    assert article.date == datetime.date(2015, 3, 14)
    assert article.live
    assert article.first_published_at == datetime.datetime(
        2015, 3, 14, 9, 26, 53, tzinfo=datetime.UTC
    )
    assert [a.name for a in article.authors.all()] == ["Noor Bakker"]
    assert list(article.themes.all()) == [theme]  # the WordPress category open-data
    assert sorted(article.tags.names()) == ["Café", "Wet open overheid"]
    assert article.category.slug == "blog"

    guest = ArticlePage.objects.get(slug="woo-waterschap")
    assert guest.category.slug == "blog"  # no mapping file: Gastblogs became a tag
    assert "Gastblogs" in guest.tags.names()
    assert Author.objects.filter(name="Aoife Ó Súilleabháin").exists()
    assert "Articles: 5 imported, 0 updated, 0 unchanged, 1 skipped" in lines
    assert not ArticlePage.objects.filter(title="Over ons").exists()


def test_the_body_becomes_the_portals_blocks(run_import, export_file):
    lines = run_import(export_file)

    body = ArticlePage.objects.get(slug=ARTICLE).body
    kinds = [block.block_type for block in body]
    assert kinds == [
        "paragraph",
        "heading",
        "paragraph",
        "pull_quote",
        "image",
        "video",
        "table",
        "code",
        "paragraph",
        "paragraph",
    ]
    first = body[0].value.source
    assert "<b>café</b>" in first or "<strong>café</strong>" in first
    assert "ß blijft ß" in first
    assert 'href="/2015/02/eerder-stuk/"' in first  # a link to the old site, now local
    assert body[1].value["text"] == "Wat we leerden"
    assert "<ul>" in body[2].value.source and "ook van burgers" in body[2].value.source
    assert body[3].value["quote"] == "Openheid is geen project maar een houding."
    assert body[3].value["attribution"] == "Minister van BZK"
    image = body[4].value
    assert image["alt"] == "Kaart van Nederland met stippen voor elke dataset"
    assert image["caption"] == "Alle datasets op één kaart"
    assert image["maker"] == "Fotograaf Één" and image["rights"] == "CC BY 4.0"
    assert body[5].value["url"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    table = body[6].value
    assert table["data"][0] == ["Gemeente", "Datasets"] and table["first_row_is_table_header"]
    assert table["table_caption"] == "Datasets per gemeente"
    assert body[7].value["language"] == "python"
    assert body[7].value["code"] == 'print("hallo & welkom")'
    assert "[contact-form-7 id=&quot;12&quot; title=&quot;Contact&quot;]" in body[8].value.source
    assert "Shortcodes kept as text: [contact-form-7] × 1" in lines
    dangerous = body[9].value.source
    assert "javascript" not in dangerous and "onclick" not in dangerous
    assert "script" not in dangerous and "xss" not in dangerous
    assert "gevaarlijke link" in dangerous


def test_a_classic_post_gets_paragraphs_and_its_shortcodes_become_blocks(run_import, export_file):
    lines = run_import(export_file)

    body = ArticlePage.objects.get(slug="woo-waterschap").body
    kinds = [block.block_type for block in body]
    assert kinds == ["paragraph", "paragraph", "video", "image", "heading", "code", "paragraph"]
    assert "een regel<br/>en een nieuwe regel" in body[1].value.source
    assert body[4].value == {"text": "Een kop van niveau drie", "level": "h3"}
    assert body[5].value["code"] == "ls -la /tmp" and body[5].value["language"] == "bash"
    assert "https://maps.example.org/embed?x=1" in body[6].value.source
    assert any("<iframe> × 1" in line for line in lines)
    assert "Images not found: 1" in lines and "    attachment 999" in lines


def test_the_featured_image_comes_from_the_uploads_copy_with_its_credit(run_import, export_file):
    run_import(export_file)

    article = ArticlePage.objects.get(slug=ARTICLE)
    assert article.main_image.title == "dataset-kaart"
    assert article.main_image.description == "Kaart van Nederland met stippen voor elke dataset"
    assert (article.main_image.width, article.main_image.height) == (64, 48)
    assert article.main_image_maker == "Fotograaf Één"
    assert article.main_image_rights == "CC BY 4.0"
    assert get_image_model().objects.count() == 1  # featured and in the body: one image


def test_drafts_private_and_scheduled_posts_are_not_published(run_import, export_file):
    run_import(export_file)

    draft = ArticlePage.objects.get(title="Concept: nog niet af")
    assert not draft.live and draft.slug == "concept-nog-niet-af"
    assert not ArticlePage.objects.get(slug="prive").live
    scheduled = ArticlePage.objects.get(slug="open-overheid-week")
    assert not scheduled.live
    expected = datetime.datetime(2099, 6, 1, 7, 0, tzinfo=datetime.UTC)
    assert scheduled.go_live_at == expected
    assert scheduled.get_latest_revision().approved_go_live_at == expected


def test_comments_keep_their_thread_and_moderation(run_import, export_file):
    lines = run_import(export_file)

    article = ArticlePage.objects.get(slug=ARTICLE)
    comments = {c.body: c for c in Comment.objects.filter(article=article)}
    question = comments["Mooi stuk! Één vraag: geldt dit ook voor waterschappen?"]
    assert question.status == Comment.Status.APPROVED and question.parent is None
    assert question.email == "karin@example.nl"
    assert comments["Ja, die doen ook mee."].parent == question
    # a reply to a reply goes under the comment that started the thread
    assert comments["Dank, helder!"].parent == question
    assert comments["Wacht nog op moderatie."].status == Comment.Status.PENDING
    assert "Buy now" not in comments and "Prullenbak" not in comments
    assert "Comments: 4 imported, 0 updated, 0 unchanged, 2 skipped" in lines
    assert [c.body for c in article.approved_comments()] == [question.body]


def test_old_addresses_lead_to_the_new_pages(run_import, export_file, client, theme):
    run_import(export_file)
    article = ArticlePage.objects.get(slug=ARTICLE)

    for old in (
        "/?p=123",
        "/2015/03/een-overheid/",
        "/2015/03/14/een-overheid/",
        "/?attachment_id=45",
        "/2015/03/een-overheid/dataset-kaart/",
    ):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == article.url, old
    assert client.get("/category/open-data/")["Location"] == "/actueel/?thema=open-data"
    assert client.get("/category/open-data/woo/")["Location"] == "/actueel/?tag=wet-open-overheid"
    assert client.get("/?cat=5")["Location"] == "/actueel/?thema=open-data"
    assert client.get("/tag/cafe/")["Location"] == "/actueel/?tag=caf%C3%A9"
    author = Author.objects.get(name="Noor Bakker")
    assert client.get("/author/noor/")["Location"] == f"/actueel/?auteur={author.pk}"
    assert client.get("/").status_code == 200
    assert client.get("/?p=99999").status_code == 200  # unknown: the home page


def test_running_the_same_file_again_changes_nothing(run_import, export_file):
    run_import(export_file)
    counts = (
        ArticlePage.objects.count(),
        Comment.objects.count(),
        Redirect.objects.count(),
        get_image_model().objects.count(),
    )
    revisions = sum(p.revisions.count() for p in ArticlePage.objects.all())

    lines = run_import(export_file)

    assert lines[0] == "Nothing changed: everything in the file had been imported before."
    assert "Articles: 0 imported, 0 updated, 5 unchanged, 1 skipped" in lines
    assert "Comments: 0 imported, 0 updated, 4 unchanged, 2 skipped" in lines
    assert counts == (
        ArticlePage.objects.count(),
        Comment.objects.count(),
        Redirect.objects.count(),
        get_image_model().objects.count(),
    )
    assert revisions == sum(p.revisions.count() for p in ArticlePage.objects.all())


def test_a_newer_export_adds_new_and_updates_changed_posts(run_import, export_file):
    run_import(export_file)
    text = export_file.read_text()
    text = text.replace("Werk in uitvoering.", "Bijna af.")  # the draft changed
    text = text.replace(
        "<wp:comment_approved><![CDATA[0]]></wp:comment_approved>",
        "<wp:comment_approved><![CDATA[1]]></wp:comment_approved>",
    )  # the pending comment was approved
    new_post = """<item><title>Nieuw bericht</title><link>https://oud.example.nl/2026/03/nieuw/</link>
        <dc:creator>noor</dc:creator><guid>https://oud.example.nl/?p=200</guid>
        <content:encoded><![CDATA[<p>Vers van de pers.</p>]]></content:encoded>
        <excerpt:encoded></excerpt:encoded><wp:post_id>200</wp:post_id>
        <wp:post_date>2026-03-01 10:00:00</wp:post_date>
        <wp:post_date_gmt>2026-03-01 09:00:00</wp:post_date_gmt>
        <wp:post_name>nieuw</wp:post_name><wp:status>publish</wp:status>
        <wp:post_type>post</wp:post_type></item>
    </channel>"""
    export_file.write_text(text.replace("</channel>", new_post))

    lines = run_import(export_file)

    assert "Articles: 1 imported, 1 updated, 4 unchanged, 1 skipped" in lines
    assert "Comments: 0 imported, 1 updated, 3 unchanged, 2 skipped" in lines
    draft = ArticlePage.objects.get(title="Concept: nog niet af")
    assert "Bijna af." in draft.get_latest_revision_as_object().body[0].value.source
    assert not draft.live
    assert ArticlePage.objects.get(slug="nieuw").lead == "Vers van de pers."
    assert Comment.objects.get(body="Wacht nog op moderatie.").status == Comment.Status.APPROVED


def test_a_mapping_file_says_which_category_becomes_what(run_import, export_file, tmp_path):
    mapping = tmp_path / "mapping.json"
    mapping.write_text(
        json.dumps(
            {
                "categories": {"gastblogs": {"category": "gastblog"}, "woo": "skip"},
                "authors": {"joost": {"guest": True, "bio": "Joost werkt bij het waterschap."}},
            }
        )
    )

    run_import(export_file, "--mapping", str(mapping))

    assert ArticlePage.objects.get(slug="woo-waterschap").category.slug == "gastblog"
    joost = Author.objects.get(name="Joost Gast")
    assert joost.is_guest and joost.bio == "Joost werkt bij het waterschap."
    assert "Wet open overheid" not in ArticlePage.objects.get(slug=ARTICLE).tags.names()


def test_a_broken_post_is_reported_and_the_rest_goes_in(run_import, export_file, monkeypatch):
    from blog.wordpress import importer

    original = importer.Importer.import_comments

    def broken(self, item, page):
        if item.wp_id == "123":
            raise ValueError("kapot")
        return original(self, item, page)

    monkeypatch.setattr(importer.Importer, "import_comments", broken)

    lines = run_import(export_file)

    assert not ArticlePage.objects.filter(slug=ARTICLE).exists()
    assert ArticlePage.objects.filter(slug="woo-waterschap").exists()
    assert "Posts not imported: 1" in lines
    assert any("123" in line and "kapot" in line for line in lines)


def test_the_imported_article_page_shows_its_blocks(run_import, export_file, client):
    run_import(export_file)

    response = client.get(ArticlePage.objects.get(slug=ARTICLE).url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<table>" in html and "<caption>Datasets per gemeente</caption>" in html
    assert "<code>print(&quot;hallo &amp; welkom&quot;)</code>" in html
    assert "youtube-nocookie" not in html.split("<main")[0]
    assert reverse("blog:feed_rss")
