"""The newsletter's own admin views: statistics (the figures come from
`statistics`), and sending an issue.

Sending: an issue is a page, so who may send it follows the page permissions.
Anyone who may edit the issue sees how many people it reaches, can mail a test to
their own address and follows the progress; only someone who may publish it can
send it or retry failed addresses. The issue must be published without unpublished
changes, so what goes out is exactly what the editor last published.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin import messages

from portal.admin_frame import admin_frame

from . import sending
from . import statistics as figures
from .models import (
    UNFINISHED,
    DeliveryStatus,
    Mailing,
    NewsletterIssuePage,
    SubscriberStatus,
)

MONTH_CHOICES = (12, 24)
FAILED_SHOWN = 200  # failed addresses listed on the progress page
REFRESH_SECONDS = 5


# ---------------------------------------------------------------------------
# Statistics


def statistics(request):
    if not request.user.has_perm("newsletter.view_subscriber"):
        raise PermissionDenied
    try:
        months = int(request.GET.get("months", MONTH_CHOICES[0]))
    except ValueError:
        months = MONTH_CHOICES[0]
    if months not in MONTH_CHOICES:
        months = MONTH_CHOICES[0]
    counts = figures.status_counts()
    rows = figures.growth(months)
    title = _("Newsletter statistics")
    return render(
        request,
        "newsletter/admin/statistics.html",
        {
            **admin_frame(title, "mail"),
            "status_rows": [
                (label, counts[value], value) for value, label in SubscriberStatus.choices
            ],
            "total": sum(counts.values()),
            "confirmed": counts[SubscriberStatus.CONFIRMED],
            "topics": figures.topic_counts(),
            "months": months,
            "month_choices": MONTH_CHOICES,
            "rows": rows,
            "chart": figures.chart_heights(rows),
            "list_url": reverse("newsletter_subscribers:index"),
        },
    )


# ---------------------------------------------------------------------------
# Sending an issue


def _issue(request, page_id):
    """The issue, if the user may edit it (otherwise 403)."""
    page = get_object_or_404(NewsletterIssuePage, pk=page_id)
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit():
        raise PermissionDenied
    return page, permissions


def targeting(issue) -> str:
    """Who the issue goes to, in words."""
    themes = ", ".join(theme.name for theme in issue.themes.all())
    leerkringen = ", ".join(leerkring.name for leerkring in issue.leerkringen.all())
    if themes and leerkringen:
        return _(
            "Subscribers who chose at least one of these themes: %(themes)s, or one of "
            "these leerkringen: %(leerkringen)s."
        ) % {"themes": themes, "leerkringen": leerkringen}
    if themes:
        return _("Subscribers who chose at least one of these themes: %(themes)s.") % {
            "themes": themes
        }
    if leerkringen:
        return _("Subscribers who chose at least one of these leerkringen: %(leerkringen)s.") % {
            "leerkringen": leerkringen
        }
    return _("All subscribers.")


class SendForm(forms.Form):
    confirm = forms.BooleanField(required=True)
    expected = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, count, **kwargs):
        super().__init__(*args, **kwargs)
        self.count = count
        self.fields["confirm"].label = ngettext(
            "Yes, send this issue now to %(count)s subscriber.",
            "Yes, send this issue now to %(count)s subscribers.",
            count,
        ) % {"count": count}
        self.fields["confirm"].error_messages["required"] = _(
            "Tick the box to confirm that you want to send the issue."
        )
        self.fields["expected"].initial = count

    def clean(self):
        cleaned = super().clean()
        if "expected" in cleaned and cleaned["expected"] != self.count:
            raise forms.ValidationError(
                _("The number of recipients has changed meanwhile. Check it and confirm again.")
            )
        return cleaned


def _render_issue_page(request, page, template, title, context, status=200):
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    trail = [
        (reverse("wagtailadmin_explore", args=[page.get_parent().pk]), _("Newsletter")),
        (edit_url, page.title),
    ]
    return render(
        request,
        template,
        {
            "page": page,
            **admin_frame(title, "mail", trail, header_title=f"{title}: {page.title}"),
            "edit_url": edit_url,
            **context,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def send(request, page_id):
    page, permissions = _issue(request, page_id)
    if page.is_sent:
        messages.info(request, sending.SendingError("already_sent").message)
        return redirect("newsletter_sending:progress", page.pk)
    latest = page.get_latest_revision_as_object()
    count = latest.recipients().count()
    can_send = permissions.can_publish()
    not_ready = sending.obstacle(page)
    form = SendForm(request.POST or None, count=count)
    status = 200
    if request.method == "POST":
        if not can_send:
            raise PermissionDenied
        if not_ready or count == 0:
            status = 400
        elif form.is_valid():
            try:
                sending.start(page, request.user)
            except sending.SendingError as error:
                messages.info(request, error.message)
            else:
                messages.success(
                    request,
                    ngettext(
                        "The issue is being sent to %(count)s subscriber.",
                        "The issue is being sent to %(count)s subscribers.",
                        count,
                    )
                    % {"count": count},
                )
            return redirect("newsletter_sending:progress", page.pk)
        else:
            status = 400
    return _render_issue_page(
        request,
        page,
        "newsletter/admin/send.html",
        _("Send"),
        {
            "subject": latest.title,
            "targeting": targeting(latest),
            "count": count,
            "can_send": can_send,
            "not_ready": not_ready,
            "form": form,
        },
        status=status,
    )


@require_POST
def send_test(request, page_id):
    page, _permissions = _issue(request, page_id)
    if not request.user.email:
        messages.error(request, _("Your account has no e-mail address to send a test to."))
    else:
        sending.send_test(page.get_latest_revision_as_object(), request.user)
        messages.success(
            request,
            _("A test has been sent to %(email)s. It may take a minute to arrive.")
            % {"email": request.user.email},
        )
    return redirect("newsletter_sending:send", page.pk)


def _mailing(page):
    return Mailing.objects.filter(issue=page).select_related("started_by").first()


def progress(request, page_id):
    page, permissions = _issue(request, page_id)
    mailing = _mailing(page)
    if mailing is None:
        return redirect("newsletter_sending:send", page.pk)
    counts = mailing.progress()
    waiting = sum(counts[status] for status in UNFINISHED)
    finished = mailing.finished_at is not None and waiting == 0
    failed = mailing.deliveries.filter(status=DeliveryStatus.FAILED).order_by("email")
    refresh = not finished and request.GET.get("refresh") != "0"
    return _render_issue_page(
        request,
        page,
        "newsletter/admin/progress.html",
        _("Sending progress"),
        {
            "mailing": mailing,
            "counts": counts,
            "count_rows": [
                (DeliveryStatus.SENT.label, counts[DeliveryStatus.SENT]),
                # Not the label of QUEUED: "Waiting" is already the events' waiting list.
                (pgettext("newsletter admin", "Waiting to be sent"), waiting),
                (DeliveryStatus.FAILED.label, counts[DeliveryStatus.FAILED]),
                (DeliveryStatus.SKIPPED.label, counts[DeliveryStatus.SKIPPED]),
            ],
            "waiting": waiting,
            "done": counts["sent"] + counts["failed"] + counts["skipped"],
            "finished": finished,
            "failed": failed[:FAILED_SHOWN],
            "failed_more": max(counts["failed"] - FAILED_SHOWN, 0),
            "can_retry": permissions.can_publish(),
            "refresh": refresh,
            "refresh_seconds": REFRESH_SECONDS,
            "percent": round(100 * counts["sent"] / counts["total"]) if counts["total"] else 100,
        },
    )


@require_POST
def retry(request, page_id):
    page, permissions = _issue(request, page_id)
    if not permissions.can_publish():
        raise PermissionDenied
    mailing = _mailing(page)
    if mailing is None:
        return redirect("newsletter_sending:send", page.pk)
    delivery_id = request.POST.get("delivery")
    ids = None
    if delivery_id:
        if not delivery_id.isdigit():
            return redirect("newsletter_sending:progress", page.pk)
        ids = [int(delivery_id)]
    with transaction.atomic():
        count = sending.retry(mailing, ids)
    if count:
        messages.success(
            request,
            ngettext(
                "%(count)s address is being tried again.",
                "%(count)s addresses are being tried again.",
                count,
            )
            % {"count": count},
        )
    else:
        messages.info(request, _("There was nothing to try again."))
    return redirect("newsletter_sending:progress", page.pk)
