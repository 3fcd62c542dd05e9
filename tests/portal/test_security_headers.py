"""The headers every response carries, and those that keep personal pages out of caches."""

import pytest

# Every page shows the site's menus, which come from the database.
pytestmark = pytest.mark.django_db


def test_no_site_may_frame_a_public_page_and_both_headers_say_so(client):
    """X-Frame-Options (for old browsers) says the same as the CSP's frame-ancestors."""
    response = client.get("/account/login/")
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_the_admin_may_frame_its_own_previews_and_both_headers_say_so(client, editor):
    client.force_login(editor)
    response = client.get("/admin/")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]


def test_permissions_policy_names_no_retired_features(client):
    policy = client.get("/account/login/")["Permissions-Policy"]
    assert "interest-cohort" not in policy
    assert "camera=()" in policy and "geolocation=()" in policy


@pytest.mark.parametrize("path", ["/account/login/", "/robots.txt", "/static/css/portal.css"])
def test_our_resources_may_not_be_embedded_by_other_sites(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.mark.parametrize(
    "path", ["/account/", "/account/profiel/", "/account/mijn-gegevens.json", "/account/login/"]
)
def test_account_pages_are_never_kept_by_a_shared_or_browser_cache(client, professional, path):
    client.force_login(professional)
    response = client.get(path)
    assert response.status_code in (200, 302)
    cache_control = response["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control


def test_a_logged_in_visitors_page_is_private(client, professional):
    """A page with someone's name in its header must not be served to the next visitor
    by a proxy."""
    client.force_login(professional)
    response = client.get("/zoeken/")
    assert "private" in response["Cache-Control"]
