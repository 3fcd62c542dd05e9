"""The rule for comments: who may comment, whose comment waits, and spam brakes.

Members' comments appear at once; visitors' comments wait until an editor approves
them, and the editors get an e-mail. A honeypot and a per-address limit keep robots out.
Visitors may report an approved comment (`REPORTS`, for portal/flags.py).
"""

from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.admin.utils import get_admin_base_url
from wagtail.log_actions import log

from portal import flags, ratelimit
from portal.emails import send_templated_email
from portal.roles import EDITORS

from .models import Comment

RATE_LIMIT = 5  # comments per address ...
RATE_WINDOW = 10 * 60  # ... per ten minutes


class CommentsClosed(Exception):
    pass


class TooManyComments(Exception):
    pass


def check_rate_limit(ip_address: str) -> None:
    """Count one comment for this address; raise when it exceeds the limit."""
    if not ratelimit.allow("comments", ip_address, RATE_LIMIT, RATE_WINDOW):
        raise TooManyComments


def add_comment(article, user, body, *, name="", email="", parent=None, ip_address=""):
    """Store a comment; notify the editors when it waits for moderation."""
    if not article.comments_open:
        raise CommentsClosed
    check_rate_limit(ip_address)
    member = user is not None and user.is_authenticated
    comment = Comment.objects.create(
        article=article,
        parent=parent,
        user=user if member else None,
        name="" if member else name,
        email="" if member else email,
        body=body,
        status=Comment.Status.APPROVED if member else Comment.Status.PENDING,
    )
    if comment.status == Comment.Status.PENDING:
        notify_editors(comment)
    return comment


def editor_addresses() -> list[str]:
    return list(
        get_user_model()
        .objects.filter(groups__name=EDITORS, is_active=True)
        .values_list("email", flat=True)
        .distinct()
    )


def notify_editors(comment) -> None:
    recipients = editor_addresses()
    if not recipients:
        return
    queue_url = get_admin_base_url() + reverse("blog_comments:index") + "?status=pending"
    send_templated_email(
        "blog/emails/comment_pending",
        {"comment": comment, "article": comment.article, "queue_url": queue_url},
        to=recipients,
    )


def moderate(comment, status, by=None) -> None:
    """An editor (`by`) approves or rejects a comment; the comment's history in the
    admin records who did it."""
    comment.status = status
    comment.save(update_fields=["status"])
    log(comment, f"blog.comment.{status}", user=by)


def _set_reported_status(comment, status) -> None:
    """A plain update: portal/flags.py renews the cached comments and logs it."""
    Comment.objects.filter(pk=comment.pk).update(status=status)
    comment.status = status


# How visitors report a comment and editors decide (portal/flags.py): enough reports
# hide it (status "hidden"); restoring approves it again, removing rejects it.
REPORTS = flags.Flaggable(
    key="reactie",
    model=Comment,
    kind="comments",
    permission="blog.change_comment",
    shown=lambda: Comment.objects.filter(status=Comment.Status.APPROVED, article__live=True),
    is_hidden=lambda comment: comment.status == Comment.Status.HIDDEN,
    hide=lambda comment: _set_reported_status(comment, Comment.Status.HIDDEN),
    restore=lambda comment: _set_reported_status(comment, Comment.Status.APPROVED),
    remove=lambda comment, by: moderate(comment, Comment.Status.REJECTED, by=by),
    return_url=lambda comment: f"{comment.article.url}#reacties",
    describe=str,
    public_url=lambda comment: f"{comment.article.url}#reactie-{comment.pk}",
    admin_url=lambda comment: reverse("blog_comments:inspect", args=[comment.pk]),
    select_related=("article", "user"),
)
