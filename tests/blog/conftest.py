"""Fixtures of the blog tests: the Actueel section, authors, a theme and an image."""

import pytest

from tests.factories.blog import (
    ArticlePageFactory,
    AuthorFactory,
    BlogIndexPageFactory,
    ImageFactory,
)
from tests.factories.portal import ThemeFactory


@pytest.fixture
def image(db):
    return ImageFactory()


@pytest.fixture
def blog_index(db):
    return BlogIndexPageFactory()


@pytest.fixture
def author(db):
    return AuthorFactory(
        name="Noor Bakker", role="Adviseur", organisation="Expertisepunt", bio="Schrijft graag."
    )


@pytest.fixture
def guest_author(db):
    return AuthorFactory(
        name="Joost Gast", role="Analist", organisation="Waterschap", is_guest=True
    )


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Open Data", slug="open-data")


@pytest.fixture
def make_article(db):
    """ArticlePageFactory, for tests that make articles of their own."""
    return ArticlePageFactory
