"""Benchmark data and pages of the leerkringen (see `manage.py bench`): many more
leerkringen with members on top of the demo, and the list and a detail page."""

from django.utils import timezone

from communities.models import Leerkring, Membership, MembershipStatus
from portal.models import User

from ..leerkringen import LEERKRINGEN

MEMBERS_PER_LEERKRING = 20


def fill(scale: int) -> None:
    wanted = len(LEERKRINGEN) * scale
    template = LEERKRINGEN[-1]
    users = list(User.objects.order_by("pk")[:MEMBERS_PER_LEERKRING])
    now = timezone.now()
    for number in range(Leerkring.objects.count(), wanted):
        leerkring = Leerkring.objects.create(
            name=f"Bench-leerkring {number}",
            slug=f"bench-leerkring-{number}",
            short_description=template["short_description"],
            description=template["description"],
            audience=template["audience"],
            meeting_rhythm=template["meeting_rhythm"],
        )
        Membership.objects.bulk_create(
            [
                Membership(
                    leerkring=leerkring,
                    user=user,
                    status=MembershipStatus.ACTIVE,
                    created_at=now,
                    decided_at=now,
                )
                for user in users
            ]
        )


def pages() -> list[tuple[str, str]]:
    return [
        ("leerkringen", "/leerkringen/"),
        ("leerkringen filtered", "/leerkringen/?sector=gemeente"),
        ("leerkring", "/leerkringen/actieve-openbaarmaking/"),
    ]
