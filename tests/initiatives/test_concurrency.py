"""Two people sending the same initiative at the same moment both get a page of
their own: the unique index on the slug decides, and nobody gets an error."""

import threading

import pytest
from django.db import connection

from initiatives import geo
from initiatives.models import Initiative, Municipality
from portal import demo


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_submissions_with_the_same_title_get_different_slugs():
    if not Municipality.objects.exists():  # a browser test ran and flushed before
        geo.load_gazetteer(Municipality)
    demo.load_themes()
    zwolle = Municipality.objects.get(name="Zwolle")
    barrier = threading.Barrier(3)
    errors = []

    def submit():
        try:
            barrier.wait()
            Initiative.objects.create(
                title="Open raad",
                summary="Kort.",
                description="Lang.",
                organisation_name="Gemeente Zwolle",
                organisation_type="gemeente",
                municipality=zwolle,
                latitude=zwolle.latitude,
                longitude=zwolle.longitude,
            )
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(Initiative.objects.values_list("slug", flat=True)) == [
        "open-raad",
        "open-raad-2",
        "open-raad-3",
    ]
