"""A database from before the newsletter had an app of its own migrates forward with
nothing lost (#13): every subscriber with their consent record and topics, the issue
pages with their revisions and history, mailings and deliveries, and the editors'
permission to see subscribers, now `newsletter.view_subscriber`."""

import json
import os
import subprocess
import sys

import psycopg
import pytest
from django.conf import settings
from django.db import connections

from tests.conftest import subprocess_database_url


@pytest.fixture
def scratch_database(db):
    """An empty database next to the test database, dropped afterwards."""
    name = f"{connections['default'].settings_dict['NAME']}_upgrade"
    server = subprocess_database_url().rsplit("/", 1)[0]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
        yield f"{server}/{name}"
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_database_from_before_the_move_keeps_every_subscriber_issue_and_delivery(
    scratch_database,
):
    result = subprocess.run(
        [sys.executable, "-m", "tests.newsletter.upgrade_steps"],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DATABASE_URL": scratch_database},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    before, after = seen["before"], seen["after"]

    assert len(before["subscribers"]) >= 3 and len(before["deliveries"]) == 3
    for kind in ["subscribers", "index_pages", "issues", "mailings", "deliveries"]:
        assert after[kind] == before[kind], kind
    assert after["revisions"] == before["revisions"] != []
    assert after["history"] == before["history"] == [["newsletter.send", "Maart"]]
    assert after["issue_is_specific"] and after["revision_is_of_issue"]
    assert before["editor_permissions"] == [
        "communities.change_subscriber",
        "communities.delete_subscriber",
        "communities.view_subscriber",
    ]
    assert after["editor_permissions"] == [
        "newsletter.change_subscriber",
        "newsletter.delete_subscriber",
        "newsletter.view_subscriber",
    ]
    assert after["editors_may_view_subscribers"]
