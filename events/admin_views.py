"""The organiser's tools in the Wagtail admin, per event: the registration list with
counts, filter and search, check-in, exports, the printable check-in list, a message
to all attendees, certificates of attendance, duplicating and cancelling the event.

Every view fetches its event through `permissions.event_for`, so an organiser gets a
404 for anyone else's event.
"""

import django_filters
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin import messages
from wagtail.log_actions import log

from . import certificates, exports, registration, tasks
from .forms import OrganiserMessageForm
from .models import SEATED, Certificate, Event, EventStatus, Registration, RegistrationStatus
from .permissions import event_for, sees_all_events

PAGE_SIZE = 100


class RegistrationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=gettext_lazy("Search"), method="search", max_length=100)
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=RegistrationStatus.choices,
        empty_label=gettext_lazy("All"),
    )

    class Meta:
        model = Registration
        fields = ["q", "status"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(name__icontains=value) | Q(email__icontains=value) | Q(organisation__icontains=value)
        )


def _filtered(request, event):
    return RegistrationFilter(
        request.GET, queryset=event.registrations.order_by(Lower("name"), "pk")
    )


def registrations(request, pk):
    event = event_for(request.user, pk)
    filterset = _filtered(request, event)
    certificate = Certificate.objects.filter(event=OuterRef("event"), user=OuterRef("user"))
    listed = filterset.qs.annotate(certificate_pk=Subquery(certificate.values("pk")[:1]))
    page_obj = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("p"))
    return render(
        request,
        "events/admin/registrations.html",
        {
            "event": event,
            "counts": registration.counts(event),
            "certificates_issued": event.certificates.count(),
            "filter": filterset,
            "page_obj": page_obj,
            "seated": SEATED,
            "querystring": request.GET.urlencode(),
        },
    )


def export(request, pk, kind):
    event = event_for(request.user, pk)
    return exports.AttendeeList(event, _filtered(request, event).qs).response(kind)


def checkin_list(request, pk):
    event = event_for(request.user, pk)
    seated = event.registrations.filter(status__in=SEATED).order_by(Lower("name"), "pk")
    return render(
        request, "events/admin/checkin_list.html", {"event": event, "registrations": seated}
    )


@require_POST
def check_in(request, pk, registration_pk):
    event = event_for(request.user, pk)
    found = event.registrations.filter(pk=registration_pk).first()
    if found is None:
        messages.error(request, _("This registration does not exist."))
    else:
        try:
            registration.check_in(
                found.pk, attended=request.POST.get("attended") == "1", by=request.user
            )
        except registration.RegistrationError as error:
            messages.error(request, error.message)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("events_admin:registrations", args=[event.pk])
    return redirect(back)


@require_POST
def issue_certificates(request, pk):
    """One click: everyone checked in as present gets a certificate, made by the worker."""
    event = event_for(request.user, pk)
    try:
        count = certificates.waiting_for_certificate(event)
    except certificates.CertificateError as error:
        messages.error(request, error.message)
    else:
        transaction.on_commit(lambda: tasks.issue_certificates.enqueue(event.pk, request.user.pk))
        messages.success(
            request,
            ngettext(
                "The certificate for %(count)s attendee is being made. "
                "Reload this page in a moment.",
                "The certificates for %(count)s attendees are being made. "
                "Reload this page in a moment.",
                count,
            )
            % {"count": count},
        )
    return redirect("events_admin:registrations", event.pk)


def certificate(request, pk, certificate_pk):
    """An attendee's certificate, for the organiser of the event."""
    event = event_for(request.user, pk)
    return certificates.download(get_object_or_404(event.certificates, pk=certificate_pk))


@require_http_methods(["GET", "POST"])
def message(request, pk):
    event = event_for(request.user, pk)
    form = OrganiserMessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        transaction.on_commit(
            lambda: tasks.message_attendees.enqueue(
                event.pk, form.cleaned_data["subject"], form.cleaned_data["text"]
            )
        )
        messages.success(request, _("Your message is being sent to all confirmed attendees."))
        return redirect("events_admin:registrations", event.pk)
    return render(
        request,
        "events/admin/message.html",
        {"event": event, "form": form, "counts": registration.counts(event)},
        status=400 if form.errors else 200,
    )


def _free_slug(base):
    slug, number = base, 1
    while Event.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@require_POST
def duplicate(request, pk):
    """A copy as a draft, with the same questions, partners, themes and organisers;
    the organiser then sets the new date."""
    original = event_for(request.user, pk)
    with transaction.atomic():
        copy = Event.objects.get(pk=original.pk)
        copy.pk = None
        copy._state.adding = True
        copy.title = _("%(title)s (copy)") % {"title": original.title}
        copy.slug = _free_slug(slugify(f"{original.slug}-kopie")[:190])
        copy.status = EventStatus.DRAFT
        copy.report_page = None
        copy.anonymised_at = None
        copy.save()
        original.copy_all_child_relations(copy, commit=True)
        copy.themes.set(original.themes.all())
        copy.organisers.set(original.organisers.all())
        if not sees_all_events(request.user):
            copy.organisers.add(request.user)
        copy.save()  # writes the parental many-to-many relations
        source = {"id": original.pk, "title": original.title}
        log(copy, "wagtail.copy", user=request.user, data={"source": source})
    messages.success(request, _("The event has been copied as a draft. Set the new date."))
    return redirect("events_admin:edit", copy.pk)


@require_http_methods(["GET", "POST"])
def cancel_event(request, pk):
    event = event_for(request.user, pk)
    if request.method == "POST":
        count = registration.cancel_event(event.pk, by=request.user)
        messages.success(
            request,
            _("The event has been cancelled; %(count)s people have been told by e-mail.")
            % {"count": count},
        )
        return redirect("events_admin:registrations", event.pk)
    return render(
        request,
        "events/admin/cancel_event.html",
        {"event": event, "counts": registration.counts(event)},
    )
