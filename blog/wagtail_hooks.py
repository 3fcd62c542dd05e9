"""Admin registrations of the blog: authors and categories as snippets, comments as a
moderation queue in the menu, and importing a WordPress site (under Settings)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from portal.panels import has_role
from portal.roles import EDITORS

from . import admin_views
from .panels import CommentsWaitingPanel
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


@hooks.register("register_admin_urls")
def register_wordpress_import_urls():
    urls = [
        path("", admin_views.upload, name="upload"),
        path("<int:pk>/", admin_views.report, name="report"),
    ]
    return [path("wordpress/", include((urls, "wordpress_import"), namespace="wordpress_import"))]


class WordPressImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("blog.add_wordpressimport")


@hooks.register("register_settings_menu_item")
def register_wordpress_import_menu_item():
    return WordPressImportMenuItem(
        _("Import from WordPress"), reverse("wordpress_import:upload"), icon_name="upload"
    )


@hooks.register("construct_homepage_panels")
def add_comments_waiting_panel(request, panels):
    if has_role(request.user, EDITORS) and request.user.has_perm("blog.change_comment"):
        panels.append(CommentsWaitingPanel())
