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

from .images import circles_and_bands


def _read_articles():
    data = json.loads((Path(__file__).parent / "articles.json").read_text(encoding="utf-8"))
    for article in data["articles"]:
        article["date"] = date.fromisoformat(article["date"])
    return data["authors"], data["articles"]


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
            photo = circles_and_bands(f"Portret {spec['name']}", 100 + position, size=(300, 300))
            author = Author.objects.create(photo=photo, **spec)
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
        image = circles_and_bands(spec["title"], position)
        body = list(spec["body"])
        if "inline_image" in spec:
            body.insert(
                2, image_block(circles_and_bands(spec["inline_image"], 50 + position), spec)
            )
        article = ArticlePage(
            title=spec["title"],
            slug=spec["slug"],
            lead=spec["lead"],
            date=spec["date"],
            category=categories[spec["category"]],
            body=body,
            main_image=image,
            main_image_caption="Illustratie bij het artikel",
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
