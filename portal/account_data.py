"""What the portal app itself holds about a person, for their data download."""

from allauth.account.models import EmailAddress


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
