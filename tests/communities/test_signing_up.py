"""The sign-up journey through the site: logging in first, the prefilled form, the
messages for every outcome, bad input, leaving, and "my leerkringen"."""

import json

import pytest
from django.urls import reverse

from communities.models import Membership, MembershipStatus, SignupMode
from portal import personal_data
from tests.factories.communities import MembershipFactory


def signup_url(leerkring):
    return reverse("communities:signup", args=[leerkring.slug])


def test_visitor_is_sent_to_log_in_and_back_to_the_same_step(client, open_leerkring):
    response = client.get(signup_url(open_leerkring))
    assert response.status_code == 302
    assert response["Location"] == f"/account/login/?next={signup_url(open_leerkring)}"


def test_signup_form_is_prefilled_from_the_profile(client, open_leerkring, professional):
    client.force_login(professional)
    response = client.get(signup_url(open_leerkring))
    form = response.context["form"]
    assert form["organisation"].value() == "Gemeente Zwolle"
    assert form["job_title"].value() == "Beleidsadviseur"
    assert form["sector"].value() == "gemeente"


def test_joining_an_open_leerkring_updates_the_profile_and_shows_the_membership(
    client, open_leerkring, professional
):
    client.force_login(professional)
    response = client.post(
        signup_url(open_leerkring),
        {"organisation": "Gemeente Kampen", "job_title": "Adviseur", "sector": "gemeente"},
        follow=True,
    )
    assert "Welkom! Je bent nu lid van Open data bij gemeenten." in response.content.decode()
    professional.refresh_from_db()
    assert professional.organisation == "Gemeente Kampen"
    mine = client.get("/account/leerkringen/").content.decode()
    assert "Open data bij gemeenten" in mine
    assert "Lid" in mine
    assert "Open data bij gemeenten" in client.get("/account/").content.decode()


def test_signing_up_twice_is_harmless_and_says_so(client, approval_leerkring, professional):
    client.force_login(professional)
    data = {"organisation": "Gemeente Zwolle", "sector": "gemeente", "motivation": "Graag"}
    client.post(signup_url(approval_leerkring), data)
    response = client.post(signup_url(approval_leerkring), data, follow=True)
    assert "Je hebt je al aangemeld" in response.content.decode()
    assert Membership.objects.filter(user=professional).count() == 1


def test_full_leerkring_gives_a_clear_message(client, make_leerkring, make_user, professional):
    leerkring = make_leerkring(max_members=1)
    MembershipFactory(leerkring=leerkring, user=make_user(email="eerste@example.org"))
    client.force_login(professional)
    detail = client.get(leerkring.get_absolute_url()).content.decode()
    assert "Deze leerkring is op dit moment vol." in detail
    response = client.get(signup_url(leerkring), follow=True)
    assert "is vol" in response.content.decode()
    assert not Membership.objects.filter(user=professional).exists()


def test_closed_leerkring_cannot_be_joined_by_posting(client, make_leerkring, professional):
    leerkring = make_leerkring(signup_mode=SignupMode.CLOSED)
    client.force_login(professional)
    response = client.post(signup_url(leerkring), {"organisation": "X"}, follow=True)
    assert "neemt geen nieuwe leden aan" in response.content.decode()
    assert not Membership.objects.exists()


@pytest.mark.parametrize(
    "data, field",
    [
        ({"motivation": "x" * 1001}, "motivation"),
        ({"organisation": "o" * 151}, "organisation"),
        ({"sector": "'; DROP TABLE portal_user; --"}, "sector"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_kept(
    client, open_leerkring, professional, data, field
):
    client.force_login(professional)
    response = client.post(signup_url(open_leerkring), {"job_title": "Bewaard", **data})
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert 'value="Bewaard"' in response.content.decode()
    assert not Membership.objects.exists()
    professional.refresh_from_db()
    assert professional.job_title == "Beleidsadviseur"


def test_hostile_motivation_is_stored_as_text_and_shown_escaped(
    client, approval_leerkring, professional, coordinator
):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    client.force_login(professional)
    client.post(signup_url(approval_leerkring), {"motivation": hostile})
    assert Membership.objects.get().motivation == hostile
    client.force_login(coordinator)
    html = client.get(reverse("leerkringen:members", args=[approval_leerkring.pk])).content
    assert b"<script>alert" not in html
    assert b"&lt;script&gt;alert" in html


def test_member_leaves_after_confirming(client, open_leerkring, professional):
    membership = MembershipFactory(leerkring=open_leerkring, user=professional)
    client.force_login(professional)
    leave_url = reverse("communities:leave", args=[open_leerkring.slug])
    assert client.get(leave_url).status_code == 200
    unconfirmed = client.post(leave_url, {})
    assert unconfirmed.status_code == 400
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.ACTIVE
    response = client.post(leave_url, {"confirm": "on"}, follow=True)
    assert "Je bent gestopt met Open data bij gemeenten." in response.content.decode()
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.LEFT


def test_my_leerkringen_lists_a_leerkring_once_after_leaving_and_joining_again(
    client, open_leerkring, professional
):
    MembershipFactory(leerkring=open_leerkring, user=professional, status=MembershipStatus.LEFT)
    MembershipFactory(leerkring=open_leerkring, user=professional)
    client.force_login(professional)
    html = client.get(reverse("communities:mine")).content.decode()
    assert html.count(f'href="{open_leerkring.get_absolute_url()}"') == 1
    assert "status--active" in html
    assert "status--left" not in html


def test_account_page_offers_to_continue_an_interrupted_sign_up(
    client, open_leerkring, professional
):
    client.get(signup_url(open_leerkring))  # as a visitor: sent to log in
    client.force_login(professional)
    html = client.get("/account/").content.decode()
    assert "Je was je aan het aanmelden voor Open data bij gemeenten." in html
    client.post(signup_url(open_leerkring), {"organisation": "Gemeente Zwolle"})
    assert "Je was je aan het aanmelden" not in client.get("/account/").content.decode()


def test_data_download_includes_memberships_and_deleting_removes_them(
    client, open_leerkring, professional
):
    MembershipFactory(leerkring=open_leerkring, user=professional, motivation="Mijn reden")
    client.force_login(professional)
    data = json.loads(client.get("/account/mijn-gegevens.json").content)
    [membership] = data["leerkring_memberships"]["memberships"]
    assert membership["leerkring"] == "Open data bij gemeenten"
    assert membership["motivation"] == "Mijn reden"
    personal_data.delete_user(professional)
    assert not Membership.objects.exists()
