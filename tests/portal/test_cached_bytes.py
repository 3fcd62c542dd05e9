"""Feeds and data files are built once per change and then served as bytes: gzipped
for clients that take it, with a strong ETag, and 304 on a repeat. The feeds
themselves are tested with their apps (the map, the blog, the agenda)."""

import gzip
import time

import pytest
from django.http import Http404
from django.test import RequestFactory

from portal import cached_bytes, content_versions

pytestmark = pytest.mark.django_db

BODY = b'{"type":"FeatureCollection","features":[]}' * 50


class Builder:
    """Counts how often the body had to be built."""

    def __init__(self, body=BODY):
        self.body = body
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.body


def serve(build, kinds=("initiatives",), **headers):
    request = RequestFactory().get("/data.json", headers=headers)
    return cached_bytes.cached_response(request, "test:data", kinds, build, "application/json")


def test_second_request_is_served_from_the_cache_without_building_again():
    build = Builder()
    first, again = serve(build), serve(build)
    assert first.content == again.content == BODY
    assert build.calls == 1
    assert again["Content-Type"] == "application/json"
    assert again["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert again["Vary"] == "Accept-Encoding"


def test_gzip_copy_decompresses_to_the_same_bytes_with_an_etag_of_its_own():
    build = Builder()
    plain = serve(build)
    zipped = serve(build, **{"Accept-Encoding": "gzip, deflate, br"})
    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == plain.content == BODY
    assert len(zipped.content) < len(BODY) / 10
    assert zipped["ETag"] == plain["ETag"][:-1] + '-gzip"'
    assert build.calls == 1


@pytest.mark.parametrize("accept", ["", "identity", "gzip;q=0", "br, deflate", "*;q=0"])
def test_client_that_does_not_take_gzip_gets_the_plain_bytes(accept):
    response = serve(Builder(), **{"Accept-Encoding": accept})
    assert not response.has_header("Content-Encoding")
    assert response.content == BODY


@pytest.mark.parametrize("accept", ["gzip", "GZIP;q=0.5", "deflate, *"])
def test_client_that_takes_gzip_gets_it(accept):
    assert serve(Builder(), **{"Accept-Encoding": accept})["Content-Encoding"] == "gzip"


@pytest.mark.parametrize("encoding", ["", "gzip"])
def test_repeat_with_the_etag_gets_304_without_a_body(encoding):
    build = Builder()
    first = serve(build, **{"Accept-Encoding": encoding})
    for asked in (first["ETag"], "W/" + first["ETag"], f'"other", {first["ETag"]}', "*"):
        again = serve(build, **{"Accept-Encoding": encoding, "If-None-Match": asked})
        assert again.status_code == 304
        assert again.content == b""
        assert again["ETag"] == first["ETag"]
        assert again["Vary"] == "Accept-Encoding"


def test_first_request_with_a_current_etag_gets_304_too():
    """A copy evicted from the cache, or another server's: the ETag depends only on
    the bytes, so the browser's copy is still recognised."""
    etag = serve(Builder())["ETag"]
    content_versions.bump("initiatives")  # a new version: nothing kept for it yet
    assert serve(Builder(), **{"If-None-Match": etag}).status_code == 304


def test_change_to_a_kind_it_shows_builds_afresh_and_an_old_etag_gets_the_new_body():
    first = serve(Builder())
    content_versions.bump("initiatives")
    changed = serve(Builder(b"[1]"), **{"If-None-Match": first["ETag"]})
    assert changed.status_code == 200
    assert changed.content == b"[1]"
    assert changed["ETag"] != first["ETag"]


def test_change_to_another_kind_keeps_the_copy():
    build = Builder()
    serve(build)
    content_versions.bump("comments")
    serve(build)
    assert build.calls == 1


def test_each_host_and_language_has_its_own_copy(settings):
    settings.ALLOWED_HOSTS = ["*"]
    build = Builder()
    for host in ("a.example", "b.example"):
        request = RequestFactory().get("/data.json", headers={"Host": host})
        cached_bytes.cached_response(request, "test:data", ("pages",), build, "text/plain")
    assert build.calls == 2


def test_not_found_is_not_kept():
    def missing():
        raise Http404

    with pytest.raises(Http404):
        serve(missing)
    assert serve(Builder()).content == BODY


def test_nothing_is_kept_when_the_clock_changes_the_content_now(monkeypatch):
    monkeypatch.setattr(content_versions, "seconds_unchanged", lambda kinds, longest: 0)
    build = Builder()
    serve(build)
    serve(build)
    assert build.calls == 2


def test_query_key_keeps_only_the_named_parameters_in_a_fixed_order():
    def key(query):
        return cached_bytes.query_key(RequestFactory().get("/?" + query).GET, ["b", "a"])

    assert key("b=2&utm=x&a=1") == key("a=1&b=2") == "a=1&b=2"
    assert key("a=1&a=2") != key("a=2&a=1")  # the last one counts


def test_no_copy_is_served_past_the_moment_the_clock_changes_its_content(monkeypatch):
    monkeypatch.setattr(content_versions, "seconds_unchanged", lambda kinds, longest: 60)
    build = Builder()
    serve(build)
    serve(build)
    assert build.calls == 1
    later = time.time() + 61
    monkeypatch.setattr(time, "time", lambda: later)
    serve(build)
    assert build.calls == 2
