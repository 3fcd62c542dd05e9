"""Moderation is in the initiative's History in the admin: who published or rejected
it, when, and the message the submitter got."""

import pytest
from wagtail.models import ModelLogEntry

from initiatives.models import Initiative
from portal.personal_data import delete_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def submission(make_initiative):
    return make_initiative(
        title="Wijkbudget Zwolle",
        status=Initiative.Status.SUBMITTED,
        submitter_name="Sanne",
        submitter_email="sanne@example.nl",
    )


def test_rejecting_and_publishing_show_in_the_initiatives_history(client, editor, submission):
    client.force_login(editor)
    message = "Beste Sanne, dit is geen overheidsinitiatief."
    client.post(f"/admin/initiatieven/reject/{submission.pk}/", {"message": message})
    client.post(f"/admin/initiatieven/publish/{submission.pk}/", follow=True)

    entries = ModelLogEntry.objects.filter(object_id=str(submission.pk)).order_by("pk")
    assert [(e.action, e.user_id) for e in entries] == [
        ("initiatives.reject", editor.pk),
        ("initiatives.publish", editor.pk),
    ]
    html = client.get(f"/admin/initiatieven/history/{submission.pk}/").content.decode()
    assert "Afgewezen" in html and "Op de kaart gezet" in html
    assert message in html
    assert "Ruben Redacteur" in html


def test_deleting_the_submitters_account_wipes_the_rejection_message(
    client, editor, submission, make_user
):
    client.force_login(editor)
    client.post(f"/admin/initiatieven/reject/{submission.pk}/", {"message": "Beste Sanne, nee."})

    delete_user(make_user(email="sanne@example.nl", full_name="Sanne"))
    entry = ModelLogEntry.objects.get(object_id=str(submission.pk))
    assert entry.action == "initiatives.reject"
    assert "Sanne" not in str(entry.data)
