"""One log-in and one password reset, with their limits and lock-out, for the public
site and the admin alike: Wagtail's own forms are never offered."""

from io import StringIO

import pytest
from django.core.management import call_command

from portal.models import User
from tests.factories.users import PASSWORD

pytestmark = pytest.mark.django_db

DEFAULT_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
    "signup": "20/m/ip",
}


@pytest.fixture
def limits(settings):
    """allauth's limits as in production (the test settings switch them off)."""
    settings.ACCOUNT_RATE_LIMITS = DEFAULT_LIMITS


def test_the_admin_login_sends_visitors_to_the_account_login_with_their_next_page(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/account/login/?next=/admin/pages/"
    # A POST meant for Wagtail's form logs nobody in.
    posted = client.post("/admin/login/", {"username": "x@example.org", "password": "y"})
    assert posted.status_code == 302 and posted["Location"] == "/account/login/?next=/admin/"


def test_the_admin_login_sends_a_member_without_admin_access_to_their_account(client, professional):
    client.force_login(professional)
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/account/"
    assert response.status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/admin/password_reset/",
        "/admin/password_reset/done/",
        "/admin/password_reset/confirm/MQ/set-password/",
        "/admin/password_reset/complete/",
    ],
)
def test_the_admin_password_reset_pages_send_to_the_account_reset(client, path):
    response = client.post(path, {"email": "redacteur@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/account/password/reset/"


def test_an_editor_logs_in_through_the_account_login_and_reaches_the_admin(client, editor):
    response = client.post(
        "/account/login/?next=/admin/", {"login": editor.email, "password": PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_superuser_made_on_the_command_line_can_log_in(client):
    call_command(
        "createsuperuser",
        email="baas@example.org",
        interactive=False,
        stdout=StringIO(),
    )
    baas = User.objects.get(email="baas@example.org")
    baas.set_password(PASSWORD)
    baas.save()
    response = client.post(
        "/account/login/?next=/admin/", {"login": "baas@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_the_admin_login_cannot_be_used_to_guess_an_editors_password(client, editor, limits):
    wrong = {"username": editor.email, "password": "Fout-wachtwoord-1"}
    for _attempt in range(50):
        client.post("/admin/login/", wrong)
    client.post("/admin/login/", {"username": editor.email, "password": PASSWORD})
    assert client.get("/admin/").status_code == 302  # not logged in


def test_editor_is_locked_out_of_the_admin_after_too_many_wrong_passwords(client, editor, limits):
    wrong = {"login": editor.email, "password": "Fout-wachtwoord-1"}
    for _attempt in range(50):
        client.post("/account/login/?next=/admin/", wrong)
    right = client.post(
        "/account/login/?next=/admin/", {"login": editor.email, "password": PASSWORD}
    )
    assert right.status_code in (200, 429)
    assert client.get("/admin/").status_code == 302  # still not logged in


def test_twenty_admin_resets_for_one_address_send_at_most_the_limit(
    client, editor, limits, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for _attempt in range(20):
            client.post("/admin/password_reset/", {"email": editor.email}, follow=True)
            client.post("/account/password/reset/", {"email": editor.email})
    assert len(mailoutbox) == 5
    refused = client.post("/account/password/reset/", {"email": editor.email})
    assert refused.status_code == 429
    assert "Je hebt in korte tijd te vaak" in refused.text


@pytest.mark.parametrize(
    ("path", "field", "limit"),
    [
        ("/account/login/", "login", 30),
        ("/account/signup/", "email", 20),
        ("/account/password/reset/", "email", 20),
    ],
)
def test_a_burst_at_an_account_form_gets_the_dutch_429_page_after_its_limit(
    client, limits, path, field, limit
):
    def attempt(number, ip="10.0.0.5"):
        data = {field: f"iemand{number}@example.org", "password": "fout"}
        return client.post(path, data, REMOTE_ADDR=ip)

    statuses = [attempt(number).status_code for number in range(50)]
    assert 429 not in statuses[:limit] and set(statuses[limit:]) == {429}
    assert "Te vaak geprobeerd" in attempt(50).text
    assert attempt(51, ip="10.0.0.6").status_code != 429
