"""A hostile export file: entity bombs and external entities are refused before
anything is read, script in a post never reaches a page, and nothing from outside the
uploads copy is taken in."""

import pytest
from django.core.management import CommandError
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page

from blog.models import ArticlePage, Author, Comment

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>&lol3;</title>
<wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
</item></channel></rss>"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY passwd SYSTEM "file:///etc/passwd">]>
<rss xmlns:wp="http://wordpress.org/export/1.2/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><item>
<title>Gelekt</title><content:encoded>&passwd;</content:encoded>
<wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
</item></channel></rss>"""

HOSTILE_CONTENT = """<?xml version="1.0"?>
<rss xmlns:wp="http://wordpress.org/export/1.2/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<wp:base_site_url>https://oud.example.nl</wp:base_site_url>
<item><title>Onschuldig &lt;script&gt;alert(1)&lt;/script&gt;</title>
<content:encoded><![CDATA[<p onmouseover="steal()">Hallo</p><script>document.cookie</script>
<img src="x" onerror="steal()"><a href="javascript:steal()">klik</a>
<img src="https://oud.example.nl/wp-content/uploads/../../secret.jpg">
<img src="https://oud.example.nl/wp-content/uploads//etc/passwd">
<iframe src="javascript:alert(1)"></iframe><style>body{display:none}</style>
<svg onload="steal()"><circle/></svg><form action="https://evil.example"><input></form>]]></content:encoded>
<dc:creator>mallory</dc:creator>
<wp:post_id>1</wp:post_id><wp:post_name>onschuldig</wp:post_name>
<wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
<wp:post_date>2020-01-01 10:00:00</wp:post_date>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>9</wp:meta_value></wp:postmeta>
<wp:comment><wp:comment_id>1</wp:comment_id>
<wp:comment_author>&lt;b onclick=x&gt;Eve</wp:comment_author>
<wp:comment_content><![CDATA[<script>alert(2)</script>Gewoon tekst]]></wp:comment_content>
<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>
</item>
<item><title>secret</title><wp:post_id>9</wp:post_id><wp:post_type>attachment</wp:post_type>
<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>../secret.jpg</wp:meta_value></wp:postmeta>
</item></channel></rss>"""


def state():
    return (
        list(Page.objects.values_list("pk", "title")),
        Author.objects.count(),
        Comment.objects.count(),
        Redirect.objects.count(),
        get_image_model().objects.count(),
    )


@pytest.mark.parametrize(
    "content", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion laughs", "external entity"]
)
def test_a_file_with_entities_is_refused_and_changes_nothing(
    run_import, tmp_path, content, tables_containing
):
    path = tmp_path / "hostile.xml"
    path.write_text(content)
    before = state()

    with pytest.raises(CommandError, match="not a WordPress export file.*DTD or entities"):
        run_import(path)

    assert state() == before
    assert tables_containing("root:x:0:0") == []
    assert tables_containing("lollollol") == []


def test_script_in_a_post_never_reaches_the_page(run_import, tmp_path, client, tables_containing):
    path = tmp_path / "hostile.xml"
    path.write_text(HOSTILE_CONTENT)
    pages_before = Page.objects.count()

    lines = run_import(path)

    assert Page.objects.count() == pages_before + 1  # the one article, nothing else
    article = ArticlePage.objects.get(slug="onschuldig")
    html = client.get(article.url).content.decode()
    for needle in ("steal()", "document.cookie", "<script>alert", "alert(2)", "evil.example"):
        assert needle not in html, needle
    assert "Hallo" in html and "klik" in html
    comment = Comment.objects.get()
    assert comment.body == "Gewoon tekst" and "<" not in comment.name
    # nothing outside the uploads copy was read
    assert get_image_model().objects.count() == 0
    assert tables_containing("not for the import") == []
    assert any(line.startswith("Images not found: 4") for line in lines)
    assert any("<script> × 1" in line for line in lines)
