"""Leerkringen in the sitemap: the ones in the public list (not archived)."""

from portal.sitemaps import ModelSitemap

from .models import Leerkring


class LeerkringSitemap(ModelSitemap):
    def items(self):
        return Leerkring.objects.public().order_by("name", "pk")

    def lastmod(self, leerkring):
        return leerkring.updated_at
