"""Comment moderation is in the comment's History in the admin: who approved or
rejected it and when. The history goes with the comment when its author deletes
their account."""

import pytest
from wagtail.models import ModelLogEntry

from blog.models import Comment
from portal.personal_data import delete_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment(make_article):
    article = make_article(title="Reageer hier")
    return Comment.objects.create(
        article=article, name="Vera Visser", email="vera@example.org", body="Wacht"
    )


def test_approving_and_rejecting_show_in_the_comments_history(client, editor, comment):
    client.force_login(editor)
    client.post(f"/admin/reacties/{comment.pk}/moderate/", {"status": "approved"})
    client.post(f"/admin/reacties/{comment.pk}/moderate/", {"status": "rejected"}, follow=True)

    entries = ModelLogEntry.objects.filter(object_id=str(comment.pk)).order_by("pk")
    assert [(e.action, e.user_id) for e in entries] == [
        ("blog.comment.approved", editor.pk),
        ("blog.comment.rejected", editor.pk),
    ]
    html = client.get(f"/admin/reacties/history/{comment.pk}/").content.decode()
    assert "Reactie goedgekeurd" in html and "Reactie afgewezen" in html
    assert "Ruben Redacteur" in html


def test_deleting_the_account_removes_the_history_of_its_comments(
    client, editor, comment, make_user
):
    client.force_login(editor)
    client.post(f"/admin/reacties/{comment.pk}/moderate/", {"status": "approved"})
    assert ModelLogEntry.objects.filter(label__contains="Vera Visser").exists()

    delete_user(make_user(email="vera@example.org", full_name="Vera Visser"))
    assert not ModelLogEntry.objects.filter(label__contains="Vera Visser").exists()
