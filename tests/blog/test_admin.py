"""Who may do what in the admin: editors write and approve, others stay out."""

import pytest
from wagtail.models import GroupApprovalTask

from blog.models import ArticlePage

pytestmark = pytest.mark.django_db


def test_editors_approve_in_the_default_moderation_workflow():
    task = GroupApprovalTask.objects.get()
    assert "Redacteuren" in {group.name for group in task.groups.all()}


def test_editor_can_add_an_article_and_manage_authors_and_comments(client, editor, blog_index):
    client.force_login(editor)
    assert client.get(f"/admin/pages/add/blog/articlepage/{blog_index.pk}/").status_code == 200
    assert client.get("/admin/snippets/blog/author/").status_code == 200
    assert client.get("/admin/snippets/blog/category/").status_code == 200
    assert client.get("/admin/reacties/").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/pages/add/blog/articlepage/{index}/",
        "/admin/pages/{article}/edit/",
        "/admin/snippets/blog/author/",
        "/admin/reacties/",
    ],
)
def test_a_professional_cannot_reach_the_editing(client, professional, make_article, path):
    article = make_article()
    client.force_login(professional)
    response = client.get(path.format(index=article.get_parent().pk, article=article.pk))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/admin/login/" in response["Location"] or response["Location"] == "/admin/"


def test_only_articles_go_under_the_index_and_the_index_only_under_home():
    assert ArticlePage.parent_page_types == ["blog.BlogIndexPage"]
