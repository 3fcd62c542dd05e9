"""Template tags for the blog's public forms: the index's filters with the articles
they select, and the comment form under an article. The pages get their forms here,
so that the page models import no forms; Wagtail serves the pages, and previews them,
with these tags in their templates."""

from django import template

from ..filters import article_listing
from ..forms import CommentForm

register = template.Library()


@register.simple_tag(takes_context=True)
def index_listing(context):
    """The index page's filters and page of articles for this request."""
    return article_listing(context["request"], context["page"])


@register.simple_tag(takes_context=True)
def comment_form(context):
    """The form under an article: the one just posted, with its errors, or an empty
    one (a reply when `?reactie=` names a published comment)."""
    if "comment_form" in context:
        return context["comment_form"]
    request = context["request"]
    return CommentForm(
        user=request.user, article=context["page"], initial={"parent": context["reply_to"]}
    )
