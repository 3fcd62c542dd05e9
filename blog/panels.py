"""The editors' panel on the admin dashboard: comments waiting for moderation."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from portal.panels import SHOWN

from .models import Comment


class CommentsWaitingPanel(Component):
    """How many comments wait and the oldest of them: they have waited longest for
    an answer, so they come first."""

    name = "blog_comments_waiting"
    order = 110
    template_name = "blog/admin/comments_waiting_panel.html"

    def get_context_data(self, parent_context=None):
        waiting = Comment.objects.filter(status=Comment.Status.PENDING)
        return {
            "count": waiting.count(),
            "comments": waiting.select_related("article", "user").order_by("created", "pk")[:SHOWN],
            "moderation_url": f"{reverse('blog_comments:index')}?status={Comment.Status.PENDING}",
        }
