"""Initiatives in the sitemap: the published ones, as on the map."""

from portal.sitemaps import ModelSitemap

from .models import Initiative


class InitiativeSitemap(ModelSitemap):
    def items(self):
        return Initiative.objects.published().order_by("pk")

    def lastmod(self, initiative):
        return initiative.updated_at
