"""Site-wide search: Wagtail's PostgreSQL full-text search with Dutch stemming."""

from wagtail.models import Page


def search_pages(query: str):
    """Live, public pages matching the query, best match first."""
    return Page.objects.live().public().not_type(Page).specific().search(query, operator="and")
