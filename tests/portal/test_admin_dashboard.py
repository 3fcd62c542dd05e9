"""The admin's dashboard shows each role what it does next: editors the pages and
comments waiting, organisers their next events with free seats and waiting lists,
coordinators the membership requests of their leerkringen. Nobody sees another
role's panel; a superuser sees them all. The admin wears the portal's name."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from blog.models import Comment
from communities.models import MembershipStatus, SignupMode
from events.models import EventStatus, RegistrationStatus
from portal.models import User
from portal.roles import COORDINATORS, EDITORS, ORGANISERS
from tests.factories.blog import ArticlePageFactory
from tests.factories.communities import LeerkringFactory, MembershipFactory
from tests.factories.events import EventFactory, RegistrationFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

DRAFTS = "Pagina's die wachten op publicatie"
COMMENTS = "Reacties die wachten op moderatie"
EVENTS = "Je volgende bijeenkomsten"
REQUESTS = "Aanmeldingen die wachten op je besluit"


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def waiting_comment(article, body, minutes_ago):
    return Comment.objects.create(
        article=article,
        name="Vera Visser",
        email="vera@example.org",
        body=body,
        created=timezone.now() - datetime.timedelta(minutes=minutes_ago),
    )


def test_the_admin_wears_the_portals_name_logo_and_colours(client, editor):
    html = dashboard(client, editor)
    assert "<title>Dashboard - Beheer van Open Overheid</title>" in html
    assert "Welkom in het beheer van Open Overheid" in html
    assert 'src="/static/img/logo.svg"' in html
    assert 'href="/static/img/favicon.svg"' in html
    assert 'href="/static/css/admin-theme.css"' in html
    assert "wagtailadmin/images/favicon.ico" not in html


def test_the_admin_404_page_shows_the_portals_logo(client, editor):
    client.force_login(editor)
    response = client.get("/admin/bestaat-niet/")
    assert response.status_code == 404
    assert 'src="/static/img/logo.svg"' in response.content.decode()


def test_editor_sees_drafts_and_waiting_comments_and_no_other_roles_panels(client, editor):
    ArticlePageFactory(title="Nog niet af", publish=False)
    article = ArticlePageFactory(title="Open data in Zwolle")
    waiting_comment(article, "Mooi stuk over Zwolle", minutes_ago=5)
    waiting_comment(article, "Ik wacht al lang", minutes_ago=60)
    Comment.objects.create(
        article=article, name="Al goed", body="Goedgekeurd", status=Comment.Status.APPROVED
    )
    EventFactory(title="Bijeenkomst die redacteuren niet hier zien")

    html = dashboard(client, editor)

    assert DRAFTS in html and "Nog niet af" in html
    assert "1 pagina heeft wijzigingen die nog niet op de website staan." in html
    assert "Concept, nooit gepubliceerd" in html
    assert "Open data in Zwolle</a>" not in html  # published, nothing waiting
    assert COMMENTS in html and "2 reacties wachten op je goedkeuring." in html
    assert html.index("Ik wacht al lang") < html.index("Mooi stuk over Zwolle")
    assert "Goedgekeurd" not in html
    assert "/admin/reacties/?status=pending" in html
    assert EVENTS not in html and REQUESTS not in html


def test_editor_sees_a_live_page_with_a_newer_draft_as_waiting(client, editor):
    article = ArticlePageFactory(title="Al online")
    article.title = "Al online, nieuwe versie"
    article.save_revision(user=editor)
    html = dashboard(client, editor)
    assert "Al online, nieuwe versie" in html
    assert "Online, met wijzigingen die nog niet gepubliceerd zijn" in html
    assert "door Ruben Redacteur" in html


def test_editor_with_nothing_waiting_reads_that_nothing_waits(client, editor):
    html = dashboard(client, editor)
    assert "Alle pagina's zijn gepubliceerd: er wacht niets." in html
    assert "Er wachten geen reacties." in html


def test_organiser_sees_own_next_events_with_seats_left_and_waiting_list(client, organiser):
    soon = EventFactory(
        title="Open data in de gemeente",
        organisers=[organiser],
        capacity=3,
        starts_at=timezone.now() + datetime.timedelta(days=2),
    )
    RegistrationFactory.create_batch(2, event=soon)
    RegistrationFactory(event=soon, status=RegistrationStatus.CANCELLED)
    full = EventFactory(
        title="Webinar Woo",
        organisers=[organiser],
        capacity=1,
        starts_at=timezone.now() + datetime.timedelta(days=5),
    )
    RegistrationFactory(event=full)
    RegistrationFactory(event=full, status=RegistrationStatus.WAITING, waiting_position=1)
    RegistrationFactory(event=full, status=RegistrationStatus.WAITING, waiting_position=2)
    EventFactory(title="Zonder maximum", organisers=[organiser])
    EventFactory(
        title="Al geweest",
        organisers=[organiser],
        starts_at=timezone.now() - datetime.timedelta(days=3),
    )
    EventFactory(title="Afgelast", organisers=[organiser], status=EventStatus.CANCELLED)
    EventFactory(title="Van een ander")

    html = dashboard(client, organiser)

    assert EVENTS in html
    assert html.index("Open data in de gemeente") < html.index("Webinar Woo")
    assert "1 van 3 vrij" in html and "<strong>vol</strong>" in html and "geen maximum" in html
    assert "2 op de wachtlijst" in html
    assert f"/admin/agenda/{soon.pk}/aanmeldingen/" in html
    assert f"/admin/agenda/{full.pk}/aanmeldingen/export.xlsx" in html
    for hidden in ["Al geweest", "Afgelast", "Van een ander"]:
        assert hidden not in html
    assert DRAFTS not in html and COMMENTS not in html and REQUESTS not in html


def test_organiser_without_events_is_offered_to_add_one(client, organiser):
    html = dashboard(client, organiser)
    assert "Je hebt geen bijeenkomsten gepland." in html
    assert "/admin/agenda/new/" in html


def test_coordinator_sees_the_requests_of_their_own_leerkringen(client, coordinator):
    own = LeerkringFactory(
        name="Waterschappen open", signup_mode=SignupMode.APPROVAL, coordinators=[coordinator]
    )
    quiet = LeerkringFactory(name="Rustige kring", coordinators=[coordinator])
    other = LeerkringFactory(name="Kring van een ander", signup_mode=SignupMode.APPROVAL)
    MembershipFactory.create_batch(2, leerkring=own, status=MembershipStatus.PENDING)
    MembershipFactory(leerkring=own)  # already a member
    MembershipFactory(leerkring=quiet)
    MembershipFactory(leerkring=other, status=MembershipStatus.PENDING)

    html = dashboard(client, coordinator)

    assert REQUESTS in html
    assert "2 mensen wachten op je besluit." in html
    assert "Waterschappen open" in html and f"/admin/leerkringen/members/{own.pk}/" in html
    assert "Rustige kring" not in html and "Kring van een ander" not in html
    assert DRAFTS not in html and COMMENTS not in html and EVENTS not in html


def test_coordinator_with_no_requests_reads_that_none_wait(client, coordinator):
    html = dashboard(client, coordinator)
    assert "Er wachten geen aanmeldingen voor je leerkringen." in html


def test_superuser_sees_every_roles_panel(client):
    admin = User.objects.create_superuser(email="beheer@example.org", password="x-Y-z-12345")
    html = dashboard(client, admin)
    for heading in [DRAFTS, COMMENTS, EVENTS, REQUESTS]:
        assert heading in html


def test_a_professional_without_admin_access_gets_no_dashboard(client, professional):
    client.force_login(professional)
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0] == "/account/"
    html = response.content.decode()
    for heading in [DRAFTS, COMMENTS, EVENTS, REQUESTS]:
        assert heading not in html


def test_the_dashboard_costs_the_same_queries_for_one_event_as_for_twenty(
    client, django_assert_max_num_queries
):
    """Every figure comes from a fixed set of queries, so the dashboard does not slow
    down as events, registrations, requests and comments pile up. The person has all
    three roles, so every panel is on it."""
    everyone = UserFactory(group=EDITORS)
    everyone.groups.add(*Group.objects.filter(name__in=[ORGANISERS, COORDINATORS]))

    def fill(number):
        for n in range(number):
            event = EventFactory(organisers=[everyone], capacity=5)
            RegistrationFactory.create_batch(2, event=event)
            RegistrationFactory(event=event, status=RegistrationStatus.WAITING, waiting_position=1)
            leerkring = LeerkringFactory(signup_mode=SignupMode.APPROVAL, coordinators=[everyone])
            MembershipFactory(leerkring=leerkring, status=MembershipStatus.PENDING)
            article = ArticlePageFactory(publish=False)
            waiting_comment(article, f"Reactie {n}", minutes_ago=n)

    def queries_of_the_dashboard(user):
        client.force_login(user)
        client.get("/admin/")  # warm Wagtail's own per-process caches
        with django_assert_max_num_queries(60) as captured:
            html = client.get("/admin/").content.decode()
        assert all(heading in html for heading in [DRAFTS, COMMENTS, EVENTS, REQUESTS])
        return len(captured.captured_queries)

    fill(1)
    with_one = queries_of_the_dashboard(everyone)
    fill(19)
    with_twenty = queries_of_the_dashboard(everyone)
    assert with_twenty == with_one, (with_one, with_twenty)
