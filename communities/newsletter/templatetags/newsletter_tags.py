"""Template filters for the newsletter e-mail's plain-text part."""

import html
import re

from django import template
from wagtail.rich_text import expand_db_html

register = template.Library()

_LINK = re.compile(r'<a\b[^>]*href="([^"]*)"[^>]*>(.*?)</a>', re.IGNORECASE | re.DOTALL)
_BLOCK_END = re.compile(r"</(p|h[1-6]|li|ul|ol|blockquote)>|<br\s*/?>", re.IGNORECASE)
_LIST_ITEM = re.compile(r"<li\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


@register.filter
def plain_text(rich_text, site_url=""):
    """Rich text as readable plain text: paragraphs on their own lines, list items
    with a dash and links as "text (address)"."""
    markup = expand_db_html(str(rich_text))

    def link(match):
        url, label = match.group(1), _TAG.sub("", match.group(2)).strip()
        if url.startswith("/"):
            url = site_url + url
        return f"{label} ({html.unescape(url)})" if label else html.unescape(url)

    markup = _LINK.sub(link, markup)
    markup = _LIST_ITEM.sub("- ", markup)
    markup = _BLOCK_END.sub("\n\n", markup)
    text = html.unescape(_TAG.sub("", markup))
    lines = [line.strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


@register.filter
def newsletter_articles(value):
    """The published articles of an articles block, in the editor's order."""
    from ..blocks import ArticlesBlock

    return ArticlesBlock.articles_of(value)


@register.filter
def newsletter_events(value):
    """The events of an events block: the chosen ones, or the next ones in the agenda."""
    from ..blocks import EventsBlock

    return EventsBlock.events_of(value)


@register.filter
def absolute(url, site_url):
    """A site-relative address made absolute, for e-mail."""
    return site_url + url if url and url.startswith("/") else url
