"""vote_cast: every rule of every method, and bad input writes nothing."""

import pytest
from django.utils import translation
from django.core.exceptions import ValidationError

from tests.voting.factories import make_ballot, option_ids
from voting import services
from voting.models import Allocation, BallotPaper
from voting.selectors import ballot_tally

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice(live_workshop, participant_factory):
    return participant_factory(workshop=live_workshop, display_name="Alice")


def refused(participant, ballot, choices, match, **kwargs):
    before = (BallotPaper.objects.count(), Allocation.objects.count(), ballot_tally(ballot=ballot).scores())
    with pytest.raises(ValidationError, match=match):
        services.vote_cast(participant=participant, ballot_id=ballot.pk, choices=choices, **kwargs)
    assert (BallotPaper.objects.count(), Allocation.objects.count(), ballot_tally(ballot=ballot).scores()) == before


def test_a_dot_vote_is_recorded_and_moves_the_tally_version(live_workshop, alice):
    from voting.selectors import tally_version

    ballot = make_ballot(live_workshop, "dots", budget=5, max_per_option=3)
    a, b, c = option_ids(ballot)
    version = tally_version(ballot)
    services.vote_cast(participant=alice, ballot_id=ballot.pk, choices={a: 3, b: 2, c: 0})
    assert ballot_tally(ballot=ballot).scores() == {a: 3, b: 2, c: 0}
    # The projector's tally follows it; no row of the workshop or the ballot is written for it (side by side).
    assert tally_version(ballot) != version


def test_a_new_vote_replaces_the_previous_one(live_workshop, alice):
    ballot = make_ballot(live_workshop, "dots", budget=5, max_per_option=3)
    a, b, c = option_ids(ballot)
    services.vote_cast(participant=alice, ballot_id=ballot.pk, choices={a: 3, b: 2})
    paper = services.vote_cast(participant=alice, ballot_id=ballot.pk, choices={c: 1}, revision=1)
    assert paper.revision == 2
    assert BallotPaper.objects.count() == 1
    assert ballot_tally(ballot=ballot).scores() == {a: 0, b: 0, c: 1}


def test_over_the_dot_budget_is_refused(live_workshop, alice):
    ballot = make_ballot(live_workshop, "dots", budget=5, max_per_option=3)
    a, b, c = option_ids(ballot)
    refused(alice, ballot, {a: 3, b: 2, c: 1}, "n'en avez que 5")


def test_more_than_k_dots_on_one_option_is_refused(live_workshop, alice):
    ballot = make_ballot(live_workshop, "dots", budget=5, max_per_option=3)
    refused(alice, ballot, {option_ids(ballot)[0]: 4}, "Au plus 3")


def test_approval_under_the_minimum_or_over_the_maximum_is_refused(live_workshop, alice):
    ballot = make_ballot(live_workshop, "approval", min_choices=2, max_choices=2)
    a, b, c = option_ids(ballot)
    # English: the plural messages are new to the French catalog.
    with translation.override("en"):
        refused(alice, ballot, [a], "at least 2 options")
        refused(alice, ballot, [a, b, c], "at most 2 options")
    services.vote_cast(participant=alice, ballot_id=ballot.pk, choices=[a, c])
    assert ballot_tally(ballot=ballot).scores() == {a: 1, b: 0, c: 1}


def test_a_ranking_with_repeats_or_gaps_is_refused(live_workshop, alice):
    ballot = make_ballot(live_workshop, "ranking")
    a, b, c = option_ids(ballot)
    refused(alice, ballot, {a: 1, b: 1}, "répète un rang")
    refused(alice, ballot, {a: 1, b: 3}, "sans sauter")
    refused(alice, ballot, {a: 2, b: 3}, "sans sauter")
    services.vote_cast(participant=alice, ballot_id=ballot.pk, choices={a: 2, b: 1, c: 3})
    tally = ballot_tally(ballot=ballot)
    assert tally.scores() == {a: 1, b: 2, c: 0}
    assert tally.condorcet.pk == b


def test_a_value_outside_the_scale_is_refused(live_workshop, alice):
    ballot = make_ballot(live_workshop, "scale", scale_min=-2, scale_max=2)
    a, b, c = option_ids(ballot)
    refused(alice, ballot, {a: 3}, "entre -2 et 2")
    refused(alice, ballot, {a: "beaucoup"}, "nombres entiers")
    services.vote_cast(participant=alice, ballot_id=ballot.pk, choices={a: -2, b: 2})
    assert ballot_tally(ballot=ballot).rows[0].display == "-2.00"


def test_yes_no_accepts_only_yes_or_no(live_workshop, alice):
    ballot = make_ballot(live_workshop, "yesno")
    a = option_ids(ballot)[0]
    refused(alice, ballot, {a: 2}, "oui ou par non")
    services.vote_cast(participant=alice, ballot_id=ballot.pk, choices={a: 1})
    assert ballot_tally(ballot=ballot).rows[0].display == "1 / 1"


def test_a_closed_ballot_refuses_votes(live_workshop, alice):
    ballot = make_ballot(live_workshop, "approval")
    services.ballot_close(ballot=ballot)
    refused(alice, ballot, [option_ids(ballot)[0]], "est clos")


def test_a_draft_ballot_refuses_votes(live_workshop, alice):
    ballot = make_ballot(live_workshop, "approval", open=False)
    refused(alice, ballot, [option_ids(ballot)[0]], "est clos")


def test_another_workshops_ballot_is_refused(live_workshop, alice, workshop_factory):
    elsewhere = make_ballot(workshop_factory(), "approval")
    refused(alice, elsewhere, [option_ids(elsewhere)[0]], "n'existe pas dans votre atelier")


def test_a_forged_option_id_is_refused(live_workshop, alice, workshop_factory):
    ballot = make_ballot(live_workshop, "dots")
    other = make_ballot(workshop_factory(), "dots")
    refused(alice, ballot, {option_ids(other)[0]: 1}, "ne fait pas partie de ce scrutin")
    refused(alice, ballot, {"1 OR 1=1": 1}, "ne fait pas partie de ce scrutin")


def test_a_table_ballot_is_only_for_that_table(live_workshop, participant_factory):
    first, second = live_workshop.tables.order_by("number")
    bob = participant_factory(workshop=live_workshop, table=second)
    ballot = make_ballot(live_workshop, "approval", table=first)
    refused(bob, ballot, [option_ids(ballot)[0]], "une autre table")


def test_no_vote_for_ones_own_postit_where_forbidden(live_workshop, alice, participant_factory, contribution_factory):
    mine = contribution_factory(participant=alice, text="Les jeunes ne passent plus le permis")
    theirs = contribution_factory(participant=participant_factory(workshop=live_workshop), text="Tout se loue")
    options = services.options_from_contributions(workshop=live_workshop)
    ballot = make_ballot(live_workshop, "approval", options=options, forbid_own=True)
    by_contribution = dict(ballot.options.values_list("contribution_id", "pk"))
    refused(alice, ballot, [by_contribution[mine.pk]], "votre propre post-it")
    services.vote_cast(participant=alice, ballot_id=ballot.pk, choices=[by_contribution[theirs.pk]])

    allowed = make_ballot(live_workshop, "approval", options=options, forbid_own=False)
    services.vote_cast(participant=alice, ballot_id=allowed.pk, choices=[allowed.options.get(contribution=mine).pk])


def test_a_stale_revision_is_refused_as_a_conflict(live_workshop, alice):
    ballot = make_ballot(live_workshop, "approval")
    a, b, c = option_ids(ballot)
    services.vote_cast(participant=alice, ballot_id=ballot.pk, choices=[a], revision=0)
    with pytest.raises(services.VoteConflict):
        services.vote_cast(participant=alice, ballot_id=ballot.pk, choices=[b], revision=0)
    assert ballot_tally(ballot=ballot).scores() == {a: 1, b: 0, c: 0}


def test_a_vote_in_a_closed_workshop_is_refused_and_writes_nothing(live_workshop, alice):
    from workshops.services import workshop_close

    ballot = make_ballot(live_workshop, "dots", budget=5, max_per_option=3)
    a, b, c = option_ids(ballot)
    services.vote_cast(participant=alice, ballot_id=ballot.pk, choices={a: 1})
    workshop_close(workshop=live_workshop)
    ballot.refresh_from_db()
    assert ballot.is_open  # closing the workshop leaves the ballot as it was: the vote is refused all the same
    refused(alice, ballot, {b: 2}, "atelier est clos", revision=1)
    assert ballot_tally(ballot=ballot).scores() == {a: 1, b: 0, c: 0}


def test_a_table_ballot_counts_only_the_papers_of_those_seated_there_now(live_workshop, participant_factory):
    """Hop to table 2, vote in its ballot, hop back: the paper stays, but stops counting."""
    from voting import exports
    from workshops.services import participant_set_table

    first, second = live_workshop.tables.order_by("number")
    hopper = participant_factory(workshop=live_workshop, table=first)
    seated = participant_factory(workshop=live_workshop, table=second)
    ballot = make_ballot(live_workshop, "approval", table=second)
    a, b, _c = option_ids(ballot)
    services.vote_cast(participant=seated, ballot_id=ballot.pk, choices=[a])
    participant_set_table(participant=hopper, table_id=second.pk)
    services.vote_cast(participant=hopper, ballot_id=ballot.pk, choices=[b])
    tally = ballot_tally(ballot=ballot)
    assert (tally.papers, tally.eligible, tally.scores()[b]) == (2, 2, 1)

    participant_set_table(participant=hopper, table_id=first.pk)
    tally = ballot_tally(ballot=ballot)
    assert (tally.papers, tally.eligible, tally.scores()) == (1, 1, {a: 1, b: 0, _c: 0})
    assert len(exports.ballot_data(ballot)["papers"]) == 1
    assert BallotPaper.objects.filter(ballot=ballot).count() == 2  # kept, in case they come back
    refused(hopper, ballot, [b], "une autre table")


def test_a_vote_is_refused_to_someone_who_left_the_table_since_their_page_loaded(live_workshop, participant_factory):
    from workshops.models import Participant
    from workshops.services import participant_set_table

    first, second = live_workshop.tables.order_by("number")
    bob = participant_factory(workshop=live_workshop, table=second)
    ballot = make_ballot(live_workshop, "approval", table=second)
    stale = Participant.objects.get(pk=bob.pk)  # as the request read them, still at table 2
    participant_set_table(participant=bob, table_id=first.pk)
    refused(stale, ballot, [option_ids(ballot)[0]], "une autre table")
