"""The header and breadcrumbs of the portal's own pages in the Wagtail admin, as
Wagtail's `wagtailadmin/generic/base.html` takes them."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def admin_frame(title, icon, trail=(), header_title=None) -> dict:
    """Home, then `trail` ((url, label) pairs), then the page itself, `title`; the
    header shows `header_title` when the page names what it is about."""
    return {
        "page_title": title,
        "header_title": header_title or title,
        "header_icon": icon,
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            *({"url": url, "label": label} for url, label in trail),
            {"url": "", "label": title},
        ],
    }
