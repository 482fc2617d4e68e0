"""The keyword vote keeps the wall's winners; the phrase vote makes the produced promise."""

import pytest
from django.core.exceptions import ValidationError

from promises import services
from promises.models import Keyword, Phrase, Promise, PromiseBallot
from tests import factories
from voting import services as voting_services
from voting.models import Ballot, BallotPaper, Method
from workshops.models import Activity

WORDS = ["Bien commun", "Résilience", "Frugalité", "Sobriété", "Co-croissance", "Partage", "Open data", "Agora", "Proximité"]


@pytest.fixture
def wall(room):
    """Nine keywords on the wall, each given by one of the three people of the room."""
    room.open(Activity.KEYWORDS)
    people = [room.scribe, room.daniel, room.omar]
    for n, word in enumerate(WORDS):
        services.keyword_add(workshop=room.workshop, participant=people[n % 3], text=word)
    return room


def _option_ids(ballot, *labels):
    by_label = {o.label: o.pk for o in ballot.options.all()}
    return [by_label[label] for label in labels]


def test_the_keyword_vote_offers_the_walls_keywords_and_keeps_its_winners_on_close(wall):
    ballot = services.keyword_vote_create(workshop=wall.workshop, keep=2)
    assert ballot.status == Ballot.Status.OPEN and ballot.method == Method.APPROVAL and ballot.max_choices == 2
    assert sorted(o.label for o in ballot.options.all()) == sorted(WORDS)
    voting_services.vote_cast(participant=wall.scribe, ballot_id=ballot.pk, choices=_option_ids(ballot, "Bien commun", "Résilience"))
    voting_services.vote_cast(participant=wall.daniel, ballot_id=ballot.pk, choices=_option_ids(ballot, "Bien commun", "Résilience"))
    voting_services.vote_cast(participant=wall.omar, ballot_id=ballot.pk, choices=_option_ids(ballot, "Bien commun", "Agora"))
    voting_services.ballot_close(ballot=ballot)
    assert set(Keyword.objects.filter(kept=True).values_list("label", flat=True)) == {"Bien commun", "Résilience"}
    assert PromiseBallot.objects.get(ballot=ballot).applied_at is not None


def test_a_merged_keyword_is_one_option_and_its_root_is_kept(wall):
    co, resil = Keyword.objects.get(label="Co-croissance"), Keyword.objects.get(label="Résilience")
    services.keyword_merge(workshop=wall.workshop, target_id=resil.pk, source_id=co.pk)
    ballot = services.keyword_vote_create(workshop=wall.workshop, method=Method.DOTS, keep=1)
    assert "Co-croissance" not in {o.label for o in ballot.options.all()}
    assert ballot.budget == 1
    voting_services.vote_cast(participant=wall.daniel, ballot_id=ballot.pk, choices={_option_ids(ballot, "Résilience")[0]: 1})
    voting_services.ballot_close(ballot=ballot)
    assert list(Keyword.objects.filter(kept=True).values_list("label", flat=True)) == ["Résilience"]


def test_more_picks_than_the_vote_keeps_are_refused_and_nothing_is_written(wall):
    ballot = services.keyword_vote_create(workshop=wall.workshop, keep=7)
    eight = _option_ids(ballot, *WORDS[:8])
    with pytest.raises(ValidationError, match=r"Pick at most 7 options \(you picked 8\)"):
        voting_services.vote_cast(participant=wall.daniel, ballot_id=ballot.pk, choices=eight)
    dots = services.keyword_vote_create(workshop=wall.workshop, method=Method.DOTS, keep=7)
    with pytest.raises(ValidationError, match="You placed 8 dots but have only 7"):
        voting_services.vote_cast(participant=wall.daniel, ballot_id=dots.pk, choices={pk: 1 for pk in _option_ids(dots, *WORDS[:8])})
    assert not BallotPaper.objects.exists()


@pytest.mark.parametrize("keep", [0, 9, 100, "sept", None])
def test_a_keep_count_outside_the_wall_is_refused_and_no_ballot_made(wall, keep):
    with pytest.raises(ValidationError) as refused:
        services.keyword_vote_create(workshop=wall.workshop, keep=keep)
    assert "keep" in refused.value.message_dict
    assert not Ballot.objects.exists() and not PromiseBallot.objects.exists()


def test_an_unknown_method_is_refused(wall):
    with pytest.raises(ValidationError):
        services.keyword_vote_create(workshop=wall.workshop, method="lottery")
    assert not Ballot.objects.exists()


def test_a_tie_on_the_boundary_keeps_the_sure_winners_and_names_the_tied(wall):
    ballot = services.keyword_vote_create(workshop=wall.workshop, keep=2)
    voting_services.vote_cast(participant=wall.scribe, ballot_id=ballot.pk, choices=_option_ids(ballot, "Bien commun", "Agora"))
    voting_services.vote_cast(participant=wall.daniel, ballot_id=ballot.pk, choices=_option_ids(ballot, "Bien commun", "Partage"))
    voting_services.ballot_close(ballot=ballot)
    assert list(Keyword.objects.filter(kept=True).values_list("label", flat=True)) == ["Bien commun"]
    tied = services.keyword_vote_keep(workshop=wall.workshop, ballot_id=ballot.pk)
    assert {k.label for k in tied} == {"Agora", "Partage"}
    services.keyword_set_kept(workshop=wall.workshop, keyword_id=tied[0].pk, kept=True)
    assert Keyword.objects.filter(kept=True).count() == 2


def test_keeping_the_winners_of_an_open_vote_or_another_workshops_is_refused(wall):
    ballot = services.keyword_vote_create(workshop=wall.workshop, keep=2)
    with pytest.raises(ValidationError, match="Close the vote"):
        services.keyword_vote_keep(workshop=wall.workshop, ballot_id=ballot.pk)
    other = factories.WorkshopFactory()
    with pytest.raises(ValidationError, match="does not exist"):
        services.keyword_vote_keep(workshop=other, ballot_id=ballot.pk)
    with pytest.raises(ValidationError, match="does not exist"):
        services.keyword_vote_keep(workshop=wall.workshop, ballot_id="1; drop table")


def test_an_ordinary_ballots_close_is_left_alone(wall):
    ballot = voting_services.ballot_create(workshop=wall.workshop, title="Autre", method=Method.APPROVAL, options=[{"label": "A"}, {"label": "B"}])
    voting_services.ballot_open(ballot=ballot)
    voting_services.ballot_close(ballot=ballot)
    assert not Keyword.objects.filter(kept=True).exists()
