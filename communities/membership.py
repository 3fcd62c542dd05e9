"""The rules of joining a leerkring: who becomes a member at once, who waits for a
coordinator, when a leerkring is full, and what leaving and being removed mean.

Every change takes a row lock on the leerkring (select_for_update), so two people
taking the last seat at the same moment cannot both get it; the partial unique
constraint on Membership makes a double sign-up impossible even without the lock.
Views call these functions and only turn the outcome into a message; what a
coordinator's decision runs into is a MembershipError with a code from
`error_messages`, the one place of its sentence.
"""

import enum

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from portal import ratelimit
from portal.errors import RuleError

from . import emails
from .models import LIVE, Leerkring, Membership, MembershipStatus, SignupMode

SIGNUPS_PER_ACCOUNT = 10  # sign-ups per account per hour (leaving and rejoining included)


class Outcome(enum.Enum):
    JOINED = "joined"
    REQUESTED = "requested"
    ALREADY_MEMBER = "already_member"
    ALREADY_REQUESTED = "already_requested"
    FULL = "full"
    CLOSED = "closed"


error_messages = {
    "full": gettext_lazy("The leerkring is full: nobody more can be approved."),
    "status_changed": gettext_lazy("This is no longer possible: the status is now “%(status)s”."),
}


class MembershipError(RuleError):
    """A change that does not fit the membership's state or the leerkring's room;
    `code` is a key of error_messages."""

    error_messages = error_messages


def _locked(leerkring_id):
    return Leerkring.objects.select_for_update().get(pk=leerkring_id)


def is_full(leerkring) -> bool:
    """Every place is taken: the leerkring has a maximum and that many active
    members. Uses `member_count` when the leerkring carries it (with_member_count),
    so a list costs no query per leerkring; a locked row never carries it."""
    if leerkring.max_members is None:
        return False
    active = getattr(leerkring, "member_count", None)
    if active is None:
        active = leerkring.memberships.filter(status=MembershipStatus.ACTIVE).count()
    return active >= leerkring.max_members


def live_membership(leerkring, user):
    if not user.is_authenticated:
        return None
    return leerkring.memberships.filter(user=user, status__in=LIVE).first()


def _already(membership):
    if membership.status == MembershipStatus.ACTIVE:
        return Outcome.ALREADY_MEMBER
    return Outcome.ALREADY_REQUESTED


def obstacle(leerkring, user):
    """Why this person cannot sign up now (an Outcome), or None if they can."""
    existing = live_membership(leerkring, user)
    if existing:
        return _already(existing)
    if not leerkring.accepts_signups:
        return Outcome.CLOSED
    if is_full(leerkring):
        return Outcome.FULL
    return None


def allow_signup(user) -> bool:
    """Count one sign-up; False once it is one too many, so leaving and rejoining
    cannot flood the coordinators with requests."""
    return ratelimit.allow("leerkringen:account", str(user.pk), SIGNUPS_PER_ACCOUNT, 3600)


def join(leerkring, user, motivation=""):
    """Sign a person up. Returns (outcome, membership or None); signing up twice
    returns the existing membership with an ALREADY_* outcome and changes nothing."""
    try:
        with transaction.atomic():
            leerkring = _locked(leerkring.pk)
            blocked = obstacle(leerkring, user)
            if blocked:
                return blocked, live_membership(leerkring, user)
            now = timezone.now()
            if leerkring.signup_mode == SignupMode.OPEN:
                membership = Membership.objects.create(
                    leerkring=leerkring,
                    user=user,
                    status=MembershipStatus.ACTIVE,
                    motivation=motivation,
                    created_at=now,
                    decided_at=now,
                )
                return Outcome.JOINED, membership
            membership = Membership.objects.create(
                leerkring=leerkring,
                user=user,
                status=MembershipStatus.PENDING,
                motivation=motivation,
                created_at=now,
            )
            emails.request_received(membership)
            return Outcome.REQUESTED, membership
    except IntegrityError:
        # Only reachable when the lock was bypassed: the constraint still holds.
        existing = live_membership(leerkring, user)
        return _already(existing), existing


def _decide(membership, allowed_from, new_status, check_capacity=False, action=None, by=None):
    """Change the membership's state under the leerkring's lock. A coordinator's
    decision (`action`) goes into the leerkring's history in the admin, with who took
    it; the entry holds the membership's id, not the member's name, so it names
    nobody once the member has deleted their account."""
    with transaction.atomic():
        leerkring = _locked(membership.leerkring_id)
        membership = Membership.objects.select_for_update().get(pk=membership.pk)
        if membership.status not in allowed_from:
            status = MembershipStatus(membership.status).label  # translated when shown
            raise MembershipError("status_changed", status=status)
        if check_capacity and is_full(leerkring):
            raise MembershipError("full")
        now = timezone.now()
        membership.status = new_status
        if new_status == MembershipStatus.LEFT:
            membership.left_at = now
        else:
            membership.decided_at = now
        membership.save(update_fields=["status", "decided_at", "left_at"])
        if action:
            log(leerkring, action, user=by, data={"membership": membership.pk})
        return membership


def approve(membership, by=None):
    """A coordinator (`by`) lets a pending member in, if there is still room."""
    membership = _decide(
        membership,
        [MembershipStatus.PENDING],
        MembershipStatus.ACTIVE,
        check_capacity=True,
        action="communities.membership.approve",
        by=by,
    )
    emails.request_decided(membership)
    return membership


def decline(membership, by=None):
    membership = _decide(
        membership,
        [MembershipStatus.PENDING],
        MembershipStatus.DECLINED,
        action="communities.membership.decline",
        by=by,
    )
    emails.request_decided(membership)
    return membership


def leave(membership):
    """The member ends their own membership (or withdraws their request)."""
    return _decide(membership, LIVE, MembershipStatus.LEFT)


def remove(membership, by=None):
    """A coordinator takes a member off the list; the history keeps it as 'left'."""
    return _decide(
        membership,
        [MembershipStatus.ACTIVE],
        MembershipStatus.LEFT,
        action="communities.membership.remove",
        by=by,
    )
