"""The agenda, an event page and the calendar files, as a visitor sees them."""

import datetime
import gzip

import pytest
from django.core.cache import cache
from django.utils import timezone
from icalendar import Calendar

from events import registration as rules
from events.registration import Applicant
from portal import cached_bytes
from tests.factories.portal import ThemeFactory

pytestmark = pytest.mark.django_db


def test_agenda_shows_upcoming_events_by_default_and_past_on_request(client, make_event):
    soon = make_event(title="Komt eraan")
    make_event(title="Was vorige maand", starts_at=timezone.now() - datetime.timedelta(days=30))
    make_event(title="Nog een concept", status="draft")
    page = client.get("/agenda/").content.decode()
    assert "Komt eraan" in page and "Was vorige maand" not in page and "concept" not in page
    past = client.get("/agenda/?wanneer=voorbij").content.decode()
    assert "Was vorige maand" in past and "Komt eraan" not in past
    assert soon.get_absolute_url() in page


def test_agenda_filters_by_type_theme_place_and_month(client, make_event):
    theme = ThemeFactory(name="Open Data", slug="open-data")
    start = timezone.now() + datetime.timedelta(days=40)
    make_event(title="Webinar data", event_type="webinar", is_online=True, city="", themes=[theme])
    make_event(title="In Utrecht", city="Utrecht", starts_at=start)
    assert "Webinar data" in client.get("/agenda/?soort=webinar").content.decode()
    assert "In Utrecht" not in client.get("/agenda/?soort=webinar").content.decode()
    assert "Webinar data" in client.get("/agenda/?thema=open-data").content.decode()
    online = client.get("/agenda/?plaats=online").content.decode()
    assert "Webinar data" in online and "In Utrecht" not in online
    month = client.get(f"/agenda/?maand={start:%Y-%m}").content.decode()
    assert "In Utrecht" in month


@pytest.mark.parametrize(
    "query",
    [
        "maand=2026-13",
        "maand=<script>alert(1)</script>",
        "soort=' OR 1=1 --",
        "thema=bestaat-niet",
        "wanneer=gisteren",
        "pagina=999999999999999999999",
        "plaats=%00",
    ],
)
def test_agenda_survives_bad_filter_input(client, make_event, query):
    make_event(title="Blijft staan")
    response = client.get(f"/agenda/?{query}")
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_agenda_is_paginated(client, make_event):
    for _ in range(14):
        make_event()
    assert "pagina=2" in client.get("/agenda/").content.decode()
    assert client.get("/agenda/?pagina=2").status_code == 200


def test_agenda_feed_is_valid_icalendar_and_follows_the_filters(client, make_event):
    make_event(title="Webinar feed", event_type="webinar")
    make_event(title="Bijeenkomst feed")
    response = client.get("/agenda/agenda.ics?soort=webinar")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["Webinar feed"]


def test_event_ics_has_times_place_and_a_link_back_but_not_the_meeting_link(client, make_event):
    event = make_event(is_online=True, online_url="https://meet.example.org/geheim")
    calendar = Calendar.from_ical(client.get(f"/agenda/{event.slug}.ics").content)
    [component] = calendar.walk("VEVENT")
    assert component.decoded("dtstart") == event.starts_at.replace(microsecond=0)
    assert component.decoded("dtend") == event.ends_at.replace(microsecond=0)
    assert str(component["uid"]) == f"event-{event.pk}@open-overheid"
    assert event.get_absolute_url() in str(component["url"])
    assert "geheim" not in calendar.to_ical().decode()


def test_event_page_shows_seats_left_and_then_full(client, make_event):
    event = make_event(capacity=2)
    assert "nog 2 plekken vrij" in client.get(event.get_absolute_url()).content.decode()
    for number in range(2):
        rules.register(event.pk, Applicant(name=f"P {number}", email=f"p{number}@example.org"))
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Vol — aanmelden voor de wachtlijst" in page
    assert "Zet me op de wachtlijst" in page


def test_agenda_cards_say_full_only_for_events_without_a_free_seat(client, make_event):
    full = make_event(title="Volgeboekt", capacity=1)
    make_event(title="Ruimte genoeg", capacity=2)
    make_event(title="Zonder maximum", capacity=None)
    rules.register(full.pk, Applicant(name="P", email="p@example.org"))
    cards = client.get("/agenda/").content.decode().split('class="event-card card"')[1:]
    said_full = {
        card.split("</a>")[0].rsplit(">", 1)[1] for card in cards if "event-card__full" in card
    }
    assert said_full == {"Volgeboekt"}


def test_online_link_is_shown_only_to_confirmed_attendees(client, make_event, professional):
    event = make_event(is_online=True, online_url="https://meet.example.org/geheim")
    assert "geheim" not in client.get(event.get_absolute_url()).content.decode()
    client.force_login(professional)
    rules.register(event.pk, Applicant(name="Priya", email=professional.email, user=professional))
    assert "meet.example.org/geheim" in client.get(event.get_absolute_url()).content.decode()


def test_past_event_shows_the_report_and_no_form(client, make_event):
    from wagtail.models import Page

    report = Page.objects.get(depth=2)
    event = make_event(starts_at=timezone.now() - datetime.timedelta(days=3), report_page=report)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Lees het verslag" in page and "Deze bijeenkomst is geweest." in page
    main = page.split('<footer class="site-footer"', 1)[0]  # the footer has the newsletter form
    assert 'name="name"' not in main


def test_draft_event_is_not_found(client, make_event):
    assert client.get(make_event(status="draft").get_absolute_url()).status_code == 404


def test_home_page_shows_upcoming_events_and_key_figures(client, make_event):
    make_event(title="Op de voorpagina")
    page = client.get("/").content.decode()
    assert "Op de voorpagina" in page
    assert "Het netwerk in" in page


def test_public_pages_use_a_constant_number_of_queries(
    client, make_event, django_assert_max_num_queries, professional
):
    theme = ThemeFactory(name="Participatie", slug="participatie")
    for number in range(15):
        event = make_event(capacity=5, themes=[theme])
        for person in range(3):
            rules.register(event.pk, Applicant(name="P", email=f"q{number}-{person}@example.org"))
    client.get("/agenda/")
    with django_assert_max_num_queries(12):
        assert client.get("/agenda/?thema=participatie").status_code == 200
    client.force_login(professional)
    with django_assert_max_num_queries(16):
        assert client.get(event.get_absolute_url()).status_code == 200


def test_site_search_finds_events(client, make_event):
    make_event(title="Algoritmeregister uitgelegd")
    make_event(title="Verborgen concept algoritme", status="draft")
    page = client.get("/zoeken/?q=algoritmeregister").content.decode()
    assert "Algoritmeregister uitgelegd" in page
    assert "Verborgen concept" not in client.get("/zoeken/?q=algoritme").content.decode()


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("waterschappen", "Dag van het waterschap"),
        ("gemeente", "Gemeenten leren samen"),
        ("participatie", "Ons participatietraject"),
        ("q=%00'<script>", None),
    ],
)
def test_agenda_search_finds_dutch_plurals_and_compounds(client, make_event, query, found):
    for title in ["Dag van het waterschap", "Gemeenten leren samen", "Ons participatietraject"]:
        make_event(title=title, summary="Een middag met collega's.")
    response = client.get("/agenda/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    titles = ["Dag van het waterschap", "Gemeenten leren samen", "Ons participatietraject"]
    assert [title for title in titles if title in html] == ([found] if found else [])


def test_agenda_feed_shows_a_changed_or_new_event_at_once(client, make_event):
    event = make_event(title="Eerste titel")
    first = client.get("/agenda/agenda.ics")
    client.get(f"/agenda/{event.slug}.ics")
    event.title = "Tweede titel"
    event.save()
    make_event(title="Er net bij")
    calendar = Calendar.from_ical(client.get("/agenda/agenda.ics").content)
    assert sorted(str(e["summary"]) for e in calendar.walk("VEVENT")) == [
        "Er net bij",
        "Tweede titel",
    ]
    [own] = Calendar.from_ical(client.get(f"/agenda/{event.slug}.ics").content).walk("VEVENT")
    assert str(own["summary"]) == "Tweede titel"
    assert (
        client.get("/agenda/agenda.ics", headers={"If-None-Match": first["ETag"]}).status_code
        == 200
    )


def test_calendar_asked_again_gets_304_and_a_gzipped_copy_of_the_same_file(
    client, make_event, django_assert_num_queries
):
    event = make_event(title="Bijeenkomst")
    for path in ("/agenda/agenda.ics?soort=bijeenkomst", f"/agenda/{event.slug}.ics"):
        plain = client.get(path)
        with django_assert_num_queries(0):
            zipped = client.get(path, headers={"Accept-Encoding": "gzip"})
            again = client.get(path, headers={"If-None-Match": zipped["ETag"]})
        assert gzip.decompress(zipped.content) == plain.content
        assert zipped["Content-Disposition"] == plain["Content-Disposition"]
        assert again.status_code == 304


def test_agenda_feed_is_kept_no_longer_than_until_an_event_in_it_ends(
    client, make_event, monkeypatch
):
    started = timezone.now() - datetime.timedelta(hours=1)
    make_event(starts_at=started, ends_at=started + datetime.timedelta(hours=1, minutes=10))
    kept_for = []

    class Spy:
        def __getattr__(self, name):
            return getattr(cache, name)

        def set_many(self, data, timeout):
            kept_for.append(timeout)
            return cache.set_many(data, timeout)

    monkeypatch.setattr(cached_bytes, "cache", Spy())
    client.get("/agenda/agenda.ics")
    assert 590 < kept_for[0] <= 601
