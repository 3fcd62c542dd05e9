"""The agenda: events (snippets, not pages) and registrations for them."""

import datetime

import factory
from django.utils import timezone

from events.models import Event, EventStatus, Registration, RegistrationStatus


class EventFactory(factory.django.DjangoModelFactory):
    """A published meeting in Zwolle in two weeks' time, three hours long, with open
    registration and no maximum.

    `organisers=[...]` and `themes=[...]` are parental many-to-many relations, which
    the model (a ClusterableModel) takes in its constructor and writes on saving."""

    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Bijeenkomst open overheid {n}")
    slug = factory.Sequence(lambda n: f"bijeenkomst-{n}")
    summary = "We praten over actieve openbaarmaking in de praktijk."
    description = "<p>Een middag vol voorbeelden.</p>"
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + datetime.timedelta(hours=3))
    status = EventStatus.PUBLISHED
    venue_name = "Stadhuis"
    venue_address = "Grote Markt 1"
    city = "Zwolle"


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A guest's confirmed registration. Tests of the registration rules register
    through events.registration instead; this is for data those rules already made."""

    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Deelnemer {n}")
    email = factory.Sequence(lambda n: f"deelnemer{n}@example.org")
    status = RegistrationStatus.CONFIRMED
