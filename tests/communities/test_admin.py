"""Coordinators in the Wagtail admin: only their own leerkringen, the member list,
decisions, exports (CSV for Dutch Excel, XLSX) and a message to all members."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from communities.models import MembershipStatus
from portal.roles import COORDINATORS
from tests.factories.communities import MembershipFactory


@pytest.fixture
def other_coordinator(make_user):
    return make_user(email="andere@example.org", group=COORDINATORS, full_name="Anna Anders")


@pytest.fixture
def others_leerkring(make_leerkring, other_coordinator, make_user):
    leerkring = make_leerkring(name="Provincies samen", coordinators=[other_coordinator])
    MembershipFactory(
        leerkring=leerkring, user=make_user(email="geheim@example.org", full_name="Geheim Lid")
    )
    return leerkring


@pytest.fixture
def members(approval_leerkring, make_user):
    active = MembershipFactory(
        leerkring=approval_leerkring,
        user=make_user(
            email="=hyperlink@example.org",
            full_name='=HYPERLINK("http://evil.example","klik")',
            organisation="+Waterschap Aa",
            job_title="-Adviseur",
            sector="waterschap",
        ),
    )
    pending = MembershipFactory(
        leerkring=approval_leerkring,
        user=make_user(
            email="wacht@example.org", full_name="Wim Wachter", organisation="@Provincie"
        ),
        status=MembershipStatus.PENDING,
        motivation="Ik wil graag meedoen.",
    )
    return active, pending


def admin_url(name, *args):
    return reverse(f"leerkringen:{name}", args=args)


def test_coordinator_sees_only_their_own_leerkringen(
    client, coordinator, approval_leerkring, others_leerkring
):
    client.force_login(coordinator)
    response = client.get(admin_url("index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Waterschappen open" in html
    assert "Provincies samen" not in html


@pytest.mark.parametrize(
    "name",
    ["edit", "delete", "history", "usage", "members", "export_csv", "export_xlsx", "message"],
)
def test_coordinator_cannot_open_another_leerkrings_pages(
    client, coordinator, others_leerkring, name
):
    client.force_login(coordinator)
    response = client.get(admin_url(name, others_leerkring.pk))
    assert response.status_code in (403, 404)
    assert b"geheim@example.org" not in response.content


def test_coordinator_cannot_decide_on_another_leerkrings_members(
    client, coordinator, others_leerkring
):
    membership = others_leerkring.memberships.get()
    client.force_login(coordinator)
    response = client.post(admin_url("decide", membership.pk, "remove"))
    assert response.status_code == 404
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.ACTIVE


def test_professional_gets_no_admin_at_all(client, professional, approval_leerkring):
    client.force_login(professional)
    response = client.get(admin_url("members", approval_leerkring.pk))
    assert response.status_code in (302, 403)


def test_editor_sees_and_manages_every_leerkring(
    client, editor, approval_leerkring, others_leerkring
):
    client.force_login(editor)
    html = client.get(admin_url("index")).content.decode()
    assert "Waterschappen open" in html and "Provincies samen" in html
    members_page = client.get(admin_url("members", others_leerkring.pk))
    assert b"geheim@example.org" in members_page.content


def test_coordinator_edits_the_description(client, coordinator, approval_leerkring):
    client.force_login(coordinator)
    edit_url = admin_url("edit", approval_leerkring.pk)
    form = client.get(edit_url).context["form"]
    assert "coordinators" not in form.fields  # only editors choose coordinators
    data = {
        "name": approval_leerkring.name,
        "short_description": "Nieuwe korte tekst.",
        "description": '{"blocks": [{"key": "a", "type": "unstyled", "text": "Nieuw", '
        '"depth": 0, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
        "audience": ["waterschap"],
        "signup_mode": "approval",
        "max_members": "",
        "meeting_rhythm": "",
        "contact_email": "",
        "partners-TOTAL_FORMS": "0",
        "partners-INITIAL_FORMS": "0",
        "partners-MIN_NUM_FORMS": "0",
        "partners-MAX_NUM_FORMS": "1000",
        "testimonials-TOTAL_FORMS": "0",
        "testimonials-INITIAL_FORMS": "0",
        "testimonials-MIN_NUM_FORMS": "0",
        "testimonials-MAX_NUM_FORMS": "1000",
    }
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors
    approval_leerkring.refresh_from_db()
    assert approval_leerkring.short_description == "Nieuwe korte tekst."
    assert "Nieuw" in approval_leerkring.description
    assert list(approval_leerkring.coordinators.all()) == [coordinator]


def test_members_page_lists_requests_and_members_with_email(
    client, coordinator, approval_leerkring, members
):
    client.force_login(coordinator)
    html = client.get(admin_url("members", approval_leerkring.pk)).content.decode()
    assert "wacht@example.org" in html
    assert "Ik wil graag meedoen." in html
    assert "=hyperlink@example.org" in html


def test_coordinator_approves_declines_and_removes(
    client, coordinator, approval_leerkring, members, mailoutbox, django_capture_on_commit_callbacks
):
    active, pending = members
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(admin_url("decide", pending.pk, "approve"), follow=True)
    assert "Wim Wachter is nu lid." in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == MembershipStatus.ACTIVE
    assert mailoutbox[-1].to == ["wacht@example.org"]

    again = client.post(admin_url("decide", pending.pk, "decline"), follow=True)
    assert "Dit kan niet meer: de status is nu ‘Lid’." in again.content.decode()

    client.post(admin_url("decide", active.pk, "remove"))
    active.refresh_from_db()
    assert active.status == MembershipStatus.LEFT
    assert client.get(admin_url("decide", pending.pk, "approve")).status_code == 405
    unknown = client.post(admin_url("decide", pending.pk, "promote"))
    assert unknown.status_code == 302


def test_full_leerkring_approval_shows_dutch_message(
    client, coordinator, approval_leerkring, members
):
    """The maximum is checked under the leerkring's lock when the coordinator
    approves, not when the request came in; the coordinator reads why in Dutch."""
    _active, pending = members
    approval_leerkring.max_members = 1
    approval_leerkring.save()
    client.force_login(coordinator)
    response = client.post(admin_url("decide", pending.pk, "approve"), follow=True)
    assert "De leerkring is vol: je kunt niemand meer goedkeuren." in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == MembershipStatus.PENDING


def test_member_list_exports_as_csv_for_dutch_excel(
    client, coordinator, approval_leerkring, members
):
    client.force_login(coordinator)
    response = client.get(admin_url("export_csv", approval_leerkring.pk))
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == ["Naam", "E-mail", "Organisatie", "Functie", "Sector", "Status", "Sinds"]
    by_email = {row[1]: row for row in rows[1:]}
    evil = by_email["'=hyperlink@example.org"]
    assert evil[0] == '\'=HYPERLINK("http://evil.example","klik")'
    assert evil[2:6] == ["'+Waterschap Aa", "'-Adviseur", "Waterschap", "Lid"]
    assert by_email["wacht@example.org"][2] == "'@Provincie"
    assert by_email["wacht@example.org"][5] == "Aanvraag in behandeling"


def test_member_list_exports_as_xlsx(client, coordinator, approval_leerkring, members):
    client.force_login(coordinator)
    response = client.get(admin_url("export_xlsx", approval_leerkring.pk))
    assert response.status_code == 200
    assert response.streaming
    assert "leden-waterschappen-open" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0] == ("Naam", "E-mail", "Organisatie", "Functie", "Sector", "Status", "Sinds")
    names = [row[0] for row in rows[1:]]
    assert '=HYPERLINK("http://evil.example","klik")' in names
    # Typed text stays text: no formula cells anywhere in the sheet.
    cells = [cell for row in workbook.active.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    assert rows[1][6] is not None


def test_message_goes_to_each_active_member_separately(
    client,
    coordinator,
    approval_leerkring,
    members,
    make_user,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    MembershipFactory(
        leerkring=approval_leerkring,
        user=make_user(email="tweede@example.org", full_name="Tweede Lid"),
    )
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            admin_url("message", approval_leerkring.pk),
            {"subject": "Volgende bijeenkomst", "body": "Hallo allemaal.\n\nTot dan!"},
        )
    assert response.status_code == 302
    assert sorted(mail.to[0] for mail in mailoutbox) == [
        "=hyperlink@example.org",
        "tweede@example.org",
    ]
    assert all(len(mail.to) == 1 and not mail.bcc for mail in mailoutbox)
    assert mailoutbox[0].subject == "[Waterschappen open] Volgende bijeenkomst"
    assert mailoutbox[0].reply_to == [coordinator.email]
    assert "Tot dan!" in mailoutbox[0].body


@pytest.mark.parametrize(
    "data",
    [{}, {"subject": "x" * 151, "body": "Tekst"}, {"subject": "Onderwerp", "body": "y" * 5001}],
)
def test_message_form_refuses_bad_input(client, coordinator, approval_leerkring, mailoutbox, data):
    client.force_login(coordinator)
    response = client.post(admin_url("message", approval_leerkring.pk), data)
    assert response.status_code == 400
    assert not mailoutbox


def test_coordinator_group_has_the_needed_model_permissions(coordinator, editor):
    assert coordinator.has_perm("communities.change_leerkring")
    assert not coordinator.has_perm("communities.delete_leerkring")
    assert not coordinator.has_perm("communities.manage_all_leerkringen")
    assert editor.has_perm("communities.manage_all_leerkringen")


def test_editor_can_add_a_leerkring_but_a_coordinator_cannot(client, editor, coordinator):
    client.force_login(editor)
    assert client.get(admin_url("add")).status_code == 200
    client.force_login(coordinator)
    assert client.get(admin_url("add")).status_code in (302, 403)
