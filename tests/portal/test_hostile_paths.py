"""Paths a scanner tries: each is a plain 404, never a server error."""

import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import free_port, subprocess_database_url, wait_for_port

ROOT = Path(__file__).resolve().parents[2]
# The 404 page shows the site's menus, which come from the database.
pytestmark = pytest.mark.django_db


@pytest.fixture
def served_media(settings, tmp_path):
    settings.SERVE_MEDIA = True
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "foto.jpg").write_bytes(b"\xff\xd8\xff")
    return tmp_path


def test_an_upload_is_served_where_django_serves_media(client, served_media):
    assert client.get("/media/foto.jpg").status_code == 200


@pytest.mark.parametrize("name", ["a" * 300, "map/" + "b" * 5000, "foto.jpg%00.txt"])
def test_a_media_name_the_file_system_refuses_is_not_found(client, served_media, name):
    assert client.get("/media/" + name).status_code == 404


def test_no_media_is_served_where_a_web_server_does_it(client, served_media, settings):
    settings.SERVE_MEDIA = False
    assert client.get("/media/foto.jpg").status_code == 404


def get_status(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our own server
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_development_server_of_make_run_answers_404_to_a_path_out_of_static():
    """`make run` serves with runserver; its static files come through WhiteNoise, as in
    production, not through runserver's own handler (which raised on `..`)."""
    port = free_port()
    environment = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": subprocess_database_url(),
    }
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_port(port, server, timeout=30)
        assert get_status(base + "/static/css/portal.css") == 200
        for path in ("/static/%2e%2e/", "/static/%2e%2e/manage.py", "/static/..%2f..%2fetc"):
            assert get_status(base + path) == 404, path
    finally:
        server.terminate()
        server.wait(10)
