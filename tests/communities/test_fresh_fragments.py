"""Logged-in visitors get the list of leerkringen and most of a leerkring's page from the
fragment cache (portal/fragments.py); someone joining changes the member count shown
at once."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from communities import membership as rules
from communities import models
from tests.factories.events import EventFactory

pytestmark = pytest.mark.django_db


def members_shown(html):
    return re.search(r"<dt>Leden</dt><dd>(\d+)</dd>", html).group(1)


def test_the_list_shows_a_new_member_at_once(client, professional, open_leerkring, make_user):
    client.force_login(professional)
    assert members_shown(client.get("/leerkringen/").content.decode()) == "0"
    rules.join(open_leerkring, make_user())
    assert members_shown(client.get("/leerkringen/").content.decode()) == "1"


def test_an_unchanged_leerkring_page_is_not_fetched_again_and_a_change_shows_at_once(
    client, professional, open_leerkring
):
    """The leerkring's own page: the story, meetings and facts come from the fragment
    cache; the join box, which is about the visitor, does not."""
    client.force_login(professional)
    path = open_leerkring.get_absolute_url()
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(path).content.decode()
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert "Aanmelden" in page
    assert '"communities_testimonial"' not in sql and '"events_event"' not in sql

    models.Testimonial.objects.create(
        leerkring=open_leerkring, quote="Ik leer hier elke keer iets.", name="Sanne"
    )
    assert "Ik leer hier elke keer iets." in client.get(path).content.decode()
    EventFactory(title="Kringbijeenkomst in Deventer", leerkring=open_leerkring)
    assert "Kringbijeenkomst in Deventer" in client.get(path).content.decode()
    rules.join(open_leerkring, professional)
    page = client.get(path).content.decode()
    assert members_shown(page) == "1" and "Je bent lid van deze leerkring." in page
