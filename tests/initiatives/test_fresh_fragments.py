"""Logged-in visitors get the map's list and an initiative's neighbours from the
fragment cache (portal/fragments.py); an initiative published on the map shows in
both at once."""

import pytest

from initiatives import moderation
from initiatives.models import Initiative

pytestmark = pytest.mark.django_db


def test_an_initiative_published_on_the_map_is_in_the_list_and_nearby_at_once(
    client, professional, make_initiative, editor
):
    client.force_login(professional)
    known = make_initiative(title="Al op de kaart", place="Zwolle")
    waiting = make_initiative(
        title="Net goedgekeurd", place="Kampen", status=Initiative.Status.SUBMITTED
    )
    assert "Net goedgekeurd" not in client.get("/kaart/").content.decode()
    assert "Net goedgekeurd" not in client.get(known.get_absolute_url()).content.decode()

    moderation.publish(waiting, editor)

    assert "Net goedgekeurd" in client.get("/kaart/").content.decode()
    assert "Net goedgekeurd" in client.get(known.get_absolute_url()).content.decode()
