"""The toolkit as a visitor gets it: every published tool, filtered by theme, audience,
kind and words, whatever the address holds, in a fixed number of queries however many
tools there are; a tool's page with its facts and its counted link; and the editor's
rule that a tool is a document or a web address, exactly one of the two."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Page

from communities.toolkit.models import ToolPage
from tests.factories.portal import ThemeFactory
from tests.factories.toolkit import DocumentFactory, ToolPageFactory

pytestmark = pytest.mark.django_db

REGISTER, TEMPLATE = "Het register van open data", "Sjabloon voor een participatieplan"

MAX_QUERIES = 15


@pytest.fixture
def tools(website_tool, file_tool):
    ToolPageFactory(
        title="Een Woo-verzoek behandelen",
        slug="woo-verzoek-behandelen",
        kind="handreiking",
        short_description="Wat doe je als iemand documenten opvraagt met de Woo?",
    )
    ToolPageFactory(title="Nog niet af", publish=False)


def titles(response):
    return [tool.title for tool in response.context["listing"]["tools"]]


def test_the_toolkit_lists_every_published_tool_alphabetically(client, tools):
    response = client.get("/toolkit/")

    assert response.status_code == 200
    assert titles(response) == [
        "Een Woo-verzoek behandelen",
        "Het register van open data",
        "Sjabloon voor een participatieplan",
    ]
    html = response.content.decode()
    assert "3 hulpmiddelen" in html
    assert 'href="/toolkit/sjabloon-participatieplan/gebruik/" rel="nofollow"' in html
    assert "Gemeente, Provincie" in html  # for whom


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("thema=open-data", ["Het register van open data"]),
        (
            "doelgroep=gemeente",
            ["Het register van open data", "Sjabloon voor een participatieplan"],
        ),
        ("doelgroep=provincie", ["Het register van open data"]),
        ("soort=sjabloon", ["Sjabloon voor een participatieplan"]),
        ("q=participatieplan", ["Sjabloon voor een participatieplan"]),
        ("q=woo-verzoek", ["Een Woo-verzoek behandelen"]),
        ("thema=participatie&doelgroep=provincie", []),
        (
            "thema=participatie&soort=sjabloon&doelgroep=gemeente",
            ["Sjabloon voor een participatieplan"],
        ),
    ],
)
def test_a_visitor_filters_the_tools(client, tools, query, expected):
    response = client.get(f"/toolkit/?{query}")
    assert response.status_code == 200
    assert titles(response) == expected
    assert '<meta name="robots" content="noindex, follow">' in response.content.decode()


def test_only_themes_that_tools_have_are_offered(client, tools, open_data, participation):
    ThemeFactory(name="Digitale inclusie", slug="digitale-inclusie")
    form = client.get("/toolkit/").context["listing"]["filter"].form
    assert [slug for slug, _name in form.fields["thema"].choices] == [
        "",
        "open-data",
        "participatie",
    ]


@pytest.mark.parametrize(
    "query",
    [
        "thema=<script>alert(1)</script>",
        "doelgroep=iedereen",
        "soort=x%27%3B+DROP+TABLE+toolkit_tooluse%3B--",
        "q=" + "lang" * 300,
        "q=%00",
        "q=%27%22%26%7C%21%3A%2A%28%29",
        "q=%F0%9F%98%80",
        "thema=open-data&thema=participatie",
        "pagina=-1",
        "pagina=99999",
        "pagina=abc",
        "pagina=1e9",
        "onbekend=1",
    ],
)
def test_hostile_or_malformed_filters_never_cause_an_error(client, tools, query):
    response = client.get(f"/toolkit/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert 'class="result-count"' in html


def test_a_wrong_choice_is_named_and_the_other_filters_still_work(client, tools):
    response = client.get("/toolkit/?soort=geheim&doelgroep=provincie")
    html = response.content.decode()
    assert "Sommige filters konden we niet gebruiken" in html
    assert "Selecteer een geldige keuze" in html
    assert titles(response) == ["Het register van open data"]


def test_the_toolkit_pages_through_its_tools(client, toolkit):
    for number in range(14):
        ToolPageFactory(title=f"Hulpmiddel {number:02}")
    first = client.get("/toolkit/")
    second = client.get("/toolkit/?pagina=2")
    assert len(titles(first)) == 12
    assert titles(second) == ["Hulpmiddel 12", "Hulpmiddel 13"]
    assert "Pagina 1 van 2" in first.content.decode()


def test_the_toolkit_costs_the_same_queries_for_30_tools_as_for_5(
    client, professional, toolkit, open_data, participation, django_assert_max_num_queries
):
    """Measured logged in: anonymous visitors get the page cache's copy."""
    client.force_login(professional)

    def add_tools(count):
        for number in range(count):
            ToolPageFactory(
                themes=[open_data, participation],
                audience=["gemeente"],
                link_url="" if number % 2 else "https://data.overheid.nl/",
                document=DocumentFactory() if number % 2 else None,
            )

    def queries_for(address):
        client.get(address)  # the route and the menus are remembered on the first visit
        with django_assert_max_num_queries(MAX_QUERIES) as captured:
            response = client.get(address)
        assert response.status_code == 200
        return len(captured)

    add_tools(5)
    five = [queries_for("/toolkit/"), queries_for("/toolkit/?thema=open-data&q=hulpmiddel")]
    add_tools(25)
    thirty = [queries_for("/toolkit/"), queries_for("/toolkit/?thema=open-data&q=hulpmiddel")]
    assert thirty == five


def test_a_tool_page_shows_what_the_tool_is_and_links_through_the_counter(client, file_tool):
    response = client.get("/toolkit/sjabloon-participatieplan/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Sjabloon voor een participatieplan</h1>" in html
    assert (
        'href="/toolkit/sjabloon-participatieplan/gebruik/" rel="nofollow" class="button"' in html
    )
    assert "(PDF" in html
    for fact in ["Sjabloon", "Participatie", "Gemeente"]:
        assert f"<dd>{fact}</dd>" in html
    assert file_tool.document.url not in html  # the file only behind our link


def test_a_tool_page_costs_a_fixed_number_of_queries(
    client, professional, file_tool, django_assert_max_num_queries
):
    client.force_login(professional)
    client.get("/toolkit/sjabloon-participatieplan/")
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get("/toolkit/sjabloon-participatieplan/").status_code == 200


def test_a_tool_for_everyone_says_so(client, website_tool):
    website_tool.audience = []
    website_tool.save_revision().publish()
    html = client.get("/toolkit/register-open-data/").content.decode()
    assert "<dd>Iedereen</dd>" in html
    assert "(data.overheid.nl)" in html


@pytest.mark.parametrize(
    ("document", "link_url", "field", "message"),
    [
        (
            False,
            "",
            "document",
            "Kies een document of vul een webadres in: een hulpmiddel heeft er één nodig.",
        ),
        (
            True,
            "https://data.overheid.nl/",
            "link_url",
            "Een hulpmiddel is een document of een webadres, niet allebei. "
            "Maak een van de twee leeg.",
        ),
    ],
    ids=["neither", "both"],
)
def test_a_tool_is_a_document_or_a_web_address_exactly_one(
    toolkit, document, link_url, field, message
):
    tool = ToolPage(
        title="Hulpmiddel",
        slug="hulpmiddel",
        short_description="Kort.",
        kind="checklist",
        document=DocumentFactory() if document else None,
        link_url=link_url,
    )
    tool.path, tool.depth = toolkit.path + "0001", toolkit.depth + 1  # under the toolkit
    with translation.override("nl"), pytest.raises(ValidationError) as raised:
        tool.full_clean()
    assert raised.value.message_dict == {field: [message]}


def test_the_editor_sees_the_rule_in_dutch_and_keeps_what_was_typed(client, editor, toolkit):
    client.force_login(editor)
    address = f"/admin/pages/add/toolkit/toolpage/{toolkit.pk}/"
    form = {
        "title": "Checklist toegankelijke pdf",
        "slug": "checklist-toegankelijke-pdf",
        "short_description": "Zo maak je een pdf die iedereen kan lezen.",
        "kind": "checklist",
        "document": "",
        "link_url": "",
        "body-count": "0",
        "action-publish": "action-publish",
    }

    response = client.post(address, form)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Kies een document of vul een webadres in" in html
    assert "Zo maak je een pdf die iedereen kan lezen." in html
    assert not Page.objects.filter(slug="checklist-toegankelijke-pdf").exists()

    response = client.post(address, {**form, "link_url": "https://www.digitoegankelijk.nl/"})
    assert response.status_code == 302
    assert ToolPage.objects.live().get(slug="checklist-toegankelijke-pdf")
