"""`{% tool_listing as listing %}`: the toolkit's filters and the tools they select,
made here so that the page model imports no filters."""

from django import template

from ..filters import tool_listing as listing_for

register = template.Library()


@register.simple_tag(takes_context=True)
def tool_listing(context):
    return listing_for(context["request"], context["page"])
