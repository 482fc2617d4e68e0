"""One aggregation per phase at a time, on PostgreSQL: two workers and the sweeper, each on its own
connection, claim a phase once; a worker that died hands it on after the visibility timeout."""

import threading
import time
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from workshops import aggregation, services, tasks
from workshops.models import TableOutputLine, WorkshopPhase

pytestmark = pytest.mark.django_db(transaction=True)

PERMIS = "Les jeunes ne passent plus le permis de conduire"


@pytest.fixture
def closed_phase(live_workshop, participant_factory, contribution_factory):
    """A phase of three post-its (two of them one idea), closed; its outputs not built yet."""
    author = participant_factory(workshop=live_workshop)
    contribution_factory(participant=author, text=PERMIS)
    contribution_factory(participant=author, text=PERMIS.lower())
    contribution_factory(participant=author, text="Essor de la location entre particuliers")
    phase = live_workshop.phases.get(position=1)
    services.phase_close(phase=phase)  # transaction=True: the on_commit queue ran eagerly; undo it
    TableOutputLine.objects.all().delete()
    WorkshopPhase.objects.filter(pk=phase.pk).update(aggregated_at=None)
    return phase


@pytest.fixture
def slow_clustering(monkeypatch):
    """Clustering that waits for `go` once it started (`started`), and counts its runs."""
    started, go, runs = threading.Event(), threading.Event(), []
    real = aggregation.plan

    def plan(*args, **kwargs):
        runs.append(threading.get_ident())
        started.set()
        assert go.wait(timeout=20)
        return real(*args, **kwargs)

    monkeypatch.setattr(aggregation, "plan", plan)
    return started, go, runs


def in_thread(target, outcomes, name):
    def run():
        try:
            outcomes[name] = target()
        except Exception as error:  # asserted on by the test
            outcomes[name] = error
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_two_workers_and_the_sweeper_build_a_phase_once(closed_phase, slow_clustering, monkeypatch):
    started, go, runs = slow_clustering
    queued = []
    monkeypatch.setattr(tasks.aggregate_phase, "delay", queued.append)
    outcomes = {}

    first = in_thread(lambda: aggregation.phase_aggregate(phase_id=closed_phase.pk), outcomes, "first")
    assert started.wait(timeout=20)
    # While the first worker clusters: a second worker and the sweeper, each on its own connection.
    second = in_thread(lambda: aggregation.phase_aggregate(phase_id=closed_phase.pk), outcomes, "second")
    sweeper = in_thread(tasks.aggregate_pending, outcomes, "sweeper")
    second.join(timeout=20)
    sweeper.join(timeout=20)
    go.set()
    first.join(timeout=20)

    assert outcomes == {"first": 2, "second": None, "sweeper": 0}
    assert len(runs) == 1 and queued == []
    assert TableOutputLine.objects.count() == 2
    phase = WorkshopPhase.objects.get(pk=closed_phase.pk)
    assert not phase.outputs_pending and phase.aggregation_claim == "" and phase.aggregation_claimed_at is None


def test_two_workers_starting_together_claim_once(closed_phase, slow_clustering):
    started, go, runs = slow_clustering
    barrier = threading.Barrier(2)
    outcomes = {}

    def worker():
        barrier.wait()
        return aggregation.phase_aggregate(phase_id=closed_phase.pk)

    threads = [in_thread(worker, outcomes, name) for name in ("a", "b")]
    assert started.wait(timeout=20)
    # The winner clusters, holding its claim, until `go`: the loser answers meanwhile, however late
    # a loaded machine schedules its thread (without this wait it could claim after the winner's end).
    deadline = time.monotonic() + 20
    while not outcomes and time.monotonic() < deadline:
        time.sleep(0.01)
    go.set()
    for thread in threads:
        thread.join(timeout=20)

    assert sorted(outcomes.values(), key=str) == [2, None]
    assert len(runs) == 1
    assert TableOutputLine.objects.count() == 2


def test_a_worker_killed_mid_run_hands_the_phase_on_after_the_visibility_timeout(closed_phase, monkeypatch):
    queued = []
    monkeypatch.setattr(tasks.aggregate_phase, "delay", queued.append)
    # A worker claimed the phase, then died: its claim is never renewed nor released.
    WorkshopPhase.objects.filter(pk=closed_phase.pk).update(aggregation_claim="dead" * 8, aggregation_claimed_at=timezone.now())

    assert tasks.aggregate_pending() == 0  # still within its timeout: presumed alive
    assert aggregation.phase_aggregate(phase_id=closed_phase.pk) is None

    WorkshopPhase.objects.filter(pk=closed_phase.pk).update(aggregation_claimed_at=timezone.now() - timedelta(seconds=61))
    assert tasks.aggregate_pending() == 1 and queued == [closed_phase.pk]
    assert aggregation.phase_aggregate(phase_id=closed_phase.pk) == 2
    assert not WorkshopPhase.objects.get(pk=closed_phase.pk).outputs_pending


def test_a_worker_whose_claim_was_taken_over_writes_nothing(closed_phase, monkeypatch):
    """Presumed dead, it was not: its late write would overwrite the newer run's, so it is rolled back."""
    real = aggregation.plan

    def stalled(*args, **kwargs):
        planned = real(*args, **kwargs)
        # Meanwhile another worker took the phase over.
        WorkshopPhase.objects.filter(pk=closed_phase.pk).update(aggregation_claim="b" * 32, aggregation_claimed_at=timezone.now())
        return planned

    monkeypatch.setattr(aggregation, "plan", stalled)

    assert aggregation.phase_aggregate(phase_id=closed_phase.pk) is None
    assert TableOutputLine.objects.count() == 0
    assert WorkshopPhase.objects.get(pk=closed_phase.pk).aggregation_claim == "b" * 32  # the other's, untouched


def test_the_heartbeat_renews_the_claim_of_a_long_run(closed_phase, monkeypatch):
    seen = []
    real = aggregation.plan

    def long(rows, fans, heartbeat=None):
        before = WorkshopPhase.objects.get(pk=closed_phase.pk).aggregation_claimed_at
        heartbeat()
        seen.append(WorkshopPhase.objects.get(pk=closed_phase.pk).aggregation_claimed_at > before)
        return real(rows, fans, heartbeat)

    monkeypatch.setattr(aggregation, "plan", long)
    assert aggregation.phase_aggregate(phase_id=closed_phase.pk) == 2
    assert seen == [True]


def test_a_phase_reopened_during_the_run_is_built_from_its_snapshot_and_queued_again(closed_phase, participant_factory, contribution_factory, monkeypatch):
    queued = []
    monkeypatch.setattr(tasks.aggregate_phase, "delay", queued.append)
    real = aggregation.plan

    def meanwhile(*args, **kwargs):
        planned = real(*args, **kwargs)
        # While the worker clusters, the facilitator reopens the phase and someone posts.
        opened = services.phase_open(phase=WorkshopPhase.objects.get(pk=closed_phase.pk))
        contribution_factory(participant=participant_factory(workshop=opened.workshop), text="Une idée de plus")
        return planned

    monkeypatch.setattr(aggregation, "plan", meanwhile)

    assert aggregation.phase_aggregate(phase_id=closed_phase.pk) == 2
    assert sorted(TableOutputLine.objects.values_list("text", flat=True)) == ["Essor de la location entre particuliers", PERMIS]
    assert queued == [closed_phase.pk]


def test_votes_and_phase_changes_do_not_wait_for_the_write(live_workshop, closed_phase, participant_factory):
    """The aggregation holds its write transaction open (its outputs locked): the room goes on."""
    import re
    import time

    from tests.voting.factories import make_ballot
    from voting.services import vote_cast

    following = services.phase_open(phase=live_workshop.phases.get(position=2))
    ballot = make_ballot(live_workshop, "approval")
    voter = participant_factory(workshop=live_workshop)
    in_write, release, outcomes = threading.Event(), threading.Event(), {}
    outputs_locked = re.compile(r'FROM "workshops_tableoutput".*FOR UPDATE', re.S)

    def hold(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if outputs_locked.search(sql) and not in_write.is_set():
            in_write.set()
            assert release.wait(timeout=20)
        return result

    def aggregate():
        with connection.execute_wrapper(hold):
            return aggregation.phase_aggregate(phase_id=closed_phase.pk)

    thread = in_thread(aggregate, outcomes, "aggregate")
    assert in_write.wait(timeout=20)
    started = time.monotonic()
    services.timer_start(phase=following)
    vote_cast(participant=voter, ballot_id=ballot.pk, choices=[ballot.options.first().pk])
    services.phase_open(phase=live_workshop.phases.get(position=3))
    waited = time.monotonic() - started
    release.set()
    thread.join(timeout=20)

    assert waited < 2, "the room waited for the aggregation"
    assert outcomes == {"aggregate": 2}
    assert TableOutputLine.objects.count() == 2
