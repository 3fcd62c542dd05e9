"""The site's address: one setting, SITE_URL, and Wagtail's Site record kept in step.

Wagtail makes absolute links (feeds, canonical and OpenGraph URLs, the sitemap) from
its default Site record's hostname and port, not from settings. The portal's data
migration created that record as localhost:80. After every `migrate`, the record
takes the hostname and port of SITE_URL, so the address is configuration:
`make run` and every release run `migrate`, a fresh database gets the right
address without an extra step, and changing SITE_URL takes effect at the next
release. Wagtail writes `https://` for port 443 and `http://` otherwise.
"""

from urllib.parse import urlsplit

from django.conf import settings


def hostname_and_port(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def follow_site_url(using="default", **kwargs):
    """post_migrate: give the default Site record the hostname and port of SITE_URL."""
    from wagtail.models import Site

    hostname, port = hostname_and_port(settings.SITE_URL)
    site = Site.objects.using(using).filter(is_default_site=True).first()
    if site and (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save(using=using, update_fields=["hostname", "port"])
