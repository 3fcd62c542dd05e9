"""Template tags for the site's frame: the main menu and the footer, whose links
editors set in the site settings."""

from django import template
from django.db.models import Q

from portal import frame
from portal.models import SiteSettings

register = template.Library()


@register.inclusion_tag("portal/includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The menu items of the site settings; each marked `page` when it is the current
    page and `true` when the current page lies below it (below the home page lies
    everything, so that one only counts as `page`)."""
    request = context["request"]
    links = frame.cached(
        "menu",
        lambda: _links(request, SiteSettings.for_request(request).main_menu_items),
        request.get_host(),
    )
    items = []
    for title, url in links:
        if request.path == url:
            current = "page"
        elif url != "/" and request.path.startswith(url):
            current = "true"
        else:
            current = ""
        items.append({"title": title, "url": url, "current": current})
    return {"items": items}


def _links(request, items):
    """(title, url) of each link in a list of the settings; a page that is not live
    (or has no address on a site) is left out until it is published again."""
    items = items.filter(Q(link_page=None) | Q(link_page__live=True)).select_related("link_page")
    links = [item.title_and_url(request) for item in items]
    return [(title, url) for title, url in links if url]


@register.inclusion_tag("portal/includes/footer.html", takes_context=True)
def site_footer(context):
    """The footer: the site settings' contact details and footer links."""
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
    return {
        "footer_text": site_settings.footer_text,
        "contact_email": site_settings.contact_email,
        "contact_phone": site_settings.contact_phone,
        "contact_address": site_settings.contact_address,
        "social_links": site_settings.social_links(),
        "service_links": _links(request, site_settings.footer_links),
    }
