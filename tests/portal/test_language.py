"""Dutch first, English on request; every text translated and compiled."""

import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

PO = Path(__file__).resolve().parents[2] / "locale" / "nl" / "LC_MESSAGES" / "django.po"


def test_portal_speaks_dutch_even_to_an_english_browser(client):
    response = client.get("/account/login/", headers={"accept-language": "en-GB,en;q=0.9"})
    assert response["Content-Language"] == "nl"
    assert "Inloggen" in response.text


def test_visitor_switches_to_english_and_back(client):
    switch = client.post("/taal/setlang/", {"language": "en", "next": "/account/login/"})
    assert switch["Location"] == "/account/login/"
    english = client.get("/account/login/")
    assert english["Content-Language"] == "en"
    assert "Sign In" in english.text
    client.post("/taal/setlang/", {"language": "nl", "next": "/"})
    assert client.get("/account/login/")["Content-Language"] == "nl"


def test_unknown_language_falls_back_to_dutch(client):
    client.cookies["django_language"] = "xx"
    assert client.get("/account/login/")["Content-Language"] == "nl"


@pytest.fixture
def gettext_tool():
    def find(name):
        path = shutil.which(name)
        if not path:
            pytest.fail(f"{name} (Debian package gettext) is missing; `make test` installs it.")
        return path

    return find


def test_dutch_translations_are_complete(gettext_tool):
    result = subprocess.run(
        [gettext_tool("msgfmt"), "--check", "--statistics", "-o", "/dev/null", str(PO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


def test_compiled_translations_match_the_po_file(gettext_tool, tmp_path):
    compiled = tmp_path / "django.mo"
    subprocess.run([gettext_tool("msgfmt"), "-o", str(compiled), str(PO)], check=True)
    assert compiled.read_bytes() == PO.with_suffix(".mo").read_bytes(), "run `make messages`"
