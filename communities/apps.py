from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunitiesConfig(AppConfig):
    """Leerkringen, memberships and newsletter subscribers (issues #4 and #7)."""

    name = "communities"
    verbose_name = _("Leerkringen")

    def ready(self):
        from portal import personal_data, scheduling, sitemaps
        from portal.search import SearchSource, register

        from . import privacy, search
        from .sitemaps import LeerkringSitemap

        sitemaps.register("leerkringen", LeerkringSitemap)
        from .newsletter import privacy as newsletter_privacy

        personal_data.register(
            "leerkring_memberships",
            export=privacy.export,
            erase=privacy.erase,
            models=["communities.Leerkring"],
        )
        personal_data.register(
            "newsletter_subscriptions",
            export=newsletter_privacy.export,
            erase=newsletter_privacy.erase,
            models=["communities.Subscriber", "communities.Delivery"],
        )
        scheduling.register(
            "delete_unconfirmed_subscribers", scheduling.command("delete_unconfirmed_subscribers")
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
