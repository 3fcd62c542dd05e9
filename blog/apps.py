from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    """Articles and guest articles in the "Actueel" section, with readers' comments."""

    name = "blog"
    verbose_name = _("News and blogs")

    def ready(self):
        from portal import personal_data

        personal_data.register("blog_comments", export=export_comments)


def export_comments(user):
    """A member's comments; they are deleted with the account (cascade)."""
    return [
        {
            "article": comment.article.title,
            "created": comment.created.isoformat(),
            "status": comment.status,
            "comment": comment.body,
        }
        for comment in user.blog_comments.select_related("article")
    ]
