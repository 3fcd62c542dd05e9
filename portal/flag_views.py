"""Reports ("meldingen") of comments and initiatives: the visitor's form, and the
editors' queue in the admin with its two decisions. The rule is portal/flags.py."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from . import flags, ratelimit
from .csrf import same_origin_post
from .forms import ReportForm

QUEUE_PERMISSION = "portal.change_report"


def _flaggable(key):
    entry = flags.flaggable(key)
    if entry is None:
        raise Http404
    return entry


@same_origin_post
@require_http_methods(["GET", "POST"])
def report(request, key, pk):
    """The report form, reached through the "Melden" link under a comment or on an
    initiative. It posts without a CSRF token, checked for its origin instead (the
    page may come from the page cache). Thanks go back to the item's page; the
    visitor never learns what others reported or how many did."""
    entry = _flaggable(key)
    item = entry.shown().filter(pk=pk).first()
    if item is None:
        raise Http404
    form = ReportForm(request.POST if request.method == "POST" else None)
    status = 200
    if form.is_bound:
        status = 400
        if form.is_valid():
            try:
                item = flags.report(
                    entry,
                    item.pk,
                    client_address=ratelimit.client_ip(request),
                    reason=form.cleaned_data["reason"],
                    note=form.cleaned_data["note"],
                    threshold=flags.threshold(request),
                )
            except entry.model.DoesNotExist:
                # Hidden by other reports a moment ago: this one changes nothing, and
                # the visitor is thanked like everyone else.
                item.refresh_from_db()
            except flags.TooManyReports:
                form.add_error(
                    None, _("You have sent many reports in a short time. Try again later.")
                )
                status = 429
            if status != 429:
                messages.success(
                    request, _("Thank you for your report. The editors will look at it.")
                )
                return HttpResponseRedirect(entry.return_url(item))
    context = {
        "form": form,
        "description": entry.describe(item),
        "back_url": entry.public_url(item),
    }
    return render(request, "portal/report.html", context, status=status)


def _require(request, entry=None):
    """Editors (who moderate comments and initiatives) and superusers; a decision
    also needs the right to moderate that kind of item."""
    user = request.user
    if not user.has_perm(QUEUE_PERMISSION) or (entry and not user.has_perm(entry.permission)):
        raise PermissionDenied


def _frame(title):
    return {
        "page_title": title,
        "header_title": title,
        "header_icon": "warning",
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": reverse("portal_reports:index"), "label": _("Visitor reports")},
        ],
    }


def queue(request):
    """Reported items waiting for a decision, most recently reported first."""
    _require(request)
    context = _frame(_("Visitor reports"))
    context["page_obj"] = flags.queue(request.GET.get("pagina"))
    return render(request, "portal/admin/reports.html", context)


DECISIONS = {
    "restore": (
        flags.restore,
        gettext_lazy("Restore"),
        gettext_lazy("The reports have been dismissed and this is shown on the site: %(item)s"),
    ),
    "remove": (
        flags.remove,
        gettext_lazy("Remove and reject"),
        gettext_lazy("This has been rejected and stays off the site: %(item)s"),
    ),
}


@require_http_methods(["GET", "POST"])
def decide(request, key, pk, decision):
    """Ask to confirm a decision (GET), then take it (POST)."""
    entry = _flaggable(key)
    _require(request, entry)
    decide_item, label, done = DECISIONS[decision]
    item = entry.model._default_manager.filter(pk=pk).first()
    count = flags.reports_of(entry, pk).filter(decided_at=None).count() if item else 0
    if not count:
        raise Http404
    if request.method == "POST":
        if decide_item(entry, pk, request.user) is None:
            messages.warning(request, _("Another editor has decided on this item already."))
        else:
            messages.success(request, done % {"item": entry.describe(item)})
        return redirect("portal_reports:index")
    context = _frame(label)
    context.update(
        entry=entry,
        item=item,
        description=entry.describe(item),
        count=count,
        decision=decision,
    )
    return render(request, "portal/admin/report_decide.html", context)
