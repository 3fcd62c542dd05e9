"""Anyone can put an initiative on the map; the editors check it first."""

import pytest
from django.urls import reverse

from initiatives.models import Initiative

from .conftest import point

URL = "/kaart/aanmelden/"


@pytest.fixture
def form_data(themes):
    return {
        "title": "Open begroting Deventer",
        "summary": "De begroting in begrijpelijke plaatjes.",
        "description": "Eerste alinea.\n\nTweede alinea.",
        "themes": [themes["open-verantwoording"].pk, themes["open-data"].pk],
        "organisation_name": "Gemeente Deventer",
        "organisation_type": "gemeente",
        "municipality": "deventer",
        "website": "https://www.example.nl/begroting",
        "contact_email": "begroting@example.nl",
        "relation": "own",
        "submitter_name": "Daan Visser",
        "submitter_email": "daan@example.nl",
        "fax": "",
    }


def post(client, data, **kwargs):
    return client.post(URL, data, REMOTE_ADDR=kwargs.pop("ip", "10.0.0.1"), **kwargs)


def test_visitor_submits_initiative_and_gets_confirmation(
    client, form_data, editor, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, form_data)
    assert response.status_code == 302
    assert response["Location"] == reverse("initiatives:submitted")
    initiative = Initiative.objects.get()
    assert initiative.status == Initiative.Status.SUBMITTED
    assert initiative.municipality.name == "Deventer"
    assert initiative.province == "overijssel"
    # Without a point from the map, the municipality's centre is used.
    assert (initiative.latitude, initiative.longitude) == (
        initiative.municipality.latitude,
        initiative.municipality.longitude,
    )
    assert initiative.slug == "open-begroting-deventer"
    assert initiative.submitted_by is None
    recipients = sorted(address for mail in mailoutbox for address in mail.to)
    assert recipients == ["daan@example.nl", "redacteur@example.org"]
    to_editors = next(mail for mail in mailoutbox if mail.to == ["redacteur@example.org"])
    assert f"/admin/initiatieven/moderate/{initiative.pk}/" in to_editors.body
    assert client.get(response["Location"]).status_code == 200


def test_submitted_initiative_is_not_public_yet(client, form_data):
    post(client, form_data)
    initiative = Initiative.objects.get()
    assert client.get(initiative.get_absolute_url()).status_code == 404
    assert initiative.title not in client.get("/kaart/").text


def test_point_chosen_on_the_map_is_kept(client, form_data):
    response = post(client, {**form_data, **point("52.26012", "6.15000")})
    assert response.status_code == 302
    initiative = Initiative.objects.get()
    assert str(initiative.latitude) == "52.26012"
    assert str(initiative.longitude) == "6.15000"


def test_logged_in_person_finds_their_details_filled_in(client, professional, form_data):
    client.force_login(professional)
    response = client.get(URL)
    assert 'value="professional@example.org"' in response.text
    assert 'value="Gemeente Zwolle"' in response.text
    post(client, form_data)
    assert Initiative.objects.get().submitted_by == professional


@pytest.mark.parametrize(
    ("coordinates", "message"),
    [
        (point("48.85", "2.35"), "Het punt op de kaart ligt buiten Nederland."),  # Paris
        (point("52.37", "1.0"), "Het punt op de kaart ligt buiten Nederland."),  # North Sea
        (point("1e400", "5"), "Het punt op de kaart ligt buiten Nederland."),
        (point("53.2", "5.8"), "Het punt op de kaart ligt te ver van Deventer."),  # Leeuwarden
        ({"latitude": "abc", "longitude": "NaN"}, "Voer een getal in."),
    ],
)
def test_point_outside_the_netherlands_or_far_away_is_refused(
    client, form_data, coordinates, message
):
    response = post(client, {**form_data, **coordinates})
    assert response.status_code == 400
    assert message in response.text
    assert 'value="Open begroting Deventer"' in response.text
    assert not Initiative.objects.exists()


@pytest.mark.parametrize(
    "website",
    ["javascript:alert(1)", "ftp://example.nl/bestand", "geen adres", "http://", "a" * 400],
)
def test_bad_website_is_refused(client, form_data, website):
    response = post(client, {**form_data, "website": website})
    assert response.status_code == 400
    assert "field--error" in response.text
    assert not Initiative.objects.exists()


def test_empty_form_names_every_missing_field(client, themes):
    response = post(client, {})
    assert response.status_code == 400
    assert response.text.count("Dit is een verplicht veld.") >= 8
    assert not Initiative.objects.exists()


def test_unknown_municipality_is_refused(client, form_data):
    response = post(client, {**form_data, "municipality": "Atlantis'; DROP TABLE x;--"})
    assert response.status_code == 400
    assert "Deze gemeente kennen we niet." in response.text
    assert not Initiative.objects.exists()


@pytest.mark.parametrize(
    ("field", "length"), [("title", 121), ("summary", 241), ("description", 4001)]
)
def test_too_long_text_is_refused(client, form_data, field, length):
    response = post(client, {**form_data, field: "x" * length})
    assert response.status_code == 400
    assert not Initiative.objects.exists()


def test_hostile_text_is_shown_as_plain_text(client, form_data, make_initiative):
    hostile = '<script>alert("x")</script><b onmouseover=alert(1)>vet</b>'
    post(client, {**form_data, "title": hostile[:120], "description": hostile})
    initiative = Initiative.objects.get()
    assert initiative.description == hostile  # stored as typed
    initiative.status = Initiative.Status.PUBLISHED
    initiative.save()
    page = client.get(initiative.get_absolute_url()).text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "<b onmouseover" not in page


def test_honeypot_catches_robots_silently(client, form_data):
    response = post(client, {**form_data, "fax": "0201234567"})
    assert response.status_code == 302
    assert not Initiative.objects.exists()


def test_many_submissions_from_one_address_are_slowed_down(client, form_data):
    for number in range(5):
        response = post(client, {**form_data, "title": f"Initiatief {number}"})
        assert response.status_code == 302
    response = post(client, {**form_data, "title": "Nog een"})
    assert response.status_code == 429
    assert "Probeer het later nog eens." in response.text
    assert 'value="Nog een"' in response.text
    assert post(client, {**form_data, "title": "Ander adres"}, ip="10.0.0.2").status_code == 302
    assert Initiative.objects.count() == 6


def test_submission_form_works_without_javascript(client, themes):
    response = client.get(URL)
    assert response.status_code == 200
    assert '<datalist id="municipality-names">' in response.text
    assert '<option value="Súdwest-Fryslân">' in response.text
    assert 'list="municipality-names"' in response.text
    assert "<script>" not in response.text
