"""Several app servers share their uploads through an S3-compatible object store:
with S3_BUCKET set, an image an editor uploads on one server is in the bucket, its
renditions too, and every server serves them from our own origin under /media/.

Tested against moto's S3 API server, started locally for the test."""

import http.client
import importlib
import io

import boto3
import pytest
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from moto.server import ThreadedMotoServer
from PIL import Image
from wagtail.images import get_image_model

from portal.storage import MediaStorage
from tests.conftest import free_port

pytestmark = pytest.mark.django_db

BUCKET = "portal-media"


@pytest.fixture
def s3(monkeypatch):
    """An S3 API server on localhost with an empty bucket; the portal's settings as
    the environment variables of the README make them."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    # moto keeps its buckets in this process from server to server: its reset API.
    reset = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    reset.request("POST", "/moto-api/reset")
    assert reset.getresponse().status == 200
    reset.close()
    for name, value in {
        "AWS_ACCESS_KEY_ID": "proef",
        "AWS_SECRET_ACCESS_KEY": "proef-geheim",
        "S3_BUCKET": BUCKET,
        "S3_ENDPOINT_URL": endpoint,
        "S3_REGION": "eu-west-1",
    }.items():
        monkeypatch.setenv(name, value)
    client = boto3.client("s3", endpoint_url=endpoint, region_name="eu-west-1")
    client.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
    )
    try:
        yield client
    finally:
        server.stop()


@pytest.fixture
def s3_settings(s3, settings, monkeypatch):
    base = importlib.import_module("portal.settings.base")
    storages = importlib.reload(base).STORAGES
    for name in ("S3_BUCKET", "S3_ENDPOINT_URL", "S3_REGION"):
        monkeypatch.delenv(name)
    importlib.reload(base)  # leave the module as the other tests know it
    settings.STORAGES = storages
    settings.SERVE_MEDIA = True
    return storages


def png(width=240, height=160):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (0, 102, 153)).save(buffer, "PNG")
    return buffer.getvalue()


def keys(s3):
    return {item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def test_s3_bucket_in_the_environment_puts_uploads_in_the_object_store(s3_settings):
    assert s3_settings["default"] == {
        "BACKEND": "portal.storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": BUCKET,
            "endpoint_url": s3_settings["default"]["OPTIONS"]["endpoint_url"],
            "region_name": "eu-west-1",
        },
    }
    assert isinstance(default_storage, MediaStorage)


def test_an_uploaded_image_and_its_rendition_live_in_the_bucket_and_are_served(
    s3, s3_settings, client
):
    original = png()
    image = get_image_model().objects.create(
        title="Proef", file=ImageFile(io.BytesIO(original), name="proef.png")
    )
    assert image.file.name in keys(s3)
    assert (image.width, image.height) == (240, 160)
    with image.file.open() as stored:
        assert stored.read() == original

    rendition = image.get_rendition("fill-100x100")
    assert rendition.file.name in keys(s3)
    # Our own origin, no signed link that a cached page would keep past its expiry.
    assert rendition.url == f"/media/{rendition.file.name}"

    served = client.get(rendition.url)
    assert served.status_code == 200
    assert served["Content-Type"] == "image/png"
    body = b"".join(served.streaming_content)
    assert body == s3.get_object(Bucket=BUCKET, Key=rendition.file.name)["Body"].read()
    assert Image.open(io.BytesIO(body)).size == (100, 100)

    assert client.get("/media/images/bestaat-niet.png").status_code == 404
    assert client.get("/media/../../etc/passwd").status_code == 404


def test_two_uploads_with_the_same_name_keep_both_files(s3, s3_settings):
    first = default_storage.save("documents/verslag.txt", io.BytesIO(b"eerste"))
    second = default_storage.save("documents/verslag.txt", io.BytesIO(b"tweede"))
    assert first != second
    assert {first, second} <= keys(s3)
    with default_storage.open(first) as kept:
        assert kept.read() == b"eerste"
