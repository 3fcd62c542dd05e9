"""The home page's block with the latest articles."""

from django import template

from ..models import BlogIndexPage, for_cards

register = template.Library()


@register.inclusion_tag("blog/includes/latest_articles.html")
def latest_articles(count=4):
    index = BlogIndexPage.objects.live().first()
    if index is None:
        return {"articles": [], "blog_index": None}
    return {"articles": for_cards(index.articles())[:count], "blog_index": index}
