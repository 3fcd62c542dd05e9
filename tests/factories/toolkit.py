"""The toolkit: its index page, tools and documents for them."""

import factory
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from communities.toolkit.models import ToolkitIndexPage, ToolPage
from portal.demo.documents import pdf

from .portal import PageFactory


class DocumentFactory(factory.django.DjangoModelFactory):
    """A small real PDF in Wagtail's document library."""

    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.LazyAttribute(
        lambda document: ContentFile(pdf(document.title, [("Kop", "Tekst.")]), name="tool.pdf")
    )


class ToolkitIndexPageFactory(PageFactory):
    """The toolkit under the home page; the site has one."""

    class Meta:
        model = ToolkitIndexPage

    title = "Toolkit"
    slug = "toolkit"
    show_in_menus = True
    intro = "Hulpmiddelen voor open werken."


class ToolPageFactory(PageFactory):
    """A published tool that links to a website; `document=DocumentFactory()` and
    `link_url=""` make it a file, `themes=[...]` is a parental many-to-many relation."""

    class Meta:
        model = ToolPage

    parent = factory.SubFactory(ToolkitIndexPageFactory)
    title = factory.Sequence(lambda n: f"Hulpmiddel {n}")
    short_description = "Een handig hulpmiddel voor open werken."
    kind = "checklist"
    link_url = "https://data.overheid.nl/"
