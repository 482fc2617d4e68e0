"""Parallel requests on the real PostgreSQL: one paper per participant, a double send counts once, no vote after the close."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from tests import factories
from tests.voting.factories import make_ballot, option_ids
from voting import services
from voting.models import Allocation, BallotPaper
from voting.selectors import ballot_tally

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(*calls):
    """Start the calls at the same instant in threads (each with its own connection); collect results or errors."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(i, call):
        try:
            barrier.wait()
            results[i] = call()
        except Exception as error:  # the test inspects what each thread got
            results[i] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results


@pytest.fixture
def room():
    workshop = factories.WorkshopFactory(join_code="PAR123")
    return workshop


def test_the_same_first_vote_sent_twice_at_once_counts_once(room):
    alice = factories.ParticipantFactory(workshop=room, display_name="Alice")
    ballot = make_ballot(room, "dots", budget=5, max_per_option=3)
    a, b, c = option_ids(ballot)

    results = run_together(*[
        (lambda: services.vote_cast(participant=alice, ballot_id=ballot.pk, choices={a: 3, b: 2}, revision=0))
        for _ in range(4)
    ])  # fmt: skip

    errors = [r for r in results if isinstance(r, Exception)]
    assert len(errors) == 3 and all(isinstance(e, services.VoteConflict) for e in errors)
    assert BallotPaper.objects.count() == 1 and Allocation.objects.count() == 2
    assert ballot_tally(ballot=ballot).scores() == {a: 3, b: 2, c: 0}


def test_concurrent_changes_without_revision_leave_exactly_one_paper(room):
    alice = factories.ParticipantFactory(workshop=room, display_name="Alice")
    ballot = make_ballot(room, "approval")
    ids = option_ids(ballot)

    results = run_together(*[
        (lambda pk=pk: services.vote_cast(participant=alice, ballot_id=ballot.pk, choices=[pk])) for pk in ids * 2
    ])  # fmt: skip

    assert not [r for r in results if isinstance(r, Exception)]
    assert BallotPaper.objects.count() == 1
    assert Allocation.objects.count() == 1  # the last writer's whole vote, never a mix
    assert sum(ballot_tally(ballot=ballot).scores().values()) == 1


def test_many_participants_vote_at_once(room):
    people = [factories.ParticipantFactory(workshop=room, display_name=f"P{i}") for i in range(12)]
    ballot = make_ballot(room, "dots", budget=3, max_per_option=3)
    a = option_ids(ballot)[0]

    results = run_together(*[(lambda p=p: services.vote_cast(participant=p, ballot_id=ballot.pk, choices={a: 3})) for p in people])

    assert not [r for r in results if isinstance(r, Exception)]
    tally = ballot_tally(ballot=ballot)
    assert tally.papers == 12 and tally.scores()[a] == 36


def test_a_vote_racing_the_close_either_lands_before_it_or_is_refused(room):
    people = [factories.ParticipantFactory(workshop=room, display_name=f"P{i}") for i in range(6)]
    ballot = make_ballot(room, "approval")
    a = option_ids(ballot)[0]

    calls = [(lambda p=p: services.vote_cast(participant=p, ballot_id=ballot.pk, choices=[a])) for p in people]
    results = run_together(lambda: services.ballot_close(ballot=ballot), *calls)

    assert not isinstance(results[0], Exception)
    refused = [r for r in results[1:] if isinstance(r, ValidationError)]
    assert all("est clos" in str(r) for r in refused)
    ballot.refresh_from_db()
    assert ballot.closed_at is not None
    # Every counted paper was committed before the close; refused ones wrote nothing.
    assert BallotPaper.objects.count() == len(people) - len(refused)
    assert not BallotPaper.objects.filter(updated_at__gt=ballot.closed_at).exists()
