"""The filters of the list of leerkringen: GET parameters, so a filtered list can be
shared and works without JavaScript."""

import django_filters
from django.utils.translation import gettext_lazy as _

from portal.models import Theme
from portal.search import matching
from portal.taxonomy import Sector

from .models import Leerkring, SignupMode


class LeerkringFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text", label=_("Search"), max_length=200)
    sector = django_filters.ChoiceFilter(
        choices=Sector.choices,
        method="filter_sector",
        label=_("For whom"),
        empty_label=_("All sectors"),
    )
    thema = django_filters.ModelChoiceFilter(
        field_name="themes",
        queryset=Theme.objects.all(),
        to_field_name="slug",
        label=_("Theme"),
        empty_label=_("All themes"),
    )
    aanmelden = django_filters.ChoiceFilter(
        field_name="signup_mode",
        choices=SignupMode.choices,
        label=_("Sign-up"),
        empty_label=_("Any way of signing up"),
    )

    class Meta:
        model = Leerkring
        fields = []

    def filter_text(self, queryset, name, value):
        return matching(queryset, value)

    def filter_sector(self, queryset, name, value):
        return queryset.filter(audience__contains=[value])
