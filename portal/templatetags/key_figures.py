"""`{% home_key_figures %}`: the home page's key figures, from the provider an app
registered in portal.key_figures, in a fragment kept until what they count changes."""

from django import template

from portal import key_figures

register = template.Library()


@register.simple_tag
def key_figure_kinds():
    return key_figures.kinds()


@register.inclusion_tag("portal/includes/home_key_figures.html")
def home_key_figures():
    return {"key_figures": key_figures.current()}
