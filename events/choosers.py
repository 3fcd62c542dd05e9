"""The event chooser: lets editors pick events elsewhere in the admin, for instance
in a newsletter's agenda block.

It has a module of its own because blocks use it: a page's blocks are part of its
model, and a model must not pull in the agenda's admin views, forms and e-mails."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.chooser import ChooserViewSet

from .models import Event


class EventChooserViewSet(ChooserViewSet):
    model = Event
    icon = "date"
    choose_one_text = _("Choose an event")
    choose_another_text = _("Choose another event")
    edit_item_text = _("Edit this event")
    url_filter_parameters = []

    def get_object_list(self):
        return Event.objects.published().upcoming().order_by("starts_at")


event_chooser_viewset = EventChooserViewSet("event_chooser")
EventChooserBlock = event_chooser_viewset.get_block_class(
    name="EventChooserBlock", module_path="events.choosers"
)
