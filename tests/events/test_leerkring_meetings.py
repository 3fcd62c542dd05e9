"""A leerkring's meetings, shown on its page and its card in the communities app."""

import datetime

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone

from tests.factories.communities import LeerkringFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def leerkring():
    return LeerkringFactory(name="Leerkring waterschappen", slug="waterschappen")


def render(source, **context):
    request = RequestFactory().get("/")
    return Template("{% load events_tags %}" + source).render(
        Context({"request": request, **context})
    )


def test_leerkring_page_lists_upcoming_and_earlier_meetings_with_reports(make_event, leerkring):
    from wagtail.models import Page

    make_event(title="Volgende keer", leerkring=leerkring)
    make_event(
        title="Vorige keer",
        leerkring=leerkring,
        starts_at=timezone.now() - datetime.timedelta(days=30),
        report_page=Page.objects.get(depth=2),
    )
    make_event(title="Andere kring")
    html = render("{% leerkring_meetings leerkring %}", leerkring=leerkring)
    assert "Volgende keer" in html and "Vorige keer" in html and "verslag" in html
    assert "Andere kring" not in html
    assert "?leerkring=waterschappen" in html


def test_cards_show_the_next_meeting_in_one_query_for_all(
    make_event, leerkring, django_assert_num_queries
):
    other = LeerkringFactory(name="Provincies", slug="provincies")
    make_event(title="Eerstvolgende", leerkring=leerkring)
    make_event(
        title="Later", leerkring=leerkring, starts_at=timezone.now() + datetime.timedelta(days=60)
    )
    template = "{% for l in kringen %}{% leerkring_next_meeting l %}{% endfor %}"
    with django_assert_num_queries(1):
        html = render(template, kringen=[leerkring, other])
    assert "Eerstvolgende" in html and "Later" not in html


def test_agenda_filters_by_leerkring(client, make_event, leerkring):
    make_event(title="Kringbijeenkomst", leerkring=leerkring)
    make_event(title="Losse bijeenkomst")
    page = client.get("/agenda/?leerkring=waterschappen").content.decode()
    assert "Kringbijeenkomst" in page and "Losse bijeenkomst" not in page
