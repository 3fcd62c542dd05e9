"""Admin registrations of the agenda: the viewsets, the key figures panel and the
organisers' next events on the dashboard."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from portal.audit_log import CountFormatter
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
    class Cancelled(CountFormatter):
        label = _("Cancel event")
        count_key = "told"
        message = ngettext_lazy(
            "Cancelled the event; %(count)s person was told by e-mail",
            "Cancelled the event; %(count)s people were told by e-mail",
            "count",
        )

    @actions.register_action("events.certificates.issue")
    class CertificatesIssued(CountFormatter):
        label = _("Issue certificates")
        message = ngettext_lazy(
            "Issued %(count)s certificate of attendance",
            "Issued %(count)s certificates of attendance",
            "count",
        )

    @actions.register_action("events.certificates.regenerate")
    class CertificatesRegenerated(CountFormatter):
        label = _("Make certificates again")
        message = ngettext_lazy(
            "Made %(count)s certificate again: what it says had changed",
            "Made %(count)s certificates again: what they say had changed",
            "count",
        )
