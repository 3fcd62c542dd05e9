"""The editors' report on the toolkit's use: for editors and administrators only, per
tool and period, sortable, with the total and as a download; a wrong period gets a
Dutch message and keeps what was typed."""

import datetime
import io

import openpyxl
import pytest

from communities.toolkit import counting
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

REPORT = "/admin/toolkit/gebruik/"
MARCH = "?start=2026-03-01&end=2026-03-31"


@pytest.fixture
def uses(website_tool, file_tool):
    for day in (1, 2, 31):
        counting.count_use(website_tool, datetime.date(2026, 3, day))
    counting.count_use(file_tool, datetime.date(2026, 3, 15))
    counting.count_use(file_tool, datetime.date(2026, 4, 1))  # outside March


def test_anonymous_visitors_are_sent_to_the_log_in(client):
    response = client.get(REPORT)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_professional_without_admin_access_gets_no_report(client, professional):
    client.force_login(professional)
    for address in (REPORT, REPORT + MARCH + "&export=xlsx"):
        response = client.get(address)
        assert response.status_code == 302
        assert "login" in response["Location"]


@pytest.mark.parametrize("person", ["organiser", "coordinator"])
def test_other_roles_are_refused_and_sent_to_the_dashboard(client, request, uses, person):
    """Wagtail answers a refusal (PermissionDenied) in its admin with a redirect to the
    dashboard and a message, not a bare 403."""
    client.force_login(request.getfixturevalue(person))
    for address in (REPORT, REPORT + MARCH + "&export=xlsx"):
        response = client.get(address)
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    dashboard = client.get("/admin/").content.decode()
    assert "Gebruik toolkit" not in dashboard  # nor in the menu


def test_an_editor_sees_the_uses_per_tool_in_a_period_with_the_total(client, editor, uses):
    client.force_login(editor)
    response = client.get(REPORT + MARCH)

    assert response.status_code == 200
    report = response.context["report"]
    assert [(tool.title, tool.uses) for tool in report.tools] == [
        ("Het register van open data", 3),
        ("Sjabloon voor een participatieplan", 1),
    ]
    assert report.total == 4
    html = response.content.decode()
    assert "Gebruik van 1 maart 2026 tot en met 31 maart 2026" in html
    assert "In totaal 4 keer gebruikt." in html


def test_the_report_sorts_by_title_or_uses(client, editor, uses):
    client.force_login(editor)
    by_title = client.get(REPORT + MARCH + "&order=-title").context["report"].tools
    assert [tool.title for tool in by_title] == [
        "Sjabloon voor een participatieplan",
        "Het register van open data",
    ]
    least_first = client.get(REPORT + MARCH + "&order=uses").context["report"].tools
    assert [tool.uses for tool in least_first] == [1, 3]
    nonsense = client.get(REPORT + MARCH + "&order=pk;drop").context["report"].tools
    assert [tool.uses for tool in nonsense] == [3, 1]


def test_a_superuser_sees_the_report_too(client, uses):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get(REPORT + MARCH).status_code == 200


def test_without_a_period_the_report_shows_the_last_30_days(client, editor, website_tool):
    counting.count_use(website_tool)
    client.force_login(editor)
    response = client.get(REPORT)
    assert response.status_code == 200
    assert response.context["report"].total == 1


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?start=2026-03-31&end=2026-03-01", "De einddatum ligt vóór de begindatum."),
        ("?start=2026-13-45&end=2026-03-01", "Voer een geldige datum in."),
        ("?start=%3Cscript%3Ealert(1)%3C/script%3E&end=", "Voer een geldige datum in."),
    ],
)
def test_a_wrong_period_gets_a_dutch_message_and_keeps_the_input(
    client, editor, uses, query, message
):
    client.force_login(editor)
    response = client.get(REPORT + query)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "<script>alert(1)</script>" not in html
    assert response.context["report"] is None
    if "2026-03-31" in query:
        assert 'value="2026-03-31"' in html


def test_the_report_downloads_as_xlsx_and_csv(client, editor, uses):
    client.force_login(editor)
    response = client.get(REPORT + MARCH + "&export=xlsx")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        ["Hulpmiddel", "Soort", "Gepubliceerd", "Keer gebruikt"],
        ["Het register van open data", "Website", "Ja", 3],
        ["Sjabloon voor een participatieplan", "Sjabloon", "Ja", 1],
        ["Totaal", None, None, 4],
    ]
    csv = b"".join(client.get(REPORT + MARCH + "&export=csv-excel").streaming_content)
    assert "Totaal;;;4" in csv.decode("utf-8-sig")
