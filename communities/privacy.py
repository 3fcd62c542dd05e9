"""What the leerkringen hold about a person, for their data download. Memberships
go with the account when it is deleted (on_delete=CASCADE), so there is no erase."""


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
    }
