"""The centre in the Wagtail admin: the knowledge brokers' conversation log and the
quarterly figures, under one menu item. The log is for those with its model
permissions (the Kennismakelaars, and superusers); Wagtail's views check them and
write the history of every conversation added, changed or deleted."""

import django_filters
from django import forms
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from initiatives.models import Initiative
from portal.models import Theme

from . import admin_views
from .forms import ConversationForm
from .models import Conversation


class ConversationFilterSet(WagtailFilterSet):
    date = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)
    themes = django_filters.ModelChoiceFilter(
        label=_("Theme"), queryset=Theme.objects.order_by("name"), distinct=True
    )
    initiative = django_filters.ModelChoiceFilter(
        label=_("Initiative"),
        field_name="initiatives",
        queryset=Initiative.objects.order_by("title"),
        distinct=True,
    )

    class Meta:
        model = Conversation
        fields = ["date", "themes", "initiative"]


class ConversationViewSet(ModelViewSet):
    model = Conversation
    name = "conversations"
    url_prefix = "gesprekken"
    icon = "comment"
    menu_label = _("Conversations")
    menu_order = 100
    filterset_class = ConversationFilterSet
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = ["date", "organisations", "with_whom", "recorded_by"]
    # No search index for a staff-only log: the database searches these columns.
    search_backend_name = None
    search_fields = ["organisations", "with_whom", "note"]
    ordering = ["-date", "-pk"]
    edit_handler = ObjectList(
        [
            FieldPanel("date"),
            MultiFieldPanel(
                [
                    FieldPanel("organisations"),
                    FieldPanel("with_whom"),
                    FieldPanel("participant_emails"),
                ],
                heading=_("With whom"),
            ),
            FieldPanel("initiatives"),
            FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            MultiFieldPanel(
                [FieldPanel("led_to_leerkring"), FieldPanel("led_to_event")],
                heading=_("What it led to"),
            ),
            FieldPanel("note"),
        ],
        base_form_class=ConversationForm,
    )


class FiguresViewSet(ViewSet):
    """The quarterly figures of a year, their targets and downloads."""

    name = "centre_figures"
    url_prefix = "kwartaalcijfers"
    icon = "table"
    menu_label = _("Quarterly figures")
    menu_order = 200

    @property
    def menu_item_class(self):
        from wagtail.admin.menu import MenuItem

        class FiguresMenuItem(MenuItem):
            def is_shown(self, request):
                return request.user.has_perm("centre.view_target")

        return FiguresMenuItem

    def get_urlpatterns(self):
        return [
            path("", admin_views.figures, name="index"),
            path("<int:year>/doelen/", admin_views.set_targets, name="targets"),
            path("<int:year>.xlsx", admin_views.figures_xlsx, name="xlsx"),
            path("<int:year>.pdf", admin_views.figures_pdf, name="pdf"),
        ]


class CentreViewSetGroup(ViewSetGroup):
    menu_label = _("Expertise centre")
    menu_icon = "group"
    menu_order = 280
    items = (ConversationViewSet, FiguresViewSet)
