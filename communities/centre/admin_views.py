"""The quarterly figures' admin views: the page of a year with its chart and the form
for its targets, and the XLSX and PDF. Reading needs `centre.view_target`, setting
the targets `centre.change_target` (Redacteuren and Kennismakelaars have both)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from portal.admin_frame import admin_frame

from . import exports
from .figures import CHART_MAX_PERCENTAGE, this_year, year_figures
from .forms import TargetsForm, YearForm
from .models import FIRST_YEAR, LAST_YEAR
from .targets import set_year_targets

YEARS_BACK = 5
CHART_LABEL_WIDTH = 240
CHART_BAR_WIDTH = 400
CHART_ROW_HEIGHT = 30


def _require(request, action):
    if not request.user.has_perm(f"centre.{action}_target"):
        raise PermissionDenied


def _year(year):
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404  # not a year the figures are kept for
    return year


def figures(request):
    _require(request, "view")
    form = YearForm(request.GET)
    if form.is_valid():
        year = form.cleaned_data["jaar"] or this_year()
        return _render(request, year, form)
    return _render(request, this_year(), form, status=400)


@require_POST
def set_targets(request, year):
    _require(request, "change")
    year = _year(year)
    form = TargetsForm(request.POST)
    if not form.is_valid():
        return _render(request, year, YearForm({"jaar": year}), targets_form=form, status=400)
    changed = set_year_targets(year, form.targets(), request.user)
    messages.success(
        request,
        _("The targets for %(year)s have been saved (%(count)s changed).")
        % {"year": year, "count": changed},
    )
    return redirect(f"{reverse('centre_figures:index')}?jaar={year}")


def figures_xlsx(request, year):
    _require(request, "view")
    return exports.FiguresList(year_figures(_year(year))).xlsx_response()


def figures_pdf(request, year):
    _require(request, "view")
    return exports.pdf_response(year_figures(_year(year)))


def _render(request, year, year_form, targets_form=None, status=200):
    figures = year_figures(year)
    if targets_form is None and request.user.has_perm("centre.change_target"):
        targets_form = TargetsForm(targets={row.measure.value: row.target for row in figures.rows})
    title = _("Quarterly figures")
    current = this_year()
    return render(
        request,
        "centre/admin/figures.html",
        {
            **admin_frame(title, "table"),
            "figures": figures,
            "year_form": year_form,
            "years": range(current + 1, max(FIRST_YEAR, current - YEARS_BACK) - 1, -1),
            "targets_form": targets_form,
            "may_set_targets": request.user.has_perm("centre.change_target"),
            "chart": _chart(figures),
        },
        status=status,
    )


def _chart(figures):
    """The geometry of the inline SVG chart: a bar per measure, its year so far as a
    share of its target, and a line at 100%."""
    rows = [
        {
            "row": row,
            "y": number * CHART_ROW_HEIGHT,
            "width": round(CHART_BAR_WIDTH * row.bar) if row.bar is not None else 0,
        }
        for number, row in enumerate(figures.rows)
    ]
    return {
        "rows": rows,
        "label_width": CHART_LABEL_WIDTH,
        "bar_width": CHART_BAR_WIDTH,
        "text_x": CHART_LABEL_WIDTH + CHART_BAR_WIDTH + 8,
        "full_x": CHART_LABEL_WIDTH + round(CHART_BAR_WIDTH * 100 / CHART_MAX_PERCENTAGE),
        "width": CHART_LABEL_WIDTH + CHART_BAR_WIDTH + 180,
        "height": CHART_ROW_HEIGHT * len(rows),
    }
