"""Public views of the leerkringen: the list, a leerkring's page, signing up and
leaving, and "my leerkringen" in the account area. The rules live in
`communities.membership`; these views only turn outcomes into pages and messages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from portal import fragments

from . import membership as rules
from .filters import LeerkringFilter
from .forms import LeaveForm, SignupForm
from .models import CARD_IMAGE, Leerkring, Membership

PAGE_SIZE = 12
RESUME_SESSION_KEY = "communities_resume_signup"

OUTCOME_MESSAGES = {
    rules.Outcome.JOINED: (
        messages.SUCCESS,
        gettext_lazy("Welcome! You are now a member of %(name)s."),
    ),
    rules.Outcome.REQUESTED: (
        messages.SUCCESS,
        gettext_lazy(
            "Your request to join %(name)s has been sent. The coordinators will let you know "
            "by e-mail."
        ),
    ),
    rules.Outcome.ALREADY_MEMBER: (
        messages.INFO,
        gettext_lazy("You are already a member of %(name)s. Nothing has changed."),
    ),
    rules.Outcome.ALREADY_REQUESTED: (
        messages.INFO,
        gettext_lazy(
            "You have already asked to join %(name)s. Nothing has changed: the coordinators "
            "will let you know by e-mail."
        ),
    ),
    rules.Outcome.FULL: (
        messages.WARNING,
        gettext_lazy(
            "Sorry, %(name)s is full. Mail the contact address to hear when there is room again."
        ),
    ),
    rules.Outcome.CLOSED: (
        messages.WARNING,
        gettext_lazy("Sorry, %(name)s does not take new members."),
    ),
}


def leerkring_list(request):
    leerkringen = (
        Leerkring.objects.public()
        .with_member_count()
        .with_images(CARD_IMAGE)
        .prefetch_related("themes")
        .order_by("name")
    )
    filterset = LeerkringFilter(request.GET, queryset=leerkringen)
    # Fetched only when the list's fragment has to be drawn (portal/fragments.py).
    page_obj, page = fragments.paginated(lambda: filterset.qs, request.GET.get("pagina"), PAGE_SIZE)
    return render(
        request,
        "communities/leerkring_list.html",
        {"filter": filterset, "page_obj": page_obj, "leerkringen": page},
        status=400 if filterset.errors else 200,
    )


def leerkring_detail(request, slug):
    # The rest of what the page shows (image, themes, coordinators, partners,
    # testimonials, meetings) is fetched in the template, and only when its fragment
    # has to be drawn (portal/fragments.py).
    leerkring = get_object_or_404(Leerkring.objects.with_member_count(), slug=slug)
    return render(
        request,
        "communities/leerkring_detail.html",
        {
            "leerkring": leerkring,
            "membership": rules.live_membership(leerkring, request.user),
            "full": rules.is_full(leerkring),
        },
    )


@require_http_methods(["GET", "POST"])
def signup(request, slug):
    leerkring = get_object_or_404(Leerkring, slug=slug)
    if not request.user.is_authenticated:
        # allauth brings people back through ?next= when they log in; after a new
        # account's e-mail confirmation that is lost, so "my account" offers it again.
        request.session[RESUME_SESSION_KEY] = leerkring.slug
        return redirect_to_login(request.get_full_path())
    blocked = rules.obstacle(leerkring, request.user)
    if blocked:
        return _after(request, leerkring, blocked)
    form = SignupForm(request.POST if request.method == "POST" else None, instance=request.user)
    status = 200
    if request.method == "POST":
        if not form.is_valid():
            status = 400
        elif not rules.allow_signup(request.user):
            form.add_error(
                None, _("You have signed up many times in a short time. Try again later.")
            )
            status = 429
        else:
            with transaction.atomic():
                form.save()
                outcome, _membership = rules.join(
                    leerkring, request.user, form.cleaned_data["motivation"]
                )
            return _after(request, leerkring, outcome)
    return render(
        request,
        "communities/signup.html",
        {"leerkring": leerkring, "form": form},
        status=status,
    )


def _after(request, leerkring, outcome):
    request.session.pop(RESUME_SESSION_KEY, None)
    level, text = OUTCOME_MESSAGES[outcome]
    messages.add_message(request, level, text % {"name": leerkring.name})
    return redirect(leerkring)


@login_required
@require_http_methods(["GET", "POST"])
def leave(request, slug):
    leerkring = get_object_or_404(Leerkring, slug=slug)
    membership = rules.live_membership(leerkring, request.user)
    if membership is None:
        messages.info(request, _("You are not a member of %(name)s.") % {"name": leerkring.name})
        return redirect(leerkring)
    form = LeaveForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            rules.leave(membership)
        except rules.MembershipError as error:  # a coordinator decided meanwhile
            messages.error(request, error.message)
            return redirect(leerkring)
        messages.success(request, _("You have left %(name)s.") % {"name": leerkring.name})
        return redirect("communities:mine")
    return render(
        request,
        "communities/leave.html",
        {"leerkring": leerkring, "membership": membership, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def my_leerkringen(request):
    """Each leerkring once, with the person's latest membership of it: joining again
    after leaving starts a new membership, and the old one stays only as history."""
    latest = (
        Membership.objects.filter(user=request.user)
        .order_by("leerkring_id", "-created_at")
        .distinct("leerkring_id")
    )
    memberships = (
        Membership.objects.filter(pk__in=latest.values("pk"))
        .select_related("leerkring")
        .order_by("-created_at")
    )
    return render(request, "communities/my_leerkringen.html", {"memberships": memberships})
