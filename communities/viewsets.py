"""The leerkringen in the Wagtail admin.

Coordinators see and edit only the leerkringen they are listed for; editors and
administrators (permission `manage_all_leerkringen`) see all. That one rule,
`Leerkring.objects.managed_by(user)`, scopes every view below, so another
coordinator's leerkring is a 404 wherever they try it. The member list, its exports
and the message to members are extra views of this viewset (communities.admin_views).
"""

from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from . import admin_views
from .models import Leerkring, MembershipStatus


class LeerkringPermissionPolicy(ModelPermissionPolicy):
    """Model permissions say what someone may do with leerkringen; being listed as
    coordinator (or managing all) says for which ones."""

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and Leerkring.objects.managed_by(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Leerkring.objects.none()
        return Leerkring.objects.managed_by(user)


class MembersColumn(Column):
    cell_template_name = "communities/admin/members_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["members_url"] = reverse("leerkringen:members", args=[instance.pk])
        return context


class IndexView(generic.IndexView):
    def get_base_queryset(self):
        return Leerkring.objects.managed_by(self.request.user).annotate(
            member_count=Count(
                "memberships", filter=Q(memberships__status=MembershipStatus.ACTIVE)
            ),
            pending_count=Count(
                "memberships", filter=Q(memberships__status=MembershipStatus.PENDING)
            ),
        )


class EditView(generic.EditView):
    def get_queryset(self):
        return Leerkring.objects.managed_by(self.request.user)

    @property
    def header_buttons(self):
        return [
            HeaderButton(
                _("Members"),
                url=reverse("leerkringen:members", args=[self.object.pk]),
                icon_name="group",
            )
        ]


class DeleteView(generic.DeleteView):
    def get_queryset(self):
        return Leerkring.objects.managed_by(self.request.user)


class HistoryView(generic.history.HistoryView):
    def get_base_object_queryset(self):
        return Leerkring.objects.managed_by(self.request.user)


class UsageView(generic.usage.UsageView):
    def get_base_object_queryset(self):
        return Leerkring.objects.managed_by(self.request.user)


class LeerkringViewSet(ModelViewSet):
    model = Leerkring
    name = "leerkringen"
    icon = "group"
    menu_label = _("Leerkringen")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    index_view_class = IndexView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    usage_view_class = UsageView
    list_display = [
        "name",
        MembersColumn("members", label=_("Members"), accessor="member_count"),
        Column("pending_count", label=_("Requests")),
        Column("get_signup_mode_display", label=_("Sign-up")),
        BooleanColumn("archived", label=_("Archived")),
    ]
    list_filter = ["signup_mode", "archived"]
    search_fields = ["name", "short_description"]
    search_backend_name = None

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("members/<int:pk>/", admin_views.members, name="members"),
            path("members/<int:pk>/leden.csv", admin_views.export_csv, name="export_csv"),
            path("members/<int:pk>/leden.xlsx", admin_views.export_xlsx, name="export_xlsx"),
            path("members/<int:pk>/message/", admin_views.message, name="message"),
            path(
                "membership/<int:pk>/<str:action>/",
                admin_views.decide,
                name="decide",
            ),
        ]
