"""Two staff members saving the same year's targets at the same moment: one target per
year and measure, held by the database, and nobody gets an error."""

import threading

import pytest
from django.db import connection

from communities.centre.models import Measure, Target
from communities.centre.targets import set_year_targets


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_target_saves_keep_one_target_per_measure():
    barrier = threading.Barrier(4)
    errors = []

    def save(value):
        try:
            barrier.wait()
            set_year_targets(2027, {Measure.EVENTS: value, Measure.ARTICLES: 30}, user=None)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(20 + number,)) for number in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Target.objects.filter(year=2027, measure=Measure.ARTICLES).get().value == 30
    assert Target.objects.filter(year=2027, measure=Measure.EVENTS).get().value in range(20, 24)
