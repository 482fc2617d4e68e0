"""manage.py export_edition writes an edition's document; import_edition reads it back, or says why not."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from core.models import Edition

from .conftest import delete_edition, every_row_count

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_export_then_import_by_command(small_edition, tmp_path):
    path = tmp_path / "edition.json"
    err = StringIO()
    call_command("export_edition", "petite-edition", "-o", str(path), stderr=err)
    assert "written to" in err.getvalue()
    assert json.loads(path.read_bytes())["edition"] == "petite-edition"
    delete_edition(small_edition, shared=False)

    out = StringIO()
    call_command("import_edition", str(path), stdout=out)

    assert "“Petite édition” (petite-edition) imported" in out.getvalue()
    assert Edition.objects.filter(slug="petite-edition").exists()


def test_export_to_standard_output(small_edition, capsysbinary):
    call_command("export_edition", "petite-edition")
    assert json.loads(capsysbinary.readouterr().out)["format"] == "agora-edition"


def test_export_of_an_unknown_edition_names_those_there_are(small_edition):
    with pytest.raises(CommandError, match="No edition with the slug 'nope' .*petite-edition"):
        call_command("export_edition", "nope")


def test_import_says_why_a_file_is_refused_and_writes_nothing(small_edition, tmp_path):
    path = tmp_path / "edition.json"
    call_command("export_edition", "petite-edition", "-o", str(path), stderr=StringIO())
    before = every_row_count()
    with pytest.raises(CommandError, match="“petite-edition” exists here already"):
        call_command("import_edition", str(path))
    path.write_bytes(b"[" * 10)
    with pytest.raises(CommandError, match="not valid JSON"):
        call_command("import_edition", str(path))
    with pytest.raises(CommandError, match="is 10.bytes: an edition.s file may be 5.bytes at most"):
        call_command("import_edition", str(path), "--max-bytes", "5")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_edition", str(tmp_path / "missing.json"))
    assert every_row_count() == before


def test_import_lists_the_people_it_did_not_find(small_edition, tmp_path):
    path = tmp_path / "edition.json"
    call_command("export_edition", "petite-edition", "-o", str(path), stderr=StringIO())
    delete_edition(small_edition, shared=False, people=True)
    out = StringIO()
    call_command("import_edition", str(path), stdout=out)
    assert "No account here for alice, eve" in out.getvalue()
