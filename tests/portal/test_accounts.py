"""Accounts: sign-up and profile forms under bad input, verification, data download,
deleting the account, and allauth's rate limits."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from portal.models import User
from tests.factories.users import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = "/account/signup/"
PROFILE = "/account/profiel/"


def signup_data(**changes):
    data = {
        "full_name": "Sanne de Vries",
        "email": "sanne@example.org",
        "organisation": "Provincie Utrecht",
        "job_title": "Informatieadviseur",
        "sector": "provincie",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(changes)
    return data


def test_visitor_signs_up_and_must_verify_the_email_address_before_logging_in(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SIGNUP, signup_data())
    assert response.status_code == 302
    user = User.objects.get(email="sanne@example.org")
    assert (user.full_name, user.organisation, user.sector) == (
        "Sanne de Vries",
        "Provincie Utrecht",
        "provincie",
    )
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert "/account/confirm-email/" in mail.outbox[0].body

    login = client.post("/account/login/", {"login": user.email, "password": PASSWORD})
    assert login["Location"] == "/account/confirm-email/"
    assert not client.get("/account/").wsgi_request.user.is_authenticated


def test_signing_up_from_a_page_returns_there_after_the_verification_link(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{SIGNUP}?next=/leerkringen/", signup_data(next="/leerkringen/"))
    link = next(word for word in mail.outbox[0].body.split() if "confirm-email" in word)
    assert link.endswith("?next=%2Fleerkringen%2F")
    page = client.get(link)
    response = client.post(link.split("?")[0], {"next": "/leerkringen/"})
    assert page.status_code == 200
    assert response["Location"] == "/leerkringen/"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"full_name": ""}, "Dit is een verplicht veld."),
        ({"email": ""}, "Dit is een verplicht veld."),
        ({"email": "geen-adres"}, "Voer een geldig e-mailadres in."),
        ({"email": "a@b.c" + "x" * 300}, "Voer een geldig e-mailadres in."),
        ({"full_name": "N" * 151}, "niet meer dan 150 tekens"),
        ({"organisation": "<script>alert(1)</script>" * 10}, "niet meer dan 150 tekens"),
        ({"sector": "'; DROP TABLE portal_user; --"}, "Selecteer een geldige keuze."),
        ({"sector": "9" * 40}, "Selecteer een geldige keuze."),
        ({"password2": "iets-anders-42"}, "hetzelfde wachtwoord"),
        ({"password1": "kort", "password2": "kort"}, "Gebruik minstens 10 tekens."),
    ],
)
def test_signup_with_bad_input_explains_in_dutch_and_keeps_the_rest(client, changes, message):
    response = client.post(SIGNUP, signup_data(**changes))
    assert response.status_code in (200, 400)
    html = response.text
    assert message in html
    assert 'value="Informatieadviseur"' in html
    assert not User.objects.exists()
    assert not mail.outbox


def test_signup_stores_hostile_text_as_text(client):
    hostile = "<img src=x onerror=alert(1)>"
    client.post(SIGNUP, signup_data(full_name=hostile, job_title="Robert'); DROP TABLE x;--"))
    user = User.objects.get()
    assert user.full_name == hostile
    user_email = EmailAddress.objects.get(user=user)
    user_email.verified = True
    user_email.save()
    client.force_login(user)
    page = client.get("/account/").text
    assert hostile not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_signup_with_a_taken_address_creates_no_second_account(client, professional):
    response = client.post(SIGNUP, signup_data(email=professional.email.upper()))
    assert response.status_code in (200, 302, 400)
    assert User.objects.filter(email__iexact=professional.email).count() == 1


def test_member_edits_the_profile(client, professional):
    client.force_login(professional)
    response = client.post(
        PROFILE,
        {
            "full_name": "Priya Jansen-de Boer",
            "organisation": "Gemeente Deventer",
            "job_title": "Adviseur",
            "sector": "gemeente",
        },
    )
    assert response["Location"] == "/account/"
    professional.refresh_from_db()
    assert professional.organisation == "Gemeente Deventer"
    assert "Je profiel is opgeslagen." in client.get("/account/").text


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"full_name": ""}, "Dit is een verplicht veld."),
        ({"full_name": "   "}, "Dit is een verplicht veld."),
        ({"job_title": "x" * 5000}, "niet meer dan 150 tekens"),
        ({"sector": "<b>sector</b>"}, "Selecteer een geldige keuze."),
    ],
)
def test_profile_with_bad_input_is_not_saved_and_keeps_the_rest(
    client, professional, changes, message
):
    client.force_login(professional)
    data = {
        "full_name": "Nieuwe Naam",
        "organisation": "Waterschap Rivierenland",
        "job_title": "Adviseur",
        "sector": "waterschap",
        **changes,
    }
    response = client.post(PROFILE, data)
    assert response.status_code == 400
    assert message in response.text
    assert 'value="Waterschap Rivierenland"' in response.text
    professional.refresh_from_db()
    assert professional.organisation == "Gemeente Zwolle"


def test_account_pages_need_a_login(client):
    for path in ["/account/", PROFILE, "/account/mijn-gegevens.json", "/account/verwijderen/"]:
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/account/login/?next=")


def test_member_downloads_their_data_as_json(client, professional):
    client.force_login(professional)
    response = client.get("/account/mijn-gegevens.json")
    assert response["Content-Disposition"] == 'attachment; filename="mijn-gegevens.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == professional.email
    assert data["account"]["organisation"] == "Gemeente Zwolle"
    assert {"blog_comments", "event_registrations", "leerkring_memberships"} <= data.keys()
    assert "password" not in json.dumps(data)


def test_member_deletes_the_account_after_giving_the_password(client, professional):
    client.force_login(professional)
    wrong = client.post("/account/verwijderen/", {"password": "raden-maar"})
    assert wrong.status_code == 400
    assert "Dit wachtwoord klopt niet." in wrong.text
    assert User.objects.filter(pk=professional.pk).exists()

    response = client.post("/account/verwijderen/", {"password": PASSWORD})
    assert response["Location"] == "/"
    assert not User.objects.filter(pk=professional.pk).exists()
    assert not EmailAddress.objects.filter(email=professional.email).exists()
    assert not client.get("/").wsgi_request.user.is_authenticated


def test_repeated_failed_logins_are_rate_limited(client, professional, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
    wrong = {"login": professional.email, "password": "fout"}
    pages = [client.post("/account/login/", wrong).text for _attempt in range(7)]
    assert "Te veel inlogpogingen" not in pages[0]
    assert "Te veel inlogpogingen. Probeer het later nogmaals." in pages[-1]


def test_permissions_from_the_user_and_their_groups_are_read_in_one_query(
    django_assert_num_queries,
):
    from django.contrib.auth.models import Group, Permission

    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="view_event"))
    group = Group.objects.create(name="Redactie-test")
    group.permissions.add(Permission.objects.get(codename="change_articlepage"))
    user.groups.add(group)
    with django_assert_num_queries(1):
        assert user.has_perm("events.view_event")
        assert user.has_perm("blog.change_articlepage")
        assert not user.has_perm("events.delete_event")
