"""Fixtures of the blog tests: the Actueel section, authors, images and articles."""

import io
from datetime import date

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from blog.models import ArticlePage, Author, BlogIndexPage, Category
from portal.models import HomePage, Theme


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def make_image(title="Testbeeld", colour="#154273"):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (64, 36), colour).save(buffer, "PNG")
    image = get_image_model()(title=title)
    image.file = ImageFile(buffer, name="test.png")
    image.save()
    return image


@pytest.fixture
def image(db):
    return make_image()


@pytest.fixture
def blog_index(db):
    home = HomePage.objects.get()
    index = BlogIndexPage(title="Actueel", slug="actueel", show_in_menus=True, intro="Nieuws.")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def author(db):
    return Author.objects.create(
        name="Noor Bakker", role="Adviseur", organisation="Expertisepunt", bio="Schrijft graag."
    )


@pytest.fixture
def guest_author(db):
    return Author.objects.create(
        name="Joost Gast", role="Analist", organisation="Waterschap", is_guest=True
    )


@pytest.fixture
def theme(db):
    return Theme.objects.create(name="Open Data", slug="open-data")


@pytest.fixture
def make_article(blog_index, author):
    """Create and publish an article; keyword arguments override the defaults."""

    def make(title="Open data in de praktijk", **fields):
        authors = fields.pop("authors", [author])
        themes = fields.pop("themes", [])
        tags = fields.pop("tags", [])
        category = fields.pop("category", "blog")
        fields.setdefault("slug", None)
        article = ArticlePage(
            title=title,
            lead=fields.pop("lead", "Een korte intro over open data."),
            date=fields.pop("date", date(2026, 3, 1)),
            category=Category.objects.get(slug=category),
            body=fields.pop("body", [paragraph("Gegevens van de overheid zijn van iedereen.")]),
            **{key: value for key, value in fields.items() if value is not None},
        )
        article.authors = authors
        article.themes = themes
        article.tags.add(*tags)
        blog_index.add_child(instance=article)
        article.save_revision().publish()
        return ArticlePage.objects.get(pk=article.pk)

    return make
