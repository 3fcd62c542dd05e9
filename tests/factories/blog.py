"""The blog: the Actueel section, authors, articles and images."""

import datetime

import factory
from wagtail.images import get_image_model

from blog.models import ArticlePage, Author, BlogIndexPage, Category

from .portal import PageFactory


def paragraph(text):
    """A paragraph block of an article's body."""
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


class ImageFactory(factory.django.DjangoModelFactory):
    """A small PNG in Wagtail's image library."""

    class Meta:
        model = get_image_model()

    title = "Testbeeld"
    file = factory.django.ImageField(
        filename="test.png", width=64, height=36, color="#154273", format="PNG"
    )


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Auteur {n}")
    role = "Adviseur"
    organisation = "Expertisepunt"


class CategoryFactory(factory.django.DjangoModelFactory):
    """One of the categories the migrations make (blog, gastblog, actueel), by slug."""

    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    slug = "blog"
    name = factory.LazyAttribute(lambda category: category.slug.capitalize())


class BlogIndexPageFactory(PageFactory):
    """The Actueel section under the home page; the site has one."""

    class Meta:
        model = BlogIndexPage

    title = "Actueel"
    slug = "actueel"
    show_in_menus = True
    intro = "Nieuws."


class ArticlePageFactory(PageFactory):
    """A published blog article by one author. `authors=[...]` and `themes=[...]` are
    parental many-to-many relations, `tags=[...]` are names, `category__slug="gastblog"`
    picks another category; Wagtail makes the slug from the title."""

    class Meta:
        model = ArticlePage

    parent = factory.SubFactory(BlogIndexPageFactory)
    title = factory.Sequence(lambda n: f"Open data in de praktijk {n}")
    lead = "Een korte intro over open data."
    date = datetime.date(2026, 3, 1)
    category = factory.SubFactory(CategoryFactory)
    body = factory.LazyFunction(lambda: [paragraph("Gegevens van de overheid zijn van iedereen.")])
    authors = factory.List([factory.SubFactory(AuthorFactory)])

    @classmethod
    def _create(cls, model_class, *args, parent, publish, tags=(), **kwargs):
        """Tags are written with the page, so they are on it before it is added."""
        article = model_class(*args, live=False, **kwargs)
        article.tags.add(*tags)
        return cls._add_to_tree(article, parent, publish)
