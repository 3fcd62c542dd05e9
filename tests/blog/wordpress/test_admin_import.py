"""Importing from the admin: an editor uploads the export, the worker imports it in
the background, and a page shows the progress and the report."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from blog.models import ArticlePage, WordPressImport
from tests.factories.users import UserFactory

FIXTURE = Path(__file__).parent / "fixtures" / "export.xml"
UPLOAD = reverse("wordpress_import:upload")


@pytest.fixture
def editor_client(client, editor, blog_index):
    client.force_login(editor)
    return client


def upload(client, name="export.xml", content=None):
    content = FIXTURE.read_bytes() if content is None else content
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, content, "text/xml")})


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_editor_uploads_an_export_and_the_worker_imports_it(
    editor_client, settings, database_worker, theme
):
    response = upload(editor_client)

    job = WordPressImport.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "wordpress_import:report", args=[job.pk]
    )
    assert job.status == WordPressImport.Status.QUEUED
    assert Path(job.file_path).exists()
    assert not Path(job.file_path).is_relative_to(settings.MEDIA_ROOT)
    waiting = editor_client.get(response["Location"]).content.decode()
    assert 'http-equiv="refresh"' in waiting

    database_worker()

    job.refresh_from_db()
    assert job.status == WordPressImport.Status.DONE
    assert (job.posts_done, job.posts_total) == (5, 5)
    assert not Path(job.file_path).exists()  # the commenters' addresses do not linger
    assert ArticlePage.objects.filter(slug="een-overheid", live=True).exists()
    page = editor_client.get(response["Location"]).content.decode()
    assert 'http-equiv="refresh"' not in page
    assert "<td>5</td>" in page  # five articles imported
    assert "contact-form-7" in page


def test_the_report_says_when_nothing_changed(editor_client, theme):
    upload(editor_client)  # the test settings run tasks at once
    upload(editor_client)

    job = WordPressImport.objects.order_by("-pk").first()
    assert job.report["changed"] is False
    page = editor_client.get(reverse("wordpress_import:report", args=[job.pk])).content.decode()
    assert "Er is niets veranderd" in page or "Nothing changed" in page


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("export.xml", b"", "empty"),
        ("export.xml", b"%PDF-1.4 not xml", "not a WordPress export"),
        ("<script>alert(1)</script>.xml", b"<?xml version='1.0'?><rss></rss>", "plain name"),
        ("export.pdf", b"<?xml version='1.0'?><rss></rss>", "plain name"),
    ],
    ids=["empty", "not xml", "html in the name", "wrong kind of file"],
)
def test_a_wrong_file_gets_a_clear_message_and_nothing_is_queued(
    editor_client, name, content, message
):
    with_language = editor_client.get(UPLOAD, headers={"Accept-Language": "en"})
    assert with_language.status_code == 200

    response = upload(editor_client, name, content)

    assert response.status_code == 400
    assert WordPressImport.objects.count() == 0
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_a_file_over_the_limit_is_refused(editor_client, settings):
    settings.WORDPRESS_UPLOAD_MAX_BYTES = 1024

    response = upload(editor_client)

    assert response.status_code == 400
    assert WordPressImport.objects.count() == 0


def test_a_file_that_fails_to_import_shows_why(editor_client):
    upload(editor_client, content=b"<?xml version='1.0'?><rss><channel><item>")

    job = WordPressImport.objects.get()
    assert job.status == WordPressImport.Status.FAILED
    assert "XML" in job.error
    assert not Path(job.file_path).exists()


def test_people_without_the_permission_cannot_import(client, blog_index, professional):
    client.force_login(professional)
    assert client.get(UPLOAD).status_code in (302, 403)

    # in the admin, but without the permission to import
    admin_user = UserFactory(email="lezer@example.org")
    admin_user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(admin_user)
    for response in (client.get(UPLOAD), upload(client)):
        assert response.status_code in (302, 403)
        assert response.status_code == 403 or response["Location"] == "/admin/"
    assert WordPressImport.objects.count() == 0
