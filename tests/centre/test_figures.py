"""The quarterly figures: a year of data built here, counted here from what was made
(not by the figures module), against the page, the XLSX, the PDF and the home page;
the targets' form and its bad input; who may see and change what."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader
from wagtail.models import ModelLogEntry

from blog.models import ArticlePage
from communities.centre.figures import this_year
from communities.centre.models import Conversation, Measure, Target
from communities.newsletter.models import Mailing, SubscriberStatus
from communities.toolkit.models import ToolUse
from events.models import AMSTERDAM, EventStatus, RegistrationStatus
from initiatives.models import Initiative
from tests.centre import refused
from tests.factories.blog import ArticlePageFactory, BlogIndexPageFactory
from tests.factories.events import EventFactory, RegistrationFactory
from tests.factories.initiatives import InitiativeFactory
from tests.factories.newsletter import NewsletterIssuePageFactory, SubscriberFactory

pytestmark = pytest.mark.django_db

INDEX_URL = reverse("centre_figures:index")
ORDER = [
    Measure.EVENTS,
    Measure.PARTICIPANTS,
    Measure.CONVERSATIONS,
    Measure.TOOLKIT_USES,
    Measure.SUBSCRIBERS,
    Measure.ISSUES,
    Measure.ARTICLES,
    Measure.INITIATIVES,
]


def moment(year, month, day, hour=12, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


def quarter_start(year, quarter, day=5):
    return moment(year, 3 * quarter - 2, day)


@pytest.fixture
def year_of_data(db):
    """Last year, every quarter over: what the centre did in it, and per measure what
    each quarter should show, counted while making it."""
    year = this_year() - 1
    expected = {measure: [0, 0, 0, 0] for measure in Measure}

    # Events held, and who was checked in at them; the rest does not count.
    for quarter in (1, 2, 3, 4):
        for number in range(quarter):
            event = EventFactory(starts_at=quarter_start(year, quarter, 3 + number))
            expected[Measure.EVENTS][quarter - 1] += 1
            for _ in range(quarter + number):
                RegistrationFactory(event=event, status=RegistrationStatus.ATTENDED)
                expected[Measure.PARTICIPANTS][quarter - 1] += 1
            for status in (
                RegistrationStatus.NO_SHOW,
                RegistrationStatus.CONFIRMED,
                RegistrationStatus.CANCELLED,
            ):
                RegistrationFactory(event=event, status=status)
    # Just after midnight on 1 April in Dutch time, still 31 March in UTC.
    early = EventFactory(starts_at=moment(year, 4, 1, 0, 30))
    RegistrationFactory(event=early, status=RegistrationStatus.ATTENDED)
    expected[Measure.EVENTS][1] += 1
    expected[Measure.PARTICIPANTS][1] += 1
    for status in (EventStatus.CANCELLED, EventStatus.DRAFT):
        not_held = EventFactory(starts_at=quarter_start(year, 1), status=status)
        RegistrationFactory(event=not_held, status=RegistrationStatus.ATTENDED)
    EventFactory(starts_at=moment(year - 1, 12, 31, 23))  # the year before

    # Conversations, on the quarters' edges too.
    for day in (
        datetime.date(year, 1, 1),
        datetime.date(year, 3, 31),
        datetime.date(year, 4, 1),
        datetime.date(year, 12, 31),
        datetime.date(year + 1, 1, 1),
    ):
        Conversation.objects.create(date=day, organisations="Gemeente Utrecht")
    expected[Measure.CONVERSATIONS] = [2, 1, 0, 1]

    # The toolkit's daily counters (also a deleted tool's).
    for day, count in (((1, 15), 5), ((2, 1), 7), ((5, 5), 100), ((12, 31), 1)):
        ToolUse.objects.create(tool=None, day=datetime.date(year, *day), count=count)
    ToolUse.objects.create(tool=None, day=datetime.date(year - 1, 12, 31), count=50)
    expected[Measure.TOOLKIT_USES] = [12, 100, 0, 1]

    # Subscribers at the end of each quarter.
    subscribers = [
        (moment(year - 1, 6, 1), None),  # all year
        (moment(year, 2, 1), None),  # from the first quarter on
        (moment(year, 5, 1), moment(year, 8, 1)),  # the second quarter only
        (moment(year, 11, 1), None),  # the fourth
        (moment(year, 1, 10), moment(year, 2, 10)),  # left within the first quarter
    ]
    for confirmed, left in subscribers:
        SubscriberFactory(
            status=SubscriberStatus.UNSUBSCRIBED if left else SubscriberStatus.CONFIRMED,
            consent_given_at=confirmed,
            confirmed_at=confirmed,
            unsubscribed_at=left,
        )
    SubscriberFactory(status=SubscriberStatus.PENDING, consent_given_at=moment(year, 3, 1))
    expected[Measure.SUBSCRIBERS] = [2, 3, 2, 3]

    # Newsletter issues: mailings finished in the quarter; one still sending.
    for number, finished in enumerate(
        (moment(year, 2, 2), moment(year, 7, 7), moment(year, 9, 30, 23), None)
    ):
        issue = NewsletterIssuePageFactory(title=f"Nieuwsbrief {number}", slug=f"nb-{number}")
        Mailing.objects.create(
            issue=issue, subject="Nieuws", html="<p>x</p>", text="x", finished_at=finished
        )
    expected[Measure.ISSUES] = [1, 0, 2, 0]

    # Articles and guest articles by their first publication; a draft does not count.
    index = BlogIndexPageFactory()
    for number, published in enumerate(
        (moment(year, 1, 20), moment(year, 3, 3), moment(year, 10, 10), moment(year - 1, 5, 5))
    ):
        article = ArticlePageFactory(parent=index, title=f"Artikel {number}")
        ArticlePage.objects.filter(pk=article.pk).update(first_published_at=published)
    ArticlePageFactory(parent=index, title="Concept", publish=False)
    expected[Measure.ARTICLES] = [2, 0, 0, 1]

    # Initiatives on the map at the end of each quarter.
    InitiativeFactory(published_at=moment(year - 1, 3, 3))
    InitiativeFactory(published_at=moment(year, 5, 5))
    InitiativeFactory(status=Initiative.Status.SUBMITTED, published_at=None)
    InitiativeFactory(status=Initiative.Status.REJECTED, published_at=moment(year, 7, 7))
    expected[Measure.INITIATIVES] = [1, 2, 2, 2]

    Target.objects.create(year=year, measure=Measure.EVENTS, value=20)
    Target.objects.create(year=year, measure=Measure.SUBSCRIBERS, value=6)
    return year, expected


def year_total(measure, quarters):
    return quarters[-1] if measure in (Measure.SUBSCRIBERS, Measure.INITIATIVES) else sum(quarters)


def test_figures_page_shows_each_quarter_as_counted(client, editor, year_of_data):
    year, expected = year_of_data
    client.force_login(editor)

    response = client.get(INDEX_URL, {"jaar": year})

    assert response.status_code == 200
    shown = {row.measure: row for row in response.context["figures"].rows}
    assert [row.measure for row in response.context["figures"].rows] == ORDER
    for measure, quarters in expected.items():
        assert shown[measure].quarters == quarters, measure
        assert shown[measure].total == year_total(measure, quarters), measure
    events_total = sum(expected[Measure.EVENTS])
    assert shown[Measure.EVENTS].percentage == round(100 * events_total / 20)
    assert shown[Measure.SUBSCRIBERS].percentage == 50
    assert shown[Measure.ISSUES].percentage is None
    page = response.text
    assert "Kwartaalcijfers" in page and "<svg" in page and 'role="img"' in page
    assert f"{round(100 * events_total / 20)}% van 20" in page


def test_xlsx_reads_back_with_the_same_numbers(client, broker, year_of_data):
    year, expected = year_of_data
    client.force_login(broker)

    response = client.get(reverse("centre_figures:xlsx", args=[year]))

    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "Meetpunt",
        "Doel",
        "Kwartaal 1",
        "Kwartaal 2",
        "Kwartaal 3",
        "Kwartaal 4",
        "Jaar",
        "% van het doel",
    )
    by_label = {row[0]: row[1:] for row in rows[1:]}
    for measure, quarters in expected.items():
        target, *values, total, _ = by_label[str(measure.label)]
        assert values == quarters and total == year_total(measure, quarters)
    assert by_label[str(Measure.EVENTS.label)][0] == 20


def test_pdf_opens_with_the_year_the_numbers_and_page_numbers(client, editor, year_of_data):
    year, expected = year_of_data
    client.force_login(editor)

    response = client.get(reverse("centre_figures:pdf", args=[year]))

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert f"Kwartaalcijfers {year}" in text
    assert "Gemaakt op" in text and "Pagina 1" in text
    lines = [line.strip() for line in text.splitlines()]
    for measure, quarters in expected.items():
        row = lines.index(str(measure.label))  # the table's cells, one per line
        shown = lines[row + 2 : row + 7]
        assert shown == [str(value) for value in [*quarters, year_total(measure, quarters)]]
    events = lines.index(str(Measure.EVENTS.label))
    assert lines[events + 1] == "20" and lines[events + 7] == "55%"


def test_quarters_to_come_have_no_figures(client, editor):
    client.force_login(editor)
    next_year = this_year() + 1
    figures = client.get(INDEX_URL, {"jaar": next_year}).context["figures"]
    assert all(row.quarters == [None] * 4 and row.total is None for row in figures.rows)


def test_figures_page_costs_the_same_queries_however_much_data(
    client, editor, django_assert_num_queries, django_assert_max_num_queries
):
    client.force_login(editor)
    year = this_year() - 1
    client.get(INDEX_URL, {"jaar": year})  # the session and permissions warm up
    with django_assert_max_num_queries(30) as few:
        client.get(INDEX_URL, {"jaar": year})
    for quarter in (1, 2, 3, 4):
        for _ in range(3):
            event = EventFactory(starts_at=quarter_start(year, quarter))
            RegistrationFactory.create_batch(3, event=event, status=RegistrationStatus.ATTENDED)
            Conversation.objects.create(
                date=quarter_start(year, quarter).date(), organisations="Provincie"
            )
            InitiativeFactory(published_at=quarter_start(year, quarter))
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(INDEX_URL, {"jaar": year})


@pytest.mark.parametrize("role", ["organiser", "coordinator", "professional"])
def test_others_are_refused_the_figures_and_their_downloads(client, request, role):
    year = this_year()
    client.force_login(request.getfixturevalue(role))
    for url in (
        INDEX_URL,
        reverse("centre_figures:xlsx", args=[year]),
        reverse("centre_figures:pdf", args=[year]),
    ):
        response = client.get(url)
        assert refused(response) or response.status_code == 302, url
        assert response.status_code != 200
    response = client.post(reverse("centre_figures:targets", args=[year]), {"events": "5"})
    assert response.status_code in (302, 403) and not Target.objects.exists()
    assert "Kwartaalcijfers" not in client.get(reverse("wagtailadmin_home")).text


def test_editor_sets_a_years_targets_with_history(client, editor):
    client.force_login(editor)
    year = this_year()
    url = reverse("centre_figures:targets", args=[year])
    Target.objects.create(year=year, measure=Measure.ISSUES, value=10)

    response = client.post(url, {"events": "24", "participants": "1200", "issues": ""})

    assert response.status_code == 302
    assert dict(Target.objects.filter(year=year).values_list("measure", "value")) == {
        "events": 24,
        "participants": 1200,
    }
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {"wagtail.create", "wagtail.delete"} <= actions
    client.post(url, {"events": "30", "participants": "1200"})
    assert Target.objects.get(year=year, measure="events").value == 30
    assert ModelLogEntry.objects.filter(action="wagtail.edit", data__to=30).exists()
    page = client.get(INDEX_URL, {"jaar": year}).text
    assert 'value="30"' in page


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-1", "Zorg ervoor dat deze waarde minstens 0 is."),
        ("1000001", "Zorg ervoor dat deze waarde hoogstens 1000000 is."),
        ("99999999999999999999999", "hoogstens 1000000"),
        ("twintig", "Voer een geheel getal in."),
        ("<script>alert(1)</script>", "Voer een geheel getal in."),
    ],
)
def test_bad_targets_are_refused_and_nothing_is_stored(client, broker, value, message):
    client.force_login(broker)
    year = this_year()

    response = client.post(
        reverse("centre_figures:targets", args=[year]), {"events": "12", "participants": value}
    )

    assert response.status_code == 400
    assert message in response.text
    assert not Target.objects.exists()
    assert 'value="12"' in response.text  # what was typed stays
    assert "<script>alert(1)</script>" not in response.text


@pytest.mark.parametrize("year", ["1999", "2101", "x", "2026.5", "-3"])
def test_a_wrong_year_is_refused_without_an_error(client, editor, year):
    client.force_login(editor)
    response = client.get(INDEX_URL, {"jaar": year})
    assert response.status_code == 400 and "Kies een jaar tussen 2000 en 2100." in response.text
    response = client.post(f"/admin/kwartaalcijfers/{year}/doelen/", {"events": "3"})
    assert response.status_code == 404 and not Target.objects.exists()
    if year.isdigit():
        assert client.get(f"/admin/kwartaalcijfers/{year}.pdf").status_code == 404
        assert client.get(f"/admin/kwartaalcijfers/{year}.xlsx").status_code == 404


def test_home_page_key_figures_are_the_quarterly_figures_and_stay_fresh(client, make_user):
    year = this_year()
    Target.objects.create(year=year, measure=Measure.EVENTS, value=40)
    # An event held earlier this year (local time), also just after New Year.
    now = timezone.now()
    new_year = timezone.localtime(now, AMSTERDAM).replace(
        month=1, day=1, hour=0, minute=0, second=0, microsecond=0
    )
    since = now - new_year
    ends_at = now - since / 3
    starts_at = max(now - 2 * since / 3, ends_at - datetime.timedelta(hours=2))
    event = EventFactory(starts_at=starts_at, ends_at=ends_at)
    registration = RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)

    first = client.get("/").text
    assert f"Het netwerk in {year}" in first
    assert "<strong>1</strong> bijeenkomsten gehouden, doel 40" in first
    assert "<strong>0</strong> deelnemers" in first

    registration.status = RegistrationStatus.ATTENDED
    registration.save()
    Target.objects.filter(measure=Measure.EVENTS).update(value=41)  # no signal: not shown yet
    page = client.get("/").text
    assert "<strong>1</strong> deelnemers" in page
    Target.objects.get(measure=Measure.EVENTS).save()
    assert "doel 41" in client.get("/").text


def test_home_page_with_key_figures_keeps_its_query_budget(
    client, professional, django_assert_max_num_queries
):
    """Drawn afresh (nothing in the cache) the home page costs the same number of
    queries however many events, check-ins and initiatives the figures count; with
    its fragments in the cache (a logged-in visitor, whom the page cache skips) it
    stays within the budget of 15."""
    from django.core.cache import cache

    Target.objects.create(year=this_year(), measure=Measure.EVENTS, value=10)

    def fresh_home_page():
        cache.clear()
        with django_assert_max_num_queries(30) as captured:
            assert client.get("/").status_code == 200
        return len(captured)

    before = fresh_home_page()
    now = timezone.now()
    for _ in range(5):
        event = EventFactory(
            starts_at=now - datetime.timedelta(hours=3), ends_at=now - datetime.timedelta(hours=1)
        )
        RegistrationFactory.create_batch(4, event=event, status=RegistrationStatus.ATTENDED)
        InitiativeFactory()
    assert fresh_home_page() == before

    client.force_login(professional)
    client.get("/")
    with django_assert_max_num_queries(15):
        assert "bijeenkomsten gehouden" in client.get("/").text
