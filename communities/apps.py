from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunitiesConfig(AppConfig):
    """Leerkringen and their memberships (issue #4)."""

    name = "communities"
    verbose_name = _("Leerkringen")

    def ready(self):
        from portal import personal_data, sitemaps
        from portal.search import SearchSource, register

        from . import privacy, search
        from .sitemaps import LeerkringSitemap

        sitemaps.register("leerkringen", LeerkringSitemap)
        personal_data.register(
            "leerkring_memberships",
            export=privacy.export,
            erase=privacy.erase,
            models=["communities.Leerkring"],
        )
        register(
            SearchSource(
                key="leerkringen",
                label=_("Leerkringen"),
                search=search.search,
                template="communities/includes/search_result.html",
                more_url=search.more_url,
            )
        )
