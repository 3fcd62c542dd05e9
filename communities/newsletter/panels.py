"""The sending button at the top of an issue's editor.

Wagtail puts buttons of the `register_page_header_buttons` hook in the header's
"more actions" menu, where editors did not find "Send newsletter". This panel shows
it (or, once sent, the sending progress) as a button on the Content tab, to whoever
may send the issue: sending needs the permission to publish it (see admin_views).
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class SendingPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Sending"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "newsletter/admin/sending_panel.html"

        def is_shown(self):
            issue = self.instance
            return bool(
                issue.pk
                and self.request
                and issue.permissions_for_user(self.request.user).can_publish()
            )

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            if self.instance.is_sent:
                context["label"] = _("Sending progress")
                context["url"] = reverse("newsletter_sending:progress", args=[self.instance.pk])
            else:
                context["label"] = _("Send newsletter")
                context["url"] = reverse("newsletter_sending:send", args=[self.instance.pk])
            return context
