from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    """Articles and guest articles in the "Actueel" section, with readers' comments."""

    name = "blog"
    verbose_name = _("News and blogs")

    def ready(self):
        from portal import content_versions, flags, personal_data

        from . import comments, privacy
        from .models import Author, Category, Comment

        personal_data.register(
            "blog_comments", export=privacy.export, erase=privacy.erase, models=["blog.Comment"]
        )
        content_versions.follow(
            Comment, "comments", shown=lambda comment: comment.status == Comment.Status.APPROVED
        )
        for model in (Author, Category):
            content_versions.follow(model, "pages")
        flags.register(comments.REPORTS)
