"""The newsletter's figures for the admin: subscribers per status and per topic,
and the growth per month. Each takes a fixed number of queries (counts grouped by
status, topic or month), however many subscribers there are."""

from datetime import datetime

from django.db.models import Count, F, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import date_format

from communities.models import Leerkring
from portal.models import Theme

from .models import Subscriber, SubscriberStatus


def _month_starts(count, now=None):
    """The first moments (local time) of the last `count` months, oldest first."""
    local = timezone.localtime(now)
    zone = timezone.get_current_timezone()
    year, month = local.year, local.month
    starts = []
    for _i in range(count):
        starts.append(datetime(year, month, 1, tzinfo=zone))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return starts[::-1]


def _per_month(queryset, field):
    rows = (
        queryset.order_by()
        .annotate(month=TruncMonth(field))
        .values("month")
        .annotate(count=Count("pk"))
        .values_list("month", "count")
    )
    # TruncMonth works in the current time zone; localtime() keeps it there.
    return {timezone.localtime(month).timetuple()[:2]: count for month, count in rows}


def growth(months=12, now=None) -> list[dict]:
    """Per month: new confirmations, unsubscribes, and subscribers at the month's end.

    Someone counts as subscribed from `confirmed_at` until an `unsubscribed_at`
    that comes after it. (Subscribing again clears the old unsubscribe moment.)
    Three queries: the subscribers before the first month, and the two counts
    grouped by month."""
    starts = _month_starts(months, now)
    first = starts[0]
    # An unsubscribe only ends a subscription that was confirmed before it.
    ended = Q(unsubscribed_at__isnull=False, unsubscribed_at__gte=F("confirmed_at"))
    total = (
        Subscriber.objects.filter(confirmed_at__lt=first)
        .exclude(ended & Q(unsubscribed_at__lt=first))
        .count()
    )
    confirmations = _per_month(Subscriber.objects.filter(confirmed_at__gte=first), "confirmed_at")
    unsubscribes = _per_month(
        Subscriber.objects.filter(ended, confirmed_at__isnull=False, unsubscribed_at__gte=first),
        "unsubscribed_at",
    )
    rows = []
    for start in starts:
        key = (start.year, start.month)
        new, gone = confirmations.get(key, 0), unsubscribes.get(key, 0)
        total += new - gone
        rows.append(
            {
                "start": start,
                "label": date_format(start, "M Y"),
                "long_label": date_format(start, "F Y"),
                "confirmed": new,
                "unsubscribed": gone,
                "total": total,
            }
        )
    return rows


def chart_heights(rows):
    """Heights (in percent of the tallest) for the CSS bar charts."""
    top_total = max([row["total"] for row in rows] + [1])
    top_change = max([max(row["confirmed"], row["unsubscribed"]) for row in rows] + [1])
    for row in rows:
        row["total_height"] = round(100 * row["total"] / top_total, 1)
        row["confirmed_height"] = round(100 * row["confirmed"] / top_change, 1)
        row["unsubscribed_height"] = round(100 * row["unsubscribed"] / top_change, 1)
    return {"top_total": top_total, "top_change": top_change}


def status_counts() -> dict:
    counts = dict.fromkeys(SubscriberStatus.values, 0)
    for status, count in (
        Subscriber.objects.order_by()
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    ):
        counts[status] = count
    return counts


def topic_counts() -> dict:
    """Confirmed subscribers per theme and per leerkring, and those without a topic."""
    confirmed = Q(newsletter_subscribers__status=SubscriberStatus.CONFIRMED)
    themes = Theme.objects.annotate(
        subscriber_count=Count("newsletter_subscribers", filter=confirmed)
    ).order_by("-subscriber_count", "name")
    leerkringen = (
        Leerkring.objects.annotate(
            subscriber_count=Count("newsletter_subscribers", filter=confirmed)
        )
        .filter(Q(archived=False) | Q(subscriber_count__gt=0))
        .order_by("-subscriber_count", "name")
    )
    without = Subscriber.objects.confirmed().filter(themes__isnull=True, leerkringen__isnull=True)
    return {
        "themes": list(themes),
        "leerkringen": list(leerkringen),
        "without_topic": without.count(),
    }
