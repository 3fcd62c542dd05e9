"""Sending an issue is in the issue's History in the admin: who sent a test, who sent
it to how many subscribers, and when."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from tests.factories.newsletter import NewsletterIndexPageFactory, NewsletterIssuePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue(db):
    NewsletterIndexPageFactory()
    return NewsletterIssuePageFactory()


def test_a_test_send_and_the_real_send_show_in_the_issues_history(
    client, editor, issue, make_subscriber
):
    make_subscriber(email="anna@example.org", name="Anna")
    make_subscriber(email="bram@example.org", name="Bram")
    client.force_login(editor)
    client.post(reverse("newsletter_sending:send_test", args=[issue.pk]))
    client.post(
        reverse("newsletter_sending:send", args=[issue.pk]),
        {"confirm": "on", "expected": "2"},
        follow=True,
    )

    entries = PageLogEntry.objects.filter(page=issue, action__startswith="newsletter.")
    assert [(e.action, e.user_id, e.data) for e in entries.order_by("pk")] == [
        ("newsletter.send_test", editor.pk, {}),
        ("newsletter.send", editor.pk, {"recipients": 2}),
    ]
    html = client.get(reverse("wagtailadmin_pages:history", args=[issue.pk])).content.decode()
    assert "Test naar het eigen adres verstuurd" in html
    assert "Uitgave naar 2 abonnees verstuurd" in html
    assert "Ruben Redacteur" in html
