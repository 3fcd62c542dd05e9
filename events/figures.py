"""Key figures per year: events held, registrations, attendance and no-shows, against
the yearly targets. One function feeds the admin dashboard panel and the home page."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone

from .models import AMSTERDAM, Event, EventStatus, Registration, RegistrationStatus, YearTarget

CHART_WIDTH = 300  # SVG units for 100% of a target


@dataclass
class YearFigures:
    year: int
    events: int = 0
    registrations: int = 0
    attended: int = 0
    no_shows: int = 0
    events_target: int | None = None
    participants_target: int | None = None
    # What a full bar stands for: the target, or else the best year shown.
    events_scale: int = 1
    participants_scale: int = 1

    @staticmethod
    def _share(value, target):
        return round(100 * value / target) if target else None

    @property
    def events_percentage(self):
        return self._share(self.events, self.events_target)

    @property
    def participants_percentage(self):
        return self._share(self.attended, self.participants_target)

    @staticmethod
    def _bar(value, scale):
        """A bar's length in SVG units: the scale is the full CHART_WIDTH."""
        return min(round(CHART_WIDTH * value / max(scale, 1)), CHART_WIDTH)

    @property
    def events_bar(self):
        return self._bar(self.events, self.events_scale)

    @property
    def participants_bar(self):
        return self._bar(self.attended, self.participants_scale)


def yearly_figures(years=3, now=None) -> list[YearFigures]:
    """The last `years` calendar years (this one first), in three queries.

    An event counts once it has ended and was not cancelled; registrations count
    unless cancelled; attendance is what organisers checked in.
    """
    now = now or timezone.now()
    this_year = timezone.localtime(now, AMSTERDAM).year
    wanted = list(range(this_year, this_year - years, -1))
    figures = {year: YearFigures(year) for year in wanted}
    held = Event.objects.filter(status=EventStatus.PUBLISHED, ends_at__lt=now)
    for row in (
        held.annotate(year=ExtractYear("starts_at", tzinfo=AMSTERDAM))
        .filter(year__in=wanted)
        .values("year")
        .annotate(count=Count("id"))
        .order_by()
    ):
        figures[row["year"]].events = row["count"]
    for row in (
        Registration.objects.filter(event__in=held)
        .exclude(status=RegistrationStatus.CANCELLED)
        .annotate(year=ExtractYear("event__starts_at", tzinfo=AMSTERDAM))
        .filter(year__in=wanted)
        .values("year")
        .annotate(
            total=Count("id"),
            attended=Count("id", filter=Q(status=RegistrationStatus.ATTENDED)),
            no_shows=Count("id", filter=Q(status=RegistrationStatus.NO_SHOW)),
        )
        .order_by()
    ):
        year = figures[row["year"]]
        year.registrations, year.attended, year.no_shows = (
            row["total"],
            row["attended"],
            row["no_shows"],
        )
    for target in YearTarget.objects.filter(year__in=wanted):
        figures[target.year].events_target = target.events_target
        figures[target.year].participants_target = target.participants_target
    best_events = max(year.events for year in figures.values())
    best_attended = max(year.attended for year in figures.values())
    for year in figures.values():
        year.events_scale = year.events_target or best_events
        year.participants_scale = year.participants_target or best_attended
    return [figures[year] for year in wanted]


def chart_context(years=3) -> dict:
    """What templates/events/includes/figures_chart.html needs."""
    return {
        "figures": yearly_figures(years),
        "chart_width": CHART_WIDTH,
        "chart_end": CHART_WIDTH + 230,
    }
