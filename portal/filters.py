"""The publications page's filters: theme, year and kind, combined with AND.

As on the blog index, the parameters are Dutch words (/publicaties/?thema=open-data&jaar=2026)
and every filter is a choice list read with one query, so a chosen value is checked
against that list and filtering costs no extra lookups however many publications there
are. A value that is not in the list is left out of the filtering and named in the
form's errors; it never causes a server error.
"""

import functools

import django_filters
from django.core.paginator import Paginator
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from .models import Publication, Theme

PUBLICATIONS_PER_PAGE = 20


class PublicationFilter(django_filters.FilterSet):
    thema = django_filters.ChoiceFilter(
        label=_("Theme"), field_name="theme__slug", empty_label=_("All themes")
    )
    jaar = django_filters.ChoiceFilter(
        label=_("Year"), field_name="published__year", empty_label=_("All years")
    )
    soort = django_filters.ChoiceFilter(
        label=_("Kind"),
        field_name="kind",
        choices=Publication.Kind.choices,
        empty_label=_("All kinds"),
    )

    class Meta:
        model = Publication
        fields = []

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        years = (
            Publication.objects.filter(page=page)
            .annotate(year=ExtractYear("published"))
            .values_list("year", flat=True)
            .distinct()
            .order_by("-year")
        )
        themes = Theme.objects.filter(publications__page=page).distinct().order_by("sort_order")
        # Read once, when the form is first validated or drawn.
        self.filters["jaar"].extra["choices"] = functools.cache(
            lambda: [(str(year), year) for year in years]
        )
        self.filters["thema"].extra["choices"] = functools.cache(
            lambda: list(themes.values_list("slug", "name"))
        )


def publication_listing(request, page):
    """What the publications page shows for a request: the filters, the page of
    publications they select (`?pagina=`, any wrong number gives the nearest page) and
    whether any filter is set."""
    publications = (
        Publication.objects.filter(page=page)
        .select_related("document", "theme")
        .order_by("-published", "sort_order", "pk")
    )
    filterset = PublicationFilter(request.GET or None, queryset=publications, page=page)
    page_obj = Paginator(filterset.qs, PUBLICATIONS_PER_PAGE).get_page(request.GET.get("pagina"))
    return {
        "filter": filterset,
        "page_obj": page_obj,
        "publications": page_obj.object_list,
        "is_filtered": any(request.GET.get(name) for name in PublicationFilter.base_filters),
    }
