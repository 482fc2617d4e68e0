"""A file that is not an edition Agora can import is refused whole, with a message naming what is
wrong, and nothing of it is written: another version, a broken reference, too big, not JSON, not an
object, an edition already here, text that cannot be stored, a breach of a database rule."""

import json

import pytest
from django.utils import translation

from cahiers.exchange import ImportRefused, export_edition, import_edition
from cahiers.exchange import document as document_module
from core.models import Edition
from workshops.models import Contribution

from .conftest import delete_edition, every_row_count

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def document(small_edition):
    """The small edition's document, the edition deleted: as it is, it imports."""
    exported = export_edition(small_edition)
    delete_edition(small_edition, shared=False)
    return exported


def _refused(payload) -> list[str]:
    if isinstance(payload, dict):
        payload = json.dumps(payload).encode()
    before = every_row_count()
    with pytest.raises(ImportRefused) as refused:
        import_edition(payload)
    assert every_row_count() == before, "a refused import wrote something"
    return refused.value.messages


def _row(document, kind, n=0) -> dict:
    return document["objects"][kind][n]


def test_the_untouched_document_imports(document):
    edition = import_edition(json.dumps(document).encode())
    assert edition.slug == "petite-edition" and Contribution.objects.filter(workshop__edition=edition).count() == 1


def test_another_version_is_refused_naming_it(document):
    (message,) = _refused(document | {"version": 2})
    assert "version 2" in message and "version 1 only" in message


@pytest.mark.parametrize("version", ["1", 1.0, True, None])
def test_a_version_that_is_not_the_number_1_is_refused(document, version):
    (message,) = _refused(document | {"version": version})
    assert "version" in message


def test_another_format_is_refused_naming_it(document):
    (message,) = _refused(document | {"format": "wagtail-pages"})
    assert "“wagtail-pages”" in message and "agora-edition" in message


def test_a_broken_reference_is_refused_naming_the_row_the_field_and_the_missing_row(document):
    _row(document, "workshops.contribution")["table"] = 999
    (message,) = _refused(document)
    assert message.startswith("post-it #1, field “table” (workshops.contribution)")
    assert "table #999, which is not in the file" in message


def test_broken_references_in_lists_and_in_ids_held_by_values_are_refused(document):
    _row(document, "workshops.workshopphase")["sections"] = [1, 404]
    document["objects"]["cahiers.chapter"][0]["key"] = "promise-77"
    messages = _refused(document)
    assert any("field “sections”" in m and "canvas section #404" in m for m in messages)
    assert any("field “key”" in m and "workshop #77" in m for m in messages)


def test_a_section_pointing_at_another_sections_revision_is_refused(document):
    objects = document["objects"]
    objects["cahiers.section"].append(dict(objects["cahiers.section"][0], id=2, position=2, latest_revision=1, live_revision=None))
    document["counts"]["cahiers.section"] = 2
    (message,) = _refused(document)
    assert "section #2, field “latest_revision”" in message and "another section" in message


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(document, settings, monkeypatch):
    payload = json.dumps(document).encode()
    settings.EDITION_IMPORT_MAX_BYTES = len(payload) - 1
    monkeypatch.setattr(document_module.json, "loads", lambda *a, **k: pytest.fail("a file too big was parsed"))
    (message,) = _refused(payload)
    assert "may be" in message and "at most" in message


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (b"", "not valid JSON"),
        (b"{\"format\": \"agora-edition\", ", "not valid JSON (line 1"),
        (b"\xff\xfe\x00{", "not text in UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "not JSON that Agora can read"),
        (b"[]", "holds a JSON list, not an edition"),
        (b"\"an edition\"", "holds a JSON text, not an edition"),
        (b"42", "holds a JSON number"),
        (b"null", "holds a JSON null"),
        (b"{}", "not an edition exported by Agora"),
    ],
)
def test_what_is_not_an_edition_object_is_refused(db, payload, expected):
    (message,) = _refused(payload)
    assert expected in message


def test_an_edition_already_here_is_refused(small_edition):
    document = export_edition(small_edition)
    (message,) = _refused(document)
    assert "“petite-edition” exists here already" in message


def test_rows_of_an_unknown_kind_unknown_fields_and_wrong_types_are_named(document):
    document["objects"]["cahiers.poll"] = []
    _row(document, "workshops.participant")["colour"] = "red"
    _row(document, "workshops.participant")["is_scribe"] = "yes"
    _row(document, "workshops.contribution")["created_at"] = "yesterday"
    _row(document, "core.edition")["title"] = {"fr": "Titre"}
    _row(document, "cahiers.cahier")["status"] = "archived"
    messages = _refused(document)
    assert any("“cahiers.poll”, which this version does not know" in m for m in messages)
    assert any("field “colour”" in m and "no such field" in m for m in messages)
    assert any("field “is_scribe”" in m and "true or false" in m for m in messages)
    assert any("field “created_at”" in m and "ISO 8601" in m for m in messages)
    assert any("field “title”" in m and "a text expected" in m for m in messages)
    assert any("field “status”" in m and "“archived” is not one of its choices" in m for m in messages)


def test_a_document_cut_short_is_refused_by_its_counts(document):
    document["objects"]["workshops.contribution"] = []
    (message,) = _refused(document)
    assert "announces 1 rows of “workshops.contribution” but holds 0" in message


def test_too_long_a_text_and_a_huge_number_are_refused(document):
    _row(document, "workshops.participant")["display_name"] = "x" * 61
    _row(document, "workshops.table")["capacity"] = 10**30
    messages = _refused(document)
    assert any("field “display_name”" in m and "at most 60" in m for m in messages)
    assert any("field “capacity”" in m for m in messages)


@pytest.mark.parametrize(("text", "expected"), [("a\x00b", "NUL character"), ("a\ud800b", "unpaired surrogate")])
def test_text_that_cannot_be_stored_is_refused_naming_its_field(document, text, expected):
    _row(document, "cahiers.revision")["text"] = text
    _row(document, "cahiers.revision")["provenance"] = [{"line": text, "postits": []}]
    messages = _refused(document)
    assert any("revision #1, field “text”" in m and expected in m for m in messages)
    assert any("revision #1, field “provenance”" in m and expected in m for m in messages)


def test_hostile_strings_are_kept_as_text_never_run(document):
    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> {{ settings.SECRET_KEY }} {% debug %} '; DROP TABLE x; --"
    _row(document, "workshops.contribution")["text"] = hostile
    _row(document, "core.edition")["title"] = hostile[:200]
    _row(document, "cahiers.revision")["text"] = hostile
    edition = import_edition(json.dumps(document).encode())
    assert edition.title == hostile[:200]
    assert Contribution.objects.get(workshop__edition=edition).text == hostile
    assert edition.cahier.chapters.get().sections.get().latest_revision.text == hostile


def test_a_breach_of_a_database_rule_rolls_everything_back_and_names_the_rule(document):
    people = document["objects"]["workshops.participant"]
    people.append(dict(people[0], id=2, display_name=people[0]["display_name"].upper()))
    document["counts"]["workshops.participant"] = 2
    (message,) = _refused(document)
    assert "unique_display_name_per_workshop" in message and "nothing was imported" in message
    assert not Edition.objects.filter(slug="petite-edition").exists()


def test_many_problems_are_listed_up_to_a_limit(document):
    for row in document["objects"]["scenarios.sectionentry"] + document["objects"]["core.canvassection"]:
        row["canvas"] = 999
    document["objects"]["workshops.contribution"] = [dict(_row(document, "workshops.contribution"), id=n, table=999) for n in range(1, 60)]
    document["counts"]["workshops.contribution"] = 59
    messages = _refused(document)
    assert len(messages) == document_module.MAX_PROBLEMS + 1 and "more problems" in messages[-1]


def test_a_canvas_found_here_without_a_section_the_file_uses_is_refused(document):
    section = _row(document, "core.canvassection")
    section["slug"] = "une-section-d-ailleurs"
    (message,) = _refused(document)
    assert "exists here without the canvas section “une-section-d-ailleurs”" in message


def test_a_taken_join_code_gets_a_new_one(document):
    from tests import factories

    code = _row(document, "workshops.workshop")["join_code"]
    other = factories.WorkshopFactory(join_code=code)
    edition = import_edition(json.dumps(document).encode())
    imported = edition.workshops.get()
    assert imported.join_code != code and other.join_code == code
