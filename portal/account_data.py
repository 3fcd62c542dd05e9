"""What the portal app itself holds about a person, for their data download, and
what goes with the account besides the rows that cascade."""

from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry


def export_account(user) -> dict:
    return {
        "email": user.email,
        "full_name": user.full_name,
        "organisation": user.organisation,
        "job_title": user.job_title,
        "sector": user.sector,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
    }


def erase_account(user) -> None:
    """The admin's history of the account itself (created, edited) names the person."""
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(user), object_id=str(user.pk)
    ).delete()
