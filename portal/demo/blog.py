"""Demo content of the blog: the "Actueel" section with articles in every category,
guest blogs, authors, drawn images, and comments.

The authors and articles are data, in articles.json (article bodies in the form a
StreamField stores). Idempotent: what exists already (by slug or name) is left alone,
so editors' changes survive a second run.
"""

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.utils import timezone

from blog.models import ArticlePage, Author, BlogIndexPage, Category, Comment
from portal.models import HomePage, Theme, User

from .images import portrait, scene

HERE = Path(__file__).parent


def _read_articles():
    data = json.loads((HERE / "articles.json").read_text(encoding="utf-8"))
    today = date.today()
    for article in data["articles"]:
        if "days_ago" in article:  # a report of a demo meeting, which moves with today
            article["date"] = today - timedelta(days=article.pop("days_ago"))
        else:
            article["date"] = date.fromisoformat(article["date"])
        text = HERE / "articles" / f"{article['slug']}.txt"
        if text.exists():
            article["body"], article["inline_image_at"] = read_body(text.read_text("utf-8"))
    return data["authors"], data["articles"]


def read_body(text):
    """An article body written as plain text, as (StreamField blocks, where the
    inline image goes). Blocks are separated by a blank line:

        ## A heading
        > A pull quote
        > -- who said it
        [video https://www.youtube.com/watch?v=... | title of the video]
        [term Woo] what the term means
        [image]
        - a list item
        Anything else is a paragraph (and may hold <b>, <i> and <a>).
    """
    body, image_at = [], 2
    for chunk in text.strip().split("\n\n"):
        lines = [line.strip() for line in chunk.strip().splitlines()]
        first = lines[0]
        if first.startswith("## "):
            body.append({"type": "heading", "value": {"text": first[3:], "level": "h2"}})
        elif first.startswith("> "):
            quote = [line[2:] for line in lines if not line.startswith("> -- ")]
            who = [line[5:] for line in lines if line.startswith("> -- ")]
            value = {"quote": " ".join(quote), "attribution": who[0] if who else ""}
            body.append({"type": "pull_quote", "value": value})
        elif first.startswith("[video "):
            url, title = first[len("[video ") : -1].split(" | ")
            body.append({"type": "video", "value": {"url": url, "title": title}})
        elif first.startswith("[term "):
            term, explanation = " ".join(lines)[len("[term ") :].split("] ", 1)
            body.append({"type": "term_note", "value": {"term": term, "explanation": explanation}})
        elif first == "[image]":
            image_at = len(body)
        elif first.startswith("- "):
            items = "".join(f"<li>{line[2:]}</li>" for line in lines)
            body.append({"type": "paragraph", "value": f"<ul>{items}</ul>"})
        else:
            body.append({"type": "paragraph", "value": f"<p>{' '.join(lines)}</p>"})
    return body, image_at


AUTHORS, ARTICLES = _read_articles()


def image_block(image, spec):
    return {
        "type": "image",
        "value": {
            "image": image.pk,
            "alt": spec["inline_image"],
            "caption": spec["inline_image"],
            "maker": AUTHORS[spec["authors"][0]]["name"],
            "rights": "CC BY 4.0",
            "downloadable": True,
        },
    }


def load_authors():
    authors = {}
    for position, (key, spec) in enumerate(AUTHORS.items()):
        author = Author.objects.filter(name=spec["name"]).first()
        if author is None:
            fields = dict(spec)
            photo = portrait(f"Portret {spec['name']}", 100 + position, fields.pop("look"))
            author = Author.objects.create(photo=photo, **fields)
        authors[key] = author
    return authors


def load_index():
    index = BlogIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.get()
        index = BlogIndexPage(
            title="Actueel",
            slug="actueel",
            show_in_menus=True,
            intro="Nieuws, blogs en gastblogs uit het netwerk, interviews en verslagen "
            "van bijeenkomsten.",
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def load_articles(index, authors):
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    categories = {category.slug: category for category in Category.objects.all()}
    existing = set(ArticlePage.objects.values_list("slug", flat=True))
    member = User.objects.filter(email="professional@example.org").first()
    for position, spec in enumerate(ARTICLES):
        if spec["slug"] in existing:
            continue
        image = scene(spec["title"], position, spec.get("scene"))
        body = list(spec["body"])
        if "inline_image" in spec:
            inline = scene(spec["inline_image"], 50 + position, spec.get("inline_scene"))
            body.insert(spec.get("inline_image_at", 2), image_block(inline, spec))
        article = ArticlePage(
            title=spec["title"],
            slug=spec["slug"],
            lead=spec["lead"],
            date=spec["date"],
            category=categories[spec["category"]],
            body=body,
            main_image=image,
            main_image_caption=spec.get("image_caption", "Illustratie bij het artikel"),
            main_image_maker="Redactie Open Overheid",
            main_image_rights="CC BY 4.0",
            comments_open=spec.get("comments_open", True),
            licence=spec.get("licence", ""),
            licence_attribution=spec.get("licence_attribution", ""),
            licence_source_url=spec.get("licence_source_url", ""),
            search_description=spec["lead"],
        )
        article.authors = [authors[key] for key in spec["authors"]]
        article.themes = [themes[slug] for slug in spec["themes"] if slug in themes]
        article.tags.add(*spec["tags"])
        index.add_child(instance=article)
        article.save_revision().publish()
        load_comments(article, spec, member)


def load_comments(article, spec, member):
    created = timezone.make_aware(datetime.combine(article.date, time(10, 30)))
    first = None
    for name, body in spec.get("comments", []):
        comment = Comment.objects.create(
            article=article,
            name=name,
            email=f"{name.lower()}@example.org",
            body=body,
            status=Comment.Status.APPROVED,
            created=created,
        )
        first = first or comment
    if first and "reply" in spec:
        name, body = spec["reply"]
        Comment.objects.create(
            article=article,
            parent=first,
            name=name,
            email=f"{name.lower()}@example.org",
            body=body,
            status=Comment.Status.APPROVED,
            created=created + timedelta(hours=3),
        )
    if first and member:
        Comment.objects.create(
            article=article,
            user=member,
            body="Dank voor het delen. Ik neem dit mee naar ons team.",
            status=Comment.Status.APPROVED,
            created=created + timedelta(days=1),
        )
    if spec.get("comments"):
        Comment.objects.create(
            article=article,
            name="Kees",
            email="kees@example.org",
            body="Waar kan ik meer lezen over dit onderwerp?",
            status=Comment.Status.PENDING,
            created=created + timedelta(days=2),
        )


def load():
    """Load the blog's demo content; it adds no accounts of its own."""
    authors = load_authors()
    index = load_index()
    load_articles(index, authors)
    return []
