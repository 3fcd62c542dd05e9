"""Write a WordPress export (WXR 1.2) of a given size, for measuring the import:

    python scripts/generate_wxr.py 5000 20000 > var/big-export.xml
    /usr/bin/time -v .venv/bin/python manage.py import_wordpress var/big-export.xml

Posts get Dutch text with headings, lists, quotes, a table and code; comments are
spread over the posts, every fourth a reply. Streams its output: any size fits.
"""

import sys
from xml.sax.saxutils import escape

HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Benchmark</title><link>https://bench.example.nl</link>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://bench.example.nl</wp:base_site_url>
"""
BODY = """<!-- wp:paragraph --><p>Bericht {n} over <strong>open overheid</strong> en het café
van de gemeente. Één alinea met een <a href="https://example.nl/{n}">link</a>.</p>
<!-- /wp:paragraph -->
<h2>Wat we leerden in ronde {n}</h2>
<ul><li>Publiceer vroeg</li><li>Vraag om feedback</li></ul>
<blockquote><p>Openheid is een houding.</p><cite>Deelnemer {n}</cite></blockquote>
<table><tr><th>Gemeente</th><th>Datasets</th></tr><tr><td>Zwolle</td><td>{n}</td></tr></table>
<pre><code>print({n})</code></pre>
Een klassieke alinea zonder tags.

[shortcode_{m} id="{n}"]"""


def write(out, posts, comments):
    out.write(HEAD)
    for author in range(1, 11):
        out.write(
            f"<wp:author><wp:author_id>{author}</wp:author_id>"
            f"<wp:author_login>auteur{author}</wp:author_login>"
            f"<wp:author_email>auteur{author}@example.nl</wp:author_email>"
            f"<wp:author_display_name>Auteur {author}</wp:author_display_name></wp:author>\n"
        )
    for term in range(1, 21):
        out.write(
            f"<wp:category><wp:term_id>{term}</wp:term_id>"
            f"<wp:category_nicename>categorie-{term}</wp:category_nicename>"
            f"<wp:cat_name>Categorie {term}</wp:cat_name></wp:category>\n"
        )
    comment_id = 100_000
    per_post, extra = divmod(comments, posts)
    for n in range(1, posts + 1):
        year, month = 2010 + n % 15, 1 + n % 12
        out.write(
            f"<item><title>Bericht {n}: open data in de praktijk</title>"
            f"<link>https://bench.example.nl/{year}/{month:02}/bericht-{n}/</link>"
            f"<dc:creator>auteur{1 + n % 10}</dc:creator>"
            f'<guid isPermaLink="false">https://bench.example.nl/?p={n}</guid>'
            f"<content:encoded>{escape(BODY.format(n=n, m=n % 7))}</content:encoded>"
            f"<excerpt:encoded>Samenvatting van bericht {n}.</excerpt:encoded>"
            f"<wp:post_id>{n}</wp:post_id>"
            f"<wp:post_date>{year}-{month:02}-10 10:00:00</wp:post_date>"
            f"<wp:post_date_gmt>{year}-{month:02}-10 09:00:00</wp:post_date_gmt>"
            f"<wp:comment_status>open</wp:comment_status>"
            f"<wp:post_name>bericht-{n}</wp:post_name><wp:status>publish</wp:status>"
            f"<wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type>"
            f'<category domain="category" nicename="categorie-{1 + n % 20}">'
            f"Categorie {1 + n % 20}</category>\n"
        )
        first = None
        for index in range(per_post + (1 if n <= extra else 0)):
            comment_id += 1
            parent = first if index % 4 == 3 and first else 0
            first = first or comment_id
            out.write(
                f"<wp:comment><wp:comment_id>{comment_id}</wp:comment_id>"
                f"<wp:comment_author>Lezer {comment_id}</wp:comment_author>"
                f"<wp:comment_author_email>lezer{comment_id}@example.nl</wp:comment_author_email>"
                f"<wp:comment_date>{year}-{month:02}-11 10:00:00</wp:comment_date>"
                f"<wp:comment_date_gmt>{year}-{month:02}-11 09:00:00</wp:comment_date_gmt>"
                f"<wp:comment_content>Reactie {comment_id}: mooi stuk over café en ß."
                "</wp:comment_content>"
                f"<wp:comment_approved>{'1' if index % 5 else '0'}</wp:comment_approved>"
                f"<wp:comment_type>comment</wp:comment_type>"
                f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>\n"
            )
        out.write("</item>\n")
    out.write("</channel></rss>\n")


if __name__ == "__main__":
    write(sys.stdout, int(sys.argv[1]), int(sys.argv[2]))
