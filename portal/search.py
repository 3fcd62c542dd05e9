"""Site-wide search: full-text search in Wagtail's PostgreSQL index, in Dutch.

Pages are always searched. Apps whose content is not made of pages (leerkringen,
events, initiatives) register a source: the search page then shows their best matches
in a section of their own, with a link to the full, filtered list. Those lists' own
search boxes use `matching()` too, so a word finds the same things everywhere.

PostgreSQL's Dutch stemmer alone misses what a Dutch reader means: it keeps the
doubled consonant of "waterschappen" (stem "waterschapp", not "waterschap"), the "s"
of "provincies", the "v" of "initiatieven" (against "initiatief"), and it does not
split compounds ("participatietraject"). So each word of a query is stemmed by
PostgreSQL, those three spelling rules give the other forms of its stem, and every
form of five letters or more matches as the start of a word: "participatie" finds
"participatietraject", "waterschappen" finds "waterschap" and "waterschapsbestuur".
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import F
from django.db.models.expressions import CombinedExpression
from wagtail.models import Page

SECTION_SIZE = 5
MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
MIN_PREFIX_LENGTH = 5  # shorter stems ("open", "woo", "wet") match whole words only
VOWELS = "aeiouy"
# f/v and s/z alternate in Dutch stems: initiatief/initiatieven, huis/huizen.
ALTERNATING_ENDINGS = {"f": "v", "v": "f", "s": "z", "z": "s"}


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


def _stem_forms(stem: str) -> set[str]:
    """The stem and the other spellings of it that Dutch inflection produces."""
    forms = {stem}
    if not stem.isalpha() or len(stem) < 4:
        return forms
    if stem[-1] == stem[-2] and stem[-1] not in VOWELS:
        forms.add(stem[:-1])  # waterschapp -> waterschap
    if stem.endswith("ies"):
        forms.add(stem[:-1])  # provincies -> provincie
    for form in list(forms):
        if form[-1] in ALTERNATING_ENDINGS:
            forms.add(form[:-1] + ALTERNATING_ENDINGS[form[-1]])  # initiatiev -> initiatief
    return forms


def _term(form: str) -> str:
    quoted = "'" + form.replace("\\", "\\\\").replace("'", "''") + "'"
    return quoted + ":*" if len(form) >= MIN_PREFIX_LENGTH else quoted


@functools.lru_cache(maxsize=512)
def _tsquery(query: str) -> str:
    """A PostgreSQL tsquery (of lexemes, for the 'simple' configuration) that needs
    every word of `query`, each in any of its forms; "" when no word is left.

    PostgreSQL's own parser and stemmer split and stem the query, exactly as they
    did the indexed text (stop words such as "de" and "het" drop out)."""
    config = settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT lexeme FROM unnest(to_tsvector(%s::regconfig, %s)) "
            "ORDER BY positions[1] LIMIT %s",
            [config, query[:MAX_QUERY_LENGTH], MAX_WORDS],
        )
        stems = [lexeme for (lexeme,) in cursor.fetchall()]
    clauses = [
        "(" + " | ".join(_term(form) for form in sorted(_stem_forms(stem))) + ")" for stem in stems
    ]
    return " & ".join(clauses)


def _vector():
    """An object's title and body in Wagtail's search index, as one tsvector."""
    return CombinedExpression(
        F("index_entries__title"), "||", F("index_entries__body"), output_field=SearchVectorField()
    )


def matching(queryset, query: str):
    """The objects of `queryset` (an indexed model) that match every word of `query`
    in Wagtail's search index, in the queryset's own order."""
    tsquery = _tsquery(query)
    if not tsquery:
        return queryset.none()
    return queryset.alias(search_vector=_vector()).filter(
        search_vector=SearchQuery(tsquery, search_type="raw", config="simple")
    )


def search(queryset, query: str):
    """`matching()`, best match first."""
    search_query = SearchQuery(_tsquery(query) or "''", search_type="raw", config="simple")
    return (
        matching(queryset, query)
        .annotate(search_rank=SearchRank(_vector(), search_query))
        .order_by("-search_rank", "pk")
    )


def search_pages(query: str):
    """Live, public pages matching every word of the query, best match first."""
    return search(Page.objects.live().public().specific(), query)


def search_sections(query: str) -> list[dict]:
    """The registered sources' best matches, for the sections under the page results,
    each with the number of all its matches."""
    sections = []
    for source in _sources.values():
        results = source.search(query)
        shown = list(results[:SECTION_SIZE])
        if shown:
            sections.append(
                {
                    "source": source,
                    "results": shown,
                    "count": len(shown) if len(shown) < SECTION_SIZE else results.count(),
                    "more_url": source.more_url(query) if source.more_url else None,
                }
            )
    return sections
