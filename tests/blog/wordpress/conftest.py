"""Fixtures of the WordPress import: the export file, a copy of wp-content/uploads with
one real photo (made with Pillow), and a way to run the command and read its report."""

import io
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import translation
from PIL import Image

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.WORDPRESS_IMPORT_DIR = tmp_path / "imports"


@pytest.fixture
def uploads(tmp_path):
    """wp-content/uploads as WordPress leaves it: the original and a resized copy."""
    directory = tmp_path / "uploads" / "2015" / "03"
    directory.mkdir(parents=True)
    Image.new("RGB", (64, 48), "#154273").save(directory / "dataset-kaart.jpg", "JPEG")
    Image.new("RGB", (32, 24), "#154273").save(directory / "dataset-kaart-640x480.jpg", "JPEG")
    (tmp_path / "secret.jpg").write_bytes(b"not for the import")
    return tmp_path / "uploads"


@pytest.fixture
def export_file(tmp_path):
    """A copy of the fixture export the test may change."""
    path = tmp_path / "export.xml"
    shutil.copy(FIXTURES / "export.xml", path)
    return path


@pytest.fixture
def run_import(db, blog_index, theme, uploads):
    """`manage.py import_wordpress`; returns the lines of its report."""

    def run(path, *options):
        out = io.StringIO()
        with translation.override("en"):
            call_command(
                "import_wordpress", str(path), "--uploads", str(uploads), *options, stdout=out
            )
        return out.getvalue().splitlines()

    return run
