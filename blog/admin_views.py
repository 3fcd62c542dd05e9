"""Importing a WordPress export from the admin: upload the file, the background
worker imports it (blog/tasks.py), and a page shows the progress and the report.

An import creates and publishes articles, so it takes the model permission
`blog.add_wordpressimport` (editors have it) and the right to publish under the blog
index. The uploaded file is kept outside the public media, under a name of our own.
"""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import tasks
from .forms import WordPressUploadForm
from .models import BlogIndexPage, WordPressImport
from .wordpress.report import KINDS, OUTCOMES, kind_label, outcome_label

REFRESH_SECONDS = 3


def _require(request):
    index = BlogIndexPage.objects.first()
    if (
        not request.user.has_perm("blog.add_wordpressimport")
        or index is None
        or not index.permissions_for_user(request.user).can_publish_subpage()
    ):
        raise PermissionDenied


def upload_dir() -> Path:
    return Path(
        getattr(settings, "WORDPRESS_IMPORT_DIR", settings.BASE_DIR / "var" / "wordpress-imports")
    )


def _frame(title):
    return {
        "page_title": title,
        "header_title": title,
        "header_icon": "upload",
        "breadcrumbs_items": [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": reverse("wordpress_import:upload"), "label": _("Import from WordPress")},
        ],
    }


@require_http_methods(["GET", "POST"])
def upload(request):
    _require(request)
    posted = request.method == "POST"
    form = WordPressUploadForm(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        directory = upload_dir()
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"{uuid.uuid4().hex}.xml"
        with path.open("wb") as destination:
            for chunk in form.cleaned_data["file"].chunks():
                destination.write(chunk)
        job = WordPressImport.objects.create(
            file_name=Path(form.cleaned_data["file"].name).name[:255],
            file_path=str(path),
            uploaded_by=request.user,
        )
        tasks.import_wordpress.enqueue(job.pk)
        return redirect("wordpress_import:report", job.pk)
    context = _frame(_("Import from WordPress"))
    context.update(
        form=form,
        imports=WordPressImport.objects.select_related("uploaded_by")[:10],
    )
    return render(
        request, "blog/admin/wordpress_upload.html", context, status=400 if posted else 200
    )


def report(request, pk):
    _require(request)
    job = get_object_or_404(WordPressImport, pk=pk)
    unfinished = job.status in (WordPressImport.Status.QUEUED, WordPressImport.Status.RUNNING)
    data = job.report or {}
    rows = (
        [
            (kind_label(kind), [data["counts"].get(kind, {}).get(o, 0) for o in OUTCOMES])
            for kind in KINDS
        ]
        if data
        else []
    )
    context = _frame(_("WordPress import: %(name)s") % {"name": job.file_name})
    context.update(
        job=job,
        data=data,
        rows=rows,
        outcomes=[outcome_label(o) for o in OUTCOMES],
        reasons=[
            (kind_label(kind), reason, number)
            for kind, reasons in data.get("reasons", {}).items()
            for reason, number in reasons.items()
        ],
        refresh=unfinished and request.GET.get("refresh") != "0",
        refresh_seconds=REFRESH_SECONDS,
    )
    return render(request, "blog/admin/wordpress_report.html", context)
