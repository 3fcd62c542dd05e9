"""The home page's block with the latest articles, and the byline of an article
and of its card."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from ..models import BlogIndexPage, for_cards

register = template.Library()


@register.simple_tag
def byline(authors):
    """The byline: "By A, B and C", or "Guest blog by ..." when the first author is
    a guest. A tag rather than an include: every card of a list shows one."""
    authors = list(authors)
    if not authors:
        return ""
    intro = _("Guest blog by") if authors[0].is_guest else _("By")
    *others, last = [author.name for author in authors]
    if not others:
        return format_html("{} {}", intro, last)
    listed = format_html_join(", ", "{}", ((name,) for name in others))
    return format_html("{} {} {} {}", intro, listed, _("and"), last)


@register.inclusion_tag("blog/includes/latest_articles.html")
def latest_articles(count=4):
    index = BlogIndexPage.objects.live().first()
    if index is None:
        return {"articles": [], "blog_index": None}
    return {"articles": for_cards(index.articles())[:count], "blog_index": index}
