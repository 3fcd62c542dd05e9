"""The toolkit's filters: theme, audience, kind and words, combined with AND.

As on the publications page, the parameters are Dutch words
(/toolkit/?thema=open-data&doelgroep=gemeente&soort=checklist&q=woo), the choice lists
are read once, so a chosen value is checked against its list and filtering costs no
extra lookups however many tools there are. A value that is not in its list is left
out of the filtering and named in the form's errors; it never causes a server error.
"""

import functools

import django_filters
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from portal.models import Theme
from portal.search import MAX_QUERY_LENGTH, matching
from portal.taxonomy import Sector

from .models import Kind, ToolPage

TOOLS_PER_PAGE = 12


class ToolFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="filter_text", max_length=MAX_QUERY_LENGTH
    )
    thema = django_filters.ChoiceFilter(
        label=_("Theme"), field_name="themes__slug", empty_label=_("All themes")
    )
    doelgroep = django_filters.ChoiceFilter(
        label=_("For whom"),
        choices=Sector.choices,
        method="filter_audience",
        empty_label=_("All sectors"),
    )
    soort = django_filters.ChoiceFilter(
        label=_("Kind"), field_name="kind", choices=Kind.choices, empty_label=_("All kinds")
    )

    class Meta:
        model = ToolPage
        fields = []

    def __init__(self, *args, index_page, **kwargs):
        super().__init__(*args, **kwargs)
        themes = (
            Theme.objects.filter(tools__in=index_page.tools())
            .distinct()
            .order_by("sort_order", "name")
            .values_list("slug", "name")
        )
        # Read once, when the form is first validated or drawn.
        self.filters["thema"].extra["choices"] = functools.cache(lambda: list(themes))

    def filter_text(self, queryset, name, value):
        return matching(queryset, value)

    def filter_audience(self, queryset, name, value):
        return queryset.filter(audience__contains=[value])


def tool_listing(request, index_page):
    """What the toolkit shows for a request: the filters, the page of tools they
    select (`?pagina=`, any wrong number gives the nearest page) and whether any
    filter is set."""
    tools = index_page.tools().select_related("document").prefetch_related("themes")
    filterset = ToolFilter(request.GET or None, queryset=tools, index_page=index_page)
    page_obj = Paginator(filterset.qs, TOOLS_PER_PAGE).get_page(request.GET.get("pagina"))
    return {
        "filter": filterset,
        "page_obj": page_obj,
        "tools": page_obj.object_list,
        "is_filtered": any(request.GET.get(name) for name in ToolFilter.base_filters),
    }
