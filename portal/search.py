"""Site-wide search: Wagtail's PostgreSQL full-text search with Dutch stemming.

Pages are always searched. Apps whose content is not made of pages (leerkringen,
initiatives) register a source: the search page then shows their best matches in a
section of their own, with a link to the full, filtered list.
"""

from collections.abc import Callable
from dataclasses import dataclass

from wagtail.models import Page

SECTION_SIZE = 5


@dataclass(frozen=True)
class SearchSource:
    key: str
    label: str  # shown as the section's heading (a lazy translation)
    search: Callable[[str], object]  # query -> searchable results, best first
    template: str  # renders one result, as `result`
    more_url: Callable[[str], str] | None = None  # query -> the full list, filtered


_sources: dict[str, SearchSource] = {}


def register(source: SearchSource) -> None:
    _sources[source.key] = source


def search_pages(query: str):
    """Live, public pages matching every word of the query, best match first.

    PostgreSQL's Dutch stemmer does not split compounds, so "privacy" does not find
    "Privacyverklaring"; when nothing matches, titles that start with the words do.
    """
    pages = Page.objects.live().public().specific()
    results = pages.search(query, operator="and")
    if not results:
        results = pages.autocomplete(query, operator="and")
    return results


def search_sections(query: str) -> list[dict]:
    """The registered sources' best matches, for the sections under the page results."""
    sections = []
    for source in _sources.values():
        results = source.search(query)[:SECTION_SIZE]
        if results:
            sections.append(
                {
                    "source": source,
                    "results": list(results),
                    "more_url": source.more_url(query) if source.more_url else None,
                }
            )
    return sections
