"""Every old WordPress address as a Wagtail redirect, so links from elsewhere keep
working: a post's permalink, `/?p=123` and `/2015/03/slug/` (and with the day),
category, tag and author archives (to the blog index, filtered) and attachment
pages (to the article the image belongs to).

Addresses with a query string on the home page (`/?p=123`) are followed by
blog/middleware.py; Wagtail's own middleware only looks at addresses that are not
found. Each address is written only when it is new or points elsewhere, so a second
import changes nothing.
"""

from urllib.parse import urlencode, urlparse

from wagtail.contrib.redirects.models import Redirect

from .parser import Item, parse_date


def old_path(url: str) -> str:
    """The path and query of an old address, as Wagtail stores a redirect's."""
    parsed = urlparse(url)
    path = parsed.path or "/"
    if parsed.query:
        path += "?" + parsed.query
    return Redirect.normalise_path(path)


def post_paths(item: Item) -> set[str]:
    paths = {old_path(item.link)} if item.link else set()
    if item.guid and "?" in item.guid:
        paths.add(old_path(item.guid))
    paths.add(old_path(f"/?p={item.wp_id}"))
    date = parse_date(item.date, utc=False)
    if date and item.slug:
        paths.add(old_path(f"/{date:%Y/%m}/{item.slug}/"))
        paths.add(old_path(f"/{date:%Y/%m/%d}/{item.slug}/"))
    return paths


def archive_link(index_url: str, parameter: str, value) -> str:
    return f"{index_url}?{urlencode({parameter: value})}"


class Redirects:
    def __init__(self, report):
        self.report = report

    def point(self, paths, *, page=None, link=""):
        """Let every path in `paths` lead to `page` (or to `link`)."""
        for path in sorted(paths):
            if not path or path == "/" or (page is not None and path == old_path(page.url or "")):
                continue
            redirect = Redirect.objects.filter(site=None, old_path=path).first()
            page_id = page.pk if page is not None else None
            if redirect is None:
                Redirect.objects.create(
                    site=None, old_path=path, redirect_page=page, redirect_link=link
                )
                self.report.count("redirect", "imported")
            elif redirect.redirect_page_id != page_id or (redirect.redirect_link or "") != link:
                redirect.redirect_page, redirect.redirect_link = page, link
                redirect.save(update_fields=["redirect_page", "redirect_link"])
                self.report.count("redirect", "updated")
            else:
                self.report.count("redirect", "unchanged")
