"""The quarterly figures: what the centre did per quarter of a year, against the
year's targets. The one home of these numbers: the admin page, its XLSX and PDF and
the home page's key figures all come from `year_figures`.

Each measure is counted with one query (events and participants share one), its four
quarters as conditional counts side by side, so the page costs the same number of
queries whatever the amount of data.
Quarters follow the calendar in Dutch time. Definitions:

- events held: published (not cancelled) events that have ended, by their start;
- participants: registrations checked in (status attended) at those events;
- conversations: the knowledge brokers' conversations, by their date;
- toolkit uses: the toolkit's daily counts of clicks and downloads;
- newsletter subscribers: confirmed and not unsubscribed at the quarter's end (a level);
- newsletter issues sent: mailings that finished in the quarter;
- articles published: articles and guest articles first published in the quarter
  (also when they were taken offline later: they were published);
- initiatives on the map: published now and put on the map before the quarter's end
  (a level; the map keeps no history of initiatives taken off it).

A level's year total is its value at the end of the last quarter that has begun; the
other measures add up. A quarter that has not begun has no value.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from blog.models import ArticlePage
from communities.newsletter.models import Mailing, Subscriber
from communities.toolkit.models import ToolUse
from events.models import AMSTERDAM, Event, EventStatus, RegistrationStatus
from initiatives.models import Initiative
from portal.key_figures import KeyFigure, KeyFigures

from .models import Conversation, Measure, Target

QUARTERS = (1, 2, 3, 4)
# The charts run to this share of the target, so 100% stands out and a measure far
# beyond its target does not squash the others.
CHART_MAX_PERCENTAGE = 125
LEVELS = {Measure.SUBSCRIBERS, Measure.INITIATIVES}

# What the home page shows, and the kinds of content they are counted from (a change
# to one draws the figures afresh; the events' clock covers events ending and a new
# year). Conversations, toolkit uses and subscribers are not public content: showing
# them would need the page cache to follow every click and sign-up.
HOME_MEASURES = {
    Measure.EVENTS: _("events held"),
    Measure.PARTICIPANTS: _("participants"),
    Measure.ARTICLES: _("articles published"),
    Measure.INITIATIVES: _("initiatives on the map"),
}
HOME_KINDS = ("events", "pages", "initiatives")


@dataclass
class MeasureFigures:
    measure: Measure
    quarters: list  # an int per quarter, None for a quarter that has not begun
    target: int | None = None

    @property
    def label(self):
        return self.measure.label

    @property
    def is_level(self):
        return self.measure in LEVELS

    @property
    def total(self):
        begun = [value for value in self.quarters if value is not None]
        if not begun:
            return None
        return begun[-1] if self.is_level else sum(begun)

    @property
    def percentage(self):
        if not self.target or self.total is None:
            return None
        return round(100 * self.total / self.target)

    @property
    def bar(self):
        """The bar of the charts, as a share of their full width (CHART_MAX_PERCENTAGE
        of the target), or None without a target."""
        if self.percentage is None:
            return None
        return min(self.percentage, CHART_MAX_PERCENTAGE) / CHART_MAX_PERCENTAGE


@dataclass
class YearFigures:
    year: int
    rows: list[MeasureFigures]
    made_at: datetime.datetime = field(default_factory=timezone.now)

    def row(self, measure) -> MeasureFigures:
        return next(row for row in self.rows if row.measure == measure)


def quarter_days(year):
    """The first day of each quarter and of the next year: quarter q runs from
    days[q - 1] up to, not including, days[q]."""
    return [datetime.date(year, month, 1) for month in (1, 4, 7, 10)] + [
        datetime.date(year + 1, 1, 1)
    ]


def _moments(year):
    """The quarters' boundaries as moments in Dutch time."""
    return [
        datetime.datetime.combine(day, datetime.time(), tzinfo=AMSTERDAM)
        for day in quarter_days(year)
    ]


def _rows(condition):
    return Count("pk", filter=condition)


def _flow(queryset, lookup, bounds, total=_rows):
    """Per quarter, `total` (by default the number) of the rows whose `lookup` falls
    in it: one query."""
    return _per_quarter(
        queryset,
        lambda quarter: total(
            Q(**{f"{lookup}__gte": bounds[quarter - 1], f"{lookup}__lt": bounds[quarter]})
        ),
    )


def _level(queryset, condition_at, bounds):
    """Per quarter, the rows that meet `condition_at(end of quarter)`: one query."""
    return _per_quarter(queryset, lambda quarter: _rows(condition_at(bounds[quarter])))


def _per_quarter(queryset, aggregate):
    counts = queryset.aggregate(**{f"q{quarter}": aggregate(quarter) for quarter in QUARTERS})
    return [counts[f"q{quarter}"] for quarter in QUARTERS]


def _held(now):
    return Event.objects.filter(status=EventStatus.PUBLISHED, ends_at__lt=now)


def _count_events_and_participants(year, now):
    """Events held and the people checked in at them, in one query: the events are
    counted once however many registrations they are joined with."""
    bounds = _moments(year)
    attended = Q(registrations__status=RegistrationStatus.ATTENDED)

    def in_quarter(quarter):
        return Q(starts_at__gte=bounds[quarter - 1], starts_at__lt=bounds[quarter])

    counts = _held(now).aggregate(
        **{
            f"events{quarter}": Count("pk", filter=in_quarter(quarter), distinct=True)
            for quarter in QUARTERS
        },
        **{
            f"participants{quarter}": Count("registrations", filter=in_quarter(quarter) & attended)
            for quarter in QUARTERS
        },
    )
    return tuple(
        [counts[f"{measure}{quarter}"] for quarter in QUARTERS]
        for measure in ("events", "participants")
    )


def _count_conversations(year, now):
    return (_flow(Conversation.objects.all(), "date", quarter_days(year)),)


def _count_toolkit_uses(year, now):
    """The toolkit's daily counters added up (a deleted tool's uses included)."""
    return (
        _flow(
            ToolUse.objects.all(),
            "day",
            quarter_days(year),
            total=lambda condition: Sum("count", filter=condition, default=0),
        ),
    )


def _count_subscribers(year, now):
    def subscribed_at(moment):
        return Q(confirmed_at__lt=moment) & (
            Q(unsubscribed_at__isnull=True) | Q(unsubscribed_at__gte=moment)
        )

    return (_level(Subscriber.objects.all(), subscribed_at, _moments(year)),)


def _count_issues(year, now):
    return (
        _flow(Mailing.objects.filter(finished_at__isnull=False), "finished_at", _moments(year)),
    )


def _count_articles(year, now):
    return (_flow(ArticlePage.objects.all(), "first_published_at", _moments(year)),)


def _count_initiatives(year, now):
    return (
        _level(
            Initiative.objects.published(),
            lambda moment: Q(published_at__lt=moment),
            _moments(year),
        ),
    )


# Each counter counts its measures with one query, each measure as four quarters.
COUNTERS = [
    ((Measure.EVENTS, Measure.PARTICIPANTS), _count_events_and_participants),
    ((Measure.CONVERSATIONS,), _count_conversations),
    ((Measure.TOOLKIT_USES,), _count_toolkit_uses),
    ((Measure.SUBSCRIBERS,), _count_subscribers),
    ((Measure.ISSUES,), _count_issues),
    ((Measure.ARTICLES,), _count_articles),
    ((Measure.INITIATIVES,), _count_initiatives),
]


def year_figures(year, measures=tuple(Measure), now=None) -> YearFigures:
    """The figures of `year` for `measures` (in that order): one query per counter
    needed, one for the targets."""
    now = now or timezone.now()
    today = timezone.localtime(now, AMSTERDAM).date()
    begun = [day <= today for day in quarter_days(year)[:4]]
    targets = dict(
        Target.objects.filter(year=year, measure__in=measures).values_list("measure", "value")
    )
    counts = {}
    for counted, counter in COUNTERS:
        if set(counted) & set(measures):
            counts.update(zip(counted, counter(year, now), strict=True))
    rows = [
        MeasureFigures(
            Measure(measure),
            [
                count if started else None
                for count, started in zip(counts[measure], begun, strict=True)
            ],
            targets.get(measure),
        )
        for measure in measures
    ]
    return YearFigures(year, rows, now)


def this_year(now=None):
    return timezone.localtime(now or timezone.now(), AMSTERDAM).year


def home_key_figures() -> KeyFigures:
    """This year's public key figures, for the home page (portal.key_figures)."""
    figures = year_figures(this_year(), measures=tuple(HOME_MEASURES))
    return KeyFigures(
        figures.year,
        [
            KeyFigure(str(HOME_MEASURES[row.measure]), row.total or 0, row.target)
            for row in figures.rows
        ],
    )
