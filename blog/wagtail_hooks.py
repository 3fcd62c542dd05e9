"""Admin registrations of the blog: authors and categories as snippets, comments as a
moderation queue in the menu."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .viewsets import AuthorViewSet, CategoryViewSet, CommentViewSet

register_snippet(AuthorViewSet)
register_snippet(CategoryViewSet)


@hooks.register("register_admin_viewset")
def register_comment_viewset():
    return CommentViewSet()


@hooks.register("register_log_actions")
def register_comment_log_actions(actions):
    actions.register_action(
        "blog.comment.approved", _("Approve comment"), _("Approved the comment")
    )
    actions.register_action("blog.comment.rejected", _("Reject comment"), _("Rejected the comment"))
