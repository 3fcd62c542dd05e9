"""The scripts behind `make test` and `make run`, each in a throw-away checkout of its
own (a copy of scripts/ under var/, where PostgreSQL's system user can reach it)."""

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
BASH = shutil.which("bash")


@pytest.fixture
def checkout():
    """A directory that looks like a checkout to the scripts, with a pytest that only
    writes down the database it was given."""
    (ROOT / "var").mkdir(exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="checkout-", dir=ROOT / "var"))
    folder.chmod(0o755)
    shutil.copytree(ROOT / "scripts", folder / "scripts")
    fake_pytest = folder / ".venv" / "bin" / "pytest"
    fake_pytest.parent.mkdir(parents=True)
    fake_pytest.write_text(
        '#!/bin/sh\necho "$DATABASE_URL" > "$(dirname "$0")/../../tested-with"\n'
    )
    fake_pytest.chmod(0o755)
    yield folder
    subprocess.run([BASH, folder / "scripts" / "postgres.sh", "stop"], check=False)
    shutil.rmtree(folder)


def script(folder, port, *command):
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment["PORTAL_PG_PORT"] = str(port)
    return subprocess.run(
        [BASH, folder / "scripts" / command[0], *command[1:]],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def port_taken(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def test_make_test_stops_the_private_database_it_started(checkout):
    port = free_port()
    result = script(checkout, port, "test.sh")
    assert result.returncode == 0, result.stderr
    assert (checkout / "tested-with").read_text().strip().endswith(f":{port}/portal")
    # Nothing holds the port afterwards, so `make run` elsewhere can have it.
    assert not port_taken(port)


def test_a_port_in_use_is_named_with_the_way_to_choose_another(checkout):
    with socket.socket() as other_database:
        other_database.bind(("127.0.0.1", 0))
        other_database.listen()
        port = other_database.getsockname()[1]
        result = script(checkout, port, "postgres.sh", "start")
    assert result.returncode == 1
    assert f"Port {port}" in result.stderr
    assert f"PORTAL_PG_PORT={port + 1} make run" in result.stderr
    assert not (checkout / "var" / "postgres").exists()
