"""Wagtail admin viewsets of the portal app: users (with our profile fields) and themes."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .models import Theme, User

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
