"""Forced interleavings on PostgreSQL for the cahier's services (see tests/interleave.py).

An editor's save racing the worker's re-draft, a publish or a reorder: each pair serialises on the
cahier row (then chapters, then sections), never deadlocks, and never loses the editor's text.
"""

import pytest

from cahiers import selectors, services
from cahiers.models import Section
from tests import factories
from tests.interleave import assert_no_database_error, pair

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def drafted():
    eve = factories.EditorFactory(username="eve")
    cahier = services.cahier_create(edition=factories.EditionFactory(slug="qn"), title="Cahier")
    chapter = services.chapter_create(cahier=cahier, title="Posséder")
    section = services.section_create(chapter=chapter, heading="Tendances")
    services.section_create(chapter=chapter, heading="Signes")
    draft = services.draft_apply(section=section, text="- un\n", provenance=[], source_hash="h1").revision
    return eve, cahier, chapter, section, draft


@pytest.mark.parametrize("swap", [False, True], ids=["edit-first", "redraft-first"])
def test_an_edit_racing_a_redraft_is_never_lost(drafted, swap):
    eve, _cahier, _chapter, section, draft = drafted
    saved, redrafted = pair(
        lambda: services.section_save(section=section, text="- un, revu\n", author=eve, based_on=draft),
        lambda: services.draft_apply(section=section, text="- un\n- deux\n", provenance=[], source_hash="h2"),
        swap,
    )
    assert_no_database_error({"save": saved, "redraft": redrafted})
    latest = Section.objects.get(pk=section.pk).latest_revision
    if isinstance(saved, services.RevisionConflict):
        # The draft came first and became the latest: the editor is told, with both texts.
        assert saved.mine == "- un, revu\n" and saved.theirs.text == "- un\n- deux\n"
        assert latest == redrafted.revision
    else:
        # The edit came first: the re-draft waits beside it.
        assert latest == saved and not redrafted.became_latest
        assert selectors.pending_draft(Section.objects.get(pk=section.pk)).new_lines == ["- un", "- deux"]


@pytest.mark.parametrize("swap", [False, True], ids=["save-first", "publish-first"])
def test_a_save_racing_a_publish_both_finish(drafted, swap):
    eve, cahier, _chapter, section, draft = drafted
    saved, published = pair(
        lambda: services.section_save(section=section, text="revu", author=eve, based_on=draft),
        lambda: services.cahier_publish(cahier=cahier),
        swap,
    )
    assert_no_database_error({"save": saved, "publish": published})
    live = Section.objects.get(pk=section.pk).live_revision
    assert live in (draft, saved)


@pytest.mark.parametrize("swap", [False, True], ids=["save-first", "reorder-first"])
def test_a_save_racing_a_reorder_both_finish(drafted, swap):
    eve, _cahier, chapter, section, draft = drafted
    ids = list(chapter.sections.order_by("position").values_list("pk", flat=True))
    saved, reordered = pair(
        lambda: services.section_save(section=section, text="revu", author=eve, based_on=draft),
        lambda: services.sections_reorder(chapter=chapter, ordered_ids=list(reversed(ids))),
        swap,
    )
    assert_no_database_error({"save": saved, "reorder": reordered})
    assert Section.objects.get(pk=section.pk).latest_revision == saved
    assert list(chapter.sections.order_by("position").values_list("pk", flat=True)) == list(reversed(ids))
