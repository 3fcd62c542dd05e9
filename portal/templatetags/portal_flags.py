"""`{% report_link item subject %}`: the "Melden" link under a comment or on an
initiative. It leads to the report form on a page of its own (portal/flag_views.py),
so an article with fifty comments carries fifty links rather than fifty forms."""

from django import template
from django.urls import reverse

from portal import flags

register = template.Library()


@register.inclusion_tag("portal/includes/report_link.html")
def report_link(item, subject):
    """`subject` names the item for screen readers ("the comment by Anna")."""
    return {
        "url": reverse("report", args=[flags.flaggable_for(item).key, item.pk]),
        "subject": subject,
    }
