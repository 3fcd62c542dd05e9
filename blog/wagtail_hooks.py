"""Admin registrations of the blog: authors and categories as snippets, comments as a
moderation queue in the menu."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .viewsets import AuthorViewSet, CategoryViewSet, CommentViewSet

register_snippet(AuthorViewSet)
register_snippet(CategoryViewSet)


@hooks.register("register_admin_viewset")
def register_comment_viewset():
    return CommentViewSet()
