"""English means English: apart from what editors and users typed, a visitor who
chose English reads no Dutch, on any public page, account page, form error or e-mail.

The test tells the two apart without a hand-kept list of words:

- Dutch words are the words of the Dutch translations (msgstr in django.po) that no
  English source text (msgid) uses: "nieuwsbrief", "je", "aanmelden", but not
  "agenda" or "data". A Dutch literal in a template or in Python uses some of them.
- Content is what the database holds (page titles and bodies, settings, names,
  comments): a text on the page that occurs in a stored text is content, and stored
  names and titles inside a longer text ("By Noor Bakker") are left out before its
  words are checked. Texts the portal writes itself (outbox, mailings, job runs) are
  not content.

The demo content has every page type, in Dutch, so it also shows that this telling
apart works on real Dutch content.
"""

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Page

from blog.models import ArticlePage
from communities.models import Leerkring
from communities.newsletter import links
from communities.newsletter.models import Subscriber
from events.models import Event
from initiatives.models import Initiative
from portal.models import User

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
CONTENT_APPS = {
    "portal",
    "blog",
    "communities",
    "newsletter",
    "events",
    "initiatives",
    "toolkit",
    "taggit",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
}
WRITTEN_BY_THE_PORTAL = {"outgoingemail", "scheduledrun", "ratelimitcounter", "mailing", "delivery"}
TEXT_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}
WORD = re.compile(r"[^\W\d_]{2,}")
PLACEHOLDER = re.compile(r"%(\(\w+\))?[sd]|\{[^}]*\}")
ADDRESS = re.compile(r"https?://\S+")  # the portal's addresses are Dutch in every language


def words(text):
    return {word.lower() for word in WORD.findall(PLACEHOLDER.sub(" ", text))}


def dutch_words():
    """Words of the Dutch translations that no English source text uses."""
    po = (ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po").read_text()
    english, dutch, current = set(), set(), None
    for line in po.splitlines():
        if line.startswith(("msgid", "msgstr", "msgctxt", "#")):
            current = {"msgi": english, "msgs": dutch}.get(line[:4])
        if current is not None and line.endswith('"'):
            current |= words(json.loads(line[line.index('"') :]))
    return dutch - english


def _strings(value):
    if isinstance(value, str):
        if "<" in value:
            value = re.sub(r"<[^>]+>", " ", value)
        yield " ".join(html.unescape(value).split())
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def stored_texts():
    """Every text in the tables of editors' and users' content."""
    texts = set()
    with connection.cursor() as cursor:
        for model in apps.get_models():
            meta = model._meta
            if meta.app_label not in CONTENT_APPS or meta.model_name in WRITTEN_BY_THE_PORTAL:
                continue
            quoted = connection.ops.quote_name(meta.db_table)
            # The table names come from the models, quoted.
            cursor.execute(f"SELECT row_to_json(t)::text FROM {quoted} AS t")  # noqa: S608
            for (row,) in cursor.fetchall():
                texts.update(text for text in _strings(json.loads(row)) if text)
    return texts


class Texts(HTMLParser):
    """The text nodes and readable attributes of a page."""

    def __init__(self):
        super().__init__()
        self.texts, self.skipping = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skipping += 1
        for name, value in attrs:
            if value and (name in TEXT_ATTRIBUTES or (name == "value" and tag == "button")):
                self.texts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.texts.append(data)


class DutchFinder:
    def __init__(self):
        self.dutch = dutch_words()
        texts = stored_texts()
        self.content = "\n".join(texts)
        names = sorted((text for text in texts if 3 <= len(text) <= 200), key=len, reverse=True)
        alternatives = "|".join(map(re.escape, names))
        self.names = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")

    def in_page(self, page):
        parser = Texts()
        parser.feed(page)
        return self.in_texts(parser.texts)

    def in_texts(self, texts):
        """The Dutch texts outside the content, with their Dutch words."""
        found = []
        for text in texts:
            text = " ".join(html.unescape(text).split())
            if not text or text.rstrip("….").strip() in self.content:
                continue
            dutch = words(self.names.sub(" ", ADDRESS.sub(" ", text))) & self.dutch
            if dutch:
                found.append(f"{text!r} ({', '.join(sorted(dutch))})")
        return found


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("load_demo", verbosity=0)
    settings.DEBUG = False


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def public_addresses():
    """One address of every kind of public page, with the demo content."""
    pages = {}
    for page in Page.objects.live().specific().filter(depth__gt=1).order_by("path"):
        pages.setdefault(type(page), page.url)
    guest_article = ArticlePage.objects.live().filter(authors__is_guest=True).first()
    subscriber = Subscriber.objects.confirmed().first()
    return [
        *pages.values(),
        guest_article.url,
        "/actueel/?category=doesnotexist&year=abc",
        "/zoeken/?q=open+data",
        "/zoeken/?q=xyzzyxyzzy",
        "/leerkringen/",
        Leerkring.objects.first().get_absolute_url(),
        "/agenda/",
        Event.objects.upcoming().first().get_absolute_url(),
        Event.objects.past().first().get_absolute_url(),
        "/kaart/",
        Initiative.objects.published().first().get_absolute_url(),
        "/kaart/aanmelden/",
        "/kaart/aanmelden/bedankt/",
        "/nieuwsbrief/aanmelden/",
        "/nieuwsbrief/aanmelden/verstuurd/",
        "/nieuwsbrief/nieuwe-link/",
        "/nieuwsbrief/nieuwe-link/verstuurd/",
        "/nieuwsbrief/bevestigen/not-a-link/",
        f"/nieuwsbrief/voorkeuren/{links.sign(subscriber, links.MANAGE)}/",
        f"/nieuwsbrief/afmelden/{links.sign(subscriber, links.MANAGE)}/",
        "/account/login/",
        "/account/signup/",
        "/account/password/reset/",
        "/does-not-exist/",
    ]


ACCOUNT_ADDRESSES = [
    "/account/",
    "/account/profiel/",
    "/account/verwijderen/",
    "/account/leerkringen/",
    "/account/aanmeldingen/",
    "/account/nieuwsbrief/",
    "/account/email/",
    "/account/password/change/",
]

# Forms sent empty or wrong, for their error messages.
FORM_POSTS = [
    ("/account/login/", {"login": "nobody@example.org", "password": "wrong"}),
    ("/account/signup/", {"email": "not-an-address"}),
    ("/nieuwsbrief/aanmelden/", {"source": "page", "email": "not-an-address"}),
    ("/kaart/aanmelden/", {}),
]


def test_english_visitor_reads_no_dutch_outside_the_content(demo, english):
    finder = DutchFinder()
    found = {}
    for address in public_addresses():
        response = english.get(address)
        assert response.status_code in (200, 400, 404), address
        found[address] = finder.in_page(response.text)
    for address, data in FORM_POSTS:
        found[f"POST {address}"] = finder.in_page(english.post(address, data).text)
    event = Event.objects.upcoming().last().get_absolute_url()
    found[f"POST {event}"] = finder.in_page(english.post(event, {"email": "x"}).text)
    with translation.override("en"):
        found["500.html"] = finder.in_texts(_texts(render_to_string("500.html")))
    english.force_login(User.objects.get(email="professional@example.org"))
    for address in ACCOUNT_ADDRESSES + [Leerkring.objects.first().get_absolute_url()]:
        found[f"{address} (signed in)"] = finder.in_page(english.get(address).text)
    failures = report(found)
    assert not failures, failures


def report(found):
    return "\n".join(f"{where}: {text}" for where, texts in found.items() for text in texts)


def _texts(page):
    parser = Texts()
    parser.feed(page)
    return parser.texts


def test_every_email_template_has_its_texts_in_english(demo):
    finder = DutchFinder()
    found = {}
    with translation.override("en"):
        for path in sorted((ROOT / "templates").glob("**/email*/*.*")):
            name = str(path.relative_to(ROOT / "templates"))
            found[name] = finder.in_texts(_texts(render_to_string(name, {})))
    failures = report(found)
    assert not failures, failures


def test_english_subscriber_agrees_to_an_english_text_and_gets_english_mail(
    english, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        english.post("/nieuwsbrief/aanmelden/", {"source": "footer", "email": "emma@example.org"})
    subscriber = Subscriber.objects.get(email="emma@example.org")
    page = english.get("/").text
    assert "Yes, send me the Open Overheid newsletter" in page
    assert subscriber.consent_version.endswith("-en")  # the record says which text
    [message] = mail.outbox
    assert "Confirm" in message.subject
    assert not DutchFinder().in_texts([message.subject, message.body])


def test_english_visitor_is_told_that_the_articles_are_in_dutch(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Articles and other content are in Dutch." in client.get("/account/login/").text
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    assert "Artikelen en andere inhoud" not in client.get("/account/login/").text
