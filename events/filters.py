"""The agenda's filters (GET, so every filtered view has a shareable address)."""

import datetime

import django_filters
from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from communities.models import Leerkring
from portal.models import Theme
from portal.search import matching

from .models import Event, EventType

ONLINE = "online"


class MonthSelect(forms.Select):
    """The months around today by name ("december 2026"), sent as YYYY-MM. A browser's
    own month field shows an empty "---------- ----" in most browsers; a list of
    names needs no explaining. A month from a shared address that is not in the
    list is added to it, so the form shows what the list is filtered on."""

    MONTHS_BACK, MONTHS_AHEAD = 6, 12

    def get_context(self, name, value, attrs):
        first = timezone.localdate().replace(day=1)
        offsets = range(-self.MONTHS_BACK, self.MONTHS_AHEAD + 1)
        months = [_add_months(first, offset) for offset in offsets]
        choices = [(f"{month:%Y-%m}", date_format(month, "F Y")) for month in months]
        if value and value not in dict(choices):
            choices.append((value, value))
        self.choices = [("", _("All months")), *choices]
        return super().get_context(name, value, attrs)


def _add_months(day, months):
    month_index = day.month - 1 + months
    return day.replace(year=day.year + month_index // 12, month=month_index % 12 + 1)


class MonthField(forms.CharField):
    """A month as YYYY-MM."""

    widget = MonthSelect
    default_error_messages = {"invalid": _("Enter a month as year-month, for example 2026-09.")}

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return datetime.datetime.strptime(value, "%Y-%m").date()
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class MonthFilter(django_filters.Filter):
    field_class = MonthField

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(starts_at__year=value.year, starts_at__month=value.month)


def place_choices():
    cities = (
        Event.objects.published()
        .exclude(city="")
        .order_by("city")
        .values_list("city", flat=True)
        .distinct()
    )
    return [(ONLINE, _("Online")), *((city, city) for city in cities)]


class EventFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_text", label=_("Search"), max_length=200)
    wanneer = django_filters.ChoiceFilter(
        label=_("When"),
        choices=[("komend", _("Upcoming")), ("voorbij", _("Past"))],
        empty_label=None,
        method="filter_when",
    )
    soort = django_filters.ChoiceFilter(
        field_name="event_type", label=_("Type"), choices=EventType.choices, empty_label=_("All")
    )
    thema = django_filters.ModelChoiceFilter(
        field_name="themes",
        label=_("Theme"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        empty_label=_("All"),
    )
    leerkring = django_filters.ModelChoiceFilter(
        label=_("Leerkring"),
        queryset=Leerkring.objects.public().order_by("name"),
        to_field_name="slug",
        empty_label=_("All"),
    )
    plaats = django_filters.ChoiceFilter(
        label=_("Place"), choices=place_choices, empty_label=_("All"), method="filter_place"
    )
    maand = MonthFilter(label=_("Month"), required=False)

    class Meta:
        model = Event
        fields = ["q", "wanneer", "soort", "thema", "leerkring", "plaats", "maand"]

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.get("wanneer"):
            data = data.copy()
            data["wanneer"] = "komend"
        super().__init__(data, *args, **kwargs)

    @property
    def qs(self):
        """Upcoming events unless asked otherwise, also when `wanneer` is nonsense."""
        queryset = super().qs
        if not self.form.cleaned_data.get("wanneer"):
            queryset = self.filter_when(queryset, "wanneer", "komend")
        return queryset

    @property
    def past(self):
        return self.form.is_valid() and self.form.cleaned_data.get("wanneer") == "voorbij"

    def filter_when(self, queryset, name, value):
        if value == "voorbij":
            return queryset.past().order_by("-starts_at")
        return queryset.upcoming().order_by("starts_at")

    def filter_text(self, queryset, name, value):
        return matching(queryset, value)

    def filter_place(self, queryset, name, value):
        if value == ONLINE:
            return queryset.filter(is_online=True)
        return queryset.filter(city=value, is_online=False)
