"""The shared vocabulary of the network: sectors and provinces.

Themes are editable and live in the database (`portal.models.Theme`); sectors and
provinces are fixed lists that every app refers to by these choices, and an audience
(the sectors something is meant for) is a `SectorArrayField`.
"""

from django import forms
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    """The kind of organisation a professional or an initiative belongs to."""

    GEMEENTE = "gemeente", _("Municipality")
    PROVINCIE = "provincie", _("Province")
    WATERSCHAP = "waterschap", _("Water authority")
    RIJK = "rijk", _("Central government (ministry)")
    UITVOERINGSINSTELLING = "uitvoeringsinstelling", _("Implementing agency")
    MAATSCHAPPELIJK = "maatschappelijk", _("Civil society organisation")
    BEDRIJF = "bedrijf", _("Company")
    KENNISINSTELLING = "kennisinstelling", _("Knowledge institution")


class Province(models.TextChoices):
    GRONINGEN = "groningen", "Groningen"
    FRIESLAND = "friesland", "Fryslân"
    DRENTHE = "drenthe", "Drenthe"
    OVERIJSSEL = "overijssel", "Overijssel"
    FLEVOLAND = "flevoland", "Flevoland"
    GELDERLAND = "gelderland", "Gelderland"
    UTRECHT = "utrecht", "Utrecht"
    NOORD_HOLLAND = "noord-holland", "Noord-Holland"
    ZUID_HOLLAND = "zuid-holland", "Zuid-Holland"
    ZEELAND = "zeeland", "Zeeland"
    NOORD_BRABANT = "noord-brabant", "Noord-Brabant"
    LIMBURG = "limburg", "Limburg"


def sector_labels(values) -> list:
    """The names of the sectors in `values`, in that order (an unknown one as it is)."""
    labels = dict(Sector.choices)
    return [labels.get(value, value) for value in values]


class SectorArrayField(ArrayField):
    """A list of sectors (whom something is meant for), edited as checkboxes rather than
    comma-separated text. Leerkringen and tools in the toolkit both have one."""

    def __init__(self, verbose_name=None, **kwargs):
        kwargs.pop("base_field", None)
        base_field = models.CharField(max_length=32, choices=Sector.choices)
        super().__init__(base_field, verbose_name=verbose_name, **kwargs)

    def deconstruct(self):
        # The path stays the subclass's own, so migrations that name it keep working.
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("base_field", None)
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=Sector.choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )
