"""Editors see the queue in the admin, and publish or reject with a message."""

import pytest

from initiatives.models import Initiative


@pytest.fixture
def submission(make_initiative, professional):
    return make_initiative(
        title="Wijkbudget <b>Zwolle</b>",
        description="Regel één\nRegel twee <script>x()</script>",
        status=Initiative.Status.SUBMITTED,
        submitter_name="Sanne",
        submitter_email="sanne@example.nl",
    )


def test_editor_sees_the_queue_of_submissions(client, editor, submission, make_initiative):
    make_initiative(title="Al gepubliceerd")
    client.force_login(editor)
    response = client.get("/admin/initiatieven/?status=submitted")
    assert response.status_code == 200
    assert "Wijkbudget &lt;b&gt;Zwolle&lt;/b&gt;" in response.text
    assert "Al gepubliceerd" not in response.text


def test_editor_reads_submission_as_plain_text(client, editor, submission):
    client.force_login(editor)
    response = client.get(f"/admin/initiatieven/moderate/{submission.pk}/")
    assert response.status_code == 200
    assert "<script>x()</script>" not in response.text
    assert "Regel één<br>Regel twee &lt;script&gt;" in response.text


def test_editor_publishes_and_submitter_hears_of_it(
    client, editor, submission, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    assert client.get(f"/admin/initiatieven/publish/{submission.pk}/").status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/initiatieven/publish/{submission.pk}/")
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Initiative.Status.PUBLISHED
    assert submission.published_at is not None
    assert [mail.to for mail in mailoutbox] == [["sanne@example.nl"]]
    assert "staat nu op de kaart" in mailoutbox[0].body
    assert client.get(submission.get_absolute_url()).status_code == 200


def test_publishing_twice_sends_one_message(
    client, editor, submission, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/initiatieven/publish/{submission.pk}/")
        client.post(f"/admin/initiatieven/publish/{submission.pk}/")
    assert len(mailoutbox) == 1


def test_editor_rejects_with_a_message_that_is_emailed(
    client, editor, submission, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/initiatieven/reject/{submission.pk}/",
            {"message": "Dit is geen overheidsinitiatief."},
        )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Initiative.Status.REJECTED
    assert mailoutbox[0].to == ["sanne@example.nl"]
    assert "Dit is geen overheidsinitiatief." in mailoutbox[0].body


def test_rejecting_without_a_message_is_refused(client, editor, submission, mailoutbox):
    client.force_login(editor)
    response = client.post(f"/admin/initiatieven/reject/{submission.pk}/", {"message": " "})
    assert response.status_code == 400
    submission.refresh_from_db()
    assert submission.status == Initiative.Status.SUBMITTED
    assert mailoutbox == []


def test_editor_edits_an_initiative_in_the_admin(client, editor, submission):
    client.force_login(editor)
    assert client.get(f"/admin/initiatieven/edit/{submission.pk}/").status_code == 200


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/admin/initiatieven/"),
        ("get", "/admin/initiatieven/moderate/{pk}/"),
        ("post", "/admin/initiatieven/publish/{pk}/"),
        ("post", "/admin/initiatieven/reject/{pk}/"),
        ("get", "/admin/initiatieven/export/"),
        ("get", "/admin/initiatieven/import/"),
    ],
)
def test_others_cannot_moderate_export_or_import(
    client, professional, organiser, submission, method, path
):
    """Wagtail answers a denied admin view by sending people back: visitors and
    professionals to the log-in, an organiser (in the admin) to the dashboard."""
    url = path.format(pk=submission.pk)
    assert getattr(client, method)(url)["Location"].startswith("/admin/login/")
    client.force_login(professional)
    assert getattr(client, method)(url)["Location"].startswith("/admin/login/")
    client.force_login(organiser)
    response = getattr(client, method)(url, {"message": "weg"} if method == "post" else None)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    submission.refresh_from_db()
    assert submission.status == Initiative.Status.SUBMITTED
