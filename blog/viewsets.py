"""Wagtail admin of the blog: authors, categories, and the comment moderation queue."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from .comments import moderate
from .models import Author, Category, Comment


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = _("Authors")
    list_display = ["name", "organisation", "is_guest"]
    list_filter = ["is_guest"]
    search_fields = ["name", "organisation"]


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-inverse"
    menu_label = _("Categories")
    list_display = ["name", "slug", "sort_order"]


class ModerationColumn(Column):
    """Approve and reject buttons, each a small POST form, in the queue itself."""

    cell_template_name = "blog/admin/moderation_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        # Cells render without a RequestContext, so the form's token is passed in.
        context["csrf_token"] = get_token(context["request"])
        return context


class CommentViewSet(ModelViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Comments")
    menu_order = 210
    add_to_admin_menu = True
    url_prefix = "reacties"
    name = "blog_comments"
    form_fields = ["status", "body"]
    list_filter = ["status"]
    search_fields = ["body", "name"]
    ordering = ["-created"]
    list_display = [
        Column("body", label=_("comment"), accessor="__str__"),
        Column("article", label=_("article")),
        Column("status", label=_("status"), accessor="get_status_display"),
        DateColumn("created", label=_("posted")),
        ModerationColumn("moderate", label=_("moderate")),
    ]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["article", "parent", "name", "body", "status", "created"]

    def get_queryset(self, request):
        return Comment.objects.select_related("article", "user")

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/moderate/", self.moderate_view, name="moderate"),
        ]

    def moderate_view(self, request, pk):
        return _moderate(request, pk, self)


@require_POST
def _moderate(request, pk, viewset):
    if not viewset.permission_policy.user_has_permission(request.user, "change"):
        raise PermissionDenied
    comment = get_object_or_404(Comment.objects.select_related("user"), pk=pk)
    status = request.POST.get("status")
    if status not in (Comment.Status.APPROVED, Comment.Status.REJECTED):
        return HttpResponseBadRequest()
    moderate(comment, status, by=request.user)
    if status == Comment.Status.APPROVED:
        message = _("The comment by %(name)s has been approved.")
    else:
        message = _("The comment by %(name)s has been rejected.")
    messages.success(request, message % {"name": comment.author_name})
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse(viewset.get_url_name("index"))
    return redirect(next_url)
