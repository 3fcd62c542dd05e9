"""Admin registrations of the agenda: the viewsets, the key figures panel and the
organisers' next events on the dashboard."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from portal.panels import has_role
from portal.roles import ORGANISERS

from .choosers import event_chooser_viewset
from .models import Registration
from .panels import KeyFiguresPanel, NextEventsPanel
from .privacy import ANONYMOUS_NAME
from .viewsets import EventViewSet, YearTargetViewSet


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [EventViewSet(), YearTargetViewSet(), event_chooser_viewset]


@hooks.register("construct_homepage_panels")
def add_key_figures(request, panels):
    if request.user.has_perm("events.view_event"):
        panels.append(KeyFiguresPanel())


@hooks.register("construct_homepage_panels")
def add_next_events(request, panels):
    if has_role(request.user, ORGANISERS) and request.user.has_perm("events.view_event"):
        panels.append(NextEventsPanel())


class CheckIn(LogFormatter):
    """A check-in in the event's history. The entry holds only the registration's id;
    the name is looked up when the history is shown, so it goes when the person's
    details are wiped."""

    template = ""

    def format_message(self, log_entry):
        registration_id = log_entry.data.get("registration")
        name = Registration.objects.filter(pk=registration_id).values_list("name", flat=True)
        name = name.first()
        if not name or name == ANONYMOUS_NAME:
            name = _("someone whose details have been wiped")
        return self.template % {"name": name}


@hooks.register("register_log_actions")
def register_event_log_actions(actions):
    @actions.register_action("events.check_in.attended")
    class Attended(CheckIn):
        label = _("Check in")
        template = _("Checked in %(name)s")

    @actions.register_action("events.check_in.no_show")
    class NoShow(CheckIn):
        label = _("Mark as no-show")
        template = _("Marked %(name)s as not present")

    @actions.register_action("events.cancel")
    class Cancelled(LogFormatter):
        label = _("Cancel event")

        def format_message(self, log_entry):
            count = log_entry.data.get("told", 0)
            return ngettext(
                "Cancelled the event; %(count)s person was told by e-mail",
                "Cancelled the event; %(count)s people were told by e-mail",
                count,
            ) % {"count": count}

    @actions.register_action("events.certificates.issue")
    class CertificatesIssued(LogFormatter):
        label = _("Issue certificates")

        def format_message(self, log_entry):
            count = log_entry.data.get("count", 0)
            return ngettext(
                "Issued %(count)s certificate of attendance",
                "Issued %(count)s certificates of attendance",
                count,
            ) % {"count": count}

    @actions.register_action("events.certificates.regenerate")
    class CertificatesRegenerated(LogFormatter):
        label = _("Make certificates again")

        def format_message(self, log_entry):
            count = log_entry.data.get("count", 0)
            return ngettext(
                "Made %(count)s certificate again: what it says had changed",
                "Made %(count)s certificates again: what they say had changed",
                count,
            ) % {"count": count}
