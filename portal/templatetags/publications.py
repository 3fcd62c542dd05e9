"""`{% publication_listing as listing %}`: the publications page's filters and the
publications they select, made here so that the page model imports no filters."""

from django import template

from ..filters import publication_listing as listing_for

register = template.Library()


@register.simple_tag(takes_context=True)
def publication_listing(context):
    return listing_for(context["request"], context["page"])
