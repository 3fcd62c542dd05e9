"""Background work of the leerkringen: a coordinator's message to all members."""

from django.tasks import task

from . import emails
from .models import Membership, MembershipStatus


@task()
def send_message_to_members(leerkring_id: int, subject: str, body: str, sender_email: str):
    """Send every active member their own e-mail, so nobody sees the others' addresses.
    Returns how many were sent."""
    memberships = Membership.objects.filter(
        leerkring_id=leerkring_id, status=MembershipStatus.ACTIVE
    ).select_related("leerkring", "user")
    count = 0
    for membership in memberships:
        emails.member_message(membership, subject, body, sender_email)
        count += 1
    return count
