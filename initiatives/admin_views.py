"""The editors' tools in the Wagtail admin: moderate one initiative (publish or reject
with a message), export all initiatives as CSV, import a CSV file.

Wagtail checks admin access; each view checks the model permission it needs.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin import messages

from . import exports, moderation
from .forms import ImportUploadForm, RejectForm
from .importer import COLUMNS, import_initiatives
from .models import Initiative


def _require(request, action):
    if not request.user.has_perm(f"initiatives.{action}_initiative"):
        raise PermissionDenied


def _initiative(request, pk):
    _require(request, "change")
    return get_object_or_404(
        Initiative.objects.select_related("municipality", "submitted_by", "image").prefetch_related(
            "themes"
        ),
        pk=pk,
    )


def moderate(request, pk, reject_form=None):
    initiative = _initiative(request, pk)
    return render(
        request,
        "initiatives/admin/moderate.html",
        {"initiative": initiative, "reject_form": reject_form or RejectForm()},
        status=400 if reject_form else 200,
    )


@require_POST
def publish(request, pk):
    initiative = moderation.publish(_initiative(request, pk), editor=request.user)
    messages.success(request, _("“%(title)s” is on the map.") % {"title": initiative.title})
    return redirect("initiatives_admin:index")


@require_POST
def reject(request, pk):
    initiative = _initiative(request, pk)
    form = RejectForm(request.POST)
    if not form.is_valid():
        return moderate(request, pk, reject_form=form)
    moderation.reject(initiative, form.cleaned_data["message"], editor=request.user)
    messages.success(request, _("“%(title)s” has been rejected.") % {"title": initiative.title})
    return redirect("initiatives_admin:index")


def export_csv(request):
    _require(request, "change")
    return exports.InitiativeList().response("csv")


@require_http_methods(["GET", "POST"])
def import_csv(request):
    _require(request, "add")
    posted = request.method == "POST"
    form = ImportUploadForm(request.POST if posted else None, request.FILES if posted else None)
    report = None
    if posted and form.is_valid():
        report = import_initiatives(form.cleaned_data["file"].read())
        if report.ok:
            messages.success(
                request,
                _("%(count)s initiatives have been imported and published.")
                % {"count": report.created},
            )
            return redirect("initiatives_admin:index")
    return render(
        request,
        "initiatives/admin/import.html",
        {"form": form, "report": report, "columns": COLUMNS},
        status=400 if posted else 200,
    )
