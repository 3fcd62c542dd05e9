"""`manage.py load_demo`: idempotent, and never on a production site by accident."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Page

from portal.demo import DEMO_PASSWORD
from portal.models import Theme, User


def counts():
    return (User.objects.count(), Page.objects.count(), Theme.objects.count())


def test_load_demo_twice_duplicates_nothing_and_prints_the_accounts(db, settings, capsys):
    settings.DEBUG = True
    call_command("load_demo")
    first = counts()
    output = capsys.readouterr().out
    call_command("load_demo")
    assert counts() == first
    assert DEMO_PASSWORD in output
    for email in ["beheerder@example.org", "redacteur@example.org", "professional@example.org"]:
        assert email in output
    admin = User.objects.get(email="beheerder@example.org")
    assert admin.is_superuser and admin.check_password(DEMO_PASSWORD)
    editor = User.objects.get(email="redacteur@example.org")
    assert editor.groups.filter(name="Redacteuren").exists()
    assert not Group.objects.filter(name="Redacteuren").count() > 1


def test_load_demo_refuses_to_run_with_debug_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="only with DEBUG on"):
        call_command("load_demo")
    assert not User.objects.exists()
