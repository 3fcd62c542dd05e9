"""A coordinator's decisions on memberships are in the leerkring's History in the
admin: who decided what about whom, and when."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from communities.models import MembershipStatus
from tests.factories.communities import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_and_member(approval_leerkring, make_user):
    pending = MembershipFactory(
        leerkring=approval_leerkring,
        user=make_user(email="wacht@example.org", full_name="Wim Wachter"),
        status=MembershipStatus.PENDING,
    )
    active = MembershipFactory(
        leerkring=approval_leerkring, user=make_user(email="lid@example.org", full_name="Lotte Lid")
    )
    return pending, active


def test_coordinators_decisions_show_in_the_leerkrings_history(
    client, coordinator, approval_leerkring, request_and_member
):
    pending, active = request_and_member
    client.force_login(coordinator)
    client.post(reverse("leerkringen:decide", args=[pending.pk, "approve"]))
    client.post(reverse("leerkringen:decide", args=[active.pk, "remove"]))

    entries = ModelLogEntry.objects.filter(object_id=str(approval_leerkring.pk))
    assert {(e.action, e.user_id) for e in entries} == {
        ("communities.membership.approve", coordinator.pk),
        ("communities.membership.remove", coordinator.pk),
    }
    history = client.get(reverse("leerkringen:history", args=[approval_leerkring.pk]))
    html = history.content.decode()
    assert "Aanvraag van Wim Wachter goedgekeurd" in html
    assert "Lotte Lid uit de leerkring gehaald" in html
    assert "Kees Coördinator" in html
    assert "wacht@example.org" not in html


def test_a_declined_request_is_in_the_history_without_a_name_once_the_account_is_gone(
    client, coordinator, approval_leerkring, request_and_member
):
    pending, _active = request_and_member
    client.force_login(coordinator)
    client.post(reverse("leerkringen:decide", args=[pending.pk, "decline"]), follow=True)
    pending.user.delete()

    html = client.get(reverse("leerkringen:history", args=[approval_leerkring.pk])).content
    assert "Aanvraag van een oud-lid afgewezen" in html.decode()
    assert b"Wim Wachter" not in html
