"""StreamField blocks shared by the portal's content pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

# What the descriptions of events and leerkringen and the newsletter's text blocks
# may use: headings, lists and links, no images or embeds.
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    """A section heading. Pages own their h1, so body headings start at h2."""

    text = blocks.CharBlock(label=_("text"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "portal/blocks/heading.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("button text"), max_length=60)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("or a web address"), required=False)

    class Meta:
        icon = "link"
        label = _("Button")
        template = "portal/blocks/call_to_action.html"


class StandardBlocks(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3"],
        template="portal/blocks/paragraph.html",
    )
    image = ImageBlock(label=_("Image"), template="portal/blocks/image.html")
    call_to_action = CallToActionBlock()


class HistoryStepBlock(blocks.StructBlock):
    """One step in the network's history: a year and what happened."""

    year = blocks.CharBlock(label=_("year"), max_length=20)
    text = blocks.TextBlock(label=_("what happened"), max_length=600)

    class Meta:
        icon = "time"
        label = _("Step in the history")
