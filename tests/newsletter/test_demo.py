"""The newsletter's demo content: enough subscribers in every state for the admin's
list and chart, and two sent issues in the archive."""

from django.core.management import call_command
from django.utils.html import escape

from communities.newsletter.models import (
    DeliveryStatus,
    Mailing,
    Subscriber,
    SubscriberStatus,
)


def test_demo_has_subscribers_in_every_state_and_two_sent_issues(
    db, settings, client, django_assert_max_num_queries
):
    settings.DEBUG = True
    call_command("load_demo")
    call_command("load_demo")  # a second run adds nothing

    assert Subscriber.objects.count() >= 60
    for status in SubscriberStatus.values:
        assert Subscriber.objects.filter(status=status).exists(), status
    mailings = Mailing.objects.order_by("started_at")
    assert mailings.count() == 2
    for mailing in mailings:
        assert mailing.finished_at
        assert mailing.deliveries.filter(status=DeliveryStatus.SENT).count() > 20
        # The web version: articles, events and the call to action in a fixed
        # number of queries (after a first visit made the image renditions).
        client.get(mailing.issue.url)
        with django_assert_max_num_queries(15):
            response = client.get(mailing.issue.url)
        assert response.status_code == 200
        assert escape(mailing.issue.intro) in response.content.decode()

    archive = client.get("/nieuwsbrief/").content.decode()
    for mailing in mailings:
        assert mailing.subject in archive
