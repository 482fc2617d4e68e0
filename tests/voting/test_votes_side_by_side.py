"""Votes of the room do not queue behind one another (voting.services.vote_cast's shared locks).

The first vote is held right after its first lock (the workshop row, FOR SHARE) while a second
participant votes on the same ballot: the second finishes meanwhile. Before, both took the workshop
row FOR NO KEY UPDATE (and each updated it) and the second waited for the first's commit. What must
still wait for a vote (a close, a seat change, a reveal) does: tests/voting/test_lock_order.py.
"""

import time

import pytest
from django.test import Client
from django.urls import reverse

from tests.interleave import assert_no_database_error, interleave
from tests.voting.factories import make_ballot, option_ids
from voting import services
from voting.models import Ballot, BallotPaper
from voting.selectors import ballot_tally
from workshops.models import Workshop

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_votes_on_one_ballot_run_side_by_side(live_workshop, participant_factory):
    first, second = participant_factory(workshop=live_workshop), participant_factory(workshop=live_workshop)
    ballot = make_ballot(live_workshop, "approval")
    choices = option_ids(ballot)[:1]
    versions = Workshop.objects.values_list("version", "stage_version").get(pk=live_workshop.pk)
    finished = {}

    def vote(participant, name):
        def run():
            paper = services.vote_cast(participant=participant, ballot_id=ballot.pk, choices=choices, revision=0)
            finished[name] = time.monotonic()
            return paper

        return run

    outcomes = interleave(vote(first, "first"), vote(second, "second"))

    assert_no_database_error(outcomes)
    assert finished["second"] < finished["first"]
    assert ballot_tally(ballot=ballot).papers == 2
    # A vote writes neither the workshop row nor the ballot's (each is held shared by the other votes).
    assert Workshop.objects.values_list("version", "stage_version").get(pk=live_workshop.pk) == versions
    assert Ballot.objects.get(pk=ballot.pk).version == ballot.version


def test_two_votes_sent_as_the_page_sends_them_run_side_by_side(live_workshop, participant_factory, join_as):
    """Through the view, with an idempotency key as writes.js sends it: the receipt's transaction then
    lasts until the card is rendered, and the second vote still does not wait for the first's."""
    first, second = participant_factory(workshop=live_workshop), participant_factory(workshop=live_workshop)
    ballot = make_ballot(live_workshop, "approval")
    url = reverse("voting:vote", kwargs={"code": live_workshop.join_code, "ballot_pk": ballot.pk})
    clients = {"first": join_as(Client(), first), "second": join_as(Client(), second)}
    finished = {}

    def vote(name):
        def run():
            response = clients[name].post(
                url,
                {"choice": option_ids(ballot)[:1], "revision": 0},
                headers={"HX-Request": "true", "Idempotency-Key": f"vote-key-{name}"},
            )
            finished[name] = time.monotonic()
            return response

        return run

    outcomes = interleave(vote("first"), vote("second"))

    assert [outcomes[name].status_code for name in ("first", "second")] == [200, 200]
    assert finished["second"] < finished["first"]
    assert BallotPaper.objects.filter(ballot=ballot).count() == 2


def test_the_same_vote_sent_twice_at_once_still_counts_once(live_workshop, participant_factory):
    voter = participant_factory(workshop=live_workshop)
    ballot = make_ballot(live_workshop, "approval")
    choices = option_ids(ballot)[:1]

    outcomes = interleave(
        lambda: services.vote_cast(participant=voter, ballot_id=ballot.pk, choices=choices, revision=0),
        lambda: services.vote_cast(participant=voter, ballot_id=ballot.pk, choices=choices, revision=0),
    )

    refused = [o for o in outcomes.values() if isinstance(o, services.VoteConflict)]
    assert len(refused) == 1
    assert BallotPaper.objects.get(ballot=ballot, participant=voter).revision == 1
    assert ballot_tally(ballot=ballot).papers == 1
