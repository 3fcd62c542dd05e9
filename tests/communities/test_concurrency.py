"""Two sign-ups at the same moment, on real PostgreSQL connections in real threads."""

import threading

import pytest
from django.db import connection

from communities import membership as rules
from communities.models import Membership
from tests.factories.communities import LeerkringFactory


def run_together(*calls):
    """Start every call at the same moment, each on its own database connection."""
    barrier = threading.Barrier(len(calls))
    results, errors = [], []

    def run(call):
        try:
            barrier.wait()
            results.append(call())
        except Exception as error:  # reported below, in the test thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return results


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_double_sign_up_at_the_same_moment_creates_one_membership(make_user):
    person = make_user(email="dubbel@example.org")
    leerkring = LeerkringFactory()
    outcomes = run_together(*[lambda: rules.join(leerkring, person)[0]] * 4)
    assert Membership.objects.filter(user=person).count() == 1
    assert sorted(outcome.value for outcome in outcomes) == [
        "already_member",
        "already_member",
        "already_member",
        "joined",
    ]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_last_seat_goes_to_exactly_one_of_two_people(make_user):
    leerkring = LeerkringFactory(max_members=1)
    people = [make_user(email=f"persoon{number}@example.org") for number in range(2)]
    outcomes = run_together(
        *[lambda person=person: rules.join(leerkring, person)[0] for person in people]
    )
    assert sorted(outcome.value for outcome in outcomes) == ["full", "joined"]
    assert leerkring.memberships.count() == 1
