"""The layers of the code hold: the import-linter contracts in pyproject.toml.

portal is the bottom layer, the apps depend on it and on each other only in the
directions the contracts allow, models import no views, forms, feeds or sending code,
and no package has an import cycle. Imports inside functions count too.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def test_the_import_contracts_of_pyproject_are_kept():
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
