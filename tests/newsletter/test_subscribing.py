"""Subscribing to the newsletter: the double opt-in through a real SMTP server, the
pages behind the e-mailed links, one-click unsubscribe, the account page, bad input,
robots, rate limits, concurrency and the privacy rules."""

import json
import re
import threading
from datetime import timedelta
from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from communities.models import Leerkring
from communities.newsletter import consent, links, subscriptions
from communities.newsletter.models import (
    Mailing,
    Subscriber,
    SubscriberStatus,
    SubscriptionSource,
)
from portal.models import Theme
from tests.factories.newsletter import (
    NewsletterIndexPageFactory,
    NewsletterIssuePageFactory,
    SubscriberFactory,
)

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/nieuwsbrief/aanmelden/"
SENT = "/nieuwsbrief/aanmelden/verstuurd/"
NEW_LINK = "/nieuwsbrief/nieuwe-link/"
ACCOUNT = "/account/nieuwsbrief/"


@pytest.fixture
def sending(django_capture_on_commit_callbacks):
    """`with sending():` delivers the e-mails queued inside the block (on commit)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def newsletter_page(db):
    return NewsletterIndexPageFactory()


def link_in(text, name):
    return re.search(rf"https?://\S+(/nieuwsbrief/{name}/\S+/)", text).group(1)


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def without_tokens(content):
    """A page without its (per-request) CSRF tokens, to compare two answers."""
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", content)


def signup(client, email="noor@example.org", **data):
    data.setdefault("source", "page")
    return client.post(SUBSCRIBE, {"email": email, **data})


# Double opt-in


def test_visitor_confirms_subscription_from_the_emailed_link(client, smtp_server, sending, topics):
    with sending():
        response = signup(
            client,
            "Noor@Example.org",
            name="Noor Bakker",
            themes=[topics["data"].pk],
            leerkringen=[topics["kring"].pk],
        )
    assert response.status_code == 302 and response["Location"] == SENT
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.name, subscriber.status) == (
        "noor@example.org",
        "Noor Bakker",
        "pending",
    )
    assert subscriber.topic_names == ["Open Data", "Waterschappen open"]
    assert (subscriber.consent_source, subscriber.consent_version) == (
        "page",
        consent.current_version(),
    )
    page = client.get(SENT)
    assert "Kijk in je mailbox" in page.content.decode()

    [message] = smtp_server.wait_for(1)
    assert message["To"] == "noor@example.org"
    assert message["Subject"] == "Bevestig je aanmelding voor de nieuwsbrief"
    text = smtp_server.text_of(message)
    assert "Beste Noor Bakker," in text and "7 dagen" in text
    confirm_link = link_in(text, "bevestigen")

    # Opening the link (as a mail scanner does) changes nothing.
    opened = client.get(confirm_link)
    body = opened.content.decode()
    assert opened.status_code == 200
    assert "Ja, ik bevestig mijn aanmelding" in body
    assert '<meta name="robots" content="noindex">' in body
    subscriber.refresh_from_db()
    assert subscriber.status == "pending" and subscriber.confirmed_at is None

    confirmed = client.post(confirm_link)
    body = confirmed.content.decode()
    assert confirmed.status_code == 200 and "Bedankt voor je aanmelding" in body
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed" and subscriber.confirmed_at is not None
    # The thank-you page leads to the preferences.
    preferences = re.search(r'href="(/nieuwsbrief/voorkeuren/[^"]+/)"', body).group(1)
    assert client.get(preferences).status_code == 200

    # Confirming twice is harmless.
    again = client.post(confirm_link)
    assert again.status_code == 200 and "Je aanmelding is bevestigd" in again.content.decode()


@pytest.mark.parametrize("source", ["footer", "home"])
def test_compact_forms_record_which_form_was_used(client, mailoutbox, sending, source):
    with sending():
        response = signup(client, "kim@example.org", source=source)
    assert response.status_code == 302
    assert Subscriber.objects.get().consent_source == source
    assert len(mailoutbox) == 1


def test_expired_confirmation_link_offers_to_sign_up_again(client, mailoutbox, sending):
    subscriber = SubscriberFactory(email="laat@example.org", status=SubscriberStatus.PENDING)
    eight_days_ago = timezone.now().timestamp() - 8 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=eight_days_ago):
        old_link = path_of(links.confirm_url(subscriber))
    for method in (client.get, client.post):
        response = method(old_link)
        body = response.content.decode()
        assert response.status_code == 400
        assert "Deze link is verlopen" in body and "Meld je dan opnieuw aan" in body
        assert 'action="/nieuwsbrief/aanmelden/"' in body
    subscriber.refresh_from_db()
    assert subscriber.status == "pending"


def test_expired_preferences_link_offers_a_new_link(client):
    subscriber = SubscriberFactory(email="oud@example.org")
    two_years_ago = timezone.now().timestamp() - 2 * 366 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=two_years_ago):
        old_link = path_of(links.preferences_url(subscriber))
    response = client.get(old_link)
    body = response.content.decode()
    assert response.status_code == 400
    assert "Deze link is verlopen" in body and 'action="/nieuwsbrief/nieuwe-link/"' in body


@pytest.mark.parametrize("name", ["bevestigen", "voorkeuren", "afmelden"])
def test_tampered_link_shows_a_clear_page_and_changes_nothing(client, name):
    subscriber = SubscriberFactory(email="echt@example.org", status=SubscriberStatus.PENDING)
    signed = links.sign(subscriber, links.CONFIRM if name == "bevestigen" else links.MANAGE)
    tampered = signed[:-3] + ("aaa" if not signed.endswith("aaa") else "bbb")
    for path in [
        f"/nieuwsbrief/{name}/{tampered}/",
        f"/nieuwsbrief/{name}/niets/",
        f"/nieuwsbrief/{name}/%00%3Cscript%3E/",
        f"/nieuwsbrief/{name}/{'x' * 5000}/",
    ]:
        for method in (client.get, client.post):
            response = method(path)
            assert response.status_code == 400, path
            body = response.content.decode()
            assert "Deze link werkt niet" in body
            assert '<meta name="robots" content="noindex">' in body
    subscriber.refresh_from_db()
    assert subscriber.status == "pending"


def test_a_confirmation_link_does_not_work_for_the_preferences(client):
    subscriber = SubscriberFactory(email="mix@example.org", status=SubscriberStatus.PENDING)
    signed = links.sign(subscriber, links.CONFIRM)
    assert client.get(f"/nieuwsbrief/voorkeuren/{signed}/").status_code == 400
    assert client.post(f"/nieuwsbrief/afmelden/{signed}/").status_code == 400


def test_signing_up_again_makes_the_old_confirmation_link_useless(client, mailoutbox, sending):
    with sending():
        signup(client, "twee@example.org")
    first_link = link_in(mailoutbox[0].body, "bevestigen")
    subscriber = Subscriber.objects.get()
    # A moment later the address signs up again.
    Subscriber.objects.filter(pk=subscriber.pk).update(
        consent_given_at=subscriber.consent_given_at - timedelta(minutes=5)
    )
    first_link = path_of(links.confirm_url(Subscriber.objects.get()))
    with sending():
        signup(client, "twee@example.org")
    second_link = link_in(mailoutbox[-1].body, "bevestigen")
    assert client.post(first_link).status_code == 400
    assert Subscriber.objects.get().status == "pending"
    assert client.post(second_link).status_code == 200
    assert Subscriber.objects.get().status == "confirmed"


def test_unconfirmed_sign_ups_are_deleted_after_seven_days(db):
    now = timezone.now()
    old_pending = SubscriberFactory(
        email="oud@example.org",
        status=SubscriberStatus.PENDING,
        consent_given_at=now - timedelta(days=8),
    )
    SubscriberFactory(
        email="nieuw@example.org",
        status=SubscriberStatus.PENDING,
        consent_given_at=now - timedelta(days=6),
    )
    SubscriberFactory(
        email="trouw@example.org",
        status=SubscriberStatus.CONFIRMED,
        consent_given_at=now - timedelta(days=60),
    )
    SubscriberFactory(
        email="weg@example.org",
        status=SubscriberStatus.UNSUBSCRIBED,
        consent_given_at=now - timedelta(days=60),
    )
    assert subscriptions.delete_unconfirmed() == 1
    assert not Subscriber.objects.filter(pk=old_pending.pk).exists()
    assert sorted(Subscriber.objects.values_list("email", flat=True)) == [
        "nieuw@example.org",
        "trouw@example.org",
        "weg@example.org",
    ]


# The same answer for every address


def test_the_answer_is_the_same_whether_or_not_the_address_is_known(mailoutbox, sending):
    SubscriberFactory(email="wacht@example.org", status=SubscriberStatus.PENDING)
    SubscriberFactory(email="lid@example.org", status=SubscriberStatus.CONFIRMED, name="Lid")
    SubscriberFactory(email="weg@example.org", status=SubscriberStatus.UNSUBSCRIBED)
    answers = []
    for email in ["nieuw@example.org", "wacht@example.org", "LID@example.org", "weg@example.org"]:
        client = Client(headers={"Sec-Fetch-Site": "same-origin"})  # from our own page
        with sending():
            response = signup(client, email)
        followed = client.get(response["Location"])
        answers.append(
            (
                response.status_code,
                response["Location"],
                response.content,
                followed.status_code,
                without_tokens(followed.content),
            )
        )
    assert all(answer == answers[0] for answer in answers)
    assert answers[0][:2] == (302, SENT)

    subjects = {message.to[0]: message.subject for message in mailoutbox}
    assert subjects == {
        "nieuw@example.org": "Bevestig je aanmelding voor de nieuwsbrief",
        "wacht@example.org": "Bevestig je aanmelding voor de nieuwsbrief",
        "lid@example.org": "Je krijgt de nieuwsbrief al",
        "weg@example.org": "Bevestig je aanmelding voor de nieuwsbrief",
    }
    already = next(m for m in mailoutbox if m.to == ["lid@example.org"])
    assert "/nieuwsbrief/voorkeuren/" in already.body and "bevestigen" not in already.body
    member = Subscriber.objects.get(email="lid@example.org")
    assert member.status == "confirmed" and member.name == "Lid"


def test_asking_for_a_new_link_answers_the_same_for_any_address(mailoutbox, sending):
    SubscriberFactory(email="lid@example.org")
    SubscriberFactory(email="wacht@example.org", status=SubscriberStatus.PENDING)
    answers = []
    for email in ["lid@example.org", "wacht@example.org", "onbekend@example.org"]:
        client = Client()
        with sending():
            response = client.post(NEW_LINK, {"email": email})
        followed = client.get(response["Location"])
        answers.append(
            (response.status_code, response["Location"], without_tokens(followed.content))
        )
    assert all(answer == answers[0] for answer in answers)
    assert "Kijk in je mailbox" in answers[0][2].decode()
    [message] = mailoutbox
    assert message.to == ["lid@example.org"]
    assert message.subject == "Je link naar je voorkeuren voor de nieuwsbrief"
    preferences = link_in(message.body, "voorkeuren")
    assert Client().get(preferences).status_code == 200


def test_subscription_emails_per_address_are_limited(client, mailoutbox, sending):
    for _ in range(5):
        with sending():
            client.post(NEW_LINK, {"email": "lid@example.org"})
            signup(client, "veel@example.org")
    assert len(mailoutbox) == subscriptions.SIGNUPS_PER_ADDRESS


# Preferences and unsubscribing


def test_subscriber_changes_topics_on_the_preferences_page_without_logging_in(client, topics):
    subscriber = SubscriberFactory(email="lid@example.org")
    subscriber.themes.set([topics["data"]])
    url = path_of(links.preferences_url(subscriber))
    page = client.get(url).content.decode()
    assert '<meta name="robots" content="noindex">' in page
    assert f'value="{topics["data"].pk}"' in page and "checked" in page
    response = client.post(
        url, {"themes": [topics["contact"].pk], "leerkringen": [topics["kring"].pk], "save": ""}
    )
    assert response.status_code == 302 and response["Location"] == url
    assert subscriber.topic_names == ["Open Contact", "Waterschappen open"]
    assert "Je keuze van onderwerpen is opgeslagen." in client.get(url).content.decode()
    # Nothing chosen: every issue.
    client.post(url, {"save": ""})
    assert subscriber.topic_names == []


def test_subscriber_unsubscribes_on_the_preferences_page(client):
    subscriber = SubscriberFactory(email="lid@example.org")
    url = path_of(links.preferences_url(subscriber))
    response = client.post(url, {"unsubscribe": "1"})
    assert response.status_code == 200 and "Je bent afgemeld" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed" and subscriber.unsubscribed_at is not None
    # The record stays: when consent was given, on which form, which text.
    assert subscriber.consent_version == consent.current_version()
    page = client.get(url).content.decode()
    assert "Je krijgt de nieuwsbrief niet meer" in page and 'name="save"' not in page


def test_one_click_unsubscribe_works_without_session_or_csrf_token(db):
    subscriber = SubscriberFactory(email="lid@example.org")
    url = path_of(links.unsubscribe_url(subscriber))
    client = Client(enforce_csrf_checks=True)
    opened = client.get(url)
    assert opened.status_code == 200
    assert "Afmelden voor de nieuwsbrief" in opened.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed"

    response = Client(enforce_csrf_checks=True).post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"
    # A second POST (mail programs retry) answers the same.
    again = Client(enforce_csrf_checks=True).post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert again.status_code == 200


def test_other_forms_still_need_a_csrf_token(db):
    subscriber = SubscriberFactory(email="lid@example.org")
    client = Client(enforce_csrf_checks=True)
    assert client.post(SUBSCRIBE, {"email": "a@example.org", "source": "page"}).status_code == 403
    url = path_of(links.preferences_url(subscriber))
    assert client.post(url, {"unsubscribe": "1"}).status_code == 403
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed"


# Robots and bad input


def test_robot_filling_the_honeypot_gets_the_normal_answer_and_nothing_happens(
    client, mailoutbox, sending
):
    with sending():
        response = signup(client, "robot@example.org", fax="http://spam.example")
        link = client.post(NEW_LINK, {"email": "robot@example.org", "fax": "x"})
    assert response.status_code == 302 and response["Location"] == SENT
    assert link.status_code == 302
    assert not Subscriber.objects.exists() and not mailoutbox


def test_many_sign_ups_from_one_address_are_refused_in_dutch(client, mailoutbox, sending):
    for number in range(subscriptions.SIGNUPS_PER_IP):
        with sending():
            assert signup(client, f"persoon{number}@example.org").status_code == 302
    response = signup(client, "een-te-veel@example.org", name="Kim")
    body = response.content.decode()
    assert response.status_code == 429
    assert "Je hebt je in korte tijd vaak aangemeld" in body
    assert 'value="een-te-veel@example.org"' in body and 'value="Kim"' in body
    assert not Subscriber.objects.filter(email="een-te-veel@example.org").exists()
    # Another visitor is not affected.
    other = Client(REMOTE_ADDR="10.0.0.9").post(
        SUBSCRIBE,
        {"email": "ander@example.org", "source": "page"},
        headers={"Sec-Fetch-Site": "same-origin"},
    )
    assert other.status_code == 302


def test_many_link_requests_from_one_address_are_refused_with_a_visible_dutch_message(
    client, mailoutbox, sending
):
    for number in range(subscriptions.SIGNUPS_PER_IP):
        with sending():
            client.post(NEW_LINK, {"email": f"persoon{number}@example.org"})
    response = client.post(NEW_LINK, {"email": "een-te-veel@example.org"})
    body = response.content.decode()
    assert response.status_code == 429
    assert "Je hebt in korte tijd veel links gevraagd" in body
    assert 'value="een-te-veel@example.org"' in body


BAD_SIGNUPS = [
    ({"email": ""}, "Vul je e-mailadres in."),
    ({"email": "   "}, "Vul je e-mailadres in."),
    ({"email": "a" * 250 + "@example.org"}, "Gebruik maximaal 254 tekens."),
    ({"email": "geen-adres"}, "Vul een geldig e-mailadres in"),
    ({"email": "noor@@example"}, "Vul een geldig e-mailadres in"),
    ({"email": '"><script>alert(1)</script>@x.nl'}, "Vul een geldig e-mailadres in"),
    ({"email": "x@example.org'; DROP TABLE newsletter_subscriber;--"}, "geldig e-mailadres"),
    ({"email": "noor\x00@example.org"}, "onzichtbaar teken"),
    ({"name": "Noor\x00"}, "onzichtbaar teken"),
    ({"name": "n" * 151}, "Gebruik maximaal 150 tekens."),
    ({"name": "<script>alert(1)</script>"}, "zonder links en zonder de tekens"),
    ({"name": "Win nu op https://spam.example"}, "zonder links"),
    ({"themes": ["999999"]}, "Kies alleen onderwerpen uit de lijst."),
    ({"themes": ["99999999999999999999999"]}, "Kies alleen onderwerpen uit de lijst."),
    ({"themes": ["-1"]}, "Kies alleen onderwerpen uit de lijst."),
    ({"themes": ["1\x00"]}, "Kies alleen onderwerpen uit de lijst."),
    ({"themes": ["1 OR 1=1"]}, "Kies alleen onderwerpen uit de lijst."),
    ({"leerkringen": ["<b>"]}, "Kies alleen onderwerpen uit de lijst."),
    ({"source": "account"}, "Er ging iets mis met dit formulier"),
    ({"source": ""}, "Er ging iets mis met dit formulier"),
]


@pytest.mark.parametrize(("bad", "message"), BAD_SIGNUPS)
def test_bad_input_on_the_subscribe_form_gets_a_dutch_message_and_keeps_the_rest(
    client, mailoutbox, sending, topics, bad, message
):
    data = {
        "email": "noor@example.org",
        "name": "Noor Bakker",
        "source": "page",
        "themes": [topics["data"].pk],
        **bad,
    }
    with sending():
        response = client.post(SUBSCRIBE, data)
    body = response.content.decode()
    assert response.status_code == 400
    assert message in body
    assert 'class="form-errors" role="alert"' in body
    assert "<script>alert" not in body
    if "email" not in bad:
        assert 'value="noor@example.org"' in body
    if "name" not in bad:
        assert 'value="Noor Bakker"' in body
    if "themes" not in bad:
        assert re.search(rf'value="{topics["data"].pk}"[^>]*checked', body)
    assert not Subscriber.objects.exists() and not mailoutbox


def test_footer_form_errors_are_shown_on_the_subscribe_page(client):
    response = signup(client, "fout", source="footer", name="Kim")
    body = response.content.decode()
    assert response.status_code == 400
    assert "Vul een geldig e-mailadres in" in body
    assert 'value="fout"' in body and 'value="Kim"' in body
    # The compact form keeps its layout and its source.
    assert 'name="themes"' not in body
    assert 'name="source" value="footer"' in body
    # The page shows this one form; the footer leaves its own out.
    assert 'id="footer-newsletter"' not in body
    assert body.count('name="email"') == 1
    assert 'id="newsletter-email"' in body


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Vul je e-mailadres in."),
        ("geen-adres", "Vul een geldig e-mailadres in"),
        ("lid\x00@example.org", "onzichtbaar teken"),
        ("a" * 300, "Dit e-mailadres is te lang."),
    ],
)
def test_bad_input_on_the_new_link_form(client, mailoutbox, email, message):
    response = client.post(NEW_LINK, {"email": email})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not mailoutbox


@pytest.mark.parametrize(
    "bad",
    [["999999"], ["99999999999999999999"], ["x\x00"], ["<script>"], ["1; DROP TABLE x"]],
)
def test_bad_topics_on_the_preferences_page_change_nothing(client, topics, bad):
    subscriber = SubscriberFactory(email="lid@example.org")
    subscriber.themes.set([topics["data"]])
    url = path_of(links.preferences_url(subscriber))
    response = client.post(
        url, {"themes": [topics["contact"].pk, *bad], "leerkringen": [topics["kring"].pk]}
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Kies alleen onderwerpen uit de lijst." in body
    # What was chosen is still chosen on the page.
    assert re.search(rf'value="{topics["kring"].pk}"[^>]*checked', body)
    assert subscriber.topic_names == ["Open Data"]


def test_visitor_asks_for_the_full_form(client, topics):
    page = client.get(SUBSCRIBE).content.decode()
    assert 'name="themes"' in page and "Open Data" in page and "Waterschappen open" in page
    assert consent.current_text() in page
    assert '<meta name="robots" content="noindex">' in page


# The newsletter page, the footer and the home page


def test_newsletter_page_shows_the_form_consent_text_and_archive(client, newsletter_page, topics):
    response = client.get("/nieuwsbrief/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Elke maand het nieuws." in body
    assert 'id="newsletter-page-email"' in body and 'name="themes"' in body
    assert body.count(consent.current_text()) == 1  # the footer leaves its form out here
    assert "Er zijn nog geen nieuwsbrieven verstuurd." in body


def test_logged_in_reader_sees_a_new_topic_and_a_sent_issue_on_the_newsletter_page_at_once(
    client, professional, newsletter_page, topics
):
    """The form and the archive come from the fragment cache for logged-in readers
    (the page cache never serves them): each change must still show on the next visit."""
    issue = NewsletterIssuePageFactory(parent=newsletter_page, title="Nieuwsbrief april")
    client.force_login(professional)
    assert "Nieuwsbrief april" not in client.get("/nieuwsbrief/").content.decode()

    Leerkring.objects.create(
        name="Archieven open", slug="archieven-open", short_description="Kort", description="x"
    )
    assert "Archieven open" in client.get("/nieuwsbrief/").content.decode()
    Theme.objects.create(name="Open Algoritmes", slug="open-algoritmes")
    assert "Open Algoritmes" in client.get("/nieuwsbrief/").content.decode()
    Mailing.objects.create(issue=issue, subject=issue.title, html="<p>x</p>", text="x")
    body = client.get("/nieuwsbrief/").content.decode()
    assert "Nieuwsbrief april" in body and "Mijn account" in body


def test_home_page_has_one_compact_form_and_other_pages_have_it_in_the_footer(
    client, django_assert_max_num_queries
):
    client.get("/")
    with django_assert_max_num_queries(50) as queries:
        body = client.get("/").content.decode()
    # The home page's own newsletter section; the footer leaves its form out.
    assert 'id="newsletter-home-email"' in body and 'id="newsletter-footer-email"' not in body
    assert 'name="source" value="home"' in body
    assert 'name="themes"' not in body
    assert body.count(consent.current_text()) == 1
    assert 'id="newsletter-footer-email"' in client.get("/zoeken/").content.decode()
    assert not any("newsletter" in query["sql"] for query in queries.captured_queries)
    assert not any("newsletter_subscriber" in q["sql"] for q in queries.captured_queries)


def _many_topics(count):
    Theme.objects.bulk_create(
        Theme(name=f"Thema {number}", slug=f"thema-{number}") for number in range(count)
    )
    Leerkring.objects.bulk_create(
        Leerkring(
            name=f"Kring {number}",
            slug=f"kring-{number}",
            short_description="Kort",
            description="<p>x</p>",
        )
        for number in range(count)
    )
    Subscriber.objects.bulk_create(
        Subscriber(
            email=f"lid{number}@example.org",
            status=SubscriberStatus.CONFIRMED,
            consent_source=SubscriptionSource.PAGE,
            consent_version=consent.current_version(),
        )
        for number in range(count * 4)
    )


def test_newsletter_page_queries_stay_bounded(
    client, newsletter_page, django_assert_max_num_queries
):
    _many_topics(60)
    client.get("/nieuwsbrief/")
    with django_assert_max_num_queries(25):
        response = client.get("/nieuwsbrief/")
    assert response.content.decode().count('name="themes"') == 60
    with django_assert_max_num_queries(20):
        client.get(SUBSCRIBE)


def test_preferences_page_queries_stay_bounded(client, django_assert_max_num_queries):
    _many_topics(60)
    subscriber = Subscriber.objects.first()
    subscriber.themes.set(Theme.objects.all()[:30])
    subscriber.leerkringen.set(Leerkring.objects.all()[:30])
    url = path_of(links.preferences_url(subscriber))
    client.get(url)
    with django_assert_max_num_queries(20):
        body = client.get(url).content.decode()
    assert body.count("checked") == 60


# The account


def test_professional_subscribes_from_the_account_page_without_a_confirmation_email(
    client, professional, topics, mailoutbox, sending
):
    client.force_login(professional)
    profile = client.get("/account/").content.decode()
    assert "Je krijgt de nieuwsbrief niet." in profile and ACCOUNT in profile
    page = client.get(ACCOUNT).content.decode()
    assert professional.email in page and consent.current_text() in page
    with sending():
        response = client.post(ACCOUNT, {"themes": [topics["data"].pk], "subscribe": ""})
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.user, subscriber.status, subscriber.consent_source) == (
        professional.email,
        professional,
        "confirmed",
        "account",
    )
    assert subscriber.confirmed_at is not None and subscriber.topic_names == ["Open Data"]
    assert not mailoutbox
    assert "Je bent aangemeld voor de nieuwsbrief." in client.get(ACCOUNT).content.decode()
    assert "Je krijgt de nieuwsbrief op" in client.get("/account/").content.decode()

    client.post(ACCOUNT, {"themes": [topics["contact"].pk], "save": ""})
    assert subscriber.topic_names == ["Open Contact"]

    response = client.post(ACCOUNT, {"unsubscribe": "1"})
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"
    assert "Je krijgt de nieuwsbrief niet." in client.get("/account/").content.decode()


def test_account_subscription_takes_over_a_pending_footer_sign_up(client, professional):
    SubscriberFactory(
        email=professional.email.upper(), status=SubscriberStatus.PENDING, name="Eerder"
    )
    client.force_login(professional)
    assert "wacht nog op bevestiging" in client.get("/account/").content.decode()
    client.post(ACCOUNT, {"subscribe": ""})
    subscriber = Subscriber.objects.get()
    assert (subscriber.status, subscriber.user) == ("confirmed", professional)


def test_account_form_refuses_unknown_topics(client, professional):
    client.force_login(professional)
    response = client.post(ACCOUNT, {"themes": ["424242"], "subscribe": ""})
    assert response.status_code == 400
    assert "Kies alleen onderwerpen uit de lijst." in response.content.decode()
    assert not Subscriber.objects.exists()


def test_account_page_needs_logging_in(client):
    response = client.get(ACCOUNT)
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    assert client.post(ACCOUNT, {"subscribe": ""}).status_code == 302
    assert not Subscriber.objects.exists()


def test_data_download_contains_the_subscription_and_deleting_the_account_removes_it(
    client, professional, topics
):
    subscriptions.subscribe_account(professional, themes=[topics["data"]])
    SubscriberFactory(email="iemand-anders@example.org")
    client.force_login(professional)
    data = json.loads(client.get("/account/mijn-gegevens.json").content)
    [subscription] = data["newsletter_subscriptions"]
    assert subscription["email"] == professional.email
    assert subscription["status"] == "confirmed"
    assert subscription["themes"] == ["Open Data"]
    assert subscription["consent"]["form"] == "account"
    assert subscription["consent"]["text_version"] == consent.current_version()
    assert subscription["consent"]["text"] == consent.current_text()
    assert subscription["consent"]["given_at"] and subscription["consent"]["confirmed_at"]

    # A sign-up under the account's address, made in the footer, without the account.
    Subscriber.objects.filter(user=professional).update(user=None)
    response = client.post("/account/verwijderen/", {"password": "Een-goed-wachtwoord-42"})
    assert response.status_code == 302
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["iemand-anders@example.org"]


# At the same moment


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_same_address_signing_up_at_the_same_moment_ends_with_one_subscriber():
    callers = 6
    barrier = threading.Barrier(callers)
    errors = []

    def sign_up(email):
        try:
            barrier.wait()
            subscriptions.subscribe(email, name="Tegelijk", source=SubscriptionSource.FOOTER)
        except Exception as error:  # reported below, in the test thread
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=sign_up, args=(email,))
        for email in ["tegelijk@example.org", "Tegelijk@Example.org"] * (callers // 2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    [subscriber] = Subscriber.objects.all()
    assert (subscriber.email, subscriber.status) == ("tegelijk@example.org", "pending")


def test_pages_with_the_full_form_leave_the_footer_form_out(client, newsletter_page):
    for url in ["/nieuwsbrief/", "/nieuwsbrief/aanmelden/"]:
        html = client.get(url).content.decode()
        assert 'id="footer-newsletter"' not in html, url
        assert html.count('name="email"') == 1, url
    assert 'id="footer-newsletter"' in client.get("/zoeken/").content.decode()
