"""The sitemap (/sitemap.xml): Wagtail's live, public pages, and what apps register
(events, leerkringen, initiatives), so search engines find everything public.

Registered sitemaps subclass `ModelSitemap`: their addresses start with SITE_URL, as
the pages' do (Wagtail's Site record follows SITE_URL, see portal/sites.py).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import Sitemap as PageSitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

_sitemaps: dict[str, type[Sitemap]] = {"pages": PageSitemap}


class ModelSitemap(Sitemap):
    """A sitemap of objects with get_absolute_url(); addresses start with SITE_URL."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


def register(name: str, sitemap: type[ModelSitemap]) -> None:
    _sitemaps[name] = sitemap


def sitemap(request):
    return wagtail_sitemap(request, sitemaps=_sitemaps)
