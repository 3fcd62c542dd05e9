"""Signing up for leerkringen again and again (leave, join, leave...) is slowed down,
so nobody can flood the coordinators' mailboxes with requests."""

import pytest
from django.urls import reverse

from communities import membership as rules
from communities.models import Membership
from tests.factories.communities import LeerkringFactory

pytestmark = pytest.mark.django_db


def test_many_sign_ups_from_one_account_are_refused_in_dutch(client, professional):
    client.force_login(professional)
    leerkringen = [LeerkringFactory() for _n in range(rules.SIGNUPS_PER_ACCOUNT + 1)]
    data = {"organisation": "Gemeente Zwolle", "sector": "gemeente", "motivation": "Graag"}
    statuses = [
        client.post(reverse("communities:signup", args=[leerkring.slug]), data).status_code
        for leerkring in leerkringen
    ]
    assert statuses == [302] * rules.SIGNUPS_PER_ACCOUNT + [429]
    last = client.post(reverse("communities:signup", args=[leerkringen[-1].slug]), data)
    assert "Je hebt je in korte tijd vaak aangemeld. Probeer het later opnieuw." in last.text
    assert "Graag" in last.text  # what was typed is kept
    assert Membership.objects.count() == rules.SIGNUPS_PER_ACCOUNT
