from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    """The map of initiatives (issue #6)."""

    name = "initiatives"
    verbose_name = _("Initiatives")

    def ready(self):
        from portal import personal_data, search, sitemaps

        from .privacy import erase_submitter, export_submissions
        from .search import search_initiatives, search_more_url
        from .sitemaps import InitiativeSitemap

        sitemaps.register("initiatives", InitiativeSitemap)

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
