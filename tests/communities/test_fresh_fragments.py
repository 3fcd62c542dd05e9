"""Logged-in visitors get the list of leerkringen from the fragment cache
(portal/fragments.py); someone joining changes the member count shown at once."""

import re

import pytest

from communities import membership as rules

pytestmark = pytest.mark.django_db


def members_shown(html):
    return re.search(r"<dt>Leden</dt><dd>(\d+)</dd>", html).group(1)


def test_the_list_shows_a_new_member_at_once(client, professional, open_leerkring, make_user):
    client.force_login(professional)
    assert members_shown(client.get("/leerkringen/").content.decode()) == "0"
    rules.join(open_leerkring, make_user())
    assert members_shown(client.get("/leerkringen/").content.decode()) == "1"
