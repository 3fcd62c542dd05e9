"""The key figures panel on the admin dashboard."""

from wagtail.admin.ui.components import Component

from .figures import chart_context


class KeyFiguresPanel(Component):
    name = "event_key_figures"
    order = 150
    template_name = "events/admin/key_figures_panel.html"

    def get_context_data(self, parent_context=None):
        request = parent_context.get("request") if parent_context else None
        context = chart_context()
        context["can_set_targets"] = bool(
            request and request.user.has_perm("events.change_yeartarget")
        )
        return context
