"""The audit trail in Chromium: a staff member does something in the admin of each app,
then finds it in that object's History in the admin, under their own name. An
organiser checks someone in, an editor moderates a comment and an initiative and
sends a test of a newsletter issue, a coordinator approves a membership request."""

import pytest

from blog.models import Comment
from communities.models import MembershipStatus, SignupMode
from events import registration as rules
from events.registration import Applicant
from initiatives.models import Initiative
from tests.factories.blog import ArticlePageFactory
from tests.factories.communities import LeerkringFactory, MembershipFactory
from tests.factories.events import EventFactory
from tests.factories.initiatives import InitiativeFactory
from tests.factories.newsletter import NewsletterIssuePageFactory
from tests.factories.users import PASSWORD, UserFactory


def history_entry(page, text):
    """The row of the History table that says `text`, once it is there."""
    entry = page.get_by_role("row").filter(has_text=text)
    entry.wait_for()
    return entry


@pytest.fixture
def meeting(organiser):
    event = EventFactory(title="Open data in de gemeente", organisers=[organiser])
    rules.register(event.pk, Applicant(name="Wim de Boer", email="wim@example.org"))
    return event


def test_organiser_checks_someone_in_and_sees_it_in_the_events_history(
    page, log_in, organiser, meeting
):
    log_in(organiser.email, PASSWORD)
    page.goto(f"/admin/agenda/{meeting.pk}/aanmeldingen/")
    page.get_by_role("button", name="Wim de Boer was aanwezig").click()
    page.get_by_text("Wim de Boer").first.wait_for()

    page.goto(f"/admin/agenda/edit/{meeting.pk}/")
    page.get_by_role("link", name="Geschiedenis").first.click()
    page.wait_for_url(f"**/admin/agenda/history/{meeting.pk}/")
    assert "Olga Organisator" in history_entry(page, "Wim de Boer aanwezig gemeld").inner_text()
    assert page.console_errors == []


def test_editor_approves_a_comment_and_sees_it_in_the_comments_history(page, log_in, editor):
    article = ArticlePageFactory(title="Reageer hier")
    comment = Comment.objects.create(
        article=article, name="Vera Visser", email="vera@example.org", body="Wacht op mij"
    )
    log_in(editor.email, PASSWORD)
    page.wait_for_url(lambda url: "/login/" not in url)
    page.goto("/admin/reacties/")
    page.get_by_role("row").filter(has_text="Wacht op mij").get_by_role(
        "button", name="Goedkeuren"
    ).click()
    page.get_by_text("De reactie van Vera Visser is goedgekeurd.").wait_for()

    page.goto(f"/admin/reacties/edit/{comment.pk}/")
    page.get_by_role("link", name="Geschiedenis").first.click()
    page.wait_for_url(f"**/admin/reacties/history/{comment.pk}/")
    assert "Ruben Redacteur" in history_entry(page, "Reactie goedgekeurd").inner_text()
    assert page.console_errors == []


def test_coordinator_approves_a_request_and_sees_it_in_the_leerkrings_history(
    page, log_in, coordinator
):
    leerkring = LeerkringFactory(
        name="Waterschappen open",
        audience=["waterschap"],
        signup_mode=SignupMode.APPROVAL,
        coordinators=[coordinator],
    )
    MembershipFactory(
        leerkring=leerkring,
        user=UserFactory(email="wacht@example.org", full_name="Wim Wachter"),
        status=MembershipStatus.PENDING,
    )
    log_in(coordinator.email, PASSWORD)
    page.wait_for_url(lambda url: "/login/" not in url)
    page.goto(f"/admin/leerkringen/members/{leerkring.pk}/")
    page.get_by_role("button", name="Goedkeuren Wim Wachter").click()
    page.get_by_text("Wim Wachter is nu lid.").wait_for()

    page.get_by_role("link", name="Leerkring bewerken").click()
    page.get_by_role("link", name="Geschiedenis").first.click()
    page.wait_for_url(f"**/admin/leerkringen/history/{leerkring.pk}/")
    entry = history_entry(page, "Aanvraag van Wim Wachter goedgekeurd")
    assert "Kees Coördinator" in entry.inner_text()
    assert page.console_errors == []


def test_editor_rejects_an_initiative_and_sees_it_in_the_initiatives_history(page, log_in, editor):
    initiative = InitiativeFactory(
        title="Wijkbudget Zwolle",
        status=Initiative.Status.SUBMITTED,
        submitter_name="Sanne",
        submitter_email="sanne@example.nl",
    )
    log_in(editor.email, PASSWORD)
    page.wait_for_url(lambda url: "/login/" not in url)
    page.goto(f"/admin/initiatieven/moderate/{initiative.pk}/")
    page.get_by_label("Bericht aan de aanmelder").fill("Dit is geen overheidsinitiatief.")
    page.get_by_role("button", name="Afwijzen en het bericht versturen").click()
    page.get_by_text("‘Wijkbudget Zwolle’ is afgewezen.").wait_for()

    page.goto(f"/admin/initiatieven/moderate/{initiative.pk}/")
    page.get_by_role("link", name="Geschiedenis").first.click()
    page.wait_for_url(f"**/admin/initiatieven/history/{initiative.pk}/")
    entry = history_entry(page, "Afgewezen met het bericht: ‘Dit is geen overheidsinitiatief.’")
    assert "Ruben Redacteur" in entry.inner_text()
    assert page.console_errors == []


def test_editor_sends_a_test_of_an_issue_and_sees_it_in_the_issues_history(
    page, log_in, editor, mailoutbox
):
    issue = NewsletterIssuePageFactory(title="Nieuwsbrief maart")
    log_in(editor.email, PASSWORD)
    page.wait_for_url(lambda url: "/login/" not in url)
    page.goto(f"/admin/pages/{issue.pk}/edit/")
    page.get_by_role("link", name="Nieuwsbrief versturen", exact=True).click()
    page.get_by_role("button", name="Stuur een test naar mijn eigen adres").click()
    page.get_by_text(f"Er is een test verstuurd naar {editor.email}.").wait_for()
    assert [message.to for message in mailoutbox] == [[editor.email]]

    page.goto(f"/admin/pages/{issue.pk}/edit/")
    page.get_by_role("button", name="Acties").first.click()
    page.get_by_role("link", name="Geschiedenis").first.click()
    page.wait_for_url(f"**/admin/pages/{issue.pk}/history/")
    entry = history_entry(page, "Test naar het eigen adres verstuurd")
    assert "Ruben Redacteur" in entry.inner_text()
    assert page.console_errors == []
