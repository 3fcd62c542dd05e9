"""What the blog holds about a person: their comments, made logged in or as a guest
under one of the account's addresses. They are in the data download and are deleted
with the account (replies to them go too, as when an editor deletes a comment)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import ModelLogEntry

from portal.personal_data import address_matches

from .models import Comment


def comments_of(user):
    return Comment.objects.filter(Q(user=user) | address_matches(user, "email"))


def export(user):
    return [
        {
            "article": comment.article.title,
            "created": comment.created.isoformat(),
            "status": comment.status,
            "name": comment.name,
            "email": comment.email,
            "comment": comment.body,
        }
        for comment in comments_of(user).select_related("article").order_by("created")
    ]


def erase(user):
    """The comments go, and their history in the admin too: its entries carry the
    comment's opening words and its author's name."""
    comments = comments_of(user)
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Comment),
        object_id__in=[str(pk) for pk in comments.values_list("pk", flat=True)],
    ).delete()
    comments.delete()
