"""Admin registration of the map of initiatives."""

from wagtail import hooks

from .viewsets import InitiativeViewSet


@hooks.register("register_admin_viewset")
def register_viewset():
    return InitiativeViewSet()
