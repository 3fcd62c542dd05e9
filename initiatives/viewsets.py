"""Initiatives in the Wagtail admin: the list (the moderation queue is its
status=submitted filter), editing, and the moderation, export and import tools."""

import django_filters
from django import forms
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton, ListingButton

from portal.taxonomy import Province, Sector

from . import admin_views
from .models import Initiative


class InitiativeAdminFilter(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Initiative.Status.choices)
    province = django_filters.ChoiceFilter(label=_("Province"), choices=Province.choices)
    organisation_type = django_filters.ChoiceFilter(
        label=_("Type of organisation"), choices=Sector.choices
    )

    class Meta:
        model = Initiative
        fields = ["status", "province", "organisation_type"]


# Other apps put buttons on an initiative's edit and inspect pages through this hook,
# without the initiatives importing them: each function takes (initiative, user) and
# returns a list of buttons (the centre's link to the conversations about it).
INITIATIVE_HEADER_BUTTONS_HOOK = "register_initiative_header_buttons"


class HookedHeaderButtonsMixin:
    """The buttons other apps register with INITIATIVE_HEADER_BUTTONS_HOOK."""

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        for make_buttons in hooks.get_hooks(INITIATIVE_HEADER_BUTTONS_HOOK):
            buttons.extend(make_buttons(self.object, self.request.user))
        return buttons


class InitiativeEditView(HookedHeaderButtonsMixin, generic.EditView):
    pass


class InitiativeInspectView(HookedHeaderButtonsMixin, generic.InspectView):
    pass


class InitiativeIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("municipality")

    def get_list_buttons(self, instance):
        return [
            ListingButton(
                _("Moderate"),
                url=reverse("initiatives_admin:moderate", args=[instance.pk]),
                icon_name="tasks",
                priority=5,
            ),
            *super().get_list_buttons(instance),
        ]

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        user = self.request.user
        if user.has_perm("initiatives.add_initiative"):
            buttons.append(
                HeaderButton(
                    _("Import CSV"), url=reverse("initiatives_admin:import"), icon_name="upload"
                )
            )
        if user.has_perm("initiatives.change_initiative"):
            buttons.append(
                HeaderButton(
                    _("Export CSV"), url=reverse("initiatives_admin:export"), icon_name="download"
                )
            )
        return buttons


class InitiativeViewSet(ModelViewSet):
    model = Initiative
    name = "initiatives_admin"
    url_prefix = "initiatieven"
    icon = "site"
    menu_label = _("Initiatives")
    menu_order = 270
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = InitiativeIndexView
    edit_view_class = InitiativeEditView
    inspect_view_class = InitiativeInspectView
    filterset_class = InitiativeAdminFilter
    list_display = [
        "title",
        Column("municipality", label=_("Municipality"), accessor="municipality"),
        "organisation_name",
        "status",
        "created_at",
    ]
    search_fields = ["title", "summary", "organisation_name"]
    ordering = ["-created_at"]
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("organisation_type")],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("municipality"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Place"),
        ),
        FieldPanel("website"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("relation"),
                FieldPanel("submitter_name"),
                FieldPanel("submitter_email"),
                FieldPanel("contact_email"),
            ],
            heading=_("Submitted by"),
        ),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("moderate/<int:pk>/", admin_views.moderate, name="moderate"),
            path("publish/<int:pk>/", admin_views.publish, name="publish"),
            path("reject/<int:pk>/", admin_views.reject, name="reject"),
            path("export/", admin_views.export_csv, name="export"),
            path("import/", admin_views.import_csv, name="import"),
        ]
