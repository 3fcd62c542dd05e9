"""The public forms on cached pages carry no CSRF token; they accept a POST only from
our own site, as the browser tells it (portal/csrf.py). A page on another site that
makes a visitor's browser post to them is refused, and nothing is stored."""

import pytest
from django.test import Client

from blog.models import Comment
from communities.newsletter.models import Subscriber
from events.models import Registration
from initiatives.models import Initiative
from tests.factories.blog import ArticlePageFactory
from tests.factories.events import EventFactory
from tests.factories.initiatives import InitiativeFactory

pytestmark = pytest.mark.django_db

CROSS_SITE = {"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"}


@pytest.fixture
def browser():
    """A client that sends only the headers a test gives it, as an older browser or a
    script would (the suite's `client` says it comes from our own pages)."""
    return Client()


@pytest.fixture
def forms(db):
    """Each public form on a cached page: where it posts, valid data, and how many
    things a successful POST stores."""
    article = ArticlePageFactory()
    event = EventFactory()
    InitiativeFactory()  # the gazetteer and themes the initiative form offers
    theme = Initiative.objects.get().themes.get()
    return {
        "comment": (
            f"/actueel/{article.slug}/reageren/",
            {"name": "Anna", "email": "anna@example.org", "body": "Mooi stuk."},
            Comment.objects.count,
        ),
        "registration": (
            event.get_absolute_url(),
            {"name": "Bo de Vries", "email": "bo@example.org", "organisation": "Gemeente Ede"},
            Registration.objects.count,
        ),
        "initiative": (
            "/kaart/aanmelden/",
            {
                "title": "Open begroting Deventer",
                "summary": "De begroting in begrijpelijke plaatjes.",
                "description": "Eerste alinea.",
                "themes": [theme.pk],
                "organisation_name": "Gemeente Deventer",
                "organisation_type": "gemeente",
                "municipality": "deventer",
                "contact_email": "begroting@example.nl",
                "relation": "own",
                "submitter_name": "Daan Visser",
                "submitter_email": "daan@example.nl",
            },
            Initiative.objects.count,
        ),
        "newsletter": (
            "/nieuwsbrief/aanmelden/",
            {"email": "noor@example.org", "source": "footer"},
            Subscriber.objects.count,
        ),
    }


FORMS = ["comment", "registration", "initiative", "newsletter"]


@pytest.mark.parametrize("form", FORMS)
def test_cross_site_post_to_a_public_form_is_refused_and_stores_nothing(browser, forms, form):
    path, data, stored = forms[form]
    before = stored()
    response = browser.post(path, data, headers=CROSS_SITE)
    assert response.status_code == 403
    assert "CSRF" in response.text
    assert stored() == before


@pytest.mark.parametrize("form", FORMS)
def test_post_that_does_not_say_where_it_comes_from_is_refused(browser, forms, form):
    path, data, stored = forms[form]
    before = stored()
    assert browser.post(path, data).status_code == 403
    assert stored() == before


@pytest.mark.parametrize("form", FORMS)
def test_public_form_sent_from_our_own_page_is_accepted(browser, forms, form):
    path, data, stored = forms[form]
    before = stored()
    response = browser.post(path, data, headers={"Sec-Fetch-Site": "same-origin"})
    assert response.status_code == 302, response.text
    assert stored() == before + 1


def test_older_browser_is_recognised_by_its_origin(browser, forms):
    path, data, stored = forms["comment"]
    response = browser.post(path, data, headers={"Origin": "http://testserver"})
    assert response.status_code == 302
    assert stored() == 1


def test_origin_behind_the_https_proxy_counts_as_our_own(browser, forms, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    path, data, stored = forms["comment"]
    origin = {"Host": "www.example.nl", "Origin": "https://www.example.nl"}
    plain = browser.post(path, data, headers=origin)
    assert plain.status_code == 403
    behind_proxy = browser.post(path, data, headers={**origin, "X-Forwarded-Proto": "https"})
    assert behind_proxy.status_code == 302


def test_trusted_origins_may_post(browser, forms, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://www.example.nl", "https://*.open-overheid.nl"]
    path, data, stored = forms["comment"]
    for origin in ("https://www.example.nl", "https://nieuws.open-overheid.nl"):
        response = browser.post(
            path, data, headers={"Origin": origin, "Sec-Fetch-Site": "same-site"}
        )
        assert response.status_code == 302, origin
    response = browser.post(path, data, headers={"Origin": "http://www.example.nl"})
    assert response.status_code == 403


def test_language_switch_from_another_site_is_refused(browser):
    response = browser.post(
        "/taal/setlang/", {"language": "en", "next": "/agenda/"}, headers=CROSS_SITE
    )
    assert response.status_code == 403
    assert not response.cookies


def test_language_switch_on_our_own_page_works(browser):
    response = browser.post(
        "/taal/setlang/",
        {"language": "en", "next": "/agenda/"},
        headers={"Sec-Fetch-Site": "same-origin"},
    )
    assert response.status_code == 302
    assert response.cookies


def test_account_forms_keep_their_csrf_token(browser):
    page = browser.get("/account/login/")
    assert "csrfmiddlewaretoken" in page.text
    refused = Client(enforce_csrf_checks=True).post(
        "/account/login/",
        {"login": "a@example.org", "password": "x"},
        headers={"Sec-Fetch-Site": "same-origin"},
    )
    assert refused.status_code == 403
