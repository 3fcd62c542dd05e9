"""What the map holds about a person with an account: the initiatives they submitted.

On deleting the account the initiatives stay (they are public content, published by
the editors), but the submitter's name and e-mail address are removed from them.
"""

from .models import Initiative


def export_submissions(user):
    return [
        {
            "title": initiative.title,
            "status": initiative.status,
            "relation": initiative.relation,
            "submitter_name": initiative.submitter_name,
            "submitter_email": initiative.submitter_email,
            "contact_email": initiative.contact_email,
            "created_at": initiative.created_at.isoformat(),
        }
        for initiative in Initiative.objects.filter(submitted_by=user).order_by("pk")
    ]


def erase_submitter(user):
    Initiative.objects.filter(submitted_by=user).update(
        submitter_name="", submitter_email="", submitted_by=None
    )
