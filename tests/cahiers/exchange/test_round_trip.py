"""The demo edition, drafted, edited and published, exported to JSON, deleted, imported again:
the same rows of every kind, the same texts, the same document; and the imported edition works."""

import json

import pytest

from cahiers import services
from cahiers.exchange import export_edition, export_edition_bytes, import_edition, load_edition
from cahiers.exchange.schema import KINDS
from cahiers.models import Cahier, Revision, Section, Status
from core.models import Edition
from workshops import services as workshop_services
from workshops.models import Contribution, Merge, Participant

from .conftest import delete_edition

pytestmark = pytest.mark.django_db

# Reading the edition costs one query per kind and one per many-to-many field, whatever its size.
EXPORT_MAX_QUERIES = 55
# Writing it: one insert per kind and batch of 500, its links, the deferred references, lookups.
IMPORT_MAX_QUERIES = 120


def _counts(edition) -> dict[str, int]:
    return {kind.name: kind.queryset(edition).count() for kind in KINDS}


def _without_date(document: dict) -> dict:
    return {key: value for key, value in document.items() if key != "exported_at"}


def test_the_round_trip_into_an_empty_instance_gives_the_same_counts_texts_and_document(full_edition, django_assert_max_num_queries):
    with django_assert_max_num_queries(EXPORT_MAX_QUERIES):
        first = export_edition(full_edition)
    empty = [name for name, count in first["counts"].items() if not count]
    assert empty == [], f"the fixture has no row of {empty}"
    before = _counts(full_edition)
    assert first["counts"] == before
    payload = export_edition_bytes(full_edition)
    assert _without_date(json.loads(payload)) == _without_date(first)
    texts = sorted(Revision.objects.filter(section__chapter__cahier__edition=full_edition).values_list("text", flat=True))
    postits = sorted(Contribution.objects.filter(workshop__edition=full_edition).values_list("text", flat=True))
    delete_edition(full_edition)
    assert not Edition.objects.exists() and not Contribution.objects.exists() and not Revision.objects.exists()

    with django_assert_max_num_queries(IMPORT_MAX_QUERIES):
        edition = import_edition(payload)

    assert _counts(edition) == before
    assert sorted(Revision.objects.filter(section__chapter__cahier__edition=edition).values_list("text", flat=True)) == texts
    assert sorted(Contribution.objects.filter(workshop__edition=edition).values_list("text", flat=True)) == postits
    assert _without_date(export_edition(edition)) == _without_date(first)


def test_the_imported_edition_works_its_history_its_merge_and_a_re_draft(full_edition, django_capture_on_commit_callbacks):
    payload = export_edition_bytes(full_edition)
    chapter_key, key = full_edition.edited
    delete_edition(full_edition)

    edition = import_edition(payload)

    # The cahier: published, with the section's whole history and its pointers.
    cahier = Cahier.objects.get(edition=edition)
    assert cahier.status == Status.PUBLISHED and cahier.published_at is not None
    section = Section.objects.get(chapter__cahier=cahier, chapter__key=chapter_key, key=key)
    chain = list(section.revisions.order_by("created_at", "pk"))
    assert [r.reason for r in chain] == ["draft", "edit", "restore", "edit"]
    assert section.latest_revision == chain[-1] == section.live_revision
    assert chain[-1].text == "Le texte final *publié*." and chain[-1].author.username == "editeur"
    assert chain[1].based_on == chain[0] and chain[2].based_on == chain[0] and chain[3].based_on == chain[2]
    assert chain[0].provenance == chain[2].provenance and chain[0].source_hash
    for written in Section.objects.filter(chapter__cahier=cahier, latest_revision__isnull=False):
        assert written.latest_revision.section_id == written.pk and written.live_revision.section_id == written.pk

    # The merge names the imported rows: undoing it gives the duplicate its two +1s back.
    merge = Merge.objects.select_related("source", "target").get(source__workshop__edition=edition)
    assert merge.source.merged_into == merge.target and merge.moved_plus_ones and merge.removed_plus_ones
    scribe = Participant.objects.get(workshop=merge.source.workshop, display_name="Scribe CDI")
    workshop_services.contribution_unmerge(scribe=scribe, contribution_id=merge.source_id)
    merge.source.refresh_from_db()
    assert merge.source.merged_into is None and merge.source.plus_ones == 2

    # A re-draft finds its chapters again (the promise chapter's key names the imported workshop).
    chapters = cahier.chapters.count()
    promise_workshops = edition.workshops.filter(promises__isnull=False).distinct().values_list("pk", flat=True)
    assert sorted(cahier.chapters.filter(kind="promise").values_list("key", flat=True)) == sorted(f"promise-{pk}" for pk in promise_workshops)
    with django_capture_on_commit_callbacks(execute=True):
        services.draft_request(cahier=cahier)
    assert cahier.chapters.count() == chapters
    section.refresh_from_db()
    assert section.latest_revision == chain[-1]  # the editor's text is still the latest


def test_shared_rows_found_here_are_used_and_people_are_matched_by_username(small_edition):
    first = export_edition(small_edition)
    payload = export_edition_bytes(small_edition)
    delete_edition(small_edition, shared=False)

    imported = load_edition(payload)

    assert imported.reused["core.canvas"] == first["counts"]["core.canvas"] == 1
    assert imported.reused["workshops.format"] == first["counts"]["workshops.format"] == 1
    assert imported.unknown_users == []
    assert imported.edition.workshops.get().facilitators.get().username == "alice"
    assert _without_date(export_edition(imported.edition)) == _without_date(first)


def test_people_unknown_here_leave_their_fields_empty_and_are_listed(small_edition):
    payload = export_edition_bytes(small_edition)
    delete_edition(small_edition, people=True)

    imported = load_edition(payload)

    assert imported.unknown_users == ["alice", "eve"]
    edition = imported.edition
    assert not edition.workshops.filter(facilitators__isnull=False).exists()
    revision = Revision.objects.get(section__chapter__cahier__edition=edition)
    assert revision.author is None and revision.text == "Le texte."
