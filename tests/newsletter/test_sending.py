"""Sending an issue: who gets it, what the e-mail looks like, and that every
recipient gets it exactly once, also when the worker dies half-way."""

import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from communities.newsletter import links, sender, sending
from communities.newsletter.models import (
    BatchProgress,
    DeliveryStatus,
    Mailing,
    Subscriber,
    SubscriberStatus,
)
from tests.conftest import Mailbox, free_port, serving_smtp, subprocess_database_url
from tests.factories.newsletter import NewsletterIssuePageFactory, SubscriberFactory

ROOT = Path(__file__).resolve().parents[2]


ISSUE_BODY = [
    {"type": "text", "value": '<p>Lees <a href="/over-ons/">over ons</a>.</p>'},
    {"type": "events", "value": {"heading": "Agenda", "events": [], "number": 3}},
    {"type": "call_to_action", "value": {"text": "Naar de kaart", "page": None, "url": "/kaart/"}},
]


def make_issue(themes=(), leerkringen=()):
    return NewsletterIssuePageFactory(
        title="Nieuwsbrief december", themes=themes, leerkringen=leerkringen, body=ISSUE_BODY
    )


def test_issue_without_topics_reaches_every_confirmed_subscriber(topics):
    SubscriberFactory(email="a@example.org", themes=[topics["data"]])
    SubscriberFactory(email="b@example.org")
    SubscriberFactory(email="c@example.org", status=SubscriberStatus.PENDING)
    SubscriberFactory(email="d@example.org", status=SubscriberStatus.UNSUBSCRIBED)
    recipients = make_issue().recipients()
    assert sorted(recipients.values_list("email", flat=True)) == ["a@example.org", "b@example.org"]


def test_issue_about_topics_reaches_only_subscribers_who_chose_one_of_them(topics):
    SubscriberFactory(email="data@example.org", themes=[topics["data"]])
    SubscriberFactory(email="both@example.org", themes=[topics["data"], topics["contact"]])
    SubscriberFactory(email="kring@example.org", leerkringen=[topics["kring"]])
    SubscriberFactory(email="contact@example.org", themes=[topics["contact"]])
    SubscriberFactory(email="everything@example.org")
    SubscriberFactory(
        email="pending@example.org", status=SubscriberStatus.PENDING, themes=[topics["data"]]
    )
    issue = make_issue(themes=[topics["data"]], leerkringen=[topics["kring"]])
    assert sorted(issue.recipients().values_list("email", flat=True)) == [
        "both@example.org",
        "data@example.org",
        "kring@example.org",
    ]


def test_every_subscriber_receives_the_issue_once_with_their_own_links(
    topics, smtp_server, settings, django_capture_on_commit_callbacks, client
):
    settings.NEWSLETTER_BATCH_SIZE = 3  # several batches, one after the other
    for number in range(10):
        SubscriberFactory(email=f"lezer{number}@example.org")
    issue = make_issue()
    with django_capture_on_commit_callbacks(execute=True):
        mailing = sending.start(issue, user=None)

    messages = smtp_server.wait_for(10)
    assert sorted(message["To"] for message in messages) == sorted(
        f"lezer{number}@example.org" for number in range(10)
    )
    mailing.refresh_from_db()
    assert mailing.finished_at is not None
    assert mailing.progress()["sent"] == 10 == mailing.progress()["total"]

    first = messages[0]
    assert first["Subject"] == "Nieuwsbrief december"
    assert first["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    one_click = first["List-Unsubscribe"].strip("<>")
    # As sent: the plain address, not an encoded word that mail programs do not read.
    raw = dict(first.raw_items())["List-Unsubscribe"]
    assert raw.strip() == f"<{one_click}>"
    text = Mailbox.text_of(first)
    assert "/nieuwsbrief/voorkeuren/" in text
    assert "https://preferences.invalid/" not in text
    # Each recipient has their own links.
    assert len({message["List-Unsubscribe"] for message in messages}) == 10

    # RFC 8058: the mail program POSTs to the address, without session or CSRF token.
    response = client.post(
        one_click.removeprefix(settings.WAGTAILADMIN_BASE_URL.rstrip("/")),
        {"List-Unsubscribe": "One-Click"},
    )
    assert response.status_code == 200
    unsubscribed = Subscriber.objects.get(email=first["To"])
    assert unsubscribed.status == SubscriberStatus.UNSUBSCRIBED


def test_the_email_holds_up_in_mail_programs(topics):
    SubscriberFactory(email="lezer@example.org")
    subject, html, text = make_issue().render_email()
    assert 'role="presentation"' in html
    assert "max-width:600px" in html
    assert "<style" not in html  # styles are inline; many mail programs drop <style>
    assert "<script" not in html
    assert 'href="/' not in html  # every link works outside the site
    site = links.site_url()
    assert f'href="{site}/over-ons/"' in html
    assert "Het nieuws van deze maand." in text
    assert f"{site}/kaart/" in text
    assert "<p>" not in text


def test_the_email_has_no_tracking(topics, smtp_server, django_capture_on_commit_callbacks):
    SubscriberFactory(email="lezer@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        sending.start(make_issue(), user=None)
    message = smtp_server.wait_for(1)[0]
    html = message.get_body(preferencelist=("html",)).get_content()
    # Every link goes straight to its target on the site or elsewhere; no images
    # other than article pictures (no tracking pixel), and no per-reader query strings.
    assert "utm_" not in html and "?u=" not in html
    assert "<img" not in html  # this issue has no articles, so no pictures at all


def test_unsubscribed_before_their_turn_is_skipped(topics, django_capture_on_commit_callbacks):
    stays = SubscriberFactory(email="blijft@example.org")
    leaves = SubscriberFactory(email="gaat@example.org")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        mailing = sending.start(make_issue(), user=None)
    leaves.status = SubscriberStatus.UNSUBSCRIBED
    leaves.save()
    for callback in callbacks:
        callback()
    statuses = dict(mailing.deliveries.values_list("email", "status"))
    assert statuses == {stays.email: DeliveryStatus.SENT, leaves.email: DeliveryStatus.SKIPPED}


def test_an_issue_is_sent_only_once(topics, django_capture_on_commit_callbacks):
    SubscriberFactory(email="lezer@example.org")
    issue = make_issue()
    with django_capture_on_commit_callbacks(execute=True):
        sending.start(issue, user=None)
    with pytest.raises(sending.SendingError) as refused:
        sending.start(issue, user=None)
    assert refused.value.code == "already_sent"
    assert refused.value.message == "Deze nieuwsbrief is al verstuurd."
    assert Mailing.objects.count() == 1


def test_an_issue_changed_after_publishing_is_not_sent_until_published_again(topics):
    """The rule holds in the sending service itself, not only on the send page: what
    goes out is what the editor last published."""
    SubscriberFactory(email="lezer@example.org")
    issue = make_issue()
    issue.title = "Nog niet gepubliceerde titel"
    issue.save_revision()
    with pytest.raises(sending.SendingError) as refused:
        sending.start(issue, user=None)
    assert refused.value.code == "unpublished_changes"
    assert "nog niet gepubliceerd" in refused.value.message
    assert Mailing.objects.count() == 0


class RefusingMailbox(Mailbox):
    """An SMTP server that refuses some addresses, like a mail server whose user is gone."""

    def __init__(self, refused):
        super().__init__()
        self.refused = set(refused)

    async def handle_RCPT(self, server, session, envelope, address, options):  # noqa: N802
        if address in self.refused:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"


@pytest.fixture
def refusing_smtp(settings):
    with serving_smtp(RefusingMailbox(refused={"weg@example.org"}), settings) as mailbox:
        yield mailbox


def test_a_refused_address_is_recorded_and_can_be_retried(
    topics, refusing_smtp, django_capture_on_commit_callbacks
):
    SubscriberFactory(email="lezer@example.org")
    SubscriberFactory(email="weg@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        mailing = sending.start(make_issue(), user=None)
    refusing_smtp.wait_for(1)
    failed = mailing.deliveries.get(email="weg@example.org")
    assert failed.status == DeliveryStatus.FAILED
    assert "550" in failed.error
    assert mailing.deliveries.get(email="lezer@example.org").status == DeliveryStatus.SENT

    refusing_smtp.refused.clear()  # the mailbox is back
    with django_capture_on_commit_callbacks(execute=True):
        assert sending.retry(mailing) == 1
    refusing_smtp.wait_for(2)
    failed.refresh_from_db()
    assert failed.status == DeliveryStatus.SENT and failed.attempts == 2
    assert Counter(message["To"] for message in refusing_smtp.messages) == {
        "lezer@example.org": 1,
        "weg@example.org": 1,
    }


def test_web_version_appears_once_the_issue_is_sent(
    topics, client, django_capture_on_commit_callbacks
):
    SubscriberFactory(email="lezer@example.org")
    issue = make_issue()
    assert client.get(issue.url).status_code == 404  # published, but not sent yet
    with django_capture_on_commit_callbacks(execute=True):
        sending.start(issue, user=None)
    response = client.get(issue.url)
    assert response.status_code == 200
    assert "Het nieuws van deze maand." in response.text


class SlowMailbox(Mailbox):
    """A mail server that takes a moment per message, so the worker can be killed
    in the middle of a mailing."""

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        import asyncio

        await asyncio.sleep(0.02)
        return await super().handle_DATA(server, session, envelope)


def start_worker(smtp_port):
    """A real task worker (`manage.py db_worker`) in its own process, on the test
    database, sending to the test's SMTP server."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": subprocess_database_url(),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "NEWSLETTER_BATCH_SIZE": "10",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.1", "--no-startup-delay"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def wait_until(condition, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_killed_mid_mailing_is_resumed_without_duplicates(settings):
    from aiosmtpd.controller import Controller

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    mailbox = SlowMailbox()
    smtp = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    smtp.start()
    addresses = [f"lezer{number:02}@example.org" for number in range(80)]
    for address in addresses:
        SubscriberFactory(email=address)
    mailing = sending.start(make_issue(), user=None)

    first = start_worker(smtp.port)
    try:
        mailbox.wait_for(25, timeout=60)
    finally:
        first.kill()  # SIGKILL: no chance to clean up, like a crash or power loss
        first.wait()
    received_before_restart = len(mailbox.messages)
    assert received_before_restart < len(addresses), "the mailing ended before the kill"

    second = start_worker(smtp.port)
    try:
        assert wait_until(lambda: Mailing.objects.get(pk=mailing.pk).finished_at), (
            second.stderr.read1().decode() if second.poll() is not None else "timeout"
        )
    finally:
        second.terminate()
        second.wait()
        smtp.stop()

    received = Counter(message["To"] for message in mailbox.messages)
    assert max(received.values()) == 1, "someone got the issue twice"
    deliveries = dict(mailing.deliveries.values_list("email", "status"))
    sent = {email for email, status in deliveries.items() if status == DeliveryStatus.SENT}
    interrupted = set(
        mailing.deliveries.filter(
            status=DeliveryStatus.FAILED, error=sending.INTERRUPTED
        ).values_list("email", flat=True)
    )
    # A message the server took just before the kill may lack its "sent" mark; it is
    # then among the interrupted ones.
    assert sent <= set(received) and set(received) - sent <= interrupted
    # Nobody is missed: everyone got it, except at most the one message that was on
    # its way at the moment of the kill, which is marked so the editor can retry it.
    assert sent | interrupted == set(addresses)
    assert len(interrupted) <= 1


def dead_batch(mailing, sending_index):
    """Rows claimed by a batch whose worker died (nobody holds its lock) while it was
    sending row number `sending_index` (None: before it began to send)."""
    claim = 424242
    rows = list(mailing.deliveries.order_by("pk"))
    mailing.deliveries.update(status=DeliveryStatus.CLAIMED, claim=claim)
    if sending_index is not None:
        BatchProgress.objects.create(claim=claim, sending=rows[sending_index].pk)
    return rows


def statuses(mailing):
    return list(mailing.deliveries.order_by("pk").values_list("status", flat=True))


def test_a_dead_batch_is_settled_from_where_it_was_sending(db, django_capture_on_commit_callbacks):
    for number in range(5):
        SubscriberFactory(email=f"lezer{number}@example.org")
    with django_capture_on_commit_callbacks():  # the batches are not run
        mailing = sending.start(make_issue(), user=None)
    dead_batch(mailing, sending_index=2)

    sending.recover_dead_batches(mailing)

    # Before the row it was sending: taken by the server. That row: perhaps, so
    # failed for the editor to retry. After it: never tried, so back in the queue.
    assert statuses(mailing) == ["sent", "sent", "failed", "queued", "queued"]
    assert mailing.deliveries.get(status=DeliveryStatus.FAILED).error == sending.INTERRUPTED
    assert not BatchProgress.objects.exists()


def test_a_batch_that_died_before_sending_goes_back_to_the_queue(
    db, django_capture_on_commit_callbacks
):
    for number in range(3):
        SubscriberFactory(email=f"lezer{number}@example.org")
    with django_capture_on_commit_callbacks():
        mailing = sending.start(make_issue(), user=None)
    dead_batch(mailing, sending_index=None)

    sending.recover_dead_batches(mailing)

    assert statuses(mailing) == ["queued"] * 3


def test_editor_previews_the_issue_as_web_page_and_as_email(topics):
    issue = make_issue()
    assert [mode for mode, _label in issue.preview_modes] == ["", "email"]
    email = issue.make_preview_request(preview_mode="email").content.decode()
    assert email.startswith("<!DOCTYPE html>") and 'role="presentation"' in email
    assert "Het nieuws van deze maand." in email
    # The web version previews even though the issue has not been sent yet.
    web = issue.make_preview_request(preview_mode="")
    assert web.status_code == 200 and "Het nieuws van deze maand." in web.content.decode()


# The fast path: the message is built once per batch and only the reader's links change.


def send_issue(capture):
    """Send an issue and let the batches run, as the worker would."""
    issue = NewsletterIssuePageFactory(title="Nieuwsbrief december", body=ISSUE_BODY)
    with capture(execute=True):
        return sending.start(issue, user=None)


def test_each_reader_gets_the_email_django_would_build_with_their_own_links(
    topics, smtp_server, django_capture_on_commit_callbacks
):
    SubscriberFactory(email="een@example.org")
    SubscriberFactory(email="twee@example.org")
    mailing = send_issue(django_capture_on_commit_callbacks)
    received = {message["To"]: message for message in smtp_server.wait_for(2)}
    first = received["een@example.org"]
    # Content as received, with the line ends of the wire (CRLF) made Python's again.
    text = first.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")
    html = first.get_body(preferencelist=("html",)).get_content().replace("\r\n", "\n")
    preferences = next(word for word in text.split() if "/nieuwsbrief/voorkeuren/" in word)
    one_click = first["List-Unsubscribe"].strip("<>")
    built = sender.message(mailing, "een@example.org", preferences, one_click).message()
    for header in ("Subject", "From", "To", "List-Unsubscribe", "List-Unsubscribe-Post"):
        assert first[header] == built[header]
    assert text == built.get_body(preferencelist=("plain",)).get_content()
    assert html == built.get_body(preferencelist=("html",)).get_content()
    assert "recipient.invalid" not in first.as_string()
    assert first["Message-ID"] != received["twee@example.org"]["Message-ID"]


def test_an_address_django_must_encode_still_gets_the_issue(
    topics, smtp_server, django_capture_on_commit_callbacks
):
    SubscriberFactory(email="lezer@bücher.example")
    mailing = send_issue(django_capture_on_commit_callbacks)
    [message] = smtp_server.wait_for(1)
    assert message["To"] == "lezer@xn--bcher-kva.example"
    assert mailing.progress()["sent"] == 1


def test_every_reader_in_a_batch_gets_the_links_to_their_own_subscription(
    topics, smtp_server, django_capture_on_commit_callbacks
):
    """Each e-mail is put together while the server reads the one before it; a reader
    whose address Django must encode, and whose e-mail Django builds in full, sits in
    between the others."""
    addresses = ["een@example.org", "lezer@bücher.example", "twee@example.org", "drie@example.org"]
    for address in addresses:
        SubscriberFactory(email=address)
    send_issue(django_capture_on_commit_callbacks)
    messages = smtp_server.wait_for(len(addresses))
    owners = {}
    for message in messages:
        signed = message["List-Unsubscribe"].strip("<>").rstrip("/").rsplit("/", 1)[-1]
        owners[message["To"]] = links.load(signed, links.MANAGE).email
    assert owners == {
        "een@example.org": "een@example.org",
        "lezer@xn--bcher-kva.example": "lezer@bücher.example",
        "twee@example.org": "twee@example.org",
        "drie@example.org": "drie@example.org",
    }
