"""The newsletter's own admin views: statistics, and sending an issue.

Statistics: subscribers per status and per topic, and the growth per month. They
take a fixed number of queries (counts grouped by status, topic and month), however
many subscribers there are.

Sending: an issue is a page, so who may send it follows the page permissions.
Anyone who may edit the issue sees how many people it reaches, can mail a test to
their own address and follows the progress; only someone who may publish it can
send it or retry failed addresses. The issue must be published without unpublished
changes, so what goes out is exactly what the editor last published.
"""

from datetime import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, F, Q
from django.db.models.functions import TruncMonth
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin import messages

from communities.models import Leerkring
from portal.models import Theme

from . import sending
from .models import (
    UNFINISHED,
    DeliveryStatus,
    Mailing,
    NewsletterIssuePage,
    Subscriber,
    SubscriberStatus,
)

MONTH_CHOICES = (12, 24)
FAILED_SHOWN = 200  # failed addresses listed on the progress page
REFRESH_SECONDS = 5


# ---------------------------------------------------------------------------
# Statistics


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


def _chart(rows):
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


def statistics(request):
    if not request.user.has_perm("communities.view_subscriber"):
        raise PermissionDenied
    try:
        months = int(request.GET.get("months", MONTH_CHOICES[0]))
    except ValueError:
        months = MONTH_CHOICES[0]
    if months not in MONTH_CHOICES:
        months = MONTH_CHOICES[0]
    counts = status_counts()
    rows = growth(months)
    title = _("Newsletter statistics")
    return render(
        request,
        "communities/newsletter/admin/statistics.html",
        {
            "page_title": title,
            "header_title": title,
            "header_icon": "mail",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": "", "label": title},
            ],
            "status_rows": [
                (label, counts[value], value) for value, label in SubscriberStatus.choices
            ],
            "total": sum(counts.values()),
            "confirmed": counts[SubscriberStatus.CONFIRMED],
            "topics": topic_counts(),
            "months": months,
            "month_choices": MONTH_CHOICES,
            "rows": rows,
            "chart": _chart(rows),
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


def _why_not_ready(page):
    """Why the issue cannot be sent yet, or None."""
    if not page.live:
        return _("This issue has not been published. Publish it first, then send it.")
    if page.has_unpublished_changes:
        return _(
            "This issue has changes that have not been published. Publish it first, so "
            "the subscribers get the latest version."
        )
    return None


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
    breadcrumbs = [
        {"url": reverse("wagtailadmin_home"), "label": _("Home")},
        {
            "url": reverse("wagtailadmin_explore", args=[page.get_parent().pk]),
            "label": _("Newsletter"),
        },
        {"url": reverse("wagtailadmin_pages:edit", args=[page.pk]), "label": page.title},
        {"url": "", "label": title},
    ]
    return render(
        request,
        template,
        {
            "page": page,
            "page_title": title,
            "header_title": f"{title}: {page.title}",
            "header_icon": "mail",
            "breadcrumbs_items": breadcrumbs,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
            **context,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def send(request, page_id):
    page, permissions = _issue(request, page_id)
    if page.is_sent:
        messages.info(request, _("This issue has already been sent."))
        return redirect("newsletter_sending:progress", page.pk)
    latest = page.get_latest_revision_as_object()
    count = latest.recipients().count()
    can_send = permissions.can_publish()
    not_ready = _why_not_ready(page)
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
            except sending.AlreadySent:
                messages.info(request, _("This issue has already been sent."))
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
        "communities/newsletter/admin/send.html",
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
        "communities/newsletter/admin/progress.html",
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
