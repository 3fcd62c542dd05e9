"""E-mail goes through the outbox: the task queue holds only a reference, so no
rendered message (and none of its links) stays behind once it has been sent."""

import re

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_password_reset_link_is_nowhere_in_the_database_once_the_mail_went_out(
    client, professional, smtp_server, database_worker, tables_containing
):
    client.post("/account/password/reset/", {"email": professional.email})
    database_worker()

    [message] = smtp_server.wait_for(1)
    link = re.search(
        r"http://testserver(/account/password/reset/key/\S+/)", smtp_server.text_of(message)
    )
    assert link, smtp_server.text_of(message)
    key = link.group(1).rstrip("/").rsplit("/", 1)[-1]
    assert tables_containing(key) == []

    set_password = client.get(link.group(1), follow=True)
    assert set_password.status_code == 200
    assert 'name="password1"' in set_password.text


def test_a_message_the_mail_server_refused_stays_in_the_outbox_with_its_error_only(
    client, professional, settings, database_worker, tables_containing
):
    from portal.models import OutgoingEmail

    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2},  # nobody listens
        }
    }
    client.post("/account/password/reset/", {"email": professional.email})
    database_worker()

    [unsent] = OutgoingEmail.objects.all()
    assert unsent.attempts == 1 and unsent.error
    # The retry waits a minute; the task table holds ids, no address and no traceback.
    assert "django_tasks_db_dbtaskresult" not in tables_containing(professional.email)
