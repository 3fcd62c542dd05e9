"""A WordPress post's HTML as the blocks of an article's body.

WordPress stores a post as HTML (Gutenberg) or as text with line breaks that it turns
into paragraphs on display (the classic editor, "wpautop"); both are read here. Each
kind of content gets the block an editor would have chosen: text and lists become
rich-text paragraphs (cleaned by Wagtail's own whitelist to what its rich text
allows: no script, no event handlers, no javascript: links), headings, quotes as
pull quotes, images, YouTube/Vimeo as the privacy-friendly video block, tables and
code. What has no block is reported, never silently dropped.

No database here: images are resolved through a function the importer passes in.
"""

import re
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

from bs4 import BeautifulSoup, Comment, MarkupResemblesLocatorWarning, NavigableString, Tag
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

from ..blocks import ArticleBlocks, video_player_url
from . import shortcodes

INLINE = frozenset(
    {
        *("a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data"),
        *("del", "dfn", "em", "font", "i", "ins", "kbd", "label", "mark", "q", "s", "samp"),
        *("small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr"),
    }
)
CONTAINERS = frozenset(
    {"div", "section", "article", "main", "aside", "header", "footer", "center", "body", "html"}
)
DROPPED = frozenset(
    {
        *("script", "style", "noscript", "template", "form", "input", "button", "select"),
        *("textarea", "object", "embed", "applet", "svg", "canvas", "audio", "video"),
        *("iframe", "frame", "frameset", "link", "meta", "base", "head", "title", "hr"),
    }
)
REMOVED = ["script", "style", "noscript", "template", "object", "embed", "applet", "form"]
QUOTE_MAX = 400  # PullQuoteBlock.quote
BLANK_LINE = re.compile(r"\n\s*\n")


@dataclass
class Conversion:
    """The blocks of a body and what could not be mapped."""

    blocks: list = field(default_factory=list)
    shortcodes: Counter = field(default_factory=Counter)
    unmapped: Counter = field(default_factory=Counter)
    missing_images: list = field(default_factory=list)


def parse(html: str) -> BeautifulSoup:
    """A post that is only an address is content here, not a mistaken file name."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(html, "html.parser")


def clean_rich_text(html: str) -> str:
    """HTML as Wagtail's rich text of a paragraph block stores it."""
    features = ArticleBlocks.base_blocks["paragraph"].features
    return EditorHTMLConverter(features=features).to_database_format(html)


def plain_text(html: str) -> str:
    return " ".join(parse(html or "").get_text(" ").split())


def cut(text: str, length: int) -> str:
    return Truncator(text).chars(length) if len(text) > length else text


class BodyConverter:
    """One post's body. `image_for(src, attachment_id)` returns the image block's
    starting value (image id, alt, caption, maker), or None if the file is missing."""

    def __init__(self, image_for: Callable[[str, str], dict | None], site_url: str = ""):
        self.image_for = image_for
        self.site_urls = {
            site_url.rstrip("/").replace(scheme, other)
            for scheme, other in (("https://", "http://"), ("http://", "https://"))
            if site_url
        } | ({site_url.rstrip("/")} if site_url else set())
        self.result = Conversion()
        self.inline: list[str] = []

    def convert(self, content: str) -> Conversion:
        text = shortcodes.expand(content or "", self.result.shortcodes)
        soup = parse(text)
        for tag in soup.find_all(REMOVED):  # wherever they are, also inside a paragraph
            self.result.unmapped[f"<{tag.name}>"] += 1
            tag.decompose()
        self.walk(soup.children)
        self.flush()
        return self.result

    # -- the tree -------------------------------------------------------------

    def walk(self, nodes):
        for node in list(nodes):
            if isinstance(node, Comment) or not isinstance(node, NavigableString | Tag):
                continue
            if isinstance(node, NavigableString):
                if type(node) is NavigableString:
                    self.inline.append(escape(str(node), quote=False))
                continue
            self.element(node)

    def element(self, tag: Tag):
        name = tag.name.lower()
        if name in INLINE and not tag.find(["img", "iframe", "figure", "table", "pre"]):
            self.inline.append(str(tag))
            return
        if name in INLINE or name in CONTAINERS:
            self.walk(tag.children)
            return
        self.flush()
        handler = getattr(self, f"block_{name}", None)
        if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.heading(tag, "h3" if name > "h2" else "h2")
        elif handler:
            handler(tag)
        elif name in DROPPED:
            self.result.unmapped[f"<{name}>"] += 1
        else:
            self.result.unmapped[f"<{name}>"] += 1
            self.paragraph(escape(tag.get_text(" ").strip(), quote=False))

    # -- blocks ---------------------------------------------------------------

    def add(self, block_type, value):
        self.result.blocks.append({"type": block_type, "value": value})

    def flush(self):
        """The text gathered since the last block, as paragraphs (blank lines split
        paragraphs, single line breaks are kept, as WordPress showed them)."""
        text, self.inline = "".join(self.inline), []
        for part in BLANK_LINE.split(text):
            if part.strip():
                self.paragraph(part.strip().replace("\n", "<br>"))

    def paragraph(self, inner_html: str):
        if video_player_url(plain_text(inner_html)) and "<" not in inner_html.strip()[1:]:
            self.video(plain_text(inner_html), "")
            return
        for site_url in self.site_urls:
            inner_html = inner_html.replace(f'href="{site_url}/', 'href="/')
        html = clean_rich_text(f"<p>{inner_html}</p>")
        if plain_text(html):
            self.add("paragraph", html)

    def block_p(self, tag):
        if tag.find(["img", "iframe", "figure"]):
            self.walk(tag.children)
            self.flush()
        else:
            self.paragraph(tag.decode_contents())

    def heading(self, tag, level):
        text = " ".join(tag.get_text(" ").split())
        if text:
            self.add("heading", {"text": cut(text, 120), "level": level})

    def list_block(self, tag):
        html = clean_rich_text(str(tag))
        if plain_text(html):
            self.add("paragraph", html)

    block_ul = block_ol = list_block

    def block_blockquote(self, tag):
        credit = tag.find(["cite", "footer"])
        attribution = " ".join(credit.get_text(" ").split()) if credit else ""
        if credit:
            credit.extract()
        quote = " ".join(tag.get_text(" ").split())
        if not quote:
            return
        if len(quote) <= QUOTE_MAX:
            self.add("pull_quote", {"quote": quote, "attribution": cut(attribution, 120)})
        else:  # too long for a pull quote: its paragraphs, as text
            self.result.unmapped[_("long quote, kept as text")] += 1
            self.walk(tag.children)
            self.flush()

    def block_pre(self, tag):
        language = tag.get("data-language") or ""
        for class_name in tag.get("class", []) + (tag.code.get("class", []) if tag.code else []):
            if class_name.startswith(("language-", "lang-")):
                language = class_name.split("-", 1)[1]
        code = tag.get_text()
        if code.strip():
            self.add("code", {"language": cut(language, 40), "code": code.strip("\n")})

    def block_table(self, tag, caption=""):
        rows = [
            [" ".join(cell.get_text(" ").split()) for cell in row.find_all(["th", "td"])]
            for row in tag.find_all("tr")
        ]
        rows = [row for row in rows if row]
        if not rows:
            return
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        first = tag.find("tr")
        header = bool(tag.find("thead")) or bool(first and first.find("th"))
        if tag.caption:
            caption = " ".join(tag.caption.get_text(" ").split())
        self.add(
            "table",
            {
                "data": rows,
                "first_row_is_table_header": header,
                "first_col_is_header": False,
                "table_caption": caption,
            },
        )

    def block_figure(self, tag):
        embed = tag.get("data-wp-embed")
        figcaption = tag.find("figcaption")
        caption = " ".join(figcaption.get_text(" ").split()) if figcaption else ""
        if figcaption:
            figcaption.extract()
        wrapper = tag.find(class_="wp-block-embed__wrapper")
        if embed is None and wrapper:
            embed = wrapper.get_text().strip()
        if embed is not None:
            self.video(embed, caption)
        elif tag.find("table"):
            self.block_table(tag.find("table"), caption)
        elif tag.find("blockquote"):
            self.block_blockquote(tag.find("blockquote"))
        elif tag.find("img"):
            if tag.get("data-wp") == "caption" and not caption:
                caption = " ".join(tag.get_text(" ").split())  # [caption]<img> text[/caption]
            for image in tag.find_all("img"):
                self.block_img(image, caption)
        else:
            self.walk(tag.children)
            self.flush()

    def block_img(self, tag, caption=""):
        src = tag.get("src") or ""
        attachment_id = ""
        for class_name in tag.get("class", []):
            if class_name.startswith("wp-image-"):
                attachment_id = class_name.removeprefix("wp-image-")
        value = self.image_for(src, attachment_id)
        if value is None:
            self.result.missing_images.append(src or f"attachment {attachment_id}")
            return
        value = dict(value)
        alt = " ".join((tag.get("alt") or "").split()) or value.get("alt") or ""
        value.update(
            alt=cut(alt or value.get("title", "") or _("Image"), 250),
            caption=cut(caption or value.get("caption", ""), 250),
        )
        value.pop("title", None)
        self.add("image", value)

    def block_iframe(self, tag):
        src = tag.get("src") or ""
        if video_player_url(src):
            self.video(src, tag.get("title") or "")
        else:
            self.result.unmapped["<iframe>"] += 1
            if src.startswith(("https://", "http://")):
                self.paragraph(f'<a href="{escape(src)}">{escape(src)}</a>')

    def video(self, url, title):
        if video_player_url(url):
            self.add("video", {"url": url, "title": cut(title or _("Video"), 150)})
        else:
            self.result.unmapped[_("embed that is not YouTube or Vimeo")] += 1
            if url.startswith(("https://", "http://")):
                self.paragraph(f'<a href="{escape(url)}">{escape(url)}</a>')


def convert(content: str, image_for, site_url: str = "") -> Conversion:
    return BodyConverter(image_for, site_url).convert(content)
