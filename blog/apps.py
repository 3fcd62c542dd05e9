from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    """Articles and guest articles in the "Actueel" section, with readers' comments."""

    name = "blog"
    verbose_name = _("News and blogs")

    def ready(self):
        from portal import personal_data

        from . import privacy

        personal_data.register(
            "blog_comments", export=privacy.export, erase=privacy.erase, models=["blog.Comment"]
        )
