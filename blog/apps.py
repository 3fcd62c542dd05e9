from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    """Articles and guest articles in the "Actueel" section (built in issue #3)."""

    name = "blog"
    verbose_name = _("News and blogs")
