"""Phrases: the tables draft them, the room ranks them, the winner is the produced promise."""

import pytest
from django.core.exceptions import ValidationError

from promises import services
from promises.models import Phrase, Promise, PromiseBallot
from tests import factories
from voting import services as voting_services
from voting.models import Ballot, BallotPaper, Method
from workshops import services as workshop_services
from workshops.models import Activity, Workshop

RETAINED = "Le numérique, bien commun au service d'une co-croissance résiliente"
COLLABORATIVE = "Le numérique, bien commun au service d'une croissance collaborative et résiliente"
FRUGAL = "Le numérique, bien commun au service d'une croissance collaborative et frugale"


@pytest.fixture
def drafted(room):
    room.open(Activity.PHRASES)
    services.phrase_propose(workshop=room.workshop, participant=room.daniel, text=RETAINED)
    services.phrase_propose(workshop=room.workshop, participant=room.scribe, text=COLLABORATIVE)
    services.phrase_propose(workshop=room.workshop, participant=room.omar, text=FRUGAL)
    return room


def _rank(ballot, *labels):
    ids = {o.label: o.pk for o in ballot.options.all()}
    return {ids[label]: n for n, label in enumerate(labels, start=1)}


def test_the_table_proposes_and_its_scribe_edits_and_removes(room):
    room.open(Activity.PHRASES)
    phrase = services.phrase_propose(workshop=room.workshop, participant=room.daniel, text="  Le numérique,   bien commun ")
    assert (phrase.table_id, phrase.author_id, phrase.text) == (room.table1.pk, room.daniel.pk, "Le numérique,   bien commun")
    services.phrase_update(scribe=room.scribe, phrase_id=phrase.pk, text=RETAINED)
    assert Phrase.objects.get().text == RETAINED
    with pytest.raises(ValidationError, match="scribe"):
        services.phrase_update(scribe=room.daniel, phrase_id=phrase.pk, text="Autre")
    with pytest.raises(ValidationError, match="another table"):
        services.phrase_delete(scribe=room.omar, phrase_id=phrase.pk)
    services.phrase_delete(scribe=room.scribe, phrase_id=phrase.pk)
    assert not Phrase.objects.exists()


@pytest.mark.parametrize("text", ["", "   ", "x" * 301])
def test_an_empty_or_oversized_phrase_is_refused(room, text):
    room.open(Activity.PHRASES)
    with pytest.raises(ValidationError) as refused:
        services.phrase_propose(workshop=room.workshop, participant=room.daniel, text=text)
    assert "text" in refused.value.message_dict
    assert not Phrase.objects.exists()


def test_phrases_are_drafted_only_in_their_phase_by_the_workshops_people(room):
    with pytest.raises(ValidationError, match="phrases phase"):
        services.phrase_propose(workshop=room.workshop, participant=room.daniel, text=RETAINED)
    room.open(Activity.PHRASES)
    with pytest.raises(ValidationError, match="not a participant"):
        services.phrase_propose(workshop=room.workshop, participant=factories.ParticipantFactory(display_name="X"), text=RETAINED)
    standing = factories.ParticipantFactory(workshop=room.workshop, table=None)
    with pytest.raises(ValidationError, match="table"):
        services.phrase_propose(workshop=room.workshop, participant=standing, text=RETAINED)
    assert not Phrase.objects.exists()


def test_the_room_ranks_the_phrases_and_the_winner_is_retained_with_the_others_in_order(drafted):
    ballot = services.phrase_vote_create(workshop=drafted.workshop)
    assert ballot.method == Method.RANKING and ballot.status == Ballot.Status.OPEN
    voting_services.vote_cast(participant=drafted.daniel, ballot_id=ballot.pk, choices=_rank(ballot, RETAINED, COLLABORATIVE, FRUGAL))
    voting_services.vote_cast(participant=drafted.scribe, ballot_id=ballot.pk, choices=_rank(ballot, RETAINED, COLLABORATIVE, FRUGAL))
    voting_services.vote_cast(participant=drafted.omar, ballot_id=ballot.pk, choices=_rank(ballot, COLLABORATIVE, FRUGAL, RETAINED))
    voting_services.ballot_close(ballot=ballot)
    promise = Promise.objects.get(kind=Promise.Kind.PRODUCED)
    assert promise.phrase == RETAINED
    assert list(promise.alternatives.values_list("phrase", flat=True)) == [COLLABORATIVE, FRUGAL]
    assert PromiseBallot.objects.get(ballot=ballot).applied_at is not None


def test_a_tie_in_first_place_waits_for_the_facilitator(drafted):
    ballot = services.phrase_vote_create(workshop=drafted.workshop)
    voting_services.vote_cast(participant=drafted.daniel, ballot_id=ballot.pk, choices=_rank(ballot, RETAINED, FRUGAL, COLLABORATIVE))
    voting_services.vote_cast(participant=drafted.omar, ballot_id=ballot.pk, choices=_rank(ballot, FRUGAL, RETAINED, COLLABORATIVE))
    voting_services.ballot_close(ballot=ballot)
    assert not Promise.objects.exists()
    with pytest.raises(ValidationError, match="tie in first place"):
        services.phrase_vote_retain(workshop=drafted.workshop, ballot_id=ballot.pk)
    collaborative = ballot.options.get(label=COLLABORATIVE)
    with pytest.raises(ValidationError, match="tied in first place"):
        services.phrase_vote_retain(workshop=drafted.workshop, ballot_id=ballot.pk, option_id=collaborative.pk)
    frugal = ballot.options.get(label=FRUGAL)
    promise = services.phrase_vote_retain(workshop=drafted.workshop, ballot_id=ballot.pk, option_id=frugal.pk)
    assert promise.phrase == FRUGAL
    assert list(promise.alternatives.values_list("phrase", flat=True)) == [RETAINED, COLLABORATIVE]


def test_the_same_phrase_from_two_tables_is_one_option(drafted):
    services.phrase_propose(workshop=drafted.workshop, participant=drafted.omar, text=RETAINED.upper().lower())
    ballot = services.phrase_vote_create(workshop=drafted.workshop)
    assert ballot.options.count() == 3


def test_a_phrase_vote_on_a_phrase_of_another_workshop_is_refused(drafted):
    other = factories.WorkshopFactory()
    elsewhere = Phrase.objects.create(workshop=other, table=other.tables.first(), text="Ailleurs")
    mine = list(Phrase.objects.filter(workshop=drafted.workshop).values_list("pk", flat=True))
    with pytest.raises(ValidationError, match="not one of this workshop"):
        services.phrase_vote_create(workshop=drafted.workshop, phrase_ids=[*mine, elsewhere.pk])
    assert not Ballot.objects.exists()
    # A paper naming an option of another workshop's phrase ballot is refused too.
    ballot = services.phrase_vote_create(workshop=drafted.workshop)
    foreign = voting_services.ballot_create(workshop=other, title="Ailleurs", method=Method.RANKING, options=[{"label": "A"}, {"label": "B"}])
    foreign_option = foreign.options.first()
    with pytest.raises(ValidationError, match="not part of this ballot"):
        voting_services.vote_cast(participant=drafted.daniel, ballot_id=ballot.pk, choices={foreign_option.pk: 1})
    with pytest.raises(ValidationError, match="does not exist in your workshop"):
        voting_services.vote_cast(participant=drafted.daniel, ballot_id=foreign.pk, choices={foreign_option.pk: 1})
    assert not BallotPaper.objects.exists()


@pytest.mark.parametrize("ids", [["x"], [-1], [10**30]])
def test_hostile_phrase_ids_are_refused(drafted, ids):
    with pytest.raises(ValidationError):
        services.phrase_vote_create(workshop=drafted.workshop, phrase_ids=ids)
    assert not Ballot.objects.exists()


def test_one_phrase_is_no_vote_and_a_closed_workshop_has_none(room):
    room.open(Activity.PHRASES)
    services.phrase_propose(workshop=room.workshop, participant=room.daniel, text=RETAINED)
    with pytest.raises(ValidationError, match="at least two"):
        services.phrase_vote_create(workshop=room.workshop)
    services.phrase_propose(workshop=room.workshop, participant=room.daniel, text=FRUGAL)
    workshop_services.workshop_close(workshop=Workshop.objects.get(pk=room.workshop.pk))
    with pytest.raises(ValidationError, match="closed"):
        services.phrase_vote_create(workshop=room.workshop)
    assert not Ballot.objects.exists()


def test_a_phrase_removed_or_rewritten_during_the_vote_keeps_what_the_room_ranked(drafted):
    ballot = services.phrase_vote_create(workshop=drafted.workshop)
    voting_services.vote_cast(participant=drafted.omar, ballot_id=ballot.pk, choices=_rank(ballot, FRUGAL, RETAINED, COLLABORATIVE))
    services.phrase_delete(scribe=drafted.omar, phrase_id=Phrase.objects.get(text=FRUGAL).pk)
    services.phrase_update(scribe=drafted.scribe, phrase_id=Phrase.objects.get(text=COLLABORATIVE).pk, text="Réécrite")
    voting_services.ballot_close(ballot=ballot)
    promise = Promise.objects.get(kind=Promise.Kind.PRODUCED)
    assert promise.phrase == FRUGAL
    assert list(promise.alternatives.values_list("phrase", flat=True)) == [RETAINED, COLLABORATIVE]
