"""Counting how often each tool is used, without tracking anyone.

A use is a visitor following a tool's "open" or "download" link, which leads through
our own address (views.use). It adds one to the tool's counter of the day, and that is
all that is kept: no address, no account, no cookie, no time of day. So the counts
can be shown and handed to the ministry without any personal data in them.

What counts: a GET by a browser. A HEAD request fetches nothing; a browser that
prefetches or prerenders a link says so (`Sec-Purpose: prefetch`, or `Purpose:` /
`X-Purpose:` / `X-Moz:` in older ones) and is sent away without a count, so the click
that follows is counted once; a search engine or other robot names itself in its
User-Agent. A count that a robot in disguise adds now and then is the price of
keeping nothing about visitors.

One counter per tool and day, added to with one statement (INSERT ... ON CONFLICT DO
UPDATE): PostgreSQL takes the row lock, so any number of clicks at the same moment
each add exactly one.

The public functions below are what other apps may use (the expertise centre's
quarterly figures read `uses_between` and `uses_per_tool`).
"""

import datetime
import re

from django.db import connection
from django.db.models import IntegerField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import ToolPage, ToolUse

ROBOT = re.compile(r"bot\b|crawl|spider|slurp|facebookexternalhit|mediapartners", re.IGNORECASE)
PREFETCH_HEADERS = ("Sec-Purpose", "Purpose", "X-Purpose", "X-Moz")
PREFETCH_WORDS = ("prefetch", "preview", "prerender")


def is_prefetch(request) -> bool:
    """Whether the browser only fetches the link ahead, in case the visitor clicks."""
    return any(
        word in request.headers.get(header, "").lower()
        for header in PREFETCH_HEADERS
        for word in PREFETCH_WORDS
    )


def counts(request) -> bool:
    """Whether this request for a tool is a use to count."""
    return (
        request.method == "GET"
        and not is_prefetch(request)
        and not ROBOT.search(request.headers.get("User-Agent", ""))
    )


def count_use(tool, day: datetime.date | None = None) -> None:
    """Add one to `tool`'s count of `day` (today), in one atomic statement."""
    table = connection.ops.quote_name(ToolUse._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            # Only the table's own name is formatted in, quoted; the values are parameters.
            f"INSERT INTO {table} (tool_id, day, count) VALUES (%s, %s, 1) "  # noqa: S608
            f"ON CONFLICT (tool_id, day) DO UPDATE SET count = {table}.count + 1",
            [tool.pk, day or timezone.localdate()],
        )


def uses_between(start: datetime.date, end: datetime.date) -> int:
    """All uses of all tools from `start` up to and including `end`, deleted tools'
    uses included."""
    total = ToolUse.objects.filter(day__range=(start, end)).aggregate(total=Sum("count"))
    return total["total"] or 0


def uses_per_tool(start: datetime.date, end: datetime.date):
    """Every tool (published or not), each with `uses`: its uses from `start` up to
    and including `end` (0 if none), most used first. One query."""
    uses = (
        ToolUse.objects.filter(tool=OuterRef("pk"), day__range=(start, end))
        .order_by()
        .values("tool")
        .annotate(total=Sum("count"))
        .values("total")
    )
    return ToolPage.objects.annotate(
        uses=Coalesce(Subquery(uses, output_field=IntegerField()), 0)
    ).order_by("-uses", "title", "pk")
