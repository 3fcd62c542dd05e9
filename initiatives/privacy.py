"""What the map holds about a person with an account: the initiatives they submitted
(logged in, or as a guest under the account's address) and those that give the
account's address as their contact.

On deleting the account the initiatives stay (they are public content, published by
the editors), but the person's name and e-mail address are removed from them.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import ModelLogEntry

from portal.personal_data import address_matches

from .models import Initiative


def _submitted_by(user):
    return Q(submitted_by=user) | address_matches(user, "submitter_email")


def _mentioning(user):
    return _submitted_by(user) | address_matches(user, "contact_email")


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
        for initiative in Initiative.objects.filter(_mentioning(user)).order_by("pk")
    ]


def erase_submitter(user):
    """The rejection messages in the initiatives' history were written to the
    submitter and may name them: the entries stay, the messages go."""
    submitted = Initiative.objects.filter(_submitted_by(user))
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Initiative),
        object_id__in=[str(pk) for pk in submitted.values_list("pk", flat=True)],
        action="initiatives.reject",
    ).update(data={})
    submitted.update(submitter_name="", submitter_email="", submitted_by=None)
    Initiative.objects.filter(address_matches(user, "contact_email")).update(contact_email="")
