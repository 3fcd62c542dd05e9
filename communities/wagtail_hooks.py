"""Admin registrations of the leerkringen. The permission policy is registered
first, so every Wagtail view of the model uses it."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import Leerkring
from .viewsets import LeerkringPermissionPolicy, LeerkringViewSet

register_permission_policy(Leerkring, LeerkringPermissionPolicy(Leerkring))


@hooks.register("register_admin_viewset")
def register_leerkring_viewset():
    return LeerkringViewSet()
