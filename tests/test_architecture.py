"""The layers of the code hold: the import-linter contracts in pyproject.toml.

portal is the bottom layer, the apps depend on it and on each other only in the
directions the contracts allow, models import no views, forms, feeds or sending code,
and no package has an import cycle. Imports inside functions count too.
"""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
_NOT_CODE = shutil.ignore_patterns("__pycache__", "*.pyc", "static", "media")


def lint_imports(folder):
    """Run import-linter on the code in `folder` with the contracts there."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_import_contracts_of_pyproject_are_kept():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_check_fails_when_a_model_imports_its_views(tmp_path):
    """The contracts bite: in a copy of the code where the agenda's models import its
    views (a cycle, and a model reaching up a layer), lint-imports reports both."""
    for package in ["portal", "blog", "communities", "events", "initiatives"]:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=_NOT_CODE)
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    models = tmp_path / "events" / "models.py"
    models.write_text(models.read_text() + "\nfrom events import views  # noqa\n")

    result = lint_imports(tmp_path)

    assert result.returncode == 1
    assert "models do not import views, forms, feeds or sending code BROKEN" in result.stdout
    assert "no import cycles between the modules of a package BROKEN" in result.stdout
    assert "events.models -> events.views" in result.stdout


def test_no_models_module_looks_code_up_by_name():
    """import-linter sees imports, not `import_string("app.views.x")`: a models module
    that looks code up by name would hide the dependency the contracts forbid."""
    offenders = [
        str(path.relative_to(ROOT))
        for package in ["portal", "blog", "communities", "events", "initiatives"]
        for path in (ROOT / package).rglob("models.py")
        if "import_string" in path.read_text() or "importlib" in path.read_text()
    ]
    assert offenders == []
