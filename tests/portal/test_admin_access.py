"""One admin: Wagtail's, for the roles that need it; never for a plain professional."""

from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group

from portal.roles import EDITORS, ROLES


def test_role_groups_exist_with_admin_access():
    for name in ROLES:
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="access_admin").exists(), name


pytestmark = pytest.mark.django_db


def test_only_the_portals_roles_are_offered_as_groups():
    """Wagtail's stock "Editors" and "Moderators" would sit next to Redacteuren and
    confuse whoever hands out roles."""
    assert set(Group.objects.values_list("name", flat=True)) == set(ROLES)


def test_a_stock_group_somebody_already_uses_is_kept(make_user):
    remove_stock_groups = import_module(
        "portal.migrations.0006_remove_stock_groups"
    ).remove_stock_groups
    in_use = Group.objects.create(name="Moderators")
    make_user(email="moderator@example.org").groups.add(in_use)
    Group.objects.create(name="Editors")
    remove_stock_groups(django_apps, None)
    assert list(Group.objects.filter(name__in=["Moderators", "Editors"])) == [in_use]


def test_editors_may_edit_and_publish_pages_and_manage_themes():
    editors = Group.objects.get(name=EDITORS)
    page_rights = set(editors.page_permissions.values_list("permission__codename", flat=True))
    assert {"add_page", "change_page", "publish_page"} <= page_rights
    assert editors.permissions.filter(codename="change_theme").exists()


@pytest.mark.parametrize("role", ["editor", "organiser", "coordinator"])
def test_each_role_reaches_the_admin(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get("/admin/").status_code == 200


def test_professional_cannot_reach_the_admin(client, professional):
    client.force_login(professional)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert client.get("/admin/pages/").status_code == 302
    assert client.get("/admin/users/").status_code == 302


def test_editor_cannot_manage_users(client, editor):
    client.force_login(editor)
    response = client.get("/admin/users/")
    assert response.status_code in (302, 403)


def test_anonymous_visitor_is_sent_to_the_admin_login(client):
    response = client.get("/admin/")
    assert response["Location"] == "/admin/login/?next=/admin/"


def test_djangos_own_admin_is_not_exposed(client):
    assert client.get("/django-admin/").status_code == 404
    assert client.get("/admin/auth/user/").status_code in (302, 404)


def test_a_professional_made_editor_reaches_the_admin_at_once(client, professional):
    """Permissions are kept in the shared cache (portal/backends.py), never stale."""
    client.force_login(professional)
    assert client.get("/admin/").status_code == 302
    professional.groups.add(Group.objects.get(name=EDITORS))
    assert client.get("/admin/").status_code == 200


def test_an_editor_who_leaves_the_role_loses_the_admin_at_once(client, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    editor.groups.clear()
    assert client.get("/admin/").status_code == 302


def test_a_right_taken_from_a_role_is_gone_at_once_for_its_members(client, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    editors = Group.objects.get(name=EDITORS)
    editors.permissions.remove(editors.permissions.get(codename="access_admin"))
    assert client.get("/admin/").status_code == 302


def test_a_logged_in_page_reads_permissions_from_the_cache(client, professional):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(professional)
    client.get("/agenda/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/agenda/").status_code == 200
    assert not [query for query in queries if "auth_permission" in query["sql"]]
