"""The knowledge brokers' conversation log: recording, finding, permissions, bad
input, the link from an initiative and the person's data."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from communities.centre.models import NOTE_MAX_LENGTH, Conversation
from portal import personal_data
from tests.centre import refused
from tests.factories.communities import LeerkringFactory
from tests.factories.events import EventFactory
from tests.factories.initiatives import InitiativeFactory
from tests.factories.portal import ThemeFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

ADD_URL = reverse("conversations:add")
INDEX_URL = reverse("conversations:index")


def form_data(**changes):
    data = {
        "date": (timezone.localdate() - datetime.timedelta(days=2)).isoformat(),
        "organisations": "Gemeente Zwolle, Provincie Overijssel",
        "with_whom": "beleidsadviseur",
        "participant_emails": "",
        "note": "Zwolle wil leren van de open raad in Deventer.",
    }
    data.update(changes)
    return data


def conversation(**fields):
    fields = {"date": datetime.date(2026, 3, 2), "organisations": "Gemeente Deventer", **fields}
    return Conversation.objects.create(**fields)


def test_knowledge_broker_records_a_conversation_with_its_history(client, broker, professional):
    initiative = InitiativeFactory(title="Open raad Deventer")
    theme = ThemeFactory(name="Thema data", slug="thema-data")
    leerkring = LeerkringFactory(name="Leerkring gemeenten")
    client.force_login(broker)

    response = client.post(
        ADD_URL,
        form_data(
            initiatives=[initiative.pk],
            themes=[theme.pk],
            led_to_leerkring=leerkring.pk,
            participant_emails="Professional@Example.org",
        ),
    )

    assert response.status_code == 302
    saved = Conversation.objects.get()
    assert saved.recorded_by == broker
    assert list(saved.participants.all()) == [professional]
    assert list(saved.initiatives.all()) == [initiative]
    assert saved.led_to_leerkring == leerkring
    assert ModelLogEntry.objects.filter(action="wagtail.create", object_id=str(saved.pk)).exists()

    edit_url = reverse("conversations:edit", args=[saved.pk])
    assert "professional@example.org" in client.get(edit_url).text
    client.post(edit_url, form_data(note="Bijgewerkt.", participant_emails=""))
    saved.refresh_from_db()
    assert saved.note == "Bijgewerkt." and not saved.participants.exists()
    assert saved.recorded_by == broker
    assert ModelLogEntry.objects.filter(action="wagtail.edit", object_id=str(saved.pk)).exists()

    client.post(reverse("conversations:delete", args=[saved.pk]))
    assert not Conversation.objects.exists()
    assert ModelLogEntry.objects.filter(action="wagtail.delete", object_id=str(saved.pk)).exists()


def test_conversation_list_filters_on_dates_theme_and_initiative_and_searches(client, broker):
    theme = ThemeFactory(name="Thema aanpak", slug="thema-aanpak")
    initiative = InitiativeFactory(title="Wooncoöperatie")
    conversation(date=datetime.date(2026, 1, 10), organisations="Waterschap Rijn")
    tagged = conversation(date=datetime.date(2026, 2, 10), organisations="Gemeente Ede")
    tagged.themes.add(theme)
    tagged.initiatives.add(initiative)
    conversation(date=datetime.date(2026, 3, 10), organisations="Rijkswaterstaat", note="kademuren")
    client.force_login(broker)

    def listed(query):
        return client.get(INDEX_URL, query).text

    in_february = listed({"date_from": "2026-02-01", "date_to": "2026-02-28"})
    assert "Gemeente Ede" in in_february and "Waterschap Rijn" not in in_february
    by_theme = listed({"themes": theme.pk})
    assert "Gemeente Ede" in by_theme and "Rijkswaterstaat" not in by_theme
    by_initiative = listed({"initiative": initiative.pk})
    assert "Gemeente Ede" in by_initiative and "Waterschap Rijn" not in by_initiative
    searched = listed({"q": "kademuren"})
    assert "Rijkswaterstaat" in searched and "Gemeente Ede" not in searched


@pytest.mark.parametrize("role", ["editor", "organiser", "coordinator"])
def test_staff_without_the_role_are_refused_every_conversation_view(client, request, role):
    saved = conversation(note="Vertrouwelijk")
    client.force_login(request.getfixturevalue(role))
    urls = [
        INDEX_URL,
        ADD_URL,
        reverse("conversations:edit", args=[saved.pk]),
        reverse("conversations:delete", args=[saved.pk]),
    ]
    for url in urls:
        assert refused(client.get(url)), url
    assert refused(client.post(ADD_URL, form_data()))
    assert refused(client.post(reverse("conversations:edit", args=[saved.pk]), form_data()))
    assert refused(client.post(reverse("conversations:delete", args=[saved.pk])))
    assert Conversation.objects.count() == 1
    assert "Gesprekken" not in client.get(reverse("wagtailadmin_home")).text


def test_a_visitor_without_admin_access_sees_no_conversation(client, professional):
    saved = conversation()
    client.force_login(professional)
    for url in (INDEX_URL, reverse("conversations:edit", args=[saved.pk])):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert "Gemeente Deventer" not in response.text


def test_superuser_sees_the_conversation_log(client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    conversation()
    client.force_login(admin)
    assert "Gemeente Deventer" in client.get(INDEX_URL).text


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"date": "", "organisations": "", "note": ""}, "Dit is een verplicht veld."),
        ({"note": "x" * (NOTE_MAX_LENGTH + 1)}, "niet meer dan 1000 tekens"),
        ({"organisations": "o" * 301}, "niet meer dan 300 tekens"),
        ({"date": "2026-13-45"}, "Voer een geldige datum in."),
        (
            {"date": (timezone.localdate() + datetime.timedelta(days=1)).isoformat()},
            "Een gesprek kan niet in de toekomst plaatsvinden.",
        ),
        ({"participant_emails": "niemand@example.org"}, "Geen account heeft dit adres"),
        ({"led_to_event": "999999"}, "Selecteer een geldige keuze."),
    ],
)
def test_bad_conversation_input_is_refused_with_the_input_kept(client, broker, changes, message):
    client.force_login(broker)
    data = form_data(**changes)

    response = client.post(ADD_URL, data)

    assert response.status_code in (200, 400)
    assert message in response.text
    assert not Conversation.objects.exists()
    if data["organisations"]:
        assert data["organisations"][:50] in response.text


def test_hostile_text_is_stored_as_typed_and_shown_escaped(client, broker):
    client.force_login(broker)
    hostile = "<script>alert('x')</script>'; DROP TABLE centre_conversation; --"

    client.post(ADD_URL, form_data(organisations=hostile, with_whom=hostile[:150], note=hostile))

    saved = Conversation.objects.get()
    assert saved.note == hostile and saved.organisations == hostile
    for url in (INDEX_URL, reverse("conversations:edit", args=[saved.pk])):
        page = client.get(url).text
        assert "<script>alert('x')</script>" not in page
        assert "&lt;script&gt;alert(" in page


def test_initiative_admin_page_links_to_its_conversations_for_brokers_only(client, broker, editor):
    initiative = InitiativeFactory()
    other = InitiativeFactory()
    conversation(organisations="Over dit initiatief").initiatives.add(initiative)
    conversation(organisations="Over iets anders").initiatives.add(other)
    edit_url = reverse("initiatives_admin:edit", args=[initiative.pk])
    link = f"{INDEX_URL}?initiative={initiative.pk}"
    broker.groups.add(*editor.groups.all())  # a broker who also edits initiatives
    client.force_login(broker)

    page = client.get(edit_url).text
    assert "Gesprekken over dit initiatief" in page and link in page
    listed = client.get(link).text
    assert "Over dit initiatief" in listed and "Over iets anders" not in listed

    client.force_login(editor)
    page = client.get(edit_url).text
    assert client.get(edit_url).status_code == 200
    assert "Gesprekken over dit initiatief" not in page


def test_data_download_lists_conversations_and_deletion_takes_the_person_out(
    professional, broker, tables_containing
):
    theme = ThemeFactory(name="Thema contact", slug="thema-contact")
    event = EventFactory(title="Werksessie open contact")
    saved = conversation(
        organisations="Gemeente Zwolle",
        with_whom="Priya Jansen en een collega",
        note="Afspraak over een werksessie.",
        led_to_event=event,
        recorded_by=broker,
    )
    saved.participants.add(professional)
    saved.themes.add(theme)
    conversation(organisations="Niet van haar")

    exported = personal_data.export_user_data(professional)["conversations"]
    assert exported == [
        {
            "date": "2026-03-02",
            "organisations": "Gemeente Zwolle",
            "initiatives": [],
            "themes": ["Thema contact"],
            "led_to_leerkring": "",
            "led_to_event": str(event),
            "note": "Afspraak over een werksessie.",
        }
    ]

    personal_data.delete_user(professional)

    saved.refresh_from_db()
    assert not saved.participants.exists()
    assert saved.with_whom == ""
    assert saved.recorded_by == broker and Conversation.objects.count() == 2
    assert tables_containing("Priya Jansen") == []
