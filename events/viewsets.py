"""The agenda in the Wagtail admin: events (organisers see their own), the per-event
tools of events.admin_views, and the yearly targets of the key figures."""

from functools import wraps

from django.db import transaction
from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import ListingButton

from . import admin_views
from .models import Event, EventStatus, RegistrationStatus, YearTarget
from .permissions import event_for, events_for, sees_all_events
from .registration import cancel_event, fill_free_seats


def _own_event_only(view):
    """Every admin address with an event's pk answers 404 for someone else's event."""

    @wraps(view)
    def wrapped(request, *args, pk, **kwargs):
        event_for(request.user, pk)
        return view(request, *args, pk=pk, **kwargs)

    return wrapped


class EventIndexView(generic.IndexView):
    def get_base_queryset(self):
        return events_for(self.request.user).annotate(
            confirmed_count=Count(
                "registrations",
                filter=Q(
                    registrations__status__in=[
                        RegistrationStatus.CONFIRMED,
                        RegistrationStatus.ATTENDED,
                        RegistrationStatus.NO_SHOW,
                    ]
                ),
            ),
            waiting_count=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)
            ),
            cancelled_count=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.CANCELLED)
            ),
        )

    def get_list_buttons(self, instance):
        return [
            ListingButton(
                _("Registrations"),
                url=reverse("events_admin:registrations", args=[instance.pk]),
                icon_name="group",
                priority=5,
            ),
            *super().get_list_buttons(instance),
        ]


class EventCreateView(generic.CreateView):
    def save_instance(self):
        """An organiser's new event is theirs: they are added as its organiser."""
        instance = super().save_instance()
        if not sees_all_events(self.request.user):
            instance.organisers.add(self.request.user)
            instance.save()  # writes the parental many-to-many relation
        return instance


class EventEditView(generic.EditView):
    def save_instance(self):
        """Cancelling through the status field tells everyone, like the cancel action;
        more seats (or no limit any more) go to the waiting list at once."""
        was = Event.objects.values_list("status", flat=True).get(pk=self.object.pk)
        instance = super().save_instance()
        if instance.status == EventStatus.CANCELLED and was != EventStatus.CANCELLED:
            transaction.on_commit(lambda: cancel_event(instance.pk, by=self.request.user))
        else:
            transaction.on_commit(lambda: fill_free_seats(instance.pk))
        return instance


class EventViewSet(ModelViewSet):
    model = Event
    name = "events_admin"
    url_prefix = "agenda"
    icon = "date"
    menu_label = _("Agenda")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    index_view_class = EventIndexView
    add_view_class = EventCreateView
    edit_view_class = EventEditView
    list_display = [
        "title",
        Column("starts_at", label=_("Starts at")),
        "status",
        Column("confirmed_count", label=_("Confirmed")),
        Column("waiting_count", label=_("Waiting")),
        Column("cancelled_count", label=_("Cancelled")),
    ]
    list_filter = ["status", "event_type"]
    search_fields = ["title", "city"]
    search_backend_name = None
    ordering = ["-starts_at"]

    def get_urlpatterns(self):
        own = [
            path("<int:pk>/aanmeldingen/", admin_views.registrations, name="registrations"),
            path(
                "<int:pk>/aanmeldingen/export.csv",
                admin_views.export,
                {"kind": "csv"},
                name="export_csv",
            ),
            path(
                "<int:pk>/aanmeldingen/export-excel.csv",
                admin_views.export,
                {"kind": "csv-excel"},
                name="export_csv_excel",
            ),
            path(
                "<int:pk>/aanmeldingen/export.xlsx",
                admin_views.export,
                {"kind": "xlsx"},
                name="export_xlsx",
            ),
            path(
                "<int:pk>/aanmeldingen/<int:registration_pk>/aanwezig/",
                admin_views.check_in,
                name="check_in",
            ),
            path("<int:pk>/presentielijst/", admin_views.checkin_list, name="checkin_list"),
            path(
                "<int:pk>/certificaten/",
                admin_views.issue_certificates,
                name="issue_certificates",
            ),
            path(
                "<int:pk>/certificaten/<int:certificate_pk>/",
                admin_views.certificate,
                name="certificate",
            ),
            path("<int:pk>/bericht/", admin_views.message, name="message"),
            path("<int:pk>/dupliceren/", admin_views.duplicate, name="duplicate"),
            path("<int:pk>/afgelasten/", admin_views.cancel_event, name="cancel_event"),
        ]
        patterns = []
        for pattern in super().get_urlpatterns() + own:
            if "<" in str(pattern.pattern) and "pk>" in str(pattern.pattern):
                pattern.callback = _own_event_only(pattern.callback)
            patterns.append(pattern)
        return patterns


class YearTargetViewSet(ModelViewSet):
    model = YearTarget
    icon = "pick"
    menu_label = _("Yearly targets")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["year", "events_target", "participants_target"]
    form_fields = ["year", "events_target", "participants_target"]
    copy_view_enabled = False
