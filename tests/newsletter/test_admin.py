"""The newsletter in the Wagtail admin: editors manage subscribers, read the numbers,
and send an issue (test first, then everyone, then follow the progress)."""

import csv
import io
import re
from datetime import datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import GroupPagePermission, Page

from communities.newsletter import admin_views, consent
from communities.newsletter.models import (
    Delivery,
    DeliveryStatus,
    Mailing,
    Subscriber,
    SubscriberStatus,
)
from tests.factories.communities import LeerkringFactory
from tests.factories.newsletter import (
    NewsletterIndexPageFactory,
    NewsletterIssuePageFactory,
    SubscriberFactory,
)
from tests.factories.portal import ThemeFactory

pytestmark = pytest.mark.django_db

SUBSCRIBERS = "newsletter_subscribers"


# ---------------------------------------------------------------------------
# Fixtures


@pytest.fixture
def newsletter_index(db):
    return NewsletterIndexPageFactory()


@pytest.fixture
def make_issue(newsletter_index):
    return NewsletterIssuePageFactory


@pytest.fixture
def issue(make_issue):
    return make_issue()


@pytest.fixture
def open_data(db):
    return ThemeFactory(name="Open data", slug="open-data-test")


@pytest.fixture
def archives(db):
    return ThemeFactory(name="Archieven", slug="archieven-test")


@pytest.fixture
def audience(make_subscriber, open_data):
    """Three subscribers, one who has not confirmed, one who left."""
    return {
        "anna": make_subscriber(email="anna@example.org", name="Anna", themes=[open_data]),
        "bram": make_subscriber(email="bram@example.org", name="Bram"),
        "cato": make_subscriber(email="cato@example.org", name="Cato", themes=[open_data]),
        "pending": make_subscriber(email="wacht@example.org", status=SubscriberStatus.PENDING),
        "gone": make_subscriber(email="weg@example.org", status=SubscriberStatus.UNSUBSCRIBED),
    }


@pytest.fixture
def publisherless_editor(make_user):
    """Someone who may edit pages but not publish them."""
    group = Group.objects.create(name="Schrijvers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=Page.objects.get(depth=1),
        permission=Permission.objects.get(codename="change_page"),
    )
    return make_user(email="schrijver@example.org", full_name="Sam Schrijver", group="Schrijvers")


def refused(response):
    """Wagtail answers a PermissionDenied in the admin with a redirect to the admin's
    home page (and a message); a plain 403 is fine too."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def sending_url(name, issue):
    return reverse(f"newsletter_sending:{name}", args=[issue.pk])


def send(client, issue, count, **extra):
    return client.post(
        sending_url("send", issue), {"confirm": "on", "expected": str(count), **extra}
    )


def make_mailing(issue, statuses):
    mailing = Mailing.objects.create(issue=issue, subject=issue.title, html="<p>x</p>", text="x")
    for number, status in enumerate(statuses):
        subscriber = SubscriberFactory(email=f"lezer{number}@example.org")
        Delivery.objects.create(
            mailing=mailing,
            subscriber=subscriber,
            email=subscriber.email,
            status=status,
            error="550 Mailbox unavailable" if status == DeliveryStatus.FAILED else "",
            attempts=1 if status in (DeliveryStatus.FAILED, DeliveryStatus.SENT) else 0,
        )
    return mailing


# ---------------------------------------------------------------------------
# Sending an issue


def test_editor_sees_recipient_count_before_sending(client, editor, issue, audience):
    client.force_login(editor)
    response = client.get(sending_url("send", issue))
    assert response.status_code == 200
    assert response.context["count"] == 3
    assert response.context["subject"] == "Nieuwsbrief maart"
    assert response.context["targeting"] == admin_views.targeting(issue)
    assert response.context["can_send"] and not response.context["not_ready"]
    html = response.content.decode()
    assert 'id="newsletter-recipient-count">3 ' in html
    assert 'name="confirm"' in html


def test_editor_sees_targeting_in_words_and_the_smaller_count(
    client, editor, make_issue, audience, open_data, archives
):
    issue = make_issue(themes=[open_data, archives])
    client.force_login(editor)
    response = client.get(sending_url("send", issue))
    assert response.context["count"] == 2
    assert "Open data" in response.context["targeting"]
    assert "Archieven" in response.context["targeting"]
    assert response.context["targeting"] != admin_views.targeting(make_issue(title="Voor allen"))


def test_count_follows_the_latest_draft_of_the_targeting(
    client, editor, issue, audience, open_data
):
    draft = issue.get_latest_revision_as_object()
    draft.themes = [open_data]
    draft.save_revision()
    client.force_login(editor)
    response = client.get(sending_url("send", issue))
    assert response.context["count"] == 2
    # ...and it cannot go out before those changes are published.
    assert response.context["not_ready"]
    response = send(client, issue, 2)
    assert response.status_code == 400
    assert not Mailing.objects.exists()


def test_unpublished_issue_must_be_published_first(client, editor, make_issue, audience):
    issue = make_issue(publish=False)
    client.force_login(editor)
    response = client.get(sending_url("send", issue))
    assert response.status_code == 200
    assert response.context["not_ready"]
    assert 'name="confirm"' not in response.content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[issue.pk]) in response.content.decode()
    assert send(client, issue, 3).status_code == 400
    assert not Mailing.objects.exists()


def test_editor_sends_a_test_to_their_own_address_only(
    client, editor, issue, audience, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sending_url("send_test", issue))
    assert response.status_code == 302
    assert response["Location"] == sending_url("send", issue)
    assert [message.to for message in mailoutbox] == [[editor.email]]
    assert mailoutbox[0].subject == "[Test] Nieuwsbrief maart"
    assert "Hallo allemaal" in mailoutbox[0].alternatives[0][0]
    assert not Mailing.objects.exists()
    assert not issue.is_sent


def test_editor_sends_issue_and_every_subscriber_receives_it_once(
    client, editor, issue, audience, smtp_server, settings, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_BATCH_SIZE = 2  # two batches for three recipients
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, issue, 3)
    assert response.status_code == 302
    assert response["Location"] == sending_url("progress", issue)
    messages = smtp_server.wait_for(3)
    assert sorted(message["To"] for message in messages) == [
        "anna@example.org",
        "bram@example.org",
        "cato@example.org",
    ]
    assert {message["Subject"] for message in messages} == {"Nieuwsbrief maart"}
    mailing = Mailing.objects.get(issue=issue)
    assert mailing.started_by == editor
    assert mailing.deliveries.count() == 3
    assert mailing.progress()["sent"] == 3

    # Sending again is impossible: the send page forwards to the progress.
    with django_capture_on_commit_callbacks(execute=True):
        again = send(client, issue, 3)
    assert again.status_code == 302
    assert again["Location"] == sending_url("progress", issue)
    assert client.get(sending_url("send", issue))["Location"] == sending_url("progress", issue)
    assert Mailing.objects.count() == 1
    assert len(smtp_server.messages) == 3

    progress = client.get(sending_url("progress", issue))
    assert progress.context["counts"]["sent"] == 3
    assert progress.context["finished"]
    assert b'http-equiv="refresh"' not in progress.content


def test_issue_with_topics_goes_only_to_subscribers_of_those_topics(
    client, editor, make_issue, audience, open_data, mailoutbox, django_capture_on_commit_callbacks
):
    issue = make_issue(themes=[open_data])
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        send(client, issue, 2)
    mailing = Mailing.objects.get(issue=issue)
    assert sorted(mailing.deliveries.values_list("email", flat=True)) == [
        "anna@example.org",
        "cato@example.org",
    ]
    assert sorted(message.to[0] for message in mailoutbox) == [
        "anna@example.org",
        "cato@example.org",
    ]


def test_sending_needs_the_confirmation_box(client, editor, issue, audience):
    client.force_login(editor)
    response = client.post(sending_url("send", issue), {"expected": "3"})
    assert response.status_code == 400
    assert response.context["form"].errors["confirm"]
    assert not Mailing.objects.exists()


def test_a_changed_number_of_recipients_asks_again(
    client, editor, issue, audience, make_subscriber
):
    client.force_login(editor)
    make_subscriber(email="nieuw@example.org")
    response = send(client, issue, 3)
    assert response.status_code == 400
    assert response.context["count"] == 4
    assert response.context["form"].non_field_errors()
    assert not Mailing.objects.exists()


def test_an_issue_nobody_would_receive_is_not_sent(client, editor, make_issue, archives, audience):
    issue = make_issue(themes=[archives])
    client.force_login(editor)
    assert client.get(sending_url("send", issue)).context["count"] == 0
    assert send(client, issue, 0).status_code == 400
    assert not Mailing.objects.exists()


def test_editor_follows_the_progress_while_sending(client, editor, issue):
    make_mailing(
        issue,
        [DeliveryStatus.SENT] * 3
        + [DeliveryStatus.QUEUED, DeliveryStatus.CLAIMED, DeliveryStatus.FAILED]
        + [DeliveryStatus.SKIPPED],
    )
    client.force_login(editor)
    response = client.get(sending_url("progress", issue))
    assert response.status_code == 200
    context = response.context
    assert context["counts"]["total"] == 7
    assert context["counts"]["sent"] == 3
    assert context["counts"]["failed"] == 1
    assert context["counts"]["skipped"] == 1
    assert context["waiting"] == 2
    assert not context["finished"]
    html = response.content.decode()
    assert 'http-equiv="refresh"' in html
    assert '<progress max="7" value="3"' in html
    assert "550 Mailbox unavailable" in html
    assert "lezer5@example.org" in html
    # The refresh can be switched off.
    stopped = client.get(sending_url("progress", issue) + "?refresh=0")
    assert b'http-equiv="refresh"' not in stopped.content


def test_progress_of_an_unsent_issue_leads_to_the_send_page(client, editor, issue):
    client.force_login(editor)
    response = client.get(sending_url("progress", issue))
    assert response.status_code == 302
    assert response["Location"] == sending_url("send", issue)


def test_editor_retries_a_failed_address(
    client, editor, issue, mailoutbox, django_capture_on_commit_callbacks
):
    mailing = make_mailing(
        issue, [DeliveryStatus.SENT, DeliveryStatus.FAILED, DeliveryStatus.FAILED]
    )
    mailing.finished_at = timezone.now()
    mailing.save()
    first, second = mailing.deliveries.filter(status=DeliveryStatus.FAILED).order_by("pk")
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sending_url("retry", issue), {"delivery": first.pk})
    assert response.status_code == 302
    assert response["Location"] == sending_url("progress", issue)
    assert [message.to for message in mailoutbox] == [[first.email]]
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == DeliveryStatus.SENT and first.attempts == 2
    assert second.status == DeliveryStatus.FAILED

    with django_capture_on_commit_callbacks(execute=True):
        client.post(sending_url("retry", issue))
    assert [message.to for message in mailoutbox] == [[first.email], [second.email]]
    assert mailing.progress()["sent"] == 3
    mailing.refresh_from_db()
    assert mailing.finished_at is not None


def test_retry_of_a_delivery_of_another_mailing_does_nothing(
    client, editor, make_issue, mailoutbox, django_capture_on_commit_callbacks
):
    mine = make_issue(title="Mijn uitgave")
    other = make_issue(title="Andere uitgave")
    make_mailing(mine, [DeliveryStatus.SENT])
    others = Mailing.objects.create(issue=other, subject="x", html="x", text="x")
    foreign = Delivery.objects.create(
        mailing=others, email="vreemd@example.org", status=DeliveryStatus.FAILED
    )
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(sending_url("retry", mine), {"delivery": foreign.pk})
    foreign.refresh_from_db()
    assert foreign.status == DeliveryStatus.FAILED
    assert mailoutbox == []


@pytest.mark.parametrize("name", ["send", "progress"])
@pytest.mark.parametrize("role", ["organiser", "coordinator"])
def test_organisers_and_coordinators_cannot_open_the_sending_pages(
    client, request, issue, name, role
):
    make_mailing(issue, [DeliveryStatus.FAILED])
    client.force_login(request.getfixturevalue(role))
    assert refused(client.get(sending_url(name, issue)))


@pytest.mark.parametrize("name", ["send", "send_test", "retry"])
@pytest.mark.parametrize("role", ["organiser", "coordinator"])
def test_organisers_and_coordinators_cannot_send_or_retry(
    client, request, issue, audience, mailoutbox, name, role, django_capture_on_commit_callbacks
):
    client.force_login(request.getfixturevalue(role))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sending_url(name, issue), {"confirm": "on", "expected": "3"})
    assert refused(response)
    assert not Mailing.objects.exists()
    assert mailoutbox == []


@pytest.mark.parametrize("name", ["send", "send_test", "progress", "retry"])
def test_professionals_and_visitors_are_sent_to_the_login(client, professional, issue, name):
    assert client.get(sending_url(name, issue)).status_code == 302
    client.force_login(professional)
    response = client.get(sending_url(name, issue))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_editor_without_publish_permission_cannot_send(
    client, publisherless_editor, issue, audience, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(publisherless_editor)
    response = client.get(sending_url("send", issue))
    assert response.status_code == 200
    assert response.context["count"] == 3
    assert not response.context["can_send"]
    assert 'name="confirm"' not in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert refused(send(client, issue, 3))
    assert not Mailing.objects.exists()
    # A test to their own address is fine.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(sending_url("send_test", issue))
    assert [message.to for message in mailoutbox] == [[publisherless_editor.email]]


def test_editor_without_publish_permission_cannot_retry(
    client, publisherless_editor, issue, mailoutbox, django_capture_on_commit_callbacks
):
    mailing = make_mailing(issue, [DeliveryStatus.FAILED])
    client.force_login(publisherless_editor)
    progress = client.get(sending_url("progress", issue))
    assert progress.status_code == 200
    assert not progress.context["can_retry"]
    with django_capture_on_commit_callbacks(execute=True):
        assert refused(client.post(sending_url("retry", issue)))
    assert mailing.progress()["failed"] == 1
    assert mailoutbox == []


def test_issue_editor_and_listing_link_to_sending(client, editor, issue, newsletter_index):
    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[issue.pk])).content.decode()
    assert sending_url("send", issue) in edit
    listing = client.get(reverse("wagtailadmin_explore", args=[newsletter_index.pk]))
    assert sending_url("send", issue) in listing.content.decode()
    # Other pages get no such button.
    index_edit = client.get(reverse("wagtailadmin_pages:edit", args=[newsletter_index.pk]))
    assert "/nieuwsbrief/uitgave/" not in index_edit.content.decode()

    make_mailing(issue, [DeliveryStatus.SENT])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[issue.pk])).content.decode()
    assert sending_url("progress", issue) in edit


def visible_links(client, issue):
    """The links on the issue's edit page that are not inside a dropdown menu."""
    html = BeautifulSoup(
        client.get(reverse("wagtailadmin_pages:edit", args=[issue.pk])).content, "html.parser"
    )
    return {
        link["href"]: link.get_text(" ", strip=True)
        for link in html.find_all("a", href=True)
        if not link.find_parent(attrs={"data-controller": re.compile(r"\bw-dropdown\b")})
    }


def test_send_newsletter_is_a_visible_button_on_an_unsent_issue(
    client, editor, issue, publisherless_editor
):
    client.force_login(editor)
    assert visible_links(client, issue).get(sending_url("send", issue)) == "Nieuwsbrief versturen"

    make_mailing(issue, [DeliveryStatus.SENT])
    links = visible_links(client, issue)
    assert sending_url("send", issue) not in links
    assert links.get(sending_url("progress", issue)) == "Voortgang van het versturen"

    # Someone who may not send sees no such button.
    client.force_login(publisherless_editor)
    assert sending_url("progress", issue) not in visible_links(client, issue)


# ---------------------------------------------------------------------------
# Subscribers


def index_url(**params):
    url = reverse(f"{SUBSCRIBERS}:index")
    if params:
        from urllib.parse import urlencode

        url += "?" + urlencode(params, doseq=True)
    return url


def listed(response):
    return sorted(subscriber.email for subscriber in response.context["object_list"])


def test_editor_sees_the_subscriber_list(client, editor, audience):
    client.force_login(editor)
    response = client.get(index_url())
    assert response.status_code == 200
    assert len(listed(response)) == 5
    html = response.content.decode()
    assert "anna@example.org" in html
    assert "Open data" in html


def test_editor_filters_and_searches_subscribers(
    client, editor, audience, make_subscriber, open_data
):
    old = make_subscriber(
        email="oud@example.org", consent_given_at=timezone.now() - timedelta(days=400), name="Olga"
    )
    client.force_login(editor)
    assert listed(client.get(index_url(status="confirmed"))) == [
        "anna@example.org",
        "bram@example.org",
        "cato@example.org",
        old.email,
    ]
    assert listed(client.get(index_url(themes=[open_data.pk]))) == [
        "anna@example.org",
        "cato@example.org",
    ]
    assert listed(client.get(index_url(status="pending"))) == ["wacht@example.org"]
    last_year = (timezone.localdate() - timedelta(days=500)).isoformat()
    long_ago = (timezone.localdate() - timedelta(days=300)).isoformat()
    assert listed(
        client.get(index_url(consent_given_at_from=last_year, consent_given_at_to=long_ago))
    ) == [old.email]
    assert listed(client.get(index_url(q="BRAM"))) == ["bram@example.org"]
    assert listed(client.get(index_url(q="olga"))) == [old.email]


def test_subscriber_filter_on_a_leerkring(client, editor, make_subscriber):
    leerkring = LeerkringFactory(name="Woo in de praktijk")
    make_subscriber(email="lid@example.org", leerkringen=[leerkring])
    make_subscriber(email="ander@example.org")
    client.force_login(editor)
    assert listed(client.get(index_url(leerkringen=[leerkring.pk]))) == ["lid@example.org"]


def test_editor_exports_subscribers_as_csv(client, editor, audience, make_subscriber, open_data):
    make_subscriber(
        email="formule@example.org",
        name='=HYPERLINK("http://evil.example","klik")',
        themes=[open_data],
    )
    client.force_login(editor)
    response = client.get(index_url(status="confirmed", export="csv"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="nieuwsbrief-abonnees-')
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    header, body = rows[0], rows[1:]
    assert len(header) == 11
    by_email = {row[0]: dict(zip(header, row, strict=True)) for row in body}
    assert set(by_email) == {
        "anna@example.org",
        "bram@example.org",
        "cato@example.org",
        "formule@example.org",
    }
    anna = list(by_email["anna@example.org"].values())
    assert anna[:2] == ["anna@example.org", "Anna"]
    assert anna[3] == "Open data"  # themes
    assert anna[5] and anna[8]  # consent given and confirmed, as local times
    assert anna[6] not in ("", "footer")  # where consent was given, in words
    assert anna[7] == consent.current_version()  # the version of the consent text
    assert by_email["formule@example.org"][header[1]].startswith("'=")


def test_editor_exports_subscribers_as_xlsx(client, editor, audience, make_subscriber):
    make_subscriber(email="formule@example.org", name='=HYPERLINK("http://evil.example","klik")')
    client.force_login(editor)
    response = client.get(index_url(export="xlsx"))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert len(rows) == 7
    emails = {row[0] for row in rows[1:]}
    assert "weg@example.org" in emails
    assert any(isinstance(value, datetime) for value in rows[1])
    # The name shows as typed, in a text cell that never runs, without an apostrophe.
    evil = next(row for row in workbook.active.iter_rows() if row[0].value == "formule@example.org")
    assert evil[1].value == '=HYPERLINK("http://evil.example","klik")'
    assert evil[1].data_type == "s"


def test_export_takes_the_same_number_of_queries_for_more_subscribers(
    client, editor, make_subscriber, open_data, archives, django_assert_max_num_queries
):
    def add(count, start):
        for number in range(start, start + count):
            make_subscriber(email=f"lezer{number}@example.org", themes=[open_data, archives])

    client.force_login(editor)
    add(3, 0)
    with CaptureQueriesContext(connection) as few:
        b"".join(client.get(index_url(export="csv")).streaming_content)
        client.get(index_url())
    add(40, 100)
    with django_assert_max_num_queries(len(few)):
        b"".join(client.get(index_url(export="csv")).streaming_content)
        client.get(index_url())


def test_nobody_adds_subscribers_in_the_admin(client, editor, admin_user, audience):
    with pytest.raises(NoReverseMatch):
        reverse(f"{SUBSCRIBERS}:add")
    for user in (editor, admin_user):
        client.force_login(user)
        response = client.get(index_url())
        assert response.status_code == 200
        assert not response.context["can_add"]
        assert client.get("/admin/nieuwsbrief/abonnees/new/").status_code == 404


def test_editor_unsubscribes_someone_who_asks(client, editor, audience, open_data):
    anna = audience["anna"]
    client.force_login(editor)
    response = client.post(
        reverse(f"{SUBSCRIBERS}:edit", args=[anna.pk]),
        {"name": "Anna", "status": "unsubscribed", "themes": [open_data.pk]},
    )
    assert response.status_code == 302
    anna.refresh_from_db()
    assert anna.status == SubscriberStatus.UNSUBSCRIBED
    assert anna.unsubscribed_at is not None
    assert anna.consent_version == consent.current_version()  # the consent record stays


def test_editor_cannot_confirm_someone_else(client, editor, audience):
    pending = audience["pending"]
    client.force_login(editor)
    response = client.post(
        reverse(f"{SUBSCRIBERS}:edit", args=[pending.pk]), {"name": "", "status": "confirmed"}
    )
    assert response.status_code == 200  # the form again, with an error
    pending.refresh_from_db()
    assert pending.status == SubscriberStatus.PENDING


def test_editor_deletes_a_subscriber(client, editor, audience):
    bram = audience["bram"]
    client.force_login(editor)
    response = client.post(reverse(f"{SUBSCRIBERS}:delete", args=[bram.pk]))
    assert response.status_code == 302
    assert not Subscriber.objects.filter(pk=bram.pk).exists()


def test_editor_sees_the_whole_consent_record(client, editor, audience):
    client.force_login(editor)
    response = client.get(reverse(f"{SUBSCRIBERS}:inspect", args=[audience["anna"].pk]))
    assert response.status_code == 200
    assert "2026-1" in response.content.decode()


@pytest.mark.parametrize("role", ["organiser", "coordinator"])
def test_organiser_cannot_see_subscribers(client, request, audience, role):
    client.force_login(request.getfixturevalue(role))
    anna = audience["anna"]
    for url in (
        index_url(),
        index_url(export="csv"),
        reverse(f"{SUBSCRIBERS}:edit", args=[anna.pk]),
        reverse(f"{SUBSCRIBERS}:inspect", args=[anna.pk]),
        reverse(f"{SUBSCRIBERS}:delete", args=[anna.pk]),
        reverse("newsletter_statistics:index"),
    ):
        response = client.get(url)
        assert refused(response), url
        assert b"anna@example.org" not in response.content
    assert refused(client.post(reverse(f"{SUBSCRIBERS}:delete", args=[anna.pk])))
    assert Subscriber.objects.filter(pk=anna.pk).exists()
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(f"{SUBSCRIBERS}:index") not in home


def test_professional_cannot_see_subscribers(client, professional, audience):
    client.force_login(professional)
    for url in (index_url(), index_url(export="csv"), reverse("newsletter_statistics:index")):
        response = client.get(url)
        assert response.status_code == 302
        assert b"anna@example.org" not in response.content


def test_editor_finds_the_newsletter_in_the_menu(client, editor):
    client.force_login(editor)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(f"{SUBSCRIBERS}:index") in home
    assert reverse("newsletter_statistics:index") in home


# ---------------------------------------------------------------------------
# Statistics


def months_ago(count, day=10):
    """A moment in the middle of the month `count` months before this one."""
    today = timezone.localdate()
    year, month = today.year, today.month - count
    while month < 1:
        year, month = year - 1, month + 12
    return datetime(year, month, day, 12, tzinfo=timezone.get_current_timezone())


def test_statistics_show_counts_per_status_and_topic(
    client, editor, audience, open_data, make_subscriber
):
    leerkring = LeerkringFactory(name="Woo-leerkring")
    make_subscriber(email="kring@example.org", leerkringen=[leerkring], themes=[open_data])
    client.force_login(editor)
    response = client.get(reverse("newsletter_statistics:index"))
    assert response.status_code == 200
    statuses = {value: number for _label, number, value in response.context["status_rows"]}
    assert statuses == {"pending": 1, "confirmed": 4, "unsubscribed": 1}
    topics = response.context["topics"]
    assert {theme.name: theme.subscriber_count for theme in topics["themes"]}["Open data"] == 3
    assert {kring.name: kring.subscriber_count for kring in topics["leerkringen"]}[
        "Woo-leerkring"
    ] == 1
    assert topics["without_topic"] == 1  # Bram
    html = response.content.decode()
    assert 'role="img"' in html
    assert "<table" in html


def test_statistics_show_growth_per_month(client, editor, make_subscriber):
    # Before the chart: two subscribers, one of whom leaves within the chart.
    make_subscriber(email="al-lang@example.org", confirmed_at=months_ago(20))
    make_subscriber(
        email="vertrekt@example.org",
        status=SubscriberStatus.UNSUBSCRIBED,
        confirmed_at=months_ago(18),
        unsubscribed_at=months_ago(2),
    )
    # Left before the chart: not counted anywhere.
    make_subscriber(
        email="lang-weg@example.org",
        status=SubscriberStatus.UNSUBSCRIBED,
        confirmed_at=months_ago(20),
        unsubscribed_at=months_ago(15),
    )
    # Within the chart.
    make_subscriber(email="nieuw-1@example.org", confirmed_at=months_ago(5))
    make_subscriber(email="nieuw-2@example.org", confirmed_at=months_ago(5, day=20))
    make_subscriber(
        email="kort@example.org",
        status=SubscriberStatus.UNSUBSCRIBED,
        confirmed_at=months_ago(3),
        unsubscribed_at=months_ago(2, day=15),
    )
    make_subscriber(email="deze-maand@example.org", confirmed_at=timezone.now())
    make_subscriber(email="wacht@example.org", status=SubscriberStatus.PENDING)

    client.force_login(editor)
    rows = client.get(reverse("newsletter_statistics:index")).context["rows"]
    assert len(rows) == 12
    by_age = {11 - index: row for index, row in enumerate(rows)}
    assert by_age[11]["total"] == 2
    assert by_age[5]["confirmed"] == 2 and by_age[5]["total"] == 4
    assert by_age[3]["confirmed"] == 1 and by_age[3]["total"] == 5
    assert by_age[2]["unsubscribed"] == 2 and by_age[2]["total"] == 3
    assert by_age[0]["confirmed"] == 1 and by_age[0]["total"] == 4
    assert by_age[0]["total"] == Subscriber.objects.confirmed().count()
    assert sum(row["confirmed"] for row in rows) == 4

    long = client.get(reverse("newsletter_statistics:index") + "?months=24").context["rows"]
    assert len(long) == 24
    assert long[-1]["total"] == 4
    assert long[0]["total"] == 0


def test_statistics_take_the_same_number_of_queries_for_more_subscribers(
    client, editor, make_subscriber, open_data, django_assert_max_num_queries
):
    client.force_login(editor)
    make_subscriber(email="een@example.org", themes=[open_data], confirmed_at=months_ago(4))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("newsletter_statistics:index"))
    for number in range(40):
        make_subscriber(
            email=f"lezer{number}@example.org",
            themes=[open_data],
            confirmed_at=months_ago(number % 12),
            status=SubscriberStatus.UNSUBSCRIBED if number % 5 == 0 else SubscriberStatus.CONFIRMED,
            unsubscribed_at=timezone.now() if number % 5 == 0 else None,
        )
    with django_assert_max_num_queries(len(few)):
        client.get(reverse("newsletter_statistics:index"))
