from django import template

from initiatives.models import Initiative

register = template.Library()


@register.simple_tag
def published_initiative_count():
    """For the home page's map teaser."""
    return Initiative.objects.published().count()
