"""The shared vocabulary of the network: sectors and provinces.

Themes are editable and live in the database (`portal.models.Theme`); sectors and
provinces are fixed lists that every app refers to by these choices.
"""

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
