"""Visitors report a comment or an initiative; enough independent reports hide it at
once (also on cached pages) until an editor decides in the queue of reports. Nobody
can tell from the public site who reported what, or how many did."""

import datetime
import threading

import pytest
from django.db import connection
from django.utils import timezone
from wagtail.models import ModelLogEntry, Site

from blog.comments import REPORTS as COMMENT_REPORTS
from blog.models import Comment
from initiatives import geo
from initiatives.models import Initiative, Municipality
from portal import demo, flags, scheduling
from portal.models import Report, SiteSettings
from tests.factories.blog import ArticlePageFactory
from tests.factories.initiatives import InitiativeFactory
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(db):
    return ArticlePageFactory(title="Open raadsinformatie", slug="open-raadsinformatie")


def approved_comment(article, body="Dit klopt echt niet met de cijfers.", name="Anna"):
    return Comment.objects.create(
        article=article,
        name=name,
        email="anna@example.org",
        body=body,
        status=Comment.Status.APPROVED,
    )


@pytest.fixture
def comment(article):
    return approved_comment(article)


@pytest.fixture
def initiative(db):
    return InitiativeFactory(
        title="Open raad Zwolle", slug="open-raad-zwolle", submitter_email="sanne@example.nl"
    )


def comment_url(comment):
    return f"/melden/reactie/{comment.pk}/"


def initiative_url(initiative):
    return f"/melden/initiatief/{initiative.pk}/"


def send(client, url, reason="incorrect", note="", ip="198.51.100.1", **headers):
    return client.post(url, {"reason": reason, "note": note}, REMOTE_ADDR=ip, **headers)


def open_reports(item):
    return flags.reports_of(flags.flaggable_for(item), item.pk).filter(decided_at=None)


# Reporting.


def test_visitor_reports_a_comment_and_is_thanked_on_the_article(client, article, comment):
    response = send(client, comment_url(comment), reason="inappropriate", note="Grof.")
    assert response.status_code == 302
    assert response["Location"] == f"{article.url}#reacties"
    page = client.get(response["Location"])
    assert "Bedankt voor je melding. De redactie bekijkt het." in page.text
    report = Report.objects.get()
    assert (report.item, report.reason, report.note) == (comment, "inappropriate", "Grof.")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED  # one report hides nothing


def test_visitor_reports_an_initiative_and_goes_back_to_it(client, initiative):
    response = send(client, initiative_url(initiative), reason="privacy")
    assert response.status_code == 302
    assert response["Location"] == initiative.get_absolute_url()
    assert Report.objects.get().item == initiative


def test_article_and_initiative_page_link_to_the_report_form(client, article, comment, initiative):
    for url, form_url in [
        (article.url, comment_url(comment)),
        (initiative.get_absolute_url(), initiative_url(initiative)),
    ]:
        page = client.get(url).text
        assert f'<a href="{form_url}" rel="nofollow">Melden<span class="visually-hidden">' in page
        # A link, not a form per item: an article with many comments stays light.
        assert 'value="incorrect"' not in page


def test_report_form_has_its_own_page_without_javascript_or_csrf_token(client, comment):
    response = client.get(comment_url(comment))
    assert response.status_code == 200
    assert "Je meldt: Anna: Dit klopt echt niet met de cijfers." in response.text
    assert '<meta name="robots" content="noindex">' in response.text
    assert 'value="incorrect"' in response.text and "Klopt niet" in response.text
    assert "csrfmiddlewaretoken" not in response.text


# Bad input: a clear Dutch message, the input kept, nothing stored.


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"note": "Zonder reden"}, "Kies wat er mis is."),
        ({"reason": "spam", "note": "Onbekende reden"}, "Kies een van de redenen."),
        ({"reason": "incorrect", "note": "x" * 501}, "niet meer dan 500 tekens"),
        ({"reason": "incorrect", "note": "nul\x00teken"}, "Null-tekens zijn niet toegestaan"),
    ],
)
def test_bad_report_is_refused_with_a_dutch_message_and_the_input_kept(
    client, comment, data, message
):
    response = client.post(comment_url(comment), data, REMOTE_ADDR="198.51.100.1")
    assert response.status_code == 400
    assert message in response.text
    if data["note"] != "nul\x00teken":
        assert data["note"][:100] in response.text
    assert not Report.objects.exists()


def test_hostile_note_is_stored_as_typed_and_shown_escaped(client, comment, editor):
    hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>"
    sql = "'; DROP TABLE portal_report; --"
    send(client, comment_url(comment), note=hostile, ip="198.51.100.1")
    send(client, comment_url(comment), note=sql, ip="198.51.100.2")
    assert set(Report.objects.values_list("note", flat=True)) == {hostile, sql}
    client.force_login(editor)
    queue = client.get("/admin/meldingen/").text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in queue
    assert "<script>alert(" not in queue
    assert "&#x27;; DROP TABLE portal_report; --" in queue


@pytest.mark.parametrize(
    "url",
    [
        "/melden/reactie/999999/",
        "/melden/initiatief/999999/",
        "/melden/onbekend/1/",
        "/melden/reactie/99999999999999999999999/",
    ],
)
def test_report_of_something_that_does_not_exist_is_not_found(client, url):
    assert send(client, url).status_code == 404
    assert client.get(url).status_code == 404


def test_report_of_what_visitors_cannot_see_is_not_found(client, article):
    waiting = Comment.objects.create(article=article, name="B", body="Wacht", status="pending")
    rejected = Comment.objects.create(article=article, name="C", body="Weg", status="rejected")
    submitted = InitiativeFactory(status=Initiative.Status.SUBMITTED)
    draft_article = ArticlePageFactory(title="Concept", publish=False)
    on_draft = approved_comment(draft_article)
    for url in [
        comment_url(waiting),
        comment_url(rejected),
        comment_url(on_draft),
        initiative_url(submitted),
    ]:
        assert send(client, url).status_code == 404, url
    assert not Report.objects.exists()


# Independence and the threshold.


def test_same_visitor_reporting_twice_counts_once_and_is_thanked_both_times(client, comment):
    for reason in ("incorrect", "privacy", "inappropriate"):
        assert send(client, comment_url(comment), reason=reason).status_code == 302
    assert Report.objects.count() == 1
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED


def test_visitors_behind_the_proxy_count_apart_by_their_own_address(client, comment, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for visitor in ("192.0.2.10", "192.0.2.11"):
        send(client, comment_url(comment), ip="10.0.0.1", HTTP_X_FORWARDED_FOR=visitor)
    assert Report.objects.count() == 2


def test_enough_independent_reports_hide_the_comment_at_once_on_the_cached_article(
    client, article, comment
):
    first = client.get(article.url)
    assert client.get(article.url)["X-Cache"] == "hit"
    assert "Dit klopt echt niet" in first.text
    for number in range(3):
        send(client, comment_url(comment), ip=f"198.51.100.{number + 1}")
    # A fresh client: no messages cookie, so the page may come from the cache.
    again = type(client)().get(article.url)
    assert again["X-Cache"] == "miss"
    assert "Dit klopt echt niet" not in again.text
    comment.refresh_from_db()
    assert comment.status == Comment.Status.HIDDEN
    entry = ModelLogEntry.objects.get(action="portal.flags.hide")
    assert entry.object_id == str(comment.pk) and entry.data == {"reports": 3}


def test_enough_reports_take_an_initiative_off_the_map_at_once(client, initiative):
    other_client = type(client)()
    assert "Open raad Zwolle" in other_client.get("/kaart/").text
    assert other_client.get(initiative.get_absolute_url()).status_code == 200
    assert other_client.get(initiative.get_absolute_url())["X-Cache"] == "hit"
    for number in range(3):
        response = send(client, initiative_url(initiative), ip=f"198.51.100.{number + 1}")
    # The last reporter goes back to the map: the initiative's page is gone.
    assert response["Location"] == "/kaart/"
    assert other_client.get(initiative.get_absolute_url()).status_code == 404
    assert "Open raad Zwolle" not in other_client.get("/kaart/").text
    assert "Open raad Zwolle" not in other_client.get("/kaart/initiatieven.geojson").text
    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.HIDDEN


def test_editors_set_how_many_reports_hide_an_item(client, comment):
    settings_ = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_.reports_to_hide = 1
    settings_.save()
    send(client, comment_url(comment))
    comment.refresh_from_db()
    assert comment.status == Comment.Status.HIDDEN


@pytest.mark.parametrize(("value", "saved"), [("5", 5), ("0", 3), ("101", 3), ("veel", 3)])
def test_editor_sets_the_threshold_in_the_site_settings_within_bounds(client, editor, value, saved):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/portal/sitesettings/{site.pk}/"
    client.force_login(editor)
    data = {
        "reports_to_hide": value,
        **{
            f"{prefix}-{field}": 0
            for prefix in ("main_menu_items", "footer_links")
            for field in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS")
        },
        "main_menu_items-MAX_NUM_FORMS": 1000,
        "footer_links-MAX_NUM_FORMS": 1000,
    }
    response = client.post(url, data)
    assert response.status_code == (302 if saved == 5 else 200)
    assert SiteSettings.for_site(site).reports_to_hide == saved


def test_a_hidden_item_cannot_be_reported_further(client, comment):
    for number in range(3):
        send(client, comment_url(comment), ip=f"198.51.100.{number + 1}")
    assert send(client, comment_url(comment), ip="198.51.100.9").status_code == 404
    assert Report.objects.count() == 3


# Limits and where a report may come from.


def test_many_reports_from_one_address_are_refused_with_the_form_kept(client, article):
    comments = [approved_comment(article, body=f"Reactie {n}") for n in range(flags.RATE_LIMIT + 1)]
    for item in comments[:-1]:
        assert send(client, comment_url(item)).status_code == 302
    response = send(client, comment_url(comments[-1]), note="Nog een")
    assert response.status_code == 429
    assert "Je hebt veel meldingen gestuurd in korte tijd." in response.text
    assert "Nog een" in response.text
    assert Report.objects.count() == flags.RATE_LIMIT
    # Another visitor may still report.
    assert send(client, comment_url(comments[-1]), ip="198.51.100.200").status_code == 302


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "https://kwaadwillend.example"},
        {},
    ],
)
def test_report_from_another_site_is_refused(comment, headers):
    from django.test import Client

    response = send(Client(), comment_url(comment), **headers)
    assert response.status_code == 403
    assert not Report.objects.exists()


# Personal data.


def test_no_address_is_stored_and_keys_cannot_be_linked_across_items(
    client, article, comment, tables_containing
):
    other = approved_comment(article, body="Een andere reactie")
    send(client, comment_url(comment), ip="203.0.113.77")
    send(client, comment_url(other), ip="203.0.113.77")
    assert tables_containing("203.0.113.77") == []
    keys = set(Report.objects.values_list("reporter_key", flat=True))
    assert len(keys) == 2  # the same visitor, but nothing ties the two reports together


def test_reports_are_never_shown_to_the_public(client, article, comment):
    send(client, comment_url(comment), note="Geheime toelichting")
    page = type(client)().get(article.url).text
    assert "Geheime toelichting" not in page
    assert "melding" not in page.lower().replace("melding versturen", "")


def test_decided_reports_are_deleted_after_the_retention_period(comment, editor):
    fresh = Report.objects.create(item=comment, reason="privacy", reporter_key="a")
    old = Report.objects.create(
        item=comment,
        reason="privacy",
        reporter_key="b",
        decided_at=timezone.now() - datetime.timedelta(days=flags.RETENTION_DAYS + 1),
    )
    recent = Report.objects.create(
        item=comment, reason="privacy", reporter_key="c", decided_at=timezone.now()
    )
    assert "prune_decided_reports" in [job.name for job in scheduling.jobs()]
    assert flags.prune_decided_reports() == 1
    assert set(Report.objects.all()) == {fresh, recent}
    assert not Report.objects.filter(pk=old.pk).exists()


def test_reports_go_when_the_item_goes(client, comment):
    send(client, comment_url(comment))
    comment.delete()
    assert not Report.objects.exists()


# Concurrency: the database decides.


@pytest.fixture
def live_comment(db):
    """For tests that commit: the page tree may have been flushed by a browser test."""
    if not Municipality.objects.exists():
        geo.load_gazetteer(Municipality)
    demo.load_themes()
    return approved_comment(ArticlePageFactory(title="Druk bezocht"))


def run_at_once(count, work):
    barrier = threading.Barrier(count)
    errors = []

    def run(number):
        try:
            barrier.wait()
            work(number)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(number,)) for number in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_reports_hide_the_item_exactly_once_and_count_no_report_twice(
    live_comment,
):
    """Eight visitors at the same moment: the item's lock lines them up; the third
    hides it, and the five after find it gone (the view thanks them all alike)."""
    too_late = []

    def report(number):
        try:
            flags.report(
                COMMENT_REPORTS,
                live_comment.pk,
                client_address=f"198.51.100.{number + 1}",
                reason="incorrect",
                note="",
                threshold=3,
            )
        except Comment.DoesNotExist:
            too_late.append(number)

    run_at_once(8, report)
    assert open_reports(live_comment).count() == 3
    assert len(too_late) == 5
    live_comment.refresh_from_db()
    assert live_comment.status == Comment.Status.HIDDEN
    assert ModelLogEntry.objects.filter(action="portal.flags.hide").count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_visitor_sending_at_once_from_many_tabs_counts_once(live_comment):
    def report(number):
        flags.report(
            COMMENT_REPORTS,
            live_comment.pk,
            client_address="198.51.100.7",
            reason="incorrect",
            note=f"tab {number}",
            threshold=3,
        )

    run_at_once(6, report)
    assert open_reports(live_comment).count() == 1
    live_comment.refresh_from_db()
    assert live_comment.status == Comment.Status.APPROVED


# The editors' queue.


@pytest.fixture
def reported(client, comment):
    """The comment reported by three visitors (and so hidden), two of them with a note."""
    send(
        client, comment_url(comment), reason="incorrect", note="Cijfers kloppen niet.", ip="1.1.1.1"
    )
    send(client, comment_url(comment), reason="incorrect", ip="1.1.1.2")
    send(client, comment_url(comment), reason="privacy", note="Noemt mijn buurman.", ip="1.1.1.3")
    comment.refresh_from_db()
    return comment


def test_editor_sees_reported_items_with_reasons_counts_and_notes(
    client, reported, initiative, editor
):
    send(client, initiative_url(initiative), reason="inappropriate", ip="1.1.1.9")
    client.force_login(editor)
    response = client.get("/admin/meldingen/")
    assert response.status_code == 200
    page = response.text
    assert "Anna: Dit klopt echt niet met de cijfers." in page
    assert "Open raad Zwolle" in page
    assert "Klopt niet: 2" in page and "Privacy: 1" in page and "Ongepast: 1" in page
    assert "Cijfers kloppen niet." in page and "Noemt mijn buurman." in page
    assert "3 meldingen" in page
    assert "Verborgen na meldingen" in page
    # Newest first: the initiative was reported last.
    assert page.index("Open raad Zwolle") < page.index("Anna: Dit klopt")


def test_queue_costs_the_same_queries_however_many_items_are_reported(
    client, article, editor, django_assert_max_num_queries
):
    for number in range(30):
        item = approved_comment(article, body=f"Reactie {number}")
        Report.objects.create(item=item, reason="privacy", note="n", reporter_key=str(number))
    for number in range(5):
        Report.objects.create(
            item=InitiativeFactory(), reason="incorrect", reporter_key=str(number)
        )
    client.force_login(editor)
    with django_assert_max_num_queries(20):
        assert client.get("/admin/meldingen/").status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get("/admin/meldingen/?pagina=2").status_code == 200


def test_editor_restores_a_hidden_comment_and_the_old_reports_never_hide_it_again(
    client, article, reported, editor
):
    client.force_login(editor)
    restore = f"/admin/meldingen/reactie/{reported.pk}/terugzetten/"
    confirm = client.get(restore)
    assert confirm.status_code == 200 and "Ja, terugzetten" in confirm.text
    response = client.post(restore)
    assert response.status_code == 302
    reported.refresh_from_db()
    assert reported.status == Comment.Status.APPROVED
    assert not open_reports(reported).exists()
    entry = ModelLogEntry.objects.get(action="portal.flags.restore")
    assert entry.user == editor
    assert entry.data == {"reports": {"incorrect": 2, "privacy": 1}}
    assert "Dit klopt echt niet" in type(client)().get(article.url).text
    # The same visitors again count no more; two new ones are not enough.
    client.logout()
    for ip in ("1.1.1.1", "1.1.1.2", "1.1.1.3", "2.2.2.1", "2.2.2.2"):
        send(client, comment_url(reported), ip=ip)
    reported.refresh_from_db()
    assert reported.status == Comment.Status.APPROVED
    assert open_reports(reported).count() == 2


def test_editor_removes_a_reported_comment_with_the_comments_own_rejection(
    client, reported, editor
):
    client.force_login(editor)
    remove = f"/admin/meldingen/reactie/{reported.pk}/verwijderen/"
    assert "Ja, verwijderen en afwijzen" in client.get(remove).text
    client.post(remove)
    reported.refresh_from_db()
    assert reported.status == Comment.Status.REJECTED
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {"portal.flags.remove", "blog.comment.rejected"} <= actions
    assert f'id="report-reactie-{reported.pk}"' not in client.get("/admin/meldingen/").text
    # Deciding twice (a second tab) finds nothing left to decide.
    assert client.post(remove).status_code == 404


def test_editor_removes_a_reported_initiative_and_the_submitter_hears_why(
    client, initiative, editor, mailoutbox, django_capture_on_commit_callbacks
):
    send(client, initiative_url(initiative))
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/meldingen/initiatief/{initiative.pk}/verwijderen/")
    initiative.refresh_from_db()
    assert initiative.status == Initiative.Status.REJECTED
    assert ModelLogEntry.objects.filter(action="portal.flags.remove").exists()
    assert any("van de kaart gehaald" in message.body for message in mailoutbox)


def test_editor_restores_a_hidden_initiative_to_the_map(client, initiative, editor):
    for number in range(3):
        send(client, initiative_url(initiative), ip=f"198.51.100.{number + 1}")
    client.force_login(editor)
    client.post(f"/admin/meldingen/initiatief/{initiative.pk}/terugzetten/")
    assert type(client)().get(initiative.get_absolute_url()).status_code == 200


def test_editors_dashboard_counts_the_reported_items(client, reported, editor):
    client.force_login(editor)
    page = client.get("/admin/").text
    assert "Bezoekers hebben 1 item gemeld dat op je besluit wacht." in page
    assert "/admin/meldingen/" in page


@pytest.mark.parametrize(
    "path",
    [
        "/admin/meldingen/",
        "/admin/meldingen/reactie/{pk}/terugzetten/",
        "/admin/meldingen/reactie/{pk}/verwijderen/",
    ],
)
def test_only_editors_and_superusers_may_see_and_decide(
    client, reported, organiser, coordinator, professional, editor, path
):
    path = path.format(pk=reported.pk)
    for user in (organiser, coordinator):
        client.force_login(user)
        for response in (client.get(path), client.post(path)):
            # Wagtail answers a refusal in the admin with a redirect to its dashboard.
            assert response.status_code == 403 or response["Location"] == "/admin/"
    client.force_login(professional)
    assert client.get(path).status_code == 302  # to the log-in: no admin access
    client.logout()
    assert client.get(path).status_code == 302
    reported.refresh_from_db()
    assert reported.status == Comment.Status.HIDDEN
    for user in (editor, UserFactory(is_superuser=True)):
        client.force_login(user)
        assert client.get(path).status_code == 200


def test_visitor_whose_report_arrives_just_after_the_item_was_hidden_is_thanked_alike(
    client, initiative, monkeypatch
):
    def hidden_meanwhile(*args, **kwargs):
        Initiative.objects.filter(pk=initiative.pk).update(status=Initiative.Status.HIDDEN)
        raise Initiative.DoesNotExist

    monkeypatch.setattr(flags, "report", hidden_meanwhile)
    response = send(client, initiative_url(initiative))
    assert response.status_code == 302
    assert response["Location"] == "/kaart/"
    assert "Bedankt voor je melding." in client.get("/kaart/").text
