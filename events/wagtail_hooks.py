"""Admin registrations of the agenda: the viewsets and the key figures panel."""

from wagtail import hooks

from .panels import KeyFiguresPanel
from .viewsets import EventViewSet, YearTargetViewSet, event_chooser_viewset


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [EventViewSet(), YearTargetViewSet(), event_chooser_viewset]


@hooks.register("construct_homepage_panels")
def add_key_figures(request, panels):
    if request.user.has_perm("events.view_event"):
        panels.append(KeyFiguresPanel())
