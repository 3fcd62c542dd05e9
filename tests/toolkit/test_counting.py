"""A tool's use is counted through our own link: one per click and day, exactly, also
when 200 people click at once; no cookie, nothing about the visitor kept, never
cached; HEAD requests, prefetches and robots do not count."""

import datetime
import threading

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from communities.toolkit import counting
from communities.toolkit.models import ToolUse
from tests.factories.toolkit import ToolPageFactory
from tests.toolkit.conftest import BROWSER

pytestmark = pytest.mark.django_db

ALL_TIME = (datetime.date(2000, 1, 1), datetime.date(2100, 1, 1))


def total_uses():
    return counting.uses_between(*ALL_TIME)


def test_a_click_on_a_website_tool_counts_one_use_today_and_leads_to_the_website(
    client, website_tool
):
    response = client.get("/toolkit/register-open-data/gebruik/", headers=BROWSER)

    assert response.status_code == 302
    assert response["Location"] == "https://data.overheid.nl/"
    use = ToolUse.objects.get()
    assert (use.tool, use.day, use.count) == (website_tool, timezone.localdate(), 1)


def test_each_click_adds_one_to_the_same_row_of_the_day(client, website_tool):
    for _click in range(3):
        client.get("/toolkit/register-open-data/gebruik/", headers=BROWSER)
    assert list(ToolUse.objects.values_list("count", flat=True)) == [3]


def test_a_click_on_a_file_tool_leads_to_its_document(client, file_tool):
    response = client.get("/toolkit/sjabloon-participatieplan/gebruik/", headers=BROWSER)

    assert response.status_code == 302
    assert response["Location"] == file_tool.document.url
    assert client.get(response["Location"]).status_code == 200
    assert total_uses() == 1


def test_the_counting_link_sets_no_cookie_and_no_cache_keeps_it(client, website_tool):
    for _click in range(2):
        response = client.get("/toolkit/register-open-data/gebruik/", headers=BROWSER)
        assert not response.cookies
        assert "Set-Cookie" not in response.headers
        assert "no-store" in response["Cache-Control"]
        assert "X-Cache" not in response.headers  # never served from or kept in the cache
    assert total_uses() == 2


def test_the_tool_page_is_cached_sets_no_cookie_and_links_through_the_counter(client, website_tool):
    first = client.get("/toolkit/register-open-data/")
    again = client.get("/toolkit/register-open-data/")

    assert (first["X-Cache"], again["X-Cache"]) == ("miss", "hit")
    for response in (first, again):
        assert not response.cookies
        assert "Set-Cookie" not in response.headers
    html = again.content.decode()
    assert 'href="/toolkit/register-open-data/gebruik/" rel="nofollow"' in html
    assert "https://data.overheid.nl/" not in html  # the website only behind our link
    assert total_uses() == 0  # showing the page is no use


def test_nothing_about_the_visitor_is_stored(client, website_tool, tables_containing):
    """A use is a tool, a day and a number: the model has no field for an address,
    an account, a browser or a time, and the visitor's address is in no table."""
    assert {field.name for field in ToolUse._meta.get_fields()} == {"id", "tool", "day", "count"}
    client.get(
        "/toolkit/register-open-data/gebruik/",
        headers={**BROWSER, "User-Agent": BROWSER["User-Agent"] + " Herkenbaar/1.0"},
        REMOTE_ADDR="203.0.113.77",
    )
    assert total_uses() == 1
    assert tables_containing("203.0.113.77") == []
    assert tables_containing("Herkenbaar") == []


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Purpose": "prefetch"},
        {"Sec-Purpose": "prefetch;prerender"},
        {"Purpose": "prefetch"},
        {"X-Moz": "prefetch"},
    ],
    ids=["sec-purpose", "prerender", "purpose", "x-moz"],
)
def test_a_prefetch_is_refused_and_not_counted_so_the_click_after_it_counts(
    client, website_tool, headers
):
    prefetch = client.get("/toolkit/register-open-data/gebruik/", headers={**BROWSER, **headers})
    assert prefetch.status_code == 503
    assert "no-store" in prefetch["Cache-Control"]
    assert total_uses() == 0

    client.get("/toolkit/register-open-data/gebruik/", headers=BROWSER)
    assert total_uses() == 1


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "facebookexternalhit/1.1",
        "Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)",
        "Sogou web spider/4.0",
    ],
)
def test_robots_are_sent_on_but_not_counted(client, website_tool, user_agent):
    response = client.get(
        "/toolkit/register-open-data/gebruik/", headers={"User-Agent": user_agent}
    )
    assert response.status_code == 302
    assert total_uses() == 0


def test_a_head_request_is_not_counted(client, website_tool):
    response = client.head("/toolkit/register-open-data/gebruik/", headers=BROWSER)
    assert response.status_code == 302
    assert total_uses() == 0


def test_a_post_is_refused_and_not_counted(client, website_tool):
    response = client.post("/toolkit/register-open-data/gebruik/", headers=BROWSER)
    assert response.status_code == 405
    assert total_uses() == 0


def test_a_draft_or_unknown_tool_has_no_counting_link(client, toolkit):
    ToolPageFactory(slug="nog-niet-klaar", publish=False)
    for slug in ["nog-niet-klaar", "bestaat-niet"]:
        response = client.get(f"/toolkit/{slug}/gebruik/", headers=BROWSER)
        assert response.status_code == 404
    assert total_uses() == 0


def test_uses_are_totalled_over_a_period_with_both_ends_included(website_tool, file_tool):
    days = [datetime.date(2026, 3, day) for day in (1, 2, 2, 2, 31)]
    for day in days:
        counting.count_use(website_tool, day)
    counting.count_use(website_tool, datetime.date(2026, 4, 1))

    assert counting.uses_between(datetime.date(2026, 3, 1), datetime.date(2026, 3, 31)) == 5
    assert counting.uses_between(datetime.date(2026, 3, 2), datetime.date(2026, 3, 2)) == 3
    per_tool = counting.uses_per_tool(datetime.date(2026, 3, 1), datetime.date(2026, 3, 31))
    assert [(tool.title, tool.uses) for tool in per_tool] == [
        ("Het register van open data", 5),
        ("Sjabloon voor een participatieplan", 0),
    ]


def test_a_deleted_tools_uses_stay_in_the_totals(website_tool, file_tool):
    day = datetime.date(2026, 5, 4)
    counting.count_use(website_tool, day)
    counting.count_use(file_tool, day)

    file_tool.delete()

    assert counting.uses_between(day, day) == 2
    assert [tool.uses for tool in counting.uses_per_tool(day, day)] == [1]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_200_clicks_at_the_same_moment_are_counted_exactly():
    """25 visitors, each on a database connection of their own, click 8 times as fast
    as they can, all starting together: 200 uses, in one row. (25 at once rather than
    200 leaves room in PostgreSQL's 100 connections for the other tests.)"""
    tool = ToolPageFactory(slug="veel-gebruikt")
    visitors, clicks = 25, 8
    barrier = threading.Barrier(visitors)
    statuses, errors = [], []

    def visit():
        try:
            browser = Client(headers=BROWSER)
            barrier.wait()
            for _click in range(clicks):
                statuses.append(browser.get("/toolkit/veel-gebruikt/gebruik/").status_code)
        except Exception as error:  # reported below, in the test thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=visit) for _visitor in range(visitors)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors, errors
    assert statuses == [302] * visitors * clicks
    assert list(ToolUse.objects.filter(tool=tool).values_list("count", flat=True)) == [200]
