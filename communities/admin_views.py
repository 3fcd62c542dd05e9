"""The coordinator's side of a leerkring in the admin: the member list with the
requests to decide on, its exports, and a message to every member.

Every view finds its leerkring through `Leerkring.objects.managed_by(user)`: a
coordinator who tries another leerkring's address gets a 404, never its members.
"""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from portal.admin_frame import admin_frame

from . import exports
from . import membership as rules
from .forms import MessageForm
from .models import Leerkring, Membership, MembershipStatus
from .tasks import send_message_to_members

DECISIONS = {
    "approve": (rules.approve, gettext_lazy("%(name)s is now a member.")),
    "decline": (rules.decline, gettext_lazy("The request of %(name)s has been declined.")),
    "remove": (rules.remove, gettext_lazy("%(name)s has been removed from the leerkring.")),
}


def _managed(request, pk):
    return get_object_or_404(Leerkring.objects.managed_by(request.user), pk=pk)


def _page(request, leerkring, template, title, context, status=200):
    members_url = reverse("leerkringen:members", args=[leerkring.pk])
    trail = [
        (reverse("leerkringen:index"), _("Leerkringen")),
        (reverse("leerkringen:edit", args=[leerkring.pk]), leerkring.name),
    ]
    if template != "communities/admin/members.html":
        trail.append((members_url, _("Members")))
    return render(
        request,
        template,
        {
            "leerkring": leerkring,
            **admin_frame(title, "group", trail, header_title=f"{title}: {leerkring.name}"),
            "members_url": members_url,
            **context,
        },
        status=status,
    )


def members(request, pk):
    leerkring = _managed(request, pk)
    memberships = list(leerkring.memberships.select_related("user").order_by("-created_at"))
    groups = {status: [] for status in MembershipStatus.values}
    for membership in memberships:
        groups[membership.status].append(membership)
    return _page(
        request,
        leerkring,
        "communities/admin/members.html",
        _("Members"),
        {
            "pending": groups[MembershipStatus.PENDING],
            "active": groups[MembershipStatus.ACTIVE],
            "former": groups[MembershipStatus.DECLINED] + groups[MembershipStatus.LEFT],
        },
    )


@require_POST
def decide(request, pk, action):
    membership = get_object_or_404(
        Membership.objects.filter(leerkring__in=Leerkring.objects.managed_by(request.user)),
        pk=pk,
    )
    if action not in DECISIONS:
        return redirect("leerkringen:members", membership.leerkring_id)
    decide_with, success = DECISIONS[action]
    name = membership.user.full_name or membership.user.email
    try:
        decide_with(membership, by=request.user)
    except rules.MembershipError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success % {"name": name})
    return redirect("leerkringen:members", membership.leerkring_id)


def export_csv(request, pk):
    leerkring = _managed(request, pk)
    return exports.MemberList(leerkring, _export_memberships(leerkring)).response("csv-excel")


def export_xlsx(request, pk):
    leerkring = _managed(request, pk)
    return exports.MemberList(leerkring, _export_memberships(leerkring)).response("xlsx")


def _export_memberships(leerkring):
    """Everyone who is in or asks to be in; former members stay out of the list."""
    return (
        leerkring.memberships.filter(status__in=[MembershipStatus.ACTIVE, MembershipStatus.PENDING])
        .select_related("user")
        .order_by("status", "user__full_name")
    )


@require_http_methods(["GET", "POST"])
def message(request, pk):
    leerkring = _managed(request, pk)
    active = leerkring.memberships.filter(status=MembershipStatus.ACTIVE).count()
    form = MessageForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        arguments = (
            leerkring.pk,
            form.cleaned_data["subject"],
            form.cleaned_data["body"],
            request.user.pk,
        )
        transaction.on_commit(lambda: send_message_to_members.enqueue(*arguments))
        messages.success(
            request,
            _("Your message is being sent to %(count)s members, each separately.")
            % {"count": active},
        )
        return redirect("leerkringen:members", leerkring.pk)
    return _page(
        request,
        leerkring,
        "communities/admin/message.html",
        _("Message to all members"),
        {"form": form, "active_count": active},
        status=400 if form.errors else 200,
    )
