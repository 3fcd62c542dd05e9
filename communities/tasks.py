"""Background work of the leerkringen: a coordinator's message to all members."""

from django.contrib.auth import get_user_model
from django.tasks import task

from . import emails
from .models import Membership, MembershipStatus


@task()
def send_message_to_members(leerkring_id: int, subject: str, body: str, sender_id: int):
    """Send every active member their own e-mail, so nobody sees the others' addresses.
    Returns how many were sent. The coordinator comes as an id, not an address: the
    task table is kept a while and must not outlive their account."""
    sender = get_user_model().objects.filter(pk=sender_id).first()
    sender_email = sender.email if sender else ""
    memberships = Membership.objects.filter(
        leerkring_id=leerkring_id, status=MembershipStatus.ACTIVE
    ).select_related("leerkring", "user")
    count = 0
    for membership in memberships:
        emails.member_message(membership, subject, body, sender_email)
        count += 1
    return count
