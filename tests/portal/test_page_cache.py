"""Anonymous visitors get pages from the cache, and never a stale one: each change an
editor, organiser or visitor makes shows on the very next request.

A hit is marked `X-Cache: hit` and costs no database query at all."""

import datetime
import gzip

import pytest
from django.utils import timezone

from blog.comments import add_comment, moderate
from blog.models import Comment
from communities import membership
from communities.models import MembershipStatus
from communities.newsletter import sending
from events import registration
from events.models import RegistrationStatus
from initiatives import moderation
from initiatives.models import Initiative
from portal import content_versions
from portal.models import MainMenuItem, SiteSettings
from tests.factories.blog import ArticlePageFactory, BlogIndexPageFactory, ImageFactory
from tests.factories.communities import LeerkringFactory, MembershipFactory
from tests.factories.events import EventFactory, RegistrationFactory
from tests.factories.initiatives import InitiativeFactory
from tests.factories.newsletter import NewsletterIndexPageFactory, NewsletterIssuePageFactory
from tests.factories.portal import StandardPageFactory, ThemeFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached(client, django_assert_num_queries):
    """Load `path` anonymously twice: the second load comes from the cache, without a
    single query. Returns that page's HTML."""

    def load(path):
        first = client.get(path)
        assert first.status_code == 200
        with django_assert_num_queries(0):
            again = client.get(path)
        assert again["X-Cache"] == "hit"
        assert again.content == first.content
        return again.text

    return load


@pytest.fixture
def article(db):
    return ArticlePageFactory(title="Open raadsinformatie", slug="open-raadsinformatie")


# What is kept, for whom, and with which headers.


def test_second_anonymous_visitor_gets_the_page_from_the_cache_without_a_query(cached):
    EventFactory(title="Open overheid in de praktijk")
    assert "Open overheid in de praktijk" in cached("/agenda/")


def test_cached_page_carries_no_cookie_and_no_csrf_token(client, cached, article):
    cached(article.url)
    hit = client.get(article.url)
    assert hit["X-Cache"] == "hit"
    assert not hit.cookies
    assert "Set-Cookie" not in hit
    assert "csrfmiddlewaretoken" not in hit.text


def test_page_that_renders_a_csrf_token_is_never_kept(client):
    """The "send me a new link" page keeps Django's token: it sets a cookie, so the
    page (with this visitor's token in it) stays out of the cache."""
    first = client.get("/nieuwsbrief/nieuwe-link/")
    assert "csrfmiddlewaretoken" in first.text
    assert first.cookies
    assert "X-Cache" not in client.get("/nieuwsbrief/nieuwe-link/")


def test_logged_in_visitor_never_gets_the_anonymous_copy(client, cached, professional):
    cached("/agenda/")
    client.force_login(professional)
    own = client.get("/agenda/")
    assert "X-Cache" not in own
    assert "Mijn account" in own.text
    assert "private" in own["Cache-Control"]
    client.logout()
    assert "Mijn account" not in client.get("/agenda/").text


def test_visitor_with_a_session_or_a_waiting_message_is_served_afresh(client, cached):
    cached("/agenda/")
    client.cookies["sessionid"] = "something"
    assert "X-Cache" not in client.get("/agenda/")
    del client.cookies["sessionid"]
    client.cookies["messages"] = "something"
    assert "X-Cache" not in client.get("/agenda/")


def test_each_language_has_its_own_copy(client, cached, settings):
    cached("/agenda/")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get("/agenda/")
    assert english["Content-Language"] == "en"
    assert "X-Cache" not in english or english["X-Cache"] == "miss"


def test_each_query_has_its_own_copy(client, cached):
    EventFactory(title="Webinar open data", event_type="webinar")
    EventFactory(title="Bijeenkomst Woo", event_type="bijeenkomst")
    assert "Bijeenkomst Woo" in cached("/agenda/")
    filtered = client.get("/agenda/?soort=webinar")
    assert filtered["X-Cache"] == "miss"
    assert "Bijeenkomst Woo" not in filtered.text


def test_cached_page_keeps_every_security_header(client, cached):
    cached("/agenda/")
    hit = client.get("/agenda/")
    assert "frame-ancestors 'none'" in hit["Content-Security-Policy"]
    assert hit["X-Frame-Options"] == "DENY"
    assert hit["X-Content-Type-Options"] == "nosniff"
    assert hit["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert hit["Cross-Origin-Opener-Policy"] == "same-origin"
    assert hit["Permissions-Policy"]
    assert hit["Cross-Origin-Resource-Policy"] == "same-origin"


def test_browser_revalidates_its_copy_and_gets_not_modified(client, cached):
    cached("/agenda/")
    page = client.get("/agenda/")
    assert page["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert page["ETag"].startswith('"')
    again = client.get("/agenda/", headers={"If-None-Match": page["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == page["ETag"]


def test_cached_page_goes_out_gzipped_to_a_browser_that_takes_it(client, cached):
    plain = cached("/agenda/")
    page = client.get("/agenda/", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert page["X-Cache"] == "hit"
    assert page["Content-Encoding"] == "gzip"
    assert gzip.decompress(page.content).decode() == plain
    assert len(page.content) < len(plain) / 3
    assert page["Content-Length"] == str(len(page.content))
    assert {"Accept-Encoding", "Cookie"} <= {part.strip() for part in page["Vary"].split(",")}
    identity = client.get("/agenda/")
    assert "Content-Encoding" not in identity
    assert page["ETag"] != identity["ETag"]
    again = client.get(
        "/agenda/", headers={"Accept-Encoding": "gzip", "If-None-Match": page["ETag"]}
    )
    assert again.status_code == 304


def test_the_first_visitor_gets_the_same_bytes_as_the_next(client):
    first = client.get("/agenda/", headers={"Accept-Encoding": "gzip"})
    again = client.get("/agenda/", headers={"Accept-Encoding": "gzip"})
    assert (first["X-Cache"], again["X-Cache"]) == ("miss", "hit")
    assert first.content == again.content
    assert first["ETag"] == again["ETag"]


def test_a_proxy_may_keep_pages_only_as_long_as_the_operator_allows(client, settings):
    settings.PAGE_CACHE_PROXY_SECONDS = 30
    page = client.get("/agenda/")
    assert page["Cache-Control"] == "public, max-age=0, must-revalidate, s-maxage=30"


def test_head_request_is_answered_from_the_cache(client, cached):
    cached("/agenda/")
    assert client.head("/agenda/")["X-Cache"] == "hit"


def test_admin_account_and_personal_link_pages_are_never_kept(client):
    for path in ("/admin/login/", "/account/login/", "/agenda/bevestigen/onzin/"):
        client.get(path)
        assert "X-Cache" not in client.get(path), path


def test_a_form_sent_back_with_errors_is_not_kept(client, article):
    refused = client.post(
        f"/actueel/{article.slug}/reageren/",
        {"name": "Anna", "email": "geen-adres", "body": "Mijn eigen tekst"},
    )
    assert refused.status_code == 400
    assert "Mijn eigen tekst" in refused.text
    assert "Mijn eigen tekst" not in client.get(article.url).text


def test_cache_can_be_turned_off(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/agenda/")
    assert "X-Cache" not in client.get("/agenda/")


# Each change shows at once.


def test_published_article_shows_in_the_blog_at_once(cached):
    BlogIndexPageFactory()
    cached("/actueel/")
    ArticlePageFactory(title="Nieuw: de Woo-index")
    assert "Nieuw: de Woo-index" in cached("/actueel/")


def test_unpublished_article_leaves_the_blog_at_once(cached, article):
    assert "Open raadsinformatie" in cached("/actueel/")
    article.unpublish()
    assert "Open raadsinformatie" not in cached("/actueel/")


def test_moved_article_leaves_the_blog_at_once(cached, article):
    assert "Open raadsinformatie" in cached("/actueel/")
    article.move(StandardPageFactory(slug="archief"), pos="last-child")
    assert "Open raadsinformatie" not in cached("/actueel/")


def test_deleted_article_leaves_the_blog_at_once(cached, article):
    assert "Open raadsinformatie" in cached("/actueel/")
    article.delete()
    assert "Open raadsinformatie" not in cached("/actueel/")


def test_changed_site_settings_show_in_the_footer_at_once(cached):
    cached("/agenda/")
    site_settings = SiteSettings.objects.get()
    site_settings.contact_email = "redactie@example.nl"
    site_settings.save()
    assert "mailto:redactie@example.nl" in cached("/agenda/")


def test_new_menu_item_shows_at_once(cached):
    page = StandardPageFactory(title="Werkwijze", slug="werkwijze")
    cached("/agenda/")
    MainMenuItem.objects.create(site_settings=SiteSettings.objects.get(), link_page=page)
    assert '<a href="/werkwijze/">Werkwijze</a>' in cached("/agenda/")


def test_approved_comment_shows_at_once_and_a_pending_one_empties_nothing(client, cached, article):
    cached(article.url)
    comment = add_comment(article, None, "Goed stuk!", name="Anna", email="anna@example.org")
    assert client.get(article.url)["X-Cache"] == "hit"  # nothing new to show yet
    moderate(comment, Comment.Status.APPROVED)
    assert "Goed stuk!" in cached(article.url)
    moderate(comment, Comment.Status.REJECTED)
    assert "Goed stuk!" not in cached(article.url)


def test_member_who_changes_their_name_shows_it_under_their_comment_at_once(cached, article):
    member = UserFactory(full_name="Anna de Vries")
    moderate(add_comment(article, member, "Mooi overzicht."), Comment.Status.APPROVED)
    assert "Anna de Vries" in cached(article.url)
    member.full_name = "Anna Jansen"
    member.save()
    assert "Anna Jansen" in cached(article.url)


def test_a_members_login_empties_no_cache(client, cached, article):
    member = UserFactory(full_name="Anna de Vries")
    moderate(add_comment(article, member, "Mooi overzicht."), Comment.Status.APPROVED)
    cached(article.url)
    client.force_login(member)  # records the last login
    client.logout()
    assert client.get(article.url)["X-Cache"] == "hit"


def test_an_uploaded_image_empties_no_cache_until_something_shows_it(client, cached):
    cached("/")
    image = ImageFactory(title="Foto van een bijeenkomst")  # a visitor's upload, say
    assert client.get("/")["X-Cache"] == "hit"
    image.title = "Bijeenkomst in Utrecht"  # an image that may be shown somewhere
    image.save()
    assert client.get("/")["X-Cache"] == "miss"


def test_initiative_published_on_the_map_shows_at_once(client, cached):
    initiative = InitiativeFactory(title="Open begroting", status=Initiative.Status.SUBMITTED)
    assert "Open begroting" not in cached("/kaart/")
    moderation.publish(initiative)
    assert "Open begroting" in cached("/kaart/")


def test_registration_shows_in_the_seats_left_at_once(cached):
    event = EventFactory(capacity=2)
    assert "nog 2 plekken vrij" in cached(event.get_absolute_url())
    registration.register(event.pk, registration.Applicant(name="Bo", email="bo@example.org"))
    assert "nog 1 plek vrij" in cached(event.get_absolute_url())


def test_guest_registration_awaiting_confirmation_changes_no_seat(client, cached):
    event = EventFactory(capacity=2)
    cached(event.get_absolute_url())
    applicant = registration.Applicant(name="Bo", email="bo@example.org")
    pending = registration.register(event.pk, applicant, needs_confirmation=True)
    assert pending.status == RegistrationStatus.PENDING
    assert client.get(event.get_absolute_url())["X-Cache"] == "hit"
    registration.confirm_guest(pending.pk)
    assert "nog 1 plek vrij" in cached(event.get_absolute_url())


def test_seat_given_up_shows_at_once_on_a_full_event(cached):
    event = EventFactory(capacity=1)
    seated = RegistrationFactory(event=event)
    assert "Vol — aanmelden voor de wachtlijst" in cached(event.get_absolute_url())
    registration.cancel(seated.pk)
    assert "nog 1 plek vrij" in cached(event.get_absolute_url())


def test_changed_event_shows_in_the_agenda_at_once(cached):
    event = EventFactory(title="Bijeenkomst Woo")
    cached("/agenda/")
    event.title = "Bijeenkomst Wet open overheid"
    event.save()
    assert "Bijeenkomst Wet open overheid" in cached("/agenda/")


def test_approved_member_counts_at_once_on_the_leerkring(cached, coordinator):
    leerkring = LeerkringFactory()
    pending = MembershipFactory(leerkring=leerkring, status=MembershipStatus.PENDING)
    path = leerkring.get_absolute_url()
    assert "<dt>Leden</dt><dd>0</dd>" in cached(path)
    membership.approve(pending, by=coordinator)
    assert "<dt>Leden</dt><dd>1</dd>" in cached(path)


def test_coordinator_who_changes_their_name_shows_it_on_the_leerkring_at_once(cached):
    coordinator = UserFactory(full_name="Kees de Boer", organisation="Gemeente Ede")
    leerkring = LeerkringFactory()
    leerkring.coordinators.add(coordinator)
    leerkring.save()  # a ParentalManyToManyField is stored with its leerkring
    assert "Kees de Boer (Gemeente Ede)" in cached(leerkring.get_absolute_url())
    coordinator.full_name = "Kees Visser"
    coordinator.organisation = "Provincie Gelderland"
    coordinator.save()
    assert "Kees Visser (Provincie Gelderland)" in cached(leerkring.get_absolute_url())


def test_sent_issue_joins_the_newsletter_archive_at_once(cached, editor):
    index = NewsletterIndexPageFactory()
    issue = NewsletterIssuePageFactory(parent=index, title="Nieuwsbrief april")
    assert "Nieuwsbrief april" not in cached(index.url)
    sending.start(issue, editor)
    assert "Nieuwsbrief april" in cached(index.url)


def test_renamed_theme_shows_at_once(cached):
    theme = ThemeFactory(name="Open Data")
    EventFactory(themes=[theme])
    assert "Open Data" in cached("/agenda/")
    theme.name = "Open data en algoritmes"
    theme.save()
    assert "Open data en algoritmes" in cached("/agenda/")


def test_page_showing_events_is_kept_no_longer_than_until_the_clock_changes_it():
    closes = timezone.now() + datetime.timedelta(minutes=10)
    EventFactory(registration_closes_at=closes)
    seconds = content_versions.seconds_unchanged(("frame", "events"), 86_400)
    assert 590 < seconds <= 601
    assert content_versions.seconds_unchanged(("frame",), 86_400) == 86_400


def test_evicted_version_never_comes_back_as_an_old_one():
    from django.core.cache import cache

    first = content_versions.versions(("events",))
    content_versions.bump("events")
    second = content_versions.versions(("events",))
    cache.delete("portal:version:events")  # evicted, for instance
    assert content_versions.versions(("events",)) not in (first, second)
