"""What the leerkringen hold about a person, for their data download. Memberships
go with the account when it is deleted (on_delete=CASCADE); a leerkring whose
contact address is the person's loses that address."""

from portal.personal_data import address_matches

from .models import Leerkring


def _iso(moment):
    return moment.isoformat() if moment else None


def export(user) -> dict:
    memberships = user.leerkring_memberships.select_related("leerkring").order_by("created_at")
    return {
        "memberships": [
            {
                "leerkring": membership.leerkring.name,
                "status": membership.status,
                "motivation": membership.motivation,
                "signed_up_at": _iso(membership.created_at),
                "decided_at": _iso(membership.decided_at),
                "left_at": _iso(membership.left_at),
            }
            for membership in memberships
        ],
        "coordinator_of": [leerkring.name for leerkring in user.coordinated_leerkringen.all()],
        "contact_for": list(
            Leerkring.objects.filter(address_matches(user, "contact_email")).values_list(
                "name", flat=True
            )
        ),
    }


def erase(user) -> None:
    Leerkring.objects.filter(address_matches(user, "contact_email")).update(contact_email="")
