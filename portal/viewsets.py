"""Wagtail admin viewsets of the portal app: users (with our profile fields), themes
and the daily jobs' runs."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import BasePermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .models import ScheduledRun, Theme, User

PROFILE_FIELDS = [
    "email",
    "full_name",
    "organisation",
    "job_title",
    "sector",
    "is_superuser",
    "groups",
]


class ProfileFieldsMixin(forms.Form):
    """Replaces Wagtail's first and last name by the portal's single full name:
    Dutch names (with tussenvoegsels) do not split well in two."""

    first_name = None
    last_name = None
    full_name = forms.CharField(label=_("full name"), max_length=150, required=True)


class AdminUserCreationForm(ProfileFieldsMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        model = User
        fields = PROFILE_FIELDS


class AdminUserEditForm(ProfileFieldsMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        model = User
        fields = PROFILE_FIELDS + ["is_active"]


class UserViewSet(WagtailUserViewSet):
    create_template_name = "portal/admin/users/create.html"
    edit_template_name = "portal/admin/users/edit.html"

    def get_form_class(self, for_update=False):
        return AdminUserEditForm if for_update else AdminUserCreationForm


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "is_starting_point", "sort_order"]
    search_fields = ["name"]


class SuperuserViewOnlyPolicy(BasePermissionPolicy):
    """Superusers may look; nobody may add, change or delete."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.is_superuser

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return User.objects.none()
        return User.objects.filter(is_active=True, is_superuser=True)


class ScheduledRunViewSet(ModelViewSet):
    """The daily jobs' runs (see portal/scheduling.py), newest first: whether
    reminders, anonymising and clean-ups happened, and what went wrong if not."""

    model = ScheduledRun
    name = "scheduled_runs"
    url_prefix = "geplande-taken"
    icon = "time"
    menu_label = _("Scheduled jobs")
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = []  # nobody adds or edits a run (see SuperuserViewOnlyPolicy)
    list_display = ["job", "day", "started_at", "finished_at", "outcome", "result"]
    list_filter = ["job", "outcome"]
    ordering = ["-started_at"]
