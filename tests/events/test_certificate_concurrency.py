"""Nobody gets two certificates when issuing runs twice at the same moment (a double
click, two workers): real threads, each with its own PostgreSQL connection, against
a committed database (transaction=True). The unique constraint on (event, account)
is what is being tested: the second worker waits on the first one's row, then skips."""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.db import connections

from events import certificates
from events.models import Certificate, RegistrationStatus
from tests.factories.events import EventFactory, RegistrationFactory
from tests.factories.users import UserFactory

# Serialized rollback: the migrated data (role groups, page tree) is back afterwards.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ATTENDEES = 20
RUNS = 4


def test_four_runs_at_once_give_every_attendee_exactly_one_certificate(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    event = EventFactory()
    for number in range(ATTENDEES):
        user = UserFactory(email=f"tegelijk{number}@example.org")
        RegistrationFactory(
            event=event,
            user=user,
            name=user.full_name,
            email=user.email,
            status=RegistrationStatus.ATTENDED,
        )

    def issue(_run):
        try:
            return certificates.issue(event.pk)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=RUNS) as pool:
        issued = list(pool.map(issue, range(RUNS)))

    assert sum(issued) == ATTENDEES
    assert Certificate.objects.filter(event=event).count() == ATTENDEES
    assert Certificate.objects.values("user").distinct().count() == ATTENDEES
    assert len(set(Certificate.objects.values_list("code", flat=True))) == ATTENDEES
    # One file per certificate: a run that lost the race wrote none.
    assert len(list(Path(tmp_path).rglob("*.pdf"))) == ATTENDEES
