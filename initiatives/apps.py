from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    """The map of initiatives (issue #6)."""

    name = "initiatives"
    verbose_name = _("Initiatives")

    def ready(self):
        from portal import content_versions, flags, personal_data, search, sitemaps

        from . import moderation
        from .models import Initiative, Municipality
        from .privacy import erase_submitter, export_submissions
        from .search import search_initiatives, search_more_url
        from .sitemaps import InitiativeSitemap

        sitemaps.register("initiatives", InitiativeSitemap)
        # Only an initiative that is or was on the map changes what visitors see.
        content_versions.follow(
            Initiative,
            "initiatives",
            shown=lambda initiative: initiative.status == Initiative.Status.PUBLISHED,
        )
        content_versions.follow(Municipality, "initiatives")
        flags.register(moderation.REPORTS)

        personal_data.register(
            "initiatives",
            export=export_submissions,
            erase=erase_submitter,
            models=["initiatives.Initiative"],
        )
        search.register(
            search.SearchSource(
                key="initiatives",
                label=_("Initiatives"),
                search=search_initiatives,
                template="initiatives/includes/search_result.html",
                more_url=search_more_url,
            )
        )
