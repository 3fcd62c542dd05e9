from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolkitConfig(AppConfig):
    """The toolkit: guides, templates, checklists and links for open government, as
    Wagtail pages, with each tool's use counted per day without tracking anyone.

    What the toolkit's public pages show are pages, documents and themes, which
    portal/content_versions.py already follows; the use counts are shown only in the
    admin, so a click empties no cache."""

    name = "communities.toolkit"
    label = "toolkit"
    verbose_name = _("Toolkit")
