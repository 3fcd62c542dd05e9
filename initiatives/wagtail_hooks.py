"""Admin registration of the map of initiatives."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .viewsets import InitiativeViewSet


@hooks.register("register_admin_viewset")
def register_viewset():
    return InitiativeViewSet()


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    actions.register_action("initiatives.publish", _("Put on the map"), _("Put on the map"))

    @actions.register_action("initiatives.reject")
    class Rejected(LogFormatter):
        label = _("Reject")

        def format_message(self, log_entry):
            """With the message the submitter got (gone once they deleted their account)."""
            message = log_entry.data.get("message")
            if not message:
                return _("Rejected")
            return _("Rejected with the message: “%(message)s”") % {"message": message}
