"""Editors import initiatives from CSV (all rows or none) and export them all."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from initiatives.models import Initiative

HEADER = "title,summary,description,themes,organisation,organisation_type,municipality,latitude,longitude,website,contact_email\n"  # noqa: E501
GOOD = (
    HEADER
    + "Open data Goes,Data van de gemeente,Lange tekst,open-data|Open Contact,Gemeente Goes,gemeente,Goes,,,https://goes.example.nl,data@goes.example.nl\n"  # noqa: E501
    + 'Panel Urk,"Inwoners, samen",Tekst,participatie,Gemeente Urk,Gemeente,urk,52.663,5.602,,\n'
)
BAD = (
    GOOD
    + "Ver weg,Samenvatting,Tekst,open-data,Org,gemeente,Goes,48.85,2.35,,\n"
    + "Onbekend,Samenvatting,Tekst,toverij,Org,gemeente,Atlantis,,,javascript:alert(1),\n"
    + ",Samenvatting,Tekst,open-data,Org,sekte,Goes,,,,\n"
)


def run_command(tmp_path, content):
    path = tmp_path / "initiatieven.csv"
    path.write_text(content, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    call_command("import_initiatives", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_command_imports_good_rows_and_publishes_them(tmp_path, themes):
    out, _ = run_command(tmp_path, GOOD)
    assert "Imported 2" in out
    goes = Initiative.objects.get(title="Open data Goes")
    assert goes.status == Initiative.Status.PUBLISHED
    assert goes.province == "zeeland"
    assert sorted(goes.themes.values_list("slug", flat=True)) == ["open-contact", "open-data"]
    assert goes.latitude == goes.municipality.latitude
    urk = Initiative.objects.get(title="Panel Urk")
    assert str(urk.latitude) == "52.66300"
    assert urk.summary == "Inwoners, samen"
    assert urk.organisation_type == "gemeente"


def test_command_with_a_bad_row_imports_nothing_and_names_every_problem(tmp_path, themes):
    with pytest.raises(CommandError, match="Nothing imported"):
        run_command(tmp_path, BAD)
    assert not Initiative.objects.exists()


def test_report_lists_every_rejected_row_and_why(themes):
    from initiatives.importer import import_initiatives

    report = import_initiatives(BAD.encode())
    assert not report.ok
    assert report.created == 0
    lines = {line for line, _ in report.errors}
    assert lines == {4, 5, 6}
    messages = " ".join(message for _, message in report.errors)
    assert "buiten Nederland" in messages
    assert "toverij" in messages
    assert "Deze gemeente kennen we niet" in messages
    assert "sekte" in messages
    assert not Initiative.objects.exists()


def test_file_without_required_columns_or_not_utf8_is_refused(themes):
    from initiatives.importer import import_initiatives

    assert import_initiatives(b"naam,plaats\nx,y\n").errors[0][0] == 1
    assert import_initiatives("title;summary\n".encode("utf-16")).errors
    assert not Initiative.objects.exists()


def test_importing_twice_numbers_the_slugs(themes):
    from initiatives.importer import import_initiatives

    import_initiatives(GOOD.encode())
    import_initiatives(GOOD.encode())
    assert Initiative.objects.filter(slug="open-data-goes-2").exists()


def test_editor_uploads_a_file_in_the_admin(client, editor, themes):
    client.force_login(editor)
    assert client.get("/admin/initiatieven/import/").status_code == 200
    upload = SimpleUploadedFile("i.csv", BAD.encode(), content_type="text/csv")
    response = client.post("/admin/initiatieven/import/", {"file": upload})
    assert response.status_code == 400
    assert "Regel 4" in response.text
    assert "Regel 6" in response.text
    assert not Initiative.objects.exists()
    upload = SimpleUploadedFile("i.csv", GOOD.encode(), content_type="text/csv")
    response = client.post("/admin/initiatieven/import/", {"file": upload})
    assert response.status_code == 302
    assert Initiative.objects.count() == 2


def test_editor_exports_all_initiatives_with_formulas_neutralised(client, editor, make_initiative):
    make_initiative(title='=HYPERLINK("http://evil")', submitter_email="s@example.nl")
    make_initiative(title="Gewoon", status=Initiative.Status.SUBMITTED)
    client.force_login(editor)
    response = client.get("/admin/initiatieven/export/")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0][0] == "title"
    assert len(rows) == 3
    assert {row[0] for row in rows[1:]} == {'\'=HYPERLINK("http://evil")', "Gewoon"}
