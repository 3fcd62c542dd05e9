from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunitiesConfig(AppConfig):
    """Leerkringen and their memberships (issue #4)."""

    name = "communities"
    verbose_name = _("Leerkringen")

    def ready(self):
        from portal import content_versions, personal_data, sitemaps
        from portal.search import SearchSource, register

        from . import privacy, search
        from .models import Leerkring, Membership, MembershipStatus, Partner, Testimonial
        from .sitemaps import LeerkringSitemap

        sitemaps.register("leerkringen", LeerkringSitemap)
        for model in (Leerkring, Partner, Testimonial):
            content_versions.follow(model, "leerkringen")
        # A leerkring shows its number of members: a pending request changes nothing.
        content_versions.follow(
            Membership, "leerkringen", shown=lambda member: member.status == MembershipStatus.ACTIVE
        )
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
