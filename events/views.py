"""Public views of the agenda: the list, an event with its registration form, the
calendar files, the pages behind e-mailed links, "my registrations" with the
certificates to download, and the public check of a certificate's code."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q, Value
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from portal import fragments, ratelimit
from portal.cached_bytes import cached_response, query_key
from portal.csrf import same_origin_post

from . import certificates, ics, links, registration
from .filters import EventFilter
from .forms import CertificateCheckForm, RegistrationForm
from .models import LIVE, Certificate, Event, Registration

PAGE_SIZE = 12
GUEST_JUST_REGISTERED = "events_guest_just_registered"  # session key: an event's pk
FEED_SIZE = 500


def _filtered_agenda(request):
    return EventFilter(request.GET, queryset=Event.objects.published())


def agenda(request):
    """The list comes from the fragment cache when it has not changed; the page of
    events is only fetched, and its seats counted, when it has to be drawn."""
    filterset = _filtered_agenda(request)
    page_obj, events = fragments.paginated(
        lambda: filterset.qs, request.GET.get("pagina"), PAGE_SIZE, registration.with_fullness
    )
    return render(
        request,
        "events/agenda.html",
        {"filter": filterset, "page_obj": page_obj, "events": events},
    )


def _calendar_response(request, key, kinds, build, filename):
    """A calendar file, built once per change to what it shows (and never kept past
    the moment an event in it starts or ends), then served as bytes."""
    response = cached_response(request, key, kinds, build, "text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def agenda_ics(request):
    def build():
        return ics.agenda_calendar(_filtered_agenda(request).qs[:FEED_SIZE], _("Agenda"))

    key = "events:agenda.ics?" + query_key(request.GET, EventFilter.base_filters)
    # The filters name leerkringen and themes by their slug.
    return _calendar_response(
        request, key, ("events", "leerkringen", "themes"), build, "agenda.ics"
    )


def event_ics(request, slug):
    def build():
        return ics.event_calendar(get_object_or_404(Event.objects.published(), slug=slug))

    return _calendar_response(request, f"events:ics:{slug}", ("events",), build, f"{slug}.ics")


def _own_registration(request, event):
    if not request.user.is_authenticated:
        return None
    # Lower() on both sides, as the one-live-registration-per-address constraint
    # has it, so its index finds the row among an event's thousands.
    return (
        event.registrations.filter(status__in=LIVE)
        .alias(email_lower=Lower("email"))
        .filter(Q(user=request.user) | Q(email_lower=Lower(Value(request.user.email))))
        .first()
    )


@same_origin_post
@require_http_methods(["GET", "POST"])
def event_detail(request, slug):
    # The image, leerkring, report, themes and partners are only fetched when the
    # event's fragment is drawn: after a change, not for every visitor.
    event = get_object_or_404(Event.objects.published().prefetch_related("questions"), slug=slug)
    own = _own_registration(request, event)
    form = RegistrationForm(event, request.user, data=request.POST or None)
    status = 200
    if request.method == "POST":
        if not form.is_valid():
            status = 400
        elif not registration.allow_attempt(*_client_and_guest_email(request, form)):
            form.add_error(
                None, _("You have signed up many times in a short time. Try again later.")
            )
            status = 429
        else:
            try:
                return _register(request, event, form)
            except registration.RegistrationError as error:
                form.add_error(None, error.message)
                status = 400
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "counts": registration.counts(event),
            "own_registration": own,
            "form": form,
            "registration_open": event.registration_is_open(),
            "guest_just_registered": request.method == "GET"
            and request.session.pop(GUEST_JUST_REGISTERED, None) == event.pk,
        },
        status=status,
    )


def _client_and_guest_email(request, form):
    """Who is registering, for the limits: an account, or a guest's IP address and
    the address they typed."""
    if form.user is not None:
        return f"account:{form.user.pk}", None
    return ratelimit.client_ip(request), form.cleaned_data["email"]


def _register(request, event, form):
    try:
        made = registration.sign_up(event.pk, form.applicant())
    except registration.AlreadyRegistered as error:
        messages.info(request, error.message)
        return redirect(event)
    if form.user is None:
        messages.success(
            request,
            _("Almost done: we sent you an e-mail. Confirm your registration with the link in it."),
        )
        # The page we return to shows that, not the empty form (see event_detail).
        request.session[GUEST_JUST_REGISTERED] = event.pk
    elif made.has_seat:
        messages.success(request, _("You are registered. We sent you a confirmation by e-mail."))
    else:
        messages.success(
            request,
            _("The event is full. You are number %(position)s on the waiting list.")
            % {"position": made.waiting_position},
        )
    return redirect(event)


def _link_page(request, purpose, template, act):
    """A page behind an e-mailed link: GET shows a button, only its POST acts."""
    try:
        found = links.load(request.resolver_match.kwargs["signed"], purpose)
    except links.BadLink as error:
        return render(request, "events/bad_link.html", {"expired": error.expired}, status=400)
    if request.method == "POST":
        try:
            act(found)
        except registration.RegistrationError as error:
            messages.error(request, error.message)
            return redirect(found.event)
        found.refresh_from_db()
    return render(
        request,
        template,
        {"registration": found, "event": found.event},
    )


@require_http_methods(["GET", "POST"])
def confirm(request, signed):
    return _link_page(
        request,
        links.CONFIRM,
        "events/confirm.html",
        lambda found: registration.confirm_guest(found.pk),
    )


@require_http_methods(["GET", "POST"])
def cancel(request, signed):
    return _link_page(
        request,
        links.CANCEL,
        "events/cancel.html",
        lambda found: registration.cancel(found.pk),
    )


@login_required
def my_registrations(request):
    registrations = (
        Registration.objects.filter(user=request.user)
        .select_related("event")
        .order_by("-event__starts_at")
    )
    own_certificates = (
        Certificate.objects.filter(user=request.user)
        .select_related("event")
        .order_by("-event__starts_at", "pk")
    )
    return render(
        request,
        "events/my_registrations.html",
        {"registrations": registrations, "certificates": own_certificates},
    )


@login_required
def certificate_download(request, pk):
    """Only the holder downloads their certificate; anyone else gets a 404."""
    own = get_object_or_404(Certificate.objects.select_related("event"), pk=pk, user=request.user)
    return certificates.download(own)


@same_origin_post
@require_http_methods(["GET", "POST"])
def certificate_check(request):
    """Anyone may check a code. The page with the empty form (or the code from the
    link printed on a certificate, filled in) may come from the page cache; the check
    itself is a POST, so the holder's name is never kept in a shared cache, nor is
    the code in an address that server logs, history or a Referer header keep. Each
    check counts against the visitor's limit, so codes cannot be tried in bulk."""
    form = CertificateCheckForm(
        request.POST or None, initial={"code": request.GET.get("code", "")[:40]}
    )
    found, status = None, 200
    if request.method == "POST":
        if not form.is_valid():
            status = 400
        else:
            try:
                found = certificates.verify(form.cleaned_data["code"], ratelimit.client_ip(request))
            except certificates.CertificateError as error:
                form.add_error("code", error.message)
                status = 429 if error.code == "too_many_checks" else 200
    response = render(
        request,
        "events/certificate_check.html",
        {
            "form": form,
            "certificate": found,
            "printed": certificates.printed(found) if found else None,
        },
        status=status,
    )
    if request.method == "POST":
        patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
@require_POST
def my_registration_cancel(request, pk):
    own = get_object_or_404(Registration.objects.select_related("event"), pk=pk, user=request.user)
    try:
        registration.cancel(own.pk)
    except registration.RegistrationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Your registration for %(title)s is cancelled.") % {"title": own.event.title}
        )
    return redirect("events:my_registrations")
