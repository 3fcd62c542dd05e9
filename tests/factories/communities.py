"""Leerkringen and their members."""

import factory

from communities.models import Leerkring, Membership, MembershipStatus, SignupMode

from .users import UserFactory


class LeerkringFactory(factory.django.DjangoModelFactory):
    """An open leerkring for municipalities, without a maximum.

    `coordinators=[...]` and `themes=[...]` are parental many-to-many relations: the
    model (a ClusterableModel) takes them in its constructor and writes them when it
    is saved, so the factory passes them straight through."""

    class Meta:
        model = Leerkring

    name = factory.Sequence(lambda n: f"Leerkring gemeenten {n}")
    slug = factory.Sequence(lambda n: f"leerkring-{n}")
    short_description = "Gemeenten leren van elkaar over actieve openbaarmaking."
    description = "<p>We komen elke maand samen.</p>"
    audience = factory.LazyFunction(lambda: ["gemeente"])
    signup_mode = SignupMode.OPEN
    meeting_rhythm = "Elke maand online"
    contact_email = "leerkring@example.org"


class MembershipFactory(factory.django.DjangoModelFactory):
    """An active member; `status=MembershipStatus.PENDING` for a request."""

    class Meta:
        model = Membership

    leerkring = factory.SubFactory(LeerkringFactory)
    user = factory.SubFactory(UserFactory)
    status = MembershipStatus.ACTIVE
