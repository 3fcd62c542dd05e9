"""Fixtures of the toolkit tests: the toolkit, themes, and tools to count and filter."""

import pytest

from tests.factories.portal import ThemeFactory
from tests.factories.toolkit import DocumentFactory, ToolkitIndexPageFactory, ToolPageFactory

# What a browser sends: a robot names itself there, a browser does not.
BROWSER = {
    "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
}


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def toolkit(db):
    return ToolkitIndexPageFactory()


@pytest.fixture
def open_data(db):
    return ThemeFactory(name="Open Data", slug="open-data", sort_order=1)


@pytest.fixture
def participation(db):
    return ThemeFactory(name="Participatie", slug="participatie", sort_order=2)


@pytest.fixture
def website_tool(toolkit, open_data):
    return ToolPageFactory(
        title="Het register van open data",
        slug="register-open-data",
        kind="website",
        link_url="https://data.overheid.nl/",
        themes=[open_data],
        audience=["gemeente", "provincie"],
    )


@pytest.fixture
def file_tool(toolkit, participation):
    return ToolPageFactory(
        title="Sjabloon voor een participatieplan",
        slug="sjabloon-participatieplan",
        kind="sjabloon",
        link_url="",
        document=DocumentFactory(title="Sjabloon participatieplan"),
        themes=[participation],
        audience=["gemeente"],
    )
