"""Comments: visitors wait for moderation, members do not, robots get nowhere."""

import pytest
from wagtail.models import PageViewRestriction

from blog.comments import RATE_LIMIT
from blog.models import Comment
from portal.personal_data import delete_user, export_user_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(make_article):
    return make_article(title="Reageer hier")


def post(client, article, **data):
    return client.post(article.url + "reageren/", data)


VISITOR = {"name": "Vera Bezoeker", "email": "vera@example.org", "body": "Goed stuk!"}


def test_visitor_comment_waits_and_editors_get_an_email(
    client, article, editor, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, article, **VISITOR)
    assert response.status_code == 302
    assert response["Location"] == article.url + "#reacties"
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert comment.user is None and comment.email == "vera@example.org"
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [editor.email]
    assert "Reageer hier" in message.subject
    assert "Goed stuk!" in message.body
    assert "/admin/reacties/?status=pending" in message.body
    # Not shown until approved.
    assert "Goed stuk!" not in client.get(article.url).content.decode()


def test_member_comment_appears_at_once_without_asking_for_an_email(
    client, article, professional, mailoutbox
):
    client.force_login(professional)
    page_html = client.get(article.url).content.decode()
    comment_form = page_html.split('id="reageren"', 1)[1].split("</form>", 1)[0]
    assert 'name="body"' in comment_form
    assert 'name="email"' not in comment_form
    response = post(client, article, body="Herkenbaar.\nTweede regel.")
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.APPROVED and comment.user == professional
    html = client.get(article.url).content.decode()
    assert "Herkenbaar.<br>Tweede regel." in html
    assert "Priya Jansen" in html
    assert professional.email not in html
    assert mailoutbox == []


def test_the_email_address_of_a_commenter_is_never_shown(client, article):
    Comment.objects.create(
        article=article, name="Vera", email="geheim@example.org", body="Hoi", status="approved"
    )
    assert "geheim@example.org" not in client.get(article.url).content.decode()


def test_hostile_comment_text_is_shown_as_plain_text(client, article):
    body = '<script>alert("x")</script> <b>vet</b> \'; DROP TABLE blog_comment; --'
    Comment.objects.create(article=article, name="<i>Hacker</i>", body=body, status="approved")
    html = client.get(article.url).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;b&gt;vet&lt;/b&gt;" in html
    assert "&lt;i&gt;Hacker&lt;/i&gt;" in html


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({}, "body", "Dit is een verplicht veld."),
        ({**VISITOR, "body": "   "}, "body", "Dit is een verplicht veld."),
        ({**VISITOR, "body": "x" * 3001}, "body", "3000"),
        ({**VISITOR, "email": "geen-adres"}, "email", "geldig e-mailadres"),
        ({**VISITOR, "name": "n" * 81}, "name", "80"),
        ({**VISITOR, "parent": "99999999999999999999"}, "parent", None),
        ({**VISITOR, "parent": "abc"}, "parent", None),
    ],
)
def test_bad_input_gives_a_clear_message_and_keeps_what_was_typed(
    client, article, data, field, message
):
    response = post(client, article, **data)
    assert response.status_code == 400
    form = response.context["comment_form"]
    assert field in form.errors
    html = response.content.decode()
    if message:
        assert message in html
    if data.get("name") == VISITOR["name"]:
        assert 'value="Vera Bezoeker"' in html
    assert Comment.objects.count() == 0


def test_honeypot_catches_robots_without_telling_them(client, article, mailoutbox):
    response = post(client, article, **VISITOR, website="http://spam.example")
    assert response.status_code == 302
    assert Comment.objects.count() == 0
    assert mailoutbox == []


def test_rate_limit_stops_a_flood_from_one_address(client, article):
    for number in range(RATE_LIMIT):
        assert post(client, article, **{**VISITOR, "body": f"Nummer {number}"}).status_code == 302
    response = post(client, article, **VISITOR)
    assert response.status_code == 429
    assert "Je hebt veel reacties gestuurd in korte tijd" in response.content.decode()
    assert "Goed stuk!" in response.content.decode()  # what was typed is kept
    assert Comment.objects.count() == RATE_LIMIT


def test_closed_article_takes_no_comments(client, make_article):
    closed = make_article(title="Gesloten", comments_open=False)
    response = post(client, closed, **VISITOR)
    assert response.status_code == 400
    assert "Reageren is gesloten." in response.content.decode()
    assert Comment.objects.count() == 0


def test_get_on_the_comment_address_goes_back_to_the_article(client, article):
    response = client.get(article.url + "reageren/")
    assert response.status_code == 302 and response["Location"] == article.url


def test_a_private_article_takes_comments_only_from_readers_who_may_read_it(
    client, article, professional
):
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    response = post(client, article, **VISITOR)
    assert response.status_code == 302 and response["Location"] == article.url
    assert not Comment.objects.exists()
    client.force_login(professional)
    assert post(client, article, body="Voor leden.").status_code == 302
    assert Comment.objects.get().user == professional


def test_one_level_of_replies_only_on_published_comments_of_the_same_article(
    client, article, make_article
):
    top = Comment.objects.create(article=article, name="A", body="Vraag", status="approved")
    reply = Comment.objects.create(
        article=article, parent=top, name="B", body="Antwoord", status="approved"
    )
    pending = Comment.objects.create(article=article, name="C", body="Wacht", status="pending")
    other = Comment.objects.create(
        article=make_article(title="Ander stuk"), name="D", body="Elders", status="approved"
    )
    for parent in (reply, pending, other):
        response = post(client, article, **VISITOR, parent=parent.pk)
        assert response.status_code == 400
        assert "Je kunt alleen reageren op een geplaatste reactie." in response.content.decode()
    assert post(client, article, **VISITOR, parent=top.pk).status_code == 302
    assert Comment.objects.filter(parent=top).count() == 2


def test_reply_link_prefills_the_form_without_javascript(client, article):
    top = Comment.objects.create(article=article, name="Anna", body="Vraag", status="approved")
    html = client.get(f"{article.url}?reactie={top.pk}").content.decode()
    assert "Reageer op Anna" in html
    assert f'name="parent" value="{top.pk}"' in html


def test_members_can_download_their_comments(article, professional):
    Comment.objects.create(
        article=article, user=professional, body="Mijn mening", status="approved"
    )
    exported = export_user_data(professional)["blog_comments"]
    assert exported[0]["comment"] == "Mijn mening"
    assert exported[0]["article"] == "Reageer hier"


# Moderation in the Wagtail admin


def test_editor_approves_a_comment_from_the_queue(client, article, editor):
    comment = Comment.objects.create(article=article, name="Vera", body="Wacht", status="pending")
    client.force_login(editor)
    queue = client.get("/admin/reacties/?status=pending")
    assert queue.status_code == 200
    assert "Wacht" in queue.content.decode()
    response = client.post(
        f"/admin/reacties/{comment.pk}/moderate/",
        {"status": "approved", "next": "/admin/reacties/?status=pending"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/reacties/?status=pending"
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    assert "Wacht" in client.get(article.url).content.decode()


def test_editor_rejects_and_deletes_comments(client, article, editor):
    comment = Comment.objects.create(article=article, name="Vera", body="Spam", status="pending")
    client.force_login(editor)
    client.post(f"/admin/reacties/{comment.pk}/moderate/", {"status": "rejected"})
    comment.refresh_from_db()
    assert comment.status == Comment.Status.REJECTED
    response = client.post(f"/admin/reacties/delete/{comment.pk}/")
    assert response.status_code == 302
    assert not Comment.objects.exists()


def test_moderation_refuses_strange_statuses_and_outside_redirects(client, article, editor):
    comment = Comment.objects.create(article=article, name="Vera", body="Wacht", status="pending")
    client.force_login(editor)
    assert (
        client.post(f"/admin/reacties/{comment.pk}/moderate/", {"status": "pending"}).status_code
        == 400
    )
    response = client.post(
        f"/admin/reacties/{comment.pk}/moderate/",
        {"status": "approved", "next": "https://evil.example/"},
    )
    assert response["Location"] == "/admin/reacties/"
    assert client.get(f"/admin/reacties/{comment.pk}/moderate/").status_code == 405


@pytest.mark.parametrize("who", ["professional", "organiser", None])
def test_others_cannot_moderate(client, article, who, request):
    comment = Comment.objects.create(article=article, name="Vera", body="Wacht", status="pending")
    if who:
        client.force_login(request.getfixturevalue(who))
    for url in ("/admin/reacties/", f"/admin/reacties/edit/{comment.pk}/"):
        assert client.get(url).status_code in (302, 403)
    response = client.post(f"/admin/reacties/{comment.pk}/moderate/", {"status": "approved"})
    assert response.status_code in (302, 403)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


def test_deleting_an_account_deletes_its_comments(article, professional):
    Comment.objects.create(article=article, user=professional, body="Weg", status="approved")
    delete_user(professional)
    assert not Comment.objects.exists()
