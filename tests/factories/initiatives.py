"""The map's initiatives."""

import factory

from initiatives.models import Initiative, Municipality
from portal.models import Theme


class InitiativeFactory(factory.django.DjangoModelFactory):
    """A published initiative of a municipality, placed on its town hall.

    `place="Arnhem"` names a municipality of the gazetteer the migrations load;
    `theme_slugs=(...)` names its themes (the demo's, or made with that slug)."""

    class Meta:
        model = Initiative
        skip_postgeneration_save = True

    class Params:
        place = "Zwolle"

    title = factory.Sequence(lambda n: f"Open raad {n}")
    municipality = factory.LazyAttribute(
        lambda initiative: Municipality.objects.get(name=initiative.place)
    )
    summary = "Alle raadsstukken als open data."
    description = "Een lange beschrijving."
    organisation_name = factory.LazyAttribute(
        lambda initiative: f"Gemeente {initiative.municipality.name}"
    )
    organisation_type = "gemeente"
    latitude = factory.SelfAttribute("municipality.latitude")
    longitude = factory.SelfAttribute("municipality.longitude")
    status = Initiative.Status.PUBLISHED
    contact_email = "geheim-contact@example.org"

    @factory.post_generation
    def theme_slugs(self, create, extracted, **kwargs):
        slugs = ("open-data",) if extracted is None else extracted
        self.themes.set(
            [Theme.objects.get_or_create(slug=slug, defaults={"name": slug})[0] for slug in slugs]
        )
