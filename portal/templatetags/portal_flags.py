"""`{% report_form item subject %}`: the "Melden" disclosure under a comment or on an
initiative, a small form that works without JavaScript (portal/flags.py)."""

from django import template
from django.urls import reverse

from portal import flags
from portal.forms import ReportForm

register = template.Library()


@register.inclusion_tag("portal/includes/report_form.html")
def report_form(item, subject):
    """`subject` names the item for screen readers ("the comment by Anna"). The
    fields' ids carry the item, as an article shows one form per comment."""
    entry = flags.flaggable_for(item)
    prefix = f"melden-{entry.key}-{item.pk}"
    return {
        "action": reverse("report", args=[entry.key, item.pk]),
        "form": ReportForm(auto_id=f"{prefix}-%s"),
        "prefix": prefix,
        "subject": subject,
    }
