"""Saves, conflicts, restores, the worker's drafts and publishing: no edit is ever lost."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from cahiers import selectors, services
from cahiers.models import SECTION_TEXT_MAX_LENGTH, Revision, Section, Status


def fresh(section):
    return Section.objects.get(pk=section.pk)


def test_a_save_is_a_new_revision_and_the_latest(section, eve):
    first = services.section_save(section=section, text="Un.", author=eve, based_on=None)
    second = services.section_save(section=section, text="Deux.", author=eve, based_on=first)
    assert fresh(section).latest_revision == second
    assert [r.text for r in selectors.section_history(section)] == ["Deux.", "Un."]
    assert second.reason == Revision.Reason.EDIT and second.based_on == first and second.author == eve


def test_saving_over_a_newer_revision_is_a_conflict_with_both_texts(section, eve, ed):
    opened = services.section_save(section=section, text="Le texte ouvert.", author=eve, based_on=None)
    theirs = services.section_save(section=section, text="Le texte d'Ed.", author=ed, based_on=opened)
    with pytest.raises(services.RevisionConflict) as conflict:
        services.section_save(section=section, text="Le texte d'Eve.", author=eve, based_on=opened)
    assert conflict.value.mine == "Le texte d'Eve."
    assert conflict.value.theirs == theirs and conflict.value.theirs.text == "Le texte d'Ed."
    assert fresh(section).latest_revision == theirs
    assert section.revisions.count() == 2


def test_a_first_save_over_a_section_someone_wrote_meanwhile_is_a_conflict(section, eve, ed):
    services.section_save(section=section, text="Ed a écrit.", author=ed, based_on=None)
    with pytest.raises(services.RevisionConflict):
        services.section_save(section=section, text="Eve aussi.", author=eve, based_on=None)


def test_a_revision_of_another_section_is_refused_as_the_base(section, other_section, eve):
    elsewhere = services.section_save(section=other_section, text="Ailleurs.", author=eve, based_on=None)
    with pytest.raises(ValidationError):
        services.section_save(section=section, text="Ici.", author=eve, based_on=elsewhere)
    assert not section.revisions.exists()


def test_an_oversized_text_is_refused_and_writes_nothing(section, eve):
    with pytest.raises(ValidationError) as error:
        services.section_save(section=section, text="a" * (SECTION_TEXT_MAX_LENGTH + 1), author=eve, based_on=None)
    assert "text" in error.value.message_dict
    assert not section.revisions.exists()


def test_a_restore_is_a_new_revision_with_the_old_text(section, eve, ed):
    first = services.section_save(section=section, text="Première version.", author=eve, based_on=None)
    second = services.section_save(section=section, text="Seconde.", author=ed, based_on=first)
    restored = services.section_restore(section=section, revision=first, author=eve)
    assert restored.pk not in (first.pk, second.pk)
    assert restored.reason == Revision.Reason.RESTORE and restored.text == "Première version." and restored.based_on == first
    assert fresh(section).latest_revision == restored
    assert section.revisions.count() == 3


def test_a_revision_of_another_section_cannot_be_restored_here(section, other_section, eve):
    elsewhere = services.section_save(section=other_section, text="Ailleurs.", author=eve, based_on=None)
    with pytest.raises(ValidationError):
        services.section_restore(section=section, revision=elsewhere, author=eve)


def test_a_draft_on_an_empty_or_drafted_section_becomes_the_latest(section):
    one = services.draft_apply(section=section, text="- ligne 1\n", provenance=[{"line": "ligne 1", "postits": []}], source_hash="h1")
    assert one.became_latest and fresh(section).latest_revision == one.revision
    two = services.draft_apply(section=section, text="- ligne 1\n- ligne 2\n", provenance=[], source_hash="h2")
    assert two.became_latest and fresh(section).latest_revision == two.revision
    assert two.revision.author is None and two.revision.based_on == one.revision
    assert two.revision.provenance == [] and one.revision.provenance[0]["line"] == "ligne 1"


def test_an_unchanged_source_drafts_nothing(section):
    services.draft_apply(section=section, text="- ligne 1\n", provenance=[], source_hash="same")
    again = services.draft_apply(section=section, text="- ligne 1\n", provenance=[], source_hash="same")
    assert again.revision is None and not again.became_latest
    assert section.revisions.count() == 1


def test_a_redraft_never_overwrites_an_edit_and_waits_beside_it(section, eve):
    draft = services.draft_apply(section=section, text="- ligne 1\n- ligne 2\n", provenance=[], source_hash="h1").revision
    edit = services.section_save(section=section, text="- ligne 1 réécrite\n- ligne 2\n", author=eve, based_on=draft)
    redraft = services.draft_apply(section=section, text="- ligne 1\n- ligne 2\n- ligne 3\n- ligne 4\n", provenance=[], source_hash="h2")
    assert not redraft.became_latest
    assert fresh(section).latest_revision == edit
    pending = selectors.pending_draft(fresh(section))
    assert pending.revision == redraft.revision
    assert pending.new_lines == ["- ligne 1", "- ligne 3", "- ligne 4"]
    assert pending.count == 3
    taken = selectors.taken_in(fresh(section), pending)
    assert taken.startswith("- ligne 1 réécrite\n- ligne 2\n\n") and taken.endswith("- ligne 4\n")


def test_no_pending_draft_once_the_editor_took_it_in(section, eve):
    draft = services.draft_apply(section=section, text="- a\n", provenance=[], source_hash="h1").revision
    edit = services.section_save(section=section, text="- a (revu)\n", author=eve, based_on=draft)
    services.draft_apply(section=section, text="- a\n- b\n", provenance=[], source_hash="h2")
    pending = selectors.pending_draft(fresh(section))
    services.section_save(section=section, text=selectors.taken_in(fresh(section), pending), author=eve, based_on=edit)
    assert selectors.pending_draft(fresh(section)) is None


def test_a_draft_needs_its_source_hash(section):
    with pytest.raises(ValidationError):
        services.draft_apply(section=section, text="x", provenance=[], source_hash="")


def test_publishing_pins_every_written_section_to_its_latest(cahier, section, other_section, eve):
    first = services.section_save(section=section, text="Publié.", author=eve, based_on=None)
    services.cahier_publish(cahier=cahier)
    assert fresh(section).live_revision == first and fresh(section).status == Status.PUBLISHED
    assert fresh(other_section).live_revision is None  # nothing written there yet
    cahier.refresh_from_db()
    assert cahier.status == Status.PUBLISHED and cahier.published_at is not None
    assert set(cahier.chapters.values_list("status", flat=True)) == {Status.PUBLISHED}
    later = services.section_save(section=section, text="Après publication.", author=eve, based_on=first)
    assert fresh(section).live_revision == first  # readers keep the published text until republished
    services.cahier_publish(cahier=cahier)
    assert fresh(section).live_revision == later


def test_an_empty_cahier_cannot_be_published(cahier, section):
    with pytest.raises(ValidationError):
        services.cahier_publish(cahier=cahier)
    cahier.refresh_from_db()
    assert cahier.status == Status.DRAFT


def test_the_workflow_goes_forward_and_back_to_draft(section, chapter, eve):
    with pytest.raises(ValidationError):
        services.section_set_status(section=section, status=Status.PUBLISHED)
    services.section_save(section=section, text="x", author=eve, based_on=None)
    assert services.section_set_status(section=section, status=Status.IN_REVIEW).status == Status.IN_REVIEW
    assert services.section_set_status(section=section, status=Status.PUBLISHED).status == Status.PUBLISHED
    assert services.section_set_status(section=section, status=Status.DRAFT).status == Status.DRAFT
    with pytest.raises(ValidationError):
        services.chapter_set_status(chapter=chapter, status=Status.PUBLISHED)
    with pytest.raises(ValidationError):
        services.chapter_set_status(chapter=chapter, status="gone")


def test_an_empty_section_cannot_be_published(section):
    services.section_set_status(section=section, status=Status.IN_REVIEW)
    with pytest.raises(ValidationError):
        services.section_set_status(section=section, status=Status.PUBLISHED)


def test_reordering_chapters_and_sections(cahier, chapter, section, other_section):
    second = services.chapter_create(cahier=cahier, title="Posséder, c'est dépassé")
    services.chapters_reorder(cahier=cahier, ordered_ids=[second.pk, chapter.pk])
    assert list(cahier.chapters.order_by("position").values_list("pk", flat=True)) == [second.pk, chapter.pk]
    services.sections_reorder(chapter=chapter, ordered_ids=services.moved([section.pk, other_section.pk], other_section.pk, "up"))
    assert list(chapter.sections.order_by("position").values_list("pk", flat=True)) == [other_section.pk, section.pk]


@pytest.mark.parametrize("order", ["empty", "missing", "twice", "foreign"])
def test_a_bad_order_is_refused_whole(cahier, chapter, order):
    second = services.chapter_create(cahier=cahier, title="Deux")
    ids = {"empty": [], "missing": [chapter.pk], "twice": [chapter.pk, chapter.pk], "foreign": [chapter.pk, second.pk, 999999]}[order]
    with pytest.raises(ValidationError):
        services.chapters_reorder(cahier=cahier, ordered_ids=ids)
    assert list(cahier.chapters.order_by("position").values_list("pk", flat=True)) == [chapter.pk, second.pk]


def test_one_cahier_per_edition(cahier):
    with pytest.raises(ValidationError):
        services.cahier_create(edition=cahier.edition, title="Un autre")


def test_a_scenario_chapter_names_a_scenario_of_its_edition(cahier):
    from tests import factories

    foreign = factories.ScenarioFactory()
    with pytest.raises(ValidationError):
        services.chapter_create(cahier=cahier, title="x", kind="scenario", scenario=foreign)
    with pytest.raises(ValidationError):
        services.chapter_create(cahier=cahier, title="x", kind="scenario")
    own = factories.ScenarioFactory(edition=cahier.edition)
    assert services.chapter_create(cahier=cahier, title="x", kind="scenario", scenario=own).scenario == own


# --- What the database keeps, whatever the code does ---------------------------------------------


def test_the_database_refuses_to_change_a_revision(section, eve):
    revision = services.section_save(section=section, text="Gravé.", author=eve, based_on=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Revision.objects.filter(pk=revision.pk).update(text="Effacé.")
    with pytest.raises(ValueError):
        revision.save()
    # What Django's SET_NULL does when an account goes stays possible.
    Revision.objects.filter(pk=revision.pk).update(author=None)


def test_the_database_refuses_a_pointer_to_another_sections_revision(section, other_section, eve):
    elsewhere = services.section_save(section=other_section, text="Ailleurs.", author=eve, based_on=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Section.objects.filter(pk=section.pk).update(latest_revision=elsewhere)
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def test_the_database_refuses_two_chapters_at_one_position(cahier, chapter):
    second = services.chapter_create(cahier=cahier, title="Deux")
    with pytest.raises(IntegrityError), transaction.atomic():
        type(chapter).objects.filter(pk=second.pk).update(position=chapter.position)
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def test_only_drafts_carry_a_source_hash(section, eve):
    with pytest.raises(IntegrityError), transaction.atomic():
        Revision.objects.create(section=section, text="x", author=eve, reason=Revision.Reason.EDIT, source_hash="h")
    with pytest.raises(IntegrityError), transaction.atomic():
        Revision.objects.create(section=section, text="x", reason=Revision.Reason.DRAFT)


def test_deleting_a_cahier_takes_its_revisions(cahier, section, eve):
    services.section_save(section=section, text="x", author=eve, based_on=None)
    cahier.delete()
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    assert not Revision.objects.exists()
