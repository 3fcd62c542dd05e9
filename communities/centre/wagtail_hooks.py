"""Admin registrations of the centre: the conversation log and the quarterly figures,
and on an initiative's edit page a link to the conversations about it (through the
hook the initiatives offer, since they cannot import the centre)."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import HeaderButton

from initiatives.viewsets import INITIATIVE_HEADER_BUTTONS_HOOK

from .viewsets import CentreViewSetGroup


@hooks.register("register_admin_viewset")
def register_centre_viewsets():
    return CentreViewSetGroup()


@hooks.register(INITIATIVE_HEADER_BUTTONS_HOOK)
def conversations_about_initiative(initiative, user):
    if not user.has_perm("centre.view_conversation"):
        return []
    url = reverse("conversations:index") + "?" + urlencode({"initiative": initiative.pk})
    return [HeaderButton(_("Conversations about this initiative"), url=url, icon_name="comment")]
