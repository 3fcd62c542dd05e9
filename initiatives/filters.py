"""The filters of the map. The map page's list and the GeoJSON use the same FilterSet,
so the markers and the list always show the same initiatives, and the URL (with its
Dutch parameter names) can be shared."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from portal.models import Theme
from portal.search import matching
from portal.taxonomy import Province, Sector

from .models import Initiative

MAX_QUERY_LENGTH = 200


class InitiativeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search term"),
        method="filter_text",
        widget=forms.TextInput(attrs={"type": "search", "maxlength": MAX_QUERY_LENGTH}),
    )
    thema = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        field_name="themes",
        to_field_name="slug",
        queryset=Theme.objects.all(),
        empty_label=_("All themes"),
    )
    organisatie = django_filters.ChoiceFilter(
        label=_("Type of organisation"),
        field_name="organisation_type",
        choices=Sector.choices,
        empty_label=_("All types"),
    )
    provincie = django_filters.ChoiceFilter(
        label=_("Province"),
        field_name="province",
        choices=Province.choices,
        empty_label=_("All provinces"),
    )

    class Meta:
        model = Initiative
        fields = []

    def filter_text(self, queryset, name, value):
        """Every word must appear (in any Dutch form) in the title, summary,
        description, organisation or place."""
        return matching(queryset, value[:MAX_QUERY_LENGTH])


def filtered_initiatives(params, queryset=None):
    """The published initiatives that match the filters in `params` (a QueryDict)."""
    queryset = Initiative.objects.published() if queryset is None else queryset
    return InitiativeFilter(params, queryset=queryset)
