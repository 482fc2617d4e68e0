"""workshops.bulk: many rows in one statement each (unnest on PostgreSQL), or through the ORM
elsewhere; both give the same rows."""

import pytest

from workshops import bulk
from workshops.models import TableOutput, TableOutputLine

pytestmark = pytest.mark.django_db

SOURCES = TableOutputLine.sources.through
# What an array's text form must escape: quotes, backslashes, braces, commas, the word NULL, nothing.
TEXTS = ['Ligne "entre guillemets" — l\'été', "C:\\dossier\\{x, y}", "NULL", "", "Plus de CDI,\nmoins de CDD"]
LINE = ["output", "key", "position", "axis", "group_label", "text", "plus_ones"]


@pytest.fixture(params=["unnest", "orm"])
def write_path(request, monkeypatch):
    if request.param == "orm":
        monkeypatch.setattr(bulk, "_native", lambda: False)
    return request.param


@pytest.fixture
def output(live_workshop):
    phase = live_workshop.phases.get(position=1)
    return TableOutput.objects.create(phase=phase, table=live_workshop.tables.first(), section=phase.canvas.sections.first())


@pytest.fixture
def postits(live_workshop, participant_factory, contribution_factory):
    author = participant_factory(workshop=live_workshop)
    return [contribution_factory(participant=author, text=f"Idée numéro {i}") for i in range(3)]


def statements(write_path, django_assert_num_queries, django_assert_max_num_queries):
    """One statement per call on PostgreSQL; the ORM's batches elsewhere."""
    return django_assert_num_queries(1) if write_path == "unnest" else django_assert_max_num_queries(10)


def test_inserted_rows_come_back_with_their_ids_in_order(write_path, output, django_assert_num_queries, django_assert_max_num_queries):
    rows = [(output.pk, 100 + i, i + 1, "Pour une entreprise" if i else "", "", TEXTS[i], i) for i in range(5)]
    with statements(write_path, django_assert_num_queries, django_assert_max_num_queries):
        ids = bulk.insert_rows(TableOutputLine, LINE, rows)
    stored = {line.pk: (line.output_id, line.key, line.position, line.axis, line.group_label, line.text, line.plus_ones) for line in TableOutputLine.objects.all()}
    assert [stored[pk] for pk in ids] == rows


def test_a_null_among_numbers_is_stored_as_null(write_path, output):
    (pk,) = bulk.insert_rows(TableOutputLine, LINE, [(output.pk, None, 1, "", "", "À la main", 0)])
    assert TableOutputLine.objects.get(pk=pk).key is None


def test_updates_set_only_the_named_fields_of_the_rows_given(write_path, output, django_assert_num_queries, django_assert_max_num_queries):
    ids = bulk.insert_rows(TableOutputLine, LINE, [(output.pk, i, i + 1, "", "", f"Ligne {i}", 0) for i in range(3)])
    with statements(write_path, django_assert_num_queries, django_assert_max_num_queries):
        bulk.update_rows(TableOutputLine, ["text", "plus_ones"], [(ids[0], "Première", 7), (ids[2], "Troisième", 2)])
    assert list(TableOutputLine.objects.order_by("position").values_list("key", "text", "plus_ones")) == [
        (0, "Première", 7),
        (1, "Ligne 1", 0),
        (2, "Troisième", 2),
    ]


def test_links_are_added_and_removed_by_pairs(write_path, output, postits, django_assert_num_queries, django_assert_max_num_queries):
    first, second = bulk.insert_rows(TableOutputLine, LINE, [(output.pk, i, i + 1, "", "", f"Ligne {i}", 0) for i in range(2)])
    a, b, c = (p.pk for p in postits)
    assert bulk.insert_rows(SOURCES, ["tableoutputline", "contribution"], [(first, a), (first, b), (second, b), (second, c)], returning=False) == []
    with statements(write_path, django_assert_num_queries, django_assert_max_num_queries):
        bulk.delete_pairs(SOURCES, "tableoutputline", "contribution", [(first, b), (second, c)])
    assert sorted(SOURCES.objects.values_list("tableoutputline_id", "contribution_id")) == [(first, a), (second, b)]


def test_nothing_to_write_sends_no_statement(write_path, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert bulk.insert_rows(TableOutputLine, LINE, []) == []
        bulk.update_rows(TableOutputLine, ["text"], [])
        bulk.delete_pairs(SOURCES, "tableoutputline", "contribution", [])
