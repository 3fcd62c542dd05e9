"""The blocks an article's body is made of.

Everything a reader sees comes from our own origin: the video block shows a local
placeholder and only loads the video host's player after the reader asks for it.
"""

from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock

from portal.blocks import CallToActionBlock, HeadingBlock


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"), max_length=400)
    attribution = blocks.CharBlock(label=_("who said it"), max_length=120, required=False)

    class Meta:
        icon = "openquote"
        label = _("Pull quote")
        template = "blog/blocks/pull_quote.html"


class CreditedImageBlock(blocks.StructBlock):
    """An image with the credits Dutch publishers owe its maker."""

    image = ImageChooserBlock(label=_("image"))
    alt = blocks.CharBlock(
        label=_("alternative text"),
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), max_length=250, required=False)
    maker = blocks.CharBlock(label=_("maker"), max_length=120, required=False)
    rights = blocks.CharBlock(label=_("rights"), max_length=120, required=False)
    downloadable = blocks.BooleanBlock(label=_("offer the original for download"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blog/blocks/image.html"


class TermNoteBlock(blocks.StructBlock):
    """An explanation of a term, shown as a disclosure (details/summary): readable by
    keyboard and screen reader, unlike a tooltip."""

    term = blocks.CharBlock(label=_("term"), max_length=80)
    explanation = blocks.TextBlock(label=_("explanation"), max_length=1000)

    class Meta:
        icon = "help"
        label = _("Explanation of a term")
        template = "blog/blocks/term_note.html"


VIDEO_HOSTS = {
    "www.youtube.com": "youtube",
    "youtube.com": "youtube",
    "m.youtube.com": "youtube",
    "youtu.be": "youtube",
    "vimeo.com": "vimeo",
    "www.vimeo.com": "vimeo",
}


def video_player_url(url: str) -> str | None:
    """The privacy-friendly player address of a YouTube or Vimeo video, or None."""
    parsed = urlparse(url)
    host = VIDEO_HOSTS.get(parsed.netloc.lower())
    video_id = ""
    if host == "youtube":
        if parsed.netloc.lower() == "youtu.be":
            video_id = parsed.path.strip("/")
        elif parsed.path.startswith("/embed/"):
            video_id = parsed.path.removeprefix("/embed/")
        else:
            video_id = parse_qs(parsed.query).get("v", [""])[0]
        if video_id.replace("-", "").replace("_", "").isalnum():
            return f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"
    elif host == "vimeo":
        video_id = parsed.path.strip("/").split("/")[-1]
        if video_id.isdigit():
            return f"https://player.vimeo.com/video/{video_id}?autoplay=1&dnt=1"
    return None


class VideoBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("video address"), help_text=_("A YouTube or Vimeo address."))
    title = blocks.CharBlock(label=_("title of the video"), max_length=150)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blog/blocks/video.html"

    def clean(self, value):
        value = super().clean(value)
        if not video_player_url(value["url"]):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Use the address of a YouTube or Vimeo video."))
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["player_url"] = video_player_url(value["url"])
        context["host"] = "Vimeo" if "vimeo" in (context["player_url"] or "") else "YouTube"
        return context


class CodeBlock(blocks.StructBlock):
    """Program code or configuration, shown as written (a monospaced, preformatted block)."""

    language = blocks.CharBlock(label=_("language"), max_length=40, required=False)
    code = blocks.TextBlock(label=_("code"))

    class Meta:
        icon = "code"
        label = _("Code")
        template = "blog/blocks/code.html"


class ArticleBlocks(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="portal/blocks/paragraph.html",
    )
    heading = HeadingBlock()
    pull_quote = PullQuoteBlock()
    image = CreditedImageBlock()
    term_note = TermNoteBlock()
    call_to_action = CallToActionBlock()
    video = VideoBlock()
    table = TableBlock(label=_("Table"), template="blog/blocks/table.html")
    code = CodeBlock()


def count_words(stream) -> int:
    """The number of words a reader reads in a body: text, headings, quotes, notes
    and captions (not addresses, alternative texts or settings)."""
    texts = []
    for child in stream:
        value = child.value
        if child.block_type == "paragraph":
            texts.append(strip_tags(value.source))
        elif child.block_type == "heading":
            texts.append(value["text"])
        elif child.block_type == "pull_quote":
            texts.append(value["quote"])
        elif child.block_type == "term_note":
            texts += [value["term"], value["explanation"]]
        elif child.block_type == "image":
            texts.append(value["caption"])
    return sum(len(text.split()) for text in texts)
