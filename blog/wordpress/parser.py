"""Reading a WordPress export (WXR 1.0-1.2) as a stream of plain records.

The file is read with defusedxml's iterparse: a DTD, entity declarations and external
references are refused before any of them is expanded (billion laughs, file:///etc/
passwd), and each <item> is handed out and then dropped from the tree, so a 200 MB
export needs memory for one post at a time. The records are plain dataclasses, so
the importer never touches XML.
"""

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import unescape
from urllib.parse import unquote

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.utils import timezone

NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
WXR_NAMESPACE = re.compile(r"^http://wordpress\.org/export/\d+\.\d+/(excerpt/)?$")


class NotAnExport(ValueError):
    """The file is not a WordPress export we can read safely; the message says why."""


@dataclass
class Site:
    title: str = ""
    link: str = ""
    base_url: str = ""


@dataclass
class Author:
    wp_id: str
    login: str
    email: str
    display_name: str
    first_name: str = ""
    last_name: str = ""
    description: str = ""


@dataclass
class Term:
    """A category or tag of the whole site (channel-level <wp:category>/<wp:tag>)."""

    taxonomy: str  # "category" or "post_tag"
    wp_id: str
    slug: str
    name: str
    parent: str = ""


@dataclass
class Comment:
    wp_id: str
    author: str
    email: str
    date: str
    date_gmt: str
    content: str
    approved: str
    type: str
    parent: str


@dataclass
class Item:
    """A post, page or attachment, with its comments, terms and meta data."""

    wp_id: str
    post_type: str
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    date: str = ""
    date_gmt: str = ""
    slug: str = ""
    status: str = ""
    parent: str = ""
    attachment_url: str = ""
    comment_status: str = ""
    terms: list[tuple[str, str, str]] = field(default_factory=list)  # (taxonomy, slug, name)
    meta: dict[str, str] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)

    def checksum_data(self) -> dict:
        """The fields whose change updates the page (comments have checksums of their own)."""
        data = self.__dict__.copy()
        data.pop("comments")
        return data


def _name(tag: str) -> str:
    """`{uri}local` as `prefix:local`, whichever WXR version the file is."""
    if not tag.startswith("{"):
        return tag
    uri, local = tag[1:].split("}", 1)
    if uri in NAMESPACES:
        return f"{NAMESPACES[uri]}:{local}"
    match = WXR_NAMESPACE.match(uri)
    if match:
        return f"excerpt:{local}" if match.group(1) else f"wp:{local}"
    return f"?:{local}"


def _children(element) -> dict[str, str]:
    return {_name(child.tag): (child.text or "").strip() for child in element}


def _author(element) -> Author:
    values = _children(element)
    return Author(
        wp_id=values.get("wp:author_id", "") or values.get("wp:author_login", ""),
        login=values.get("wp:author_login", ""),
        email=values.get("wp:author_email", ""),
        display_name=values.get("wp:author_display_name", "") or values.get("wp:author_login", ""),
        first_name=values.get("wp:author_first_name", ""),
        last_name=values.get("wp:author_last_name", ""),
        description=values.get("wp:author_description", ""),
    )


def _term(element, taxonomy) -> Term:
    values = _children(element)
    if taxonomy == "category":
        slug, name = values.get("wp:category_nicename", ""), values.get("wp:cat_name", "")
        parent = values.get("wp:category_parent", "")
    else:
        slug, name, parent = values.get("wp:tag_slug", ""), values.get("wp:tag_name", ""), ""
    return Term(taxonomy, values.get("wp:term_id", slug), unquote(slug), unescape(name), parent)


def _comment(element) -> Comment:
    values = _children(element)
    return Comment(
        wp_id=values.get("wp:comment_id", ""),
        author=unescape(values.get("wp:comment_author", "")),
        email=values.get("wp:comment_author_email", ""),
        date=values.get("wp:comment_date", ""),
        date_gmt=values.get("wp:comment_date_gmt", ""),
        content=values.get("wp:comment_content", ""),
        approved=values.get("wp:comment_approved", ""),
        type=values.get("wp:comment_type", ""),
        parent=values.get("wp:comment_parent", "0"),
    )


def _item(element) -> Item:
    item = Item(wp_id="", post_type="")
    for child in element:
        name, text = _name(child.tag), (child.text or "")
        if name == "category":
            taxonomy = child.get("domain", "category")
            item.terms.append((taxonomy, unquote(child.get("nicename", "")), unescape(text)))
        elif name == "wp:postmeta":
            values = _children(child)
            item.meta[values.get("wp:meta_key", "")] = values.get("wp:meta_value", "")
        elif name == "wp:comment":
            item.comments.append(_comment(child))
        elif name in ITEM_FIELDS:
            setattr(item, ITEM_FIELDS[name], text if name in RAW_FIELDS else text.strip())
    item.slug = unquote(item.slug)
    return item


ITEM_FIELDS = {
    "wp:post_id": "wp_id",
    "wp:post_type": "post_type",
    "title": "title",
    "link": "link",
    "guid": "guid",
    "dc:creator": "creator",
    "content:encoded": "content",
    "excerpt:encoded": "excerpt",
    "wp:post_date": "date",
    "wp:post_date_gmt": "date_gmt",
    "wp:post_name": "slug",
    "wp:status": "status",
    "wp:post_parent": "parent",
    "wp:attachment_url": "attachment_url",
    "wp:comment_status": "comment_status",
}
RAW_FIELDS = {"content:encoded", "excerpt:encoded"}


def read(source) -> Iterator[Site | Author | Term | Item]:
    """The records of an export, in file order: the site first, then authors and
    terms, then the items. `source` is a path or a binary file object."""
    site = Site()
    site_sent = False
    depth = 0
    channel = None
    try:
        events = iterparse(
            source,
            events=("start", "end"),
            forbid_dtd=True,
            forbid_entities=True,
            forbid_external=True,
        )
        for event, element in events:
            if event == "start":
                depth += 1
                if depth == 2 and _name(element.tag) == "channel":
                    channel = element
                continue
            depth -= 1
            if depth != 2 or channel is None:
                if depth == 0 and (channel is None or _name(element.tag) != "rss"):
                    raise NotAnExport("no <rss><channel> found")
                continue
            name = _name(element.tag)
            if name in ("title", "link", "wp:base_site_url"):
                setattr(site, {"wp:base_site_url": "base_url"}.get(name, name), element.text or "")
                continue
            if not site_sent and name in ("wp:author", "wp:category", "wp:tag", "item"):
                site_sent = True
                yield site
            if name == "wp:author":
                yield _author(element)
            elif name == "wp:category":
                yield _term(element, "category")
            elif name == "wp:tag":
                yield _term(element, "post_tag")
            elif name == "item":
                yield _item(element)
            channel.remove(element)
    except DefusedXmlException as error:
        raise NotAnExport(
            f"the file declares a DTD or entities, which are refused ({error})"
        ) from None
    except SyntaxError as error:  # ElementTree's ParseError
        raise NotAnExport(f"not well-formed XML: {error}") from None
    if not site_sent:
        if channel is None:
            raise NotAnExport("no <rss><channel> found")
        yield site


def parse_date(value: str, utc: bool) -> datetime.datetime | None:
    """A WXR date ("2015-03-14 09:26:53"), aware; None for WordPress's empty date."""
    if not value or value.startswith("0000"):
        return None
    try:
        moment = datetime.datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    if utc:
        return moment.replace(tzinfo=datetime.UTC)
    return timezone.make_aware(moment)
