"""The agenda's events in the sitemap: every event the public sees."""

from portal.sitemaps import ModelSitemap

from .models import Event


class EventSitemap(ModelSitemap):
    def items(self):
        return Event.objects.published().order_by("starts_at", "pk")

    def lastmod(self, event):
        return event.updated_at
