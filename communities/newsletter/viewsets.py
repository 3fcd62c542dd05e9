"""The newsletter in the Wagtail admin: the subscriber list and the statistics.

Both sit under one menu item, "Newsletter". Editors (Redacteuren) may view, change
and delete subscribers, for instance when someone asks to be removed. Nobody adds
subscribers here: a subscriber exists because that person gave consent on one of
the portal's forms, so the permission policy refuses "add" to everyone, superusers
included, and the viewset has no add view. Editing is limited to what does not
touch the consent: name, topics, and unsubscribing.

Sending an issue is done from the issue page itself (see `admin_views`).
"""

import django_filters
from django import forms
from django.db.models import Prefetch
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from communities.models import Leerkring
from portal.exports import csv_safe
from portal.models import Theme

from . import admin_views
from .models import Subscriber, SubscriberStatus


class SubscriberPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, except that nobody may add a subscriber by hand."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action != "add"]
        if not actions:
            return super().users_with_any_permission(["add"]).none()
        return super().users_with_any_permission(actions)


class SubscriberFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=SubscriberStatus.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    themes = django_filters.ModelMultipleChoiceFilter(
        label=_("Themes"),
        queryset=Theme.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        distinct=True,
    )
    leerkringen = django_filters.ModelMultipleChoiceFilter(
        label=_("Leerkringen"),
        queryset=Leerkring.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        distinct=True,
    )
    consent_given_at = django_filters.DateFromToRangeFilter(
        label=_("Signed up between"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Subscriber
        fields = ["status", "themes", "leerkringen", "consent_given_at"]


class SubscriberForm(WagtailAdminModelForm):
    """Name, topics and status. The status can only stay as it is or become
    "unsubscribed": confirming an address is the subscriber's own step."""

    class Meta:
        model = Subscriber
        fields = ["name", "status", "themes", "leerkringen"]
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "leerkringen": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.status
        self.fields["status"].choices = [
            (value, label)
            for value, label in SubscriberStatus.choices
            if value in (current, SubscriberStatus.UNSUBSCRIBED)
        ]
        self.fields["status"].help_text = _(
            "You can unsubscribe someone here. Only the person themselves can subscribe "
            "again, through the form on the site."
        )

    def clean_status(self):
        status = self.cleaned_data["status"]
        if status not in (self.instance.status, SubscriberStatus.UNSUBSCRIBED):
            raise forms.ValidationError(_("Only the subscriber can confirm a subscription."))
        return status

    def save(self, commit=True):
        if "status" in self.changed_data and self.instance.status == SubscriberStatus.UNSUBSCRIBED:
            self.instance.unsubscribed_at = timezone.now()
        return super().save(commit=commit)


def _local(value):
    """A moment as local wall-clock time without zone, for spreadsheets."""
    if value is None:
        return None
    return timezone.localtime(value).replace(tzinfo=None, microsecond=0)


class SubscriberIndexView(generic.IndexView):
    export_headings = {
        "email": _("E-mail address"),
        "name": _("Name"),
        "status": _("Status"),
        "themes": _("Themes"),
        "leerkringen": _("Leerkringen"),
        "consent_given_at": _("Consent given at"),
        "consent_source": _("Consent given on"),
        "consent_version": _("Version of the consent text"),
        "confirmed_at": _("Confirmed at"),
        "unsubscribed_at": _("Unsubscribed at"),
        "account": pgettext_lazy("newsletter admin", "Account"),
    }

    def get_base_queryset(self):
        # The topics are shown in the list and exported: two queries for all rows.
        return Subscriber.objects.select_related("user").prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by("name")),
            Prefetch("leerkringen", queryset=Leerkring.objects.order_by("name")),
        )

    def get_filename(self):
        return f"nieuwsbrief-abonnees-{timezone.localdate():%Y-%m-%d}"

    def to_row_dict(self, item):
        """One subscriber with the whole consent record."""
        row = {
            "email": item.email,
            "name": item.name,
            "status": str(item.get_status_display()),
            "themes": ", ".join(theme.name for theme in item.themes.all()),
            "leerkringen": ", ".join(leerkring.name for leerkring in item.leerkringen.all()),
            "consent_given_at": _local(item.consent_given_at),
            "consent_source": str(item.get_consent_source_display()),
            "consent_version": item.consent_version,
            "confirmed_at": _local(item.confirmed_at),
            "unsubscribed_at": _local(item.unsubscribed_at),
            "account": item.user.email if item.user else "",
        }
        return {field: row[field] for field in self.list_export}

    def write_csv_row(self, writer, row_dict):
        """CSV has no text cells, so a name like "=HYPERLINK(...)" gets an apostrophe
        (see portal.exports); Wagtail's XLSX already writes such a value as text."""
        return super().write_csv_row(
            writer, {field: csv_safe(value) for field, value in row_dict.items()}
        )


class TopicsColumn(Column):
    def get_value(self, instance):
        return ", ".join(str(name) for name in instance.topic_names) or "—"


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    name = "newsletter_subscribers"
    url_prefix = "nieuwsbrief/abonnees"
    icon = "user"
    menu_label = pgettext_lazy("newsletter admin", "Subscribers")
    menu_order = 100
    index_view_class = SubscriberIndexView
    form_class = SubscriberForm
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "email",
        "name",
        "status",
        "themes",
        "leerkringen",
        "user",
        "consent_given_at",
        "consent_source",
        "consent_version",
        "confirmed_at",
        "unsubscribed_at",
    ]
    list_display = [
        "email",
        "name",
        "status",
        TopicsColumn("topics", label=_("Topics")),
        "consent_source",
        DateColumn("consent_given_at", label=_("Consent given at")),
        DateColumn("confirmed_at", label=_("Confirmed at")),
    ]
    filterset_class = SubscriberFilterSet
    search_fields = ["email", "name"]
    search_backend_name = None
    ordering = ["-consent_given_at"]
    list_export = [
        "email",
        "name",
        "status",
        "themes",
        "leerkringen",
        "consent_given_at",
        "consent_source",
        "consent_version",
        "confirmed_at",
        "unsubscribed_at",
        "account",
    ]

    def get_form_class(self, for_update=False):
        return SubscriberForm

    def get_urlpatterns(self):
        # No add view: subscribers only come from the public forms, with consent.
        return [pattern for pattern in super().get_urlpatterns() if pattern.name != "add"]


class StatisticsViewSet(ViewSet):
    """Subscriber counts per status and topic and the growth per month."""

    name = "newsletter_statistics"
    url_prefix = "nieuwsbrief/cijfers"
    icon = "view"
    menu_label = pgettext_lazy("newsletter admin", "Statistics")
    menu_order = 200

    @property
    def menu_item_class(self):
        from wagtail.admin.menu import MenuItem

        class StatisticsMenuItem(MenuItem):
            def is_shown(self, request):
                return request.user.has_perm("newsletter.view_subscriber")

        return StatisticsMenuItem

    def get_urlpatterns(self):
        return [path("", admin_views.statistics, name="index")]


class NewsletterViewSetGroup(ViewSetGroup):
    menu_label = _("Newsletter")
    menu_icon = "mail"
    menu_order = 270
    items = (SubscriberViewSet, StatisticsViewSet)
