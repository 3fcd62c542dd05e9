"""The links a site's main menu and footer start with.

The menu: the home page, the site root's pages that are ticked 'show in menus', and the
sections that are Django views rather than pages. The footer: the about, privacy and
accessibility statements (as every Dutch public site has), the search and the sitemap.
These were code until editors got the links in the site settings; migration 0009 fills
existing sites with them so that nothing changes on screen, and the demo fills them
again once its pages exist.

Written against an app registry, so that the migration can run it on its historical
models.
"""

SECTIONS = [("/leerkringen/", "Leerkringen"), ("/agenda/", "Agenda"), ("/kaart/", "Kaart")]
SERVICE_PAGE_SLUGS = ["over-ons", "privacyverklaring", "toegankelijkheidsverklaring"]
SERVICE_ADDRESSES = [("/zoeken/", "Zoeken"), ("/sitemap.xml", "Sitemap")]


def fill(apps, schema_editor=None):
    """Give every site's settings the default links, except where an editor made a list
    their own: a list that holds nothing but default links is set to all of them."""
    Site = apps.get_model("wagtailcore", "Site")
    SiteSettings = apps.get_model("portal", "SiteSettings")
    for site in Site.objects.select_related("root_page"):
        site_settings, _ = SiteSettings.objects.get_or_create(site=site)
        menu, footer = _default_links(apps, site.root_page)
        _fill(apps.get_model("portal", "MainMenuItem"), site_settings, menu)
        _fill(apps.get_model("portal", "FooterLink"), site_settings, footer)


def _default_links(apps, root):
    """The menu's and the footer's links as (page id, address, label) triples."""
    Page = apps.get_model("wagtailcore", "Page")
    children = Page.objects.filter(
        path__startswith=root.path, depth=root.depth + 1, live=True
    ).order_by("path")
    menu = [
        (root.pk, "", "Home"),
        *((pk, "", "") for pk in children.filter(show_in_menus=True).values_list("pk", flat=True)),
        *((None, url, label) for url, label in SECTIONS),
    ]
    service_pages = dict(children.filter(slug__in=SERVICE_PAGE_SLUGS).values_list("slug", "pk"))
    footer = [
        *((service_pages[slug], "", "") for slug in SERVICE_PAGE_SLUGS if slug in service_pages),
        *((None, url, label) for url, label in SERVICE_ADDRESSES),
    ]
    return menu, footer


def _fill(model, site_settings, links):
    items = model.objects.filter(site_settings=site_settings)
    targets = {(page_id, url) for page_id, url, _ in links}
    if any((item.link_page_id, item.link_url) not in targets for item in items):
        return  # an editor's own list
    items.delete()
    model.objects.bulk_create(
        model(
            site_settings=site_settings,
            sort_order=position,
            link_page_id=page_id,
            link_url=url,
            label=label,
        )
        for position, (page_id, url, label) in enumerate(links)
    )
