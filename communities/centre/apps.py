from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CentreConfig(AppConfig):
    """The expertise centre's own work and accounting (issue #18): the knowledge
    brokers' conversation log and the quarterly figures against the year's targets.

    The one app that may use every other app (it counts what they hold) and that no
    app imports: what others need from it, they get through registries in portal
    (the home page's key figures, personal data)."""

    name = "communities.centre"
    label = "centre"
    verbose_name = _("Expertise centre")

    def ready(self):
        from portal import content_versions, key_figures, personal_data

        from . import figures, privacy
        from .models import Target

        personal_data.register(
            "conversations",
            export=privacy.export,
            erase=privacy.erase,
            models=["centre.Conversation"],
        )
        key_figures.register(figures.home_key_figures, kinds=figures.HOME_KINDS)
        # The home page shows the targets next to the figures.
        content_versions.follow(Target, "events")
