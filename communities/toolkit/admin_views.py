"""The editors' report on the toolkit: how often each tool was used in a period, with
the total, sortable, and as CSV or XLSX for the accounts to the ministry.

For editors and administrators only (like the site history): the counts are about the
network's own work, and the role decides, not a model permission."""

import datetime
from dataclasses import dataclass
from functools import cached_property

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access

from portal.admin_frame import admin_frame
from portal.exports import CSV_DELIMITERS
from portal.panels import has_role
from portal.roles import EDITORS

from . import counting
from .exports import ToolUseList
from .forms import PeriodForm

# The columns one can sort on, by the value of ?order=.
ORDERINGS = {
    "-uses": ("-uses", "title", "pk"),
    "uses": ("uses", "title", "pk"),
    "title": ("title", "pk"),
    "-title": ("-title", "pk"),
}
DEFAULT_ORDER = "-uses"
EXPORT_FORMATS = (*CSV_DELIMITERS, "xlsx")


def may_see_report(user) -> bool:
    return has_role(user, EDITORS)


@dataclass
class UseReport:
    """The uses of every tool from `start` up to and including `end`."""

    start: datetime.date
    end: datetime.date
    order: str = DEFAULT_ORDER

    @cached_property
    def tools(self):
        return list(counting.uses_per_tool(self.start, self.end).order_by(*ORDERINGS[self.order]))

    @cached_property
    def total(self):
        return counting.uses_between(self.start, self.end)

    @property
    def deleted_tools_uses(self):
        """Uses of tools deleted since: they count in the total, under no tool."""
        return self.total - sum(tool.uses for tool in self.tools)


@never_cache
@require_admin_access
def report(request):
    """Wagtail answers a refusal in its admin with a redirect to the dashboard and a
    message, as for its own views."""
    if not may_see_report(request.user):
        raise PermissionDenied
    form = PeriodForm(request.GET, today=timezone.localdate())
    order = request.GET.get("order", DEFAULT_ORDER)
    if order not in ORDERINGS:
        order = DEFAULT_ORDER
    use_report = None
    if form.is_valid():
        use_report = UseReport(form.cleaned_data["start"], form.cleaned_data["end"], order)
        if request.GET.get("export") in EXPORT_FORMATS:
            return ToolUseList(use_report).response(request.GET["export"])
    title = _("Toolkit use")
    return render(
        request,
        "toolkit/admin/report.html",
        {
            **admin_frame(title, "doc-full"),
            "form": form,
            "report": use_report,
            "order": order,
            # Sorted on a column already: the next click sorts the other way.
            "sort_links": {
                "title": "-title" if order == "title" else "title",
                "uses": "uses" if order == "-uses" else "-uses",
            },
            "sorted": {order.lstrip("-"): "descending" if order.startswith("-") else "ascending"},
            "presets": _presets(timezone.localdate()),
        },
        status=200 if form.is_valid() else 400,
    )


def _presets(today):
    """Periods an editor asks for most: this month, last month, this quarter, this year."""
    month = today.replace(day=1)
    last_month_end = month - datetime.timedelta(days=1)
    quarter = month.replace(month=3 * ((today.month - 1) // 3) + 1)
    return [
        (_("This month"), month, today),
        (_("Last month"), last_month_end.replace(day=1), last_month_end),
        (_("This quarter"), quarter, today),
        (_("This year"), today.replace(month=1, day=1), today),
    ]
