"""Anyone can put an initiative on the map; the editors check it first."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage
from PIL.PngImagePlugin import PngInfo
from wagtail.images import get_image_model

from initiatives import images, moderation
from initiatives.images import clean_copy
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


# The optional image. Files go to a temporary MEDIA_ROOT, never into the repository.

ALT = "Bewoners bekijken de begroting op een groot scherm"
TOO_BIG = 5 * 1024 * 1024 + 1


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def picture(image_format="JPEG", size=(640, 480), exif=None):
    """An image made in memory with Pillow, as the bytes of a file."""
    buffer = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    mode = "P" if image_format == "GIF" else "RGB"
    PillowImage.new(mode, size, 120).save(buffer, image_format, **options)
    return buffer.getvalue()


def upload(content=None, name="foto.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, picture() if content is None else content, content_type)


def stored_files(media):
    return [path for path in media.rglob("*") if path.is_file()]


def assert_nothing_stored(media):
    assert not Initiative.objects.exists()
    assert not get_image_model().objects.exists()
    assert stored_files(media) == []


def with_image(form_data, **kwargs):
    return {**form_data, "image": upload(**kwargs), "image_description": ALT}


def test_image_is_stored_in_its_collection_and_linked(client, form_data, media):
    gps = PillowImage.Exif()
    gps[0x010F] = "Telefoonmerk"  # Make
    gps[0x8825] = {2: (52.0, 15.0, 30.0)}  # GPS latitude
    jpeg = picture(exif=gps)
    response = post(
        client, {**with_image(form_data, content=jpeg), "image_description": f" {ALT} "}
    )
    assert response.status_code == 302
    initiative = Initiative.objects.select_related("image__collection").get()
    image = initiative.image
    assert image.collection.name == "Initiatieven"
    assert image.collection.get_parent().is_root()
    assert image.title == ALT
    assert image.default_alt_text == ALT
    assert (image.width, image.height) == (640, 480)
    assert image.file_size and image.file_hash
    # A random name (the submitter's own file name is not kept) and no EXIF data.
    assert image.file.name.startswith("original_images/initiatief-")
    assert "foto" not in image.file.name
    with PillowImage.open(image.file.path) as stored:
        assert stored.format == "JPEG"
        assert not stored.getexif()
    assert stored_files(media) == [media / image.file.name]


@pytest.mark.parametrize(("image_format", "extension"), [("PNG", "png"), ("WEBP", "webp")])
def test_png_and_webp_images_are_accepted(client, form_data, media, image_format, extension):
    content = picture(image_format)
    data = with_image(form_data, content=content, name=f"beeld.{extension}")
    assert post(client, data).status_code == 302
    image = Initiative.objects.get().image
    assert image.file.name.endswith(f".{extension}")


def test_second_image_goes_into_the_same_collection(client, form_data, media):
    post(client, with_image(form_data))
    post(client, {**with_image(form_data), "title": "Open begroting Zwolle"})
    images = get_image_model().objects.all()
    assert images.count() == 2
    assert {image.collection_id for image in images} == {images[0].collection_id}


def test_too_big_image_is_refused_and_nothing_is_stored(client, form_data, media):
    content = picture() + b"\0" * TOO_BIG
    response = post(client, with_image(form_data, content=content))
    assert response.status_code == 400
    assert "De afbeelding is groter dan 5 MB. Kies een kleiner bestand." in response.text
    assert 'value="Open begroting Deventer"' in response.text
    assert_nothing_stored(media)


@pytest.mark.parametrize(
    ("content", "name", "content_type"),
    [
        (b"<html><script>alert(1)</script></html>", "foto.jpg", "image/jpeg"),
        (b"Gewone tekst, geen foto.", "foto.jpg", "image/jpeg"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "tekening.svg",
            "image/svg+xml",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>',
            "tekening.jpg",
            "image/jpeg",
        ),
        (picture()[:400], "afgebroken.jpg", "image/jpeg"),
    ],
    ids=["html", "text", "svg", "svg-as-jpg", "truncated"],
)
def test_file_that_is_not_a_usable_image_is_refused(
    client, form_data, media, content, name, content_type
):
    data = with_image(form_data, content=content, name=name, content_type=content_type)
    response = post(client, data)
    assert response.status_code == 400
    assert "Dit bestand is geen afbeelding die we kunnen gebruiken." in response.text
    assert 'value="Open begroting Deventer"' in response.text
    assert_nothing_stored(media)


def test_gif_is_refused_even_as_jpg(client, form_data, media):
    response = post(client, with_image(form_data, content=picture("GIF"), name="beeld.jpg"))
    assert response.status_code == 400
    assert "Alleen JPEG-, PNG- en WebP-afbeeldingen zijn toegestaan." in response.text
    assert_nothing_stored(media)


def test_image_with_too_many_pixels_is_refused(client, form_data, media, monkeypatch):
    monkeypatch.setattr(images, "MAX_PIXELS", 640 * 480 - 1)
    response = post(client, with_image(form_data))
    assert response.status_code == 400
    assert "De afbeelding heeft te veel pixels" in response.text
    assert_nothing_stored(media)


def test_image_needs_a_description(client, form_data, media):
    response = post(client, {**with_image(form_data), "image_description": "  "})
    assert response.status_code == 400
    assert "Beschrijf de afbeelding, voor wie haar niet kan zien." in response.text
    assert_nothing_stored(media)


def test_other_errors_keep_the_input_and_ask_for_the_image_again(client, form_data, media):
    response = post(client, {**with_image(form_data), "municipality": "Atlantis"})
    assert response.status_code == 400
    assert "Deze gemeente kennen we niet." in response.text
    assert "Kies de afbeelding opnieuw" in response.text
    assert 'value="Open begroting Deventer"' in response.text
    assert f'value="{ALT}"' in response.text
    assert_nothing_stored(media)


def test_slowed_down_submission_asks_for_the_image_again(client, form_data, media):
    for number in range(5):
        post(client, {**form_data, "title": f"Initiatief {number}"})
    response = post(client, with_image(form_data))
    assert response.status_code == 429
    assert "Kies de afbeelding opnieuw" in response.text
    assert not get_image_model().objects.exists()
    assert stored_files(media) == []


def test_form_without_image_still_works_and_sends_files(client, form_data, media):
    page = client.get(URL).text
    assert 'enctype="multipart/form-data"' in page
    assert 'accept="image/jpeg,image/png,image/webp' in page
    assert post(client, {**form_data, "image_description": ALT}).status_code == 302
    assert Initiative.objects.get().image is None
    assert stored_files(media) == []


def test_failure_after_storing_the_image_leaves_nothing_behind(
    client, form_data, media, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("mail server gone")

    monkeypatch.setattr(moderation, "send_templated_email", broken)
    with pytest.raises(RuntimeError):
        post(client, with_image(form_data))
    assert_nothing_stored(media)


def test_image_is_public_only_once_the_initiative_is_published(
    client, form_data, media, make_initiative, django_assert_max_num_queries
):
    make_initiative(title="Buren in Kampen", place="Kampen", theme_slugs=("open-data",))
    post(client, with_image(form_data))
    initiative = Initiative.objects.get(title="Open begroting Deventer")
    assert client.get(initiative.get_absolute_url()).status_code == 404
    for path in ["/kaart/", "/kaart/initiatieven.geojson", "/zoeken/?q=begroting", "/"]:
        text = client.get(path).getvalue().decode()
        assert "/media/" not in text
        assert ALT not in text
    assert not initiative.image.renditions.exists()

    moderation.publish(initiative)
    with django_assert_max_num_queries(10):
        page = client.get(initiative.get_absolute_url()).text
    # A <picture> in AVIF, WebP and JPEG (portal/images.py); the smallest JPEG is the src.
    fallback = initiative.image.renditions.get(filter_spec="max-400x300|format-jpeg")
    assert f'src="{fallback.url}"' in page
    assert f'alt="{ALT}"' in page
    sizes = {(rendition.width, rendition.height) for rendition in initiative.image.renditions.all()}
    assert sizes == {(400, 300), (640, 480)}  # never enlarged beyond the 640 × 480 sent
    assert "original_images" not in page
    with django_assert_max_num_queries(10):
        assert client.get(initiative.get_absolute_url()).status_code == 200


def test_editor_sees_the_image_when_moderating(client, form_data, media, editor):
    post(client, with_image(form_data))
    initiative = Initiative.objects.get()
    client.force_login(editor)
    page = client.get(f"/admin/initiatieven/moderate/{initiative.pk}/").text
    rendition = initiative.image.renditions.get()
    assert f'src="{rendition.url}"' in page
    assert ALT in page


SECRET_NOTE = b"Thuisadres Dorpsstraat 1, Ede"


def picture_with_hidden_text(image_format):
    """An image whose metadata (a JPEG comment, PNG text, WebP XMP) carries a secret."""
    buffer = io.BytesIO()
    image = PillowImage.new("RGB", (64, 48), 120)
    if image_format == "JPEG":
        image.save(buffer, "JPEG", comment=SECRET_NOTE)
    elif image_format == "PNG":
        text = PngInfo()
        text.add_text("Comment", SECRET_NOTE.decode())
        image.save(buffer, "PNG", pnginfo=text)
    else:
        image.save(buffer, "WEBP", xmp=b"<x:xmpmeta>" + SECRET_NOTE + b"</x:xmpmeta>")
    assert SECRET_NOTE in buffer.getvalue()
    return buffer.getvalue()


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_stored_image_keeps_no_comment_text_or_xmp_of_the_upload(image_format):
    content = picture_with_hidden_text(image_format)
    clean = clean_copy(SimpleUploadedFile("foto", content))
    assert SECRET_NOTE not in clean.content
    with PillowImage.open(io.BytesIO(clean.content)) as stored:
        assert stored.format == image_format
        assert stored.size == (64, 48)
