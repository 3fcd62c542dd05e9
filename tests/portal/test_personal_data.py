"""Deleting an account leaves nothing about the person behind: not what was linked to
the account, and not what was left under its e-mail address as a guest. The check
searches every table of the database, so a table added later is searched too."""

import pytest
from django.apps import apps
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models
from wagtail.log_actions import log

from events import registration as rules
from events.registration import Applicant
from portal import personal_data
from portal.emails import send_later
from tests.factories.blog import ArticlePageFactory
from tests.factories.communities import LeerkringFactory, MembershipFactory
from tests.factories.events import EventFactory
from tests.factories.initiatives import InitiativeFactory
from tests.factories.newsletter import SubscriberFactory
from tests.factories.users import PASSWORD

pytestmark = pytest.mark.django_db

NAME = "Priya Jansen"
ADDRESS = "professional@example.org"


@pytest.fixture
def member_with_data_everywhere(professional):
    """An account, and what a person leaves in every part of the portal, logged in
    and as a guest under the same address (typed in other letter case)."""
    from blog.models import Comment

    guest_address = ADDRESS.upper()
    article = ArticlePageFactory(title="Reageer hier")
    Comment.objects.create(article=article, user=professional, body="Eens", status="approved")
    Comment.objects.create(article=article, name=NAME, email=guest_address, body="Ook eens")

    full = EventFactory(capacity=1)
    rules.register(full.pk, Applicant(name=NAME, email=ADDRESS, user=professional))
    waiting = rules.register(full.pk, Applicant(name="Bram Wachter", email="bram@example.org"))
    rules.register(EventFactory().pk, Applicant(name=NAME, email=guest_address, dietary="vegan"))

    MembershipFactory(leerkring=LeerkringFactory(contact_email=ADDRESS), user=professional)
    SubscriberFactory(email=guest_address, name=NAME)
    InitiativeFactory(submitted_by=professional, submitter_name=NAME, submitter_email=ADDRESS)
    InitiativeFactory(title="Open gemeente", submitter_name=NAME, submitter_email=guest_address)
    InitiativeFactory(title="Open provincie", contact_email=ADDRESS)
    # A message still in the outbox, and the admin's record of creating the account.
    send_later(EmailMessage(subject="Tot morgen", body=f"Beste {NAME},", to=[ADDRESS]))
    log(instance=professional, action="wagtail.create")
    return professional, waiting


def test_the_data_download_holds_what_was_left_as_a_guest_under_the_address(
    member_with_data_everywhere,
):
    member, _waiting = member_with_data_everywhere
    data = personal_data.export_user_data(member)
    assert [c["comment"] for c in data["blog_comments"]] == ["Eens", "Ook eens"]
    assert [r["dietary"] for r in data["event_registrations"]] == ["", "vegan"]
    assert len(data["initiatives"]) == 3
    assert data["leerkring_memberships"]["contact_for"]
    assert data["newsletter_subscriptions"][0]["name"] == NAME


def test_after_deleting_the_account_no_table_holds_the_address_or_the_name(
    client, member_with_data_everywhere, tables_containing
):
    member, waiting = member_with_data_everywhere
    assert tables_containing(ADDRESS) and tables_containing(NAME)  # the search finds them

    client.force_login(member)
    response = client.post("/account/verwijderen/", {"password": PASSWORD})
    assert response.status_code == 302

    assert tables_containing(ADDRESS) == []
    assert tables_containing(NAME) == []
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"  # the freed seat went to the waiting list


def _project_models():
    root = str(settings.BASE_DIR)
    for config in apps.get_app_configs():
        if config.path.startswith(root) and "/.venv/" not in config.path:
            yield from config.get_models()


def test_every_model_with_an_email_address_says_how_a_member_is_forgotten():
    """A new model that keeps e-mail addresses must be registered with the source
    that exports and erases it (or be declared as never holding a member's address)."""
    covered = personal_data.covered_models() | personal_data.NOT_ABOUT_A_MEMBER.keys()
    holding_addresses = {
        model._meta.label
        for model in _project_models()
        if any(isinstance(field, models.EmailField) for field in model._meta.get_fields())
    }
    assert holding_addresses, "no model found: the walk is broken"
    assert holding_addresses - covered == set()
