"""The keyword wall and the commitments: the room adds, the facilitator merges and renames."""

import pytest
from django.core.exceptions import ValidationError

from promises import selectors, services
from promises.models import Commitment, Keyword, KeywordEntry
from tests import factories
from workshops import services as workshop_services
from workshops.models import Activity, Workshop


def _wall(room):
    return [(w.label, w.givers) for w in selectors.keyword_wall(workshop=room.workshop)]


def test_spellings_of_one_keyword_merge_and_count_people(room):
    room.open(Activity.KEYWORDS)
    services.keyword_add(workshop=room.workshop, participant=room.scribe, text="Résilience")
    services.keyword_add(workshop=room.workshop, participant=room.daniel, text="résiliences")
    services.keyword_add(workshop=room.workshop, participant=room.omar, text="CDI")
    services.keyword_add(workshop=room.workshop, participant=room.daniel, text="CDD")
    assert _wall(room) == [("Résilience", 2), ("CDD", 1), ("CDI", 1)]
    assert Keyword.objects.count() == 3


def test_the_same_person_giving_the_same_keyword_twice_is_counted_once(room):
    room.open(Activity.KEYWORDS)
    services.keyword_add(workshop=room.workshop, participant=room.daniel, text="Résilience")
    with pytest.raises(ValidationError) as refused:
        services.keyword_add(workshop=room.workshop, participant=room.daniel, text="resilience")
    assert refused.value.error_dict["text"][0].code == "conflict"
    assert KeywordEntry.objects.count() == 1


@pytest.mark.parametrize("text", ["", "   ", "!!!", "x" * 300])
def test_an_empty_or_oversized_keyword_is_refused_and_nothing_written(room, text):
    room.open(Activity.KEYWORDS)
    with pytest.raises(ValidationError) as refused:
        services.keyword_add(workshop=room.workshop, participant=room.daniel, text=text)
    assert "text" in refused.value.message_dict
    assert not Keyword.objects.exists() and not KeywordEntry.objects.exists()


def test_a_keyword_is_added_only_while_the_wall_is_open(room):
    with pytest.raises(ValidationError, match="wall is closed"):
        services.keyword_add(workshop=room.workshop, participant=room.daniel, text="Partage")
    assert not Keyword.objects.exists()


def test_someone_of_another_workshop_adds_nothing_to_this_wall(room):
    room.open(Activity.KEYWORDS)
    outsider = factories.ParticipantFactory(display_name="Xavier")
    with pytest.raises(ValidationError, match="not a participant"):
        services.keyword_add(workshop=room.workshop, participant=outsider, text="Partage")
    assert not Keyword.objects.exists()


def test_the_facilitator_merges_synonyms_and_people_count_once(room):
    room.open(Activity.KEYWORDS)
    commun = services.keyword_add(workshop=room.workshop, participant=room.daniel, text="bien commun")
    communs = services.keyword_add(workshop=room.workshop, participant=room.scribe, text="communs")
    partage = services.keyword_add(workshop=room.workshop, participant=room.daniel, text="partage")
    services.keyword_merge(workshop=room.workshop, target_id=commun.pk, source_id=communs.pk)
    services.keyword_merge(workshop=room.workshop, target_id=partage.pk, source_id=commun.pk)
    # communs followed bien commun into partage: one hop, and daniel counted once.
    assert Keyword.objects.get(pk=communs.pk).merged_into_id == partage.pk
    assert _wall(room) == [("partage", 2)]
    # A new "commun" from someone else lands in the merged keyword and counts for partage.
    services.keyword_add(workshop=room.workshop, participant=room.omar, text="Communs")
    assert _wall(room) == [("partage", 3)]
    with pytest.raises(ValidationError, match="already gave"):
        services.keyword_add(workshop=room.workshop, participant=room.daniel, text="Communs")


def test_merging_into_itself_or_a_keyword_of_another_workshop_is_refused(room):
    room.open(Activity.KEYWORDS)
    mine = services.keyword_add(workshop=room.workshop, participant=room.daniel, text="partage")
    elsewhere = Keyword.objects.create(workshop=factories.WorkshopFactory(), key="sens", label="sens")
    with pytest.raises(ValidationError, match="itself"):
        services.keyword_merge(workshop=room.workshop, target_id=mine.pk, source_id=mine.pk)
    with pytest.raises(ValidationError) as refused:
        services.keyword_merge(workshop=room.workshop, target_id=mine.pk, source_id=elsewhere.pk)
    assert refused.value.code == "not_found"
    assert not Keyword.objects.filter(merged_into__isnull=False).exists()


def test_the_facilitator_renames_and_unmerges(room):
    room.open(Activity.KEYWORDS)
    a = services.keyword_add(workshop=room.workshop, participant=room.daniel, text="co croissance")
    b = services.keyword_add(workshop=room.workshop, participant=room.scribe, text="croissance")
    services.keyword_rename(workshop=room.workshop, keyword_id=a.pk, label="Co-croissance")
    services.keyword_merge(workshop=room.workshop, target_id=a.pk, source_id=b.pk)
    assert _wall(room) == [("Co-croissance", 2)]
    services.keyword_unmerge(workshop=room.workshop, keyword_id=b.pk)
    assert _wall(room) == [("Co-croissance", 1), ("croissance", 1)]
    with pytest.raises(ValidationError):
        services.keyword_rename(workshop=room.workshop, keyword_id=a.pk, label="x" * 300)
    assert Keyword.objects.get(pk=a.pk).label == "Co-croissance"


def test_the_wall_sizes_words_by_how_many_gave_them(room):
    room.open(Activity.KEYWORDS)
    for person in (room.daniel, room.scribe, room.omar):
        services.keyword_add(workshop=room.workshop, participant=person, text="Résilience")
    services.keyword_add(workshop=room.workshop, participant=room.daniel, text="sens")
    sizes = {w.label: w.size for w in selectors.keyword_wall(workshop=room.workshop)}
    assert sizes == {"Résilience": selectors.WALL_SIZES, "sens": 2}


def test_a_commitment_is_signed_or_anonymous_as_its_author_chooses(room):
    room.open(Activity.COMMITMENTS)
    services.commitment_make(workshop=room.workshop, participant=room.daniel, text="Je m'engage à partager", signed=True)
    services.commitment_make(workshop=room.workshop, participant=room.scribe, text="Je m'engage à réparer", signed=False)
    assert [(c.text, c.signed) for c in selectors.commitments(workshop=room.workshop)] == [
        ("Je m'engage à partager", True),
        ("Je m'engage à réparer", False),
    ]


@pytest.mark.parametrize("text", ["", "   ", "x" * 501])
def test_an_empty_or_oversized_commitment_is_refused(room, text):
    room.open(Activity.COMMITMENTS)
    with pytest.raises(ValidationError):
        services.commitment_make(workshop=room.workshop, participant=room.daniel, text=text, signed=True)
    assert not Commitment.objects.exists()


def test_a_commitment_by_someone_outside_the_workshop_is_refused(room):
    room.open(Activity.COMMITMENTS)
    outsider = factories.ParticipantFactory(display_name="Xavier")
    with pytest.raises(ValidationError, match="not a participant of this workshop"):
        services.commitment_make(workshop=room.workshop, participant=outsider, text="Je m'engage", signed=True)
    assert not Commitment.objects.exists()


def test_commitments_wait_for_their_phase_and_stop_when_the_workshop_closes(room):
    with pytest.raises(ValidationError, match="commitments phase"):
        services.commitment_make(workshop=room.workshop, participant=room.daniel, text="Je m'engage", signed=True)
    room.open(Activity.COMMITMENTS)
    workshop_services.workshop_close(workshop=Workshop.objects.get(pk=room.workshop.pk))
    with pytest.raises(ValidationError, match="closed"):
        services.commitment_make(workshop=room.workshop, participant=room.daniel, text="Je m'engage", signed=True)
    assert not Commitment.objects.exists()
