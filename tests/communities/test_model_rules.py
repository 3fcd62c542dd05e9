"""The membership rules: open, on approval, full, closed, twice, leaving and removal,
and the database constraint behind them."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from communities import membership as rules
from communities.models import Membership, MembershipStatus, SignupMode
from tests.factories.communities import MembershipFactory


def test_database_allows_only_one_live_membership_per_person(open_leerkring, professional):
    MembershipFactory(leerkring=open_leerkring, user=professional, status=MembershipStatus.PENDING)
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipFactory(
            leerkring=open_leerkring, user=professional, status=MembershipStatus.ACTIVE
        )


def test_person_who_left_can_join_again_as_a_new_membership(open_leerkring, professional):
    MembershipFactory(leerkring=open_leerkring, user=professional, status=MembershipStatus.LEFT)
    MembershipFactory(leerkring=open_leerkring, user=professional, status=MembershipStatus.DECLINED)
    outcome, membership = rules.join(open_leerkring, professional)
    assert outcome == rules.Outcome.JOINED
    assert open_leerkring.memberships.filter(user=professional).count() == 3
    assert membership.status == MembershipStatus.ACTIVE


def test_joining_an_open_leerkring_makes_you_a_member_at_once(open_leerkring, professional):
    outcome, membership = rules.join(open_leerkring, professional, "Ik wil leren.")
    assert outcome == rules.Outcome.JOINED
    assert membership.status == MembershipStatus.ACTIVE
    assert membership.decided_at is not None
    assert membership.motivation == "Ik wil leren."


def test_approval_leerkring_puts_request_on_hold_and_mails_coordinators(
    approval_leerkring, professional, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        outcome, membership = rules.join(approval_leerkring, professional, "Graag!")
    assert outcome == rules.Outcome.REQUESTED
    assert membership.status == MembershipStatus.PENDING
    [mail] = mailoutbox
    assert mail.to == [coordinator.email]
    assert "Waterschappen open" in mail.subject
    assert "Graag!" in mail.body
    assert "/admin/leerkringen/members/" in mail.body


def test_signing_up_twice_changes_nothing_and_says_so(approval_leerkring, professional):
    first = rules.join(approval_leerkring, professional)[1]
    outcome, again = rules.join(approval_leerkring, professional)
    assert outcome == rules.Outcome.ALREADY_REQUESTED
    assert again == first
    rules.approve(first)
    assert rules.join(approval_leerkring, professional)[0] == rules.Outcome.ALREADY_MEMBER
    assert Membership.objects.count() == 1


def test_full_leerkring_takes_nobody_more(make_leerkring, make_user, professional):
    leerkring = make_leerkring(max_members=1)
    MembershipFactory(leerkring=leerkring, user=make_user(email="eerste@example.org"))
    assert rules.join(leerkring, professional) == (rules.Outcome.FULL, None)
    assert not leerkring.memberships.filter(user=professional).exists()


def test_closed_and_archived_leerkringen_cannot_be_joined(make_leerkring, professional):
    closed = make_leerkring(signup_mode=SignupMode.CLOSED)
    archived = make_leerkring(archived=True)
    assert rules.join(closed, professional)[0] == rules.Outcome.CLOSED
    assert rules.join(archived, professional)[0] == rules.Outcome.CLOSED
    assert not Membership.objects.exists()


def test_approving_mails_the_member_and_respects_the_maximum(
    make_leerkring, coordinator, make_user, mailoutbox, django_capture_on_commit_callbacks
):
    leerkring = make_leerkring(
        signup_mode=SignupMode.APPROVAL, max_members=1, coordinators=[coordinator]
    )
    first = MembershipFactory(
        leerkring=leerkring,
        user=make_user(email="een@example.org"),
        status=MembershipStatus.PENDING,
    )
    second = MembershipFactory(
        leerkring=leerkring,
        user=make_user(email="twee@example.org"),
        status=MembershipStatus.PENDING,
    )
    with django_capture_on_commit_callbacks(execute=True):
        rules.approve(first)
    [mail] = mailoutbox
    assert mail.to == ["een@example.org"]
    assert "Welkom" in mail.subject
    with pytest.raises(rules.MembershipError) as refused:
        rules.approve(second)
    assert refused.value.code == "full"
    second.refresh_from_db()
    assert second.status == MembershipStatus.PENDING


def test_declining_mails_the_person(
    approval_leerkring, professional, mailoutbox, django_capture_on_commit_callbacks
):
    request = MembershipFactory(
        leerkring=approval_leerkring, user=professional, status=MembershipStatus.PENDING
    )
    with django_capture_on_commit_callbacks(execute=True):
        rules.decline(request)
    request.refresh_from_db()
    assert request.status == MembershipStatus.DECLINED
    [mail] = mailoutbox
    assert mail.to == [professional.email]
    assert "afgewezen" in mail.body


def test_leaving_and_removal_end_the_membership_and_cannot_repeat(open_leerkring, professional):
    membership = rules.join(open_leerkring, professional)[1]
    rules.leave(membership)
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.LEFT
    assert membership.left_at is not None
    with pytest.raises(rules.MembershipError) as refused:
        rules.remove(membership)
    assert refused.value.code == "status_changed"
    with translation.override("nl"):
        assert refused.value.message == "Dit kan niet meer: de status is nu ‘Gestopt’."
    with pytest.raises(rules.MembershipError) as refused:
        rules.approve(membership)
    assert refused.value.code == "status_changed"
