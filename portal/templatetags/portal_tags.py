"""Template tags for the site's frame: menus built from the page tree."""

from django import template
from wagtail.models import Site

register = template.Library()

FOOTER_SLUGS = ["over-ons", "privacyverklaring", "toegankelijkheidsverklaring"]


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.inclusion_tag("portal/includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The site root's live children that editors ticked 'show in menus', each marked
    `page` when it is the current page and `true` when the current page lies below it."""
    request = context["request"]
    root = _site_root(request)
    pages = root.get_children().live().in_menu().only("id", "title", "url_path") if root else []
    items = []
    for page in pages:
        url = page.get_url(request)
        current = (
            "page" if request.path == url else ("true" if request.path.startswith(url) else "")
        )
        items.append({"title": page.title, "url": url, "current": current})
    return {"items": items, "home_current": request.path == "/"}


@register.inclusion_tag("portal/includes/footer_menu.html", takes_context=True)
def footer_menu(context):
    """About, privacy and accessibility statements, as every Dutch public site has."""
    request = context["request"]
    root = _site_root(request)
    pages = (
        root.get_children()
        .live()
        .filter(slug__in=FOOTER_SLUGS)
        .only("id", "title", "url_path", "slug")
        if root
        else []
    )
    order = {slug: position for position, slug in enumerate(FOOTER_SLUGS)}
    pages = sorted(pages, key=lambda page: order[page.slug])
    return {"items": [{"title": page.title, "url": page.get_url(request)} for page in pages]}
