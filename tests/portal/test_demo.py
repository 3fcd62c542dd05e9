"""`manage.py load_demo`: idempotent, and never on a production site by accident; and
the demo and benchmark code stays in `portal/demo/`, out of what production runs."""

import ast
from pathlib import Path

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


ROOT = Path(__file__).resolve().parents[2]
APP_PACKAGES = ["blog", "communities", "events", "initiatives", "portal"]
# The demo itself, and the commands that run it (load_demo, bench, bench_*).
DEMO_HOMES = [ROOT / "portal" / "demo", ROOT / "portal" / "management"]


def _demo_imports(tree):
    """The names of `portal.demo` (or a demo/bench module) that a module imports."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            names = [f"{module}.{alias.name}" for alias in node.names] + [module]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if name.startswith("portal.demo") or {"demo", "bench"} & set(parts):
                yield name


def test_no_app_package_holds_or_imports_demo_or_benchmark_code():
    found = []
    for package in APP_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if any(path.is_relative_to(home) for home in DEMO_HOMES):
                continue
            where = path.relative_to(ROOT)
            name = path.stem if path.name != "__init__.py" else path.parent.name
            if name in ("demo", "bench") or name.startswith(("demo_", "bench_")):
                found.append(f"{where} is demo or benchmark code")
            imported = _demo_imports(ast.parse(path.read_bytes()))
            found += [f"{where} imports {module}" for module in imported]
    assert found == []
