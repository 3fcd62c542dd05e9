"""Template tags for the site's frame: menus built from the page tree, and the footer."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from portal import frame
from portal.models import SiteSettings

register = template.Library()

# The sections that are Django views rather than pages, after the page tree's items.
APP_SECTIONS = [
    ("communities:list", _("Leerkringen")),
    ("events:agenda", _("Agenda")),
    ("initiatives:map", _("Map")),
]

FOOTER_SLUGS = ["over-ons", "privacyverklaring", "toegankelijkheidsverklaring"]


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.inclusion_tag("portal/includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The site root's live children that editors ticked 'show in menus', then the app
    sections; each marked `page` when it is the current page and `true` when the
    current page lies below it."""
    request = context["request"]
    links = frame.cached("menu", lambda: _page_links(request), request.get_host())
    # The sections' titles are translated, so they are added per request, not cached.
    links = links + [(title, reverse(name)) for name, title in APP_SECTIONS]
    items = []
    for title, url in links:
        current = (
            "page" if request.path == url else ("true" if request.path.startswith(url) else "")
        )
        items.append({"title": title, "url": url, "current": current})
    return {"items": items, "home_current": request.path == "/"}


def _page_links(request):
    root = _site_root(request)
    pages = root.get_children().live().in_menu().only("id", "title", "url_path") if root else []
    return [(page.title, page.get_url(request)) for page in pages]


@register.inclusion_tag("portal/includes/footer.html", takes_context=True)
def site_footer(context):
    """The footer: the site settings' contact details and the service pages."""
    request = context["request"]
    footer = frame.cached("footer", lambda: _footer(request), request.get_host())
    return {
        "site_name": context.get("site_name"),
        # Set by pages that show the newsletter's full form: no second one below it.
        "page_has_subscribe_form": context.get("page_has_subscribe_form", False),
        **footer,
    }


def _footer(request):
    site_settings = SiteSettings.for_request(request)
    root = _site_root(request)
    pages = (
        root.get_children()
        .live()
        .filter(slug__in=FOOTER_SLUGS)
        .only("id", "title", "url_path", "slug")
        if root
        else []
    )
    # About, privacy and accessibility statements, as every Dutch public site has.
    order = {slug: position for position, slug in enumerate(FOOTER_SLUGS)}
    pages = sorted(pages, key=lambda page: order[page.slug])
    return {
        "footer_text": site_settings.footer_text,
        "contact_email": site_settings.contact_email,
        "contact_phone": site_settings.contact_phone,
        "contact_address": site_settings.contact_address,
        "social_links": site_settings.social_links(),
        "service_links": [(page.title, page.get_url(request)) for page in pages],
    }
