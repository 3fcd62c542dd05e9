"""A backup is only a backup once it has been restored: scripts/backup.sh dumps a
database holding a published page and its uploads; scripts/restore.sh puts them in a
new, empty database and media folder; the portal on the restored copy serves the same
page with the same content."""

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.db import connections

from tests.conftest import subprocess_database_url
from tests.factories.portal import StandardPageFactory

ROOT = Path(__file__).resolve().parents[2]
BASH = shutil.which("bash")

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SERVE_PAGE = """
import sys, django
django.setup()
from django.test import Client
response = Client().get(sys.argv[1])
sys.stdout.buffer.write(b"%d\\n" % response.status_code + response.content)
"""


def script(name, *args, **env):
    environment = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    return subprocess.run(
        [BASH, ROOT / "scripts" / name, *args],
        env={**environment, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def served(database_url, path):
    """The page at `path` as the portal on `database_url` serves it (test settings)."""
    result = subprocess.run(
        [sys.executable, "-c", SERVE_PAGE, path],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


@pytest.fixture
def empty_database():
    """A new database with nothing in it, dropped afterwards."""
    name = f"{connections['default'].settings_dict['NAME']}_restored_{uuid.uuid4().hex[:6]}"
    server = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{server}/{name}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_backup_restored_into_an_empty_database_serves_the_same_page(
    client, tmp_path, empty_database
):
    page = StandardPageFactory(title="Terug van weggeweest", intro="Wat er stond, staat er weer.")
    media = tmp_path / "media"
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "jaarverslag.pdf").write_bytes(b"%PDF-1.4 jaarverslag")
    response = client.get(page.url)
    original = b"%d\n" % response.status_code + response.content
    assert original.startswith(b"200\n") and b"Wat er stond, staat er weer." in original

    backup = script(
        "backup.sh",
        str(tmp_path / "backup"),
        DATABASE_URL=subprocess_database_url(),
        MEDIA_ROOT=str(media),
    )
    assert backup.returncode == 0, backup.stderr
    assert backup.stdout.strip() == str(tmp_path / "backup")
    assert sorted(path.name for path in (tmp_path / "backup").iterdir()) == [
        "SHA256SUMS",
        "database.dump",
        "media.tar.gz",
    ]

    restored_media = tmp_path / "restored-media"
    restore = script(
        "restore.sh",
        str(tmp_path / "backup"),
        DATABASE_URL=empty_database,
        MEDIA_ROOT=str(restored_media),
    )
    assert restore.returncode == 0, restore.stderr
    assert served(empty_database, page.url) == original
    assert (restored_media / "documents" / "jaarverslag.pdf").read_bytes() == (
        b"%PDF-1.4 jaarverslag"
    )

    # Nothing is ever restored over something: the database now has tables.
    again = script(
        "restore.sh",
        str(tmp_path / "backup"),
        DATABASE_URL=empty_database,
        MEDIA_ROOT=str(tmp_path / "elsewhere"),
    )
    assert again.returncode == 1
    assert "restore into an empty one" in again.stderr
