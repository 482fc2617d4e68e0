"""Closing a phase, with a real Celery worker on Redis: the table outputs are built by the worker."""

import pytest

from foresight import celery_app
from tests.celery_worker import wait_for
from workshops import services
from workshops.models import TableOutput, TableOutputLine, WorkshopPhase
from workshops.tasks import aggregate_phase

# The worker is another process: it sees only what is committed.
pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

PERMIS = "Les jeunes ne passent plus le permis de conduire"
LOCATION = "Essor des plateformes de location entre particuliers"


def lines_of(phase):
    return [
        (line.output.table.number, line.output.section.slug, line.position, line.axis, line.text, line.plus_ones,
         sorted(line.sources.values_list("pk", flat=True)))
        for line in TableOutputLine.objects.filter(output__phase=phase)
        .select_related("output__table", "output__section")
        .order_by("output__table__number", "output__section__position", "position")
    ]


def output_ids(phase):
    return set(TableOutput.objects.filter(phase=phase).values_list("pk", flat=True))


@pytest.fixture
def closed_phase_outputs(celery_worker, live_workshop, participant_factory, contribution_factory):
    """Post-its at two tables, the phase closed, and the lines the worker built for it."""
    phase = live_workshop.phases.order_by("position").first()
    at_table_1 = [participant_factory(workshop=live_workshop) for _ in range(3)]
    at_table_2 = participant_factory(workshop=live_workshop, table=live_workshop.tables.get(number=2))
    permis = contribution_factory(participant=at_table_1[0], text=PERMIS)
    again = contribution_factory(participant=at_table_1[1], text=PERMIS.lower() + " !")
    location = contribution_factory(participant=at_table_1[2], text=LOCATION)
    elsewhere = contribution_factory(participant=at_table_2, text=LOCATION)
    services.contribution_plus_one(participant=at_table_1[1], contribution_id=location.pk)
    services.contribution_plus_one(participant=at_table_1[0], contribution_id=location.pk)

    assert not celery_app.conf.task_always_eager, "the task must go through Redis to the worker"
    services.phase_close(phase=phase)

    lines = wait_for(lambda: lines_of(phase))
    return phase, lines, {"permis": permis, "again": again, "location": location, "elsewhere": elsewhere}


def test_closing_a_phase_has_the_worker_build_the_table_outputs(closed_phase_outputs):
    phase, lines, postits = closed_phase_outputs

    assert lines == [
        (1, "signes-avant-coureurs", 1, "", LOCATION, 2, [postits["location"].pk]),
        (1, "signes-avant-coureurs", 2, "", PERMIS, 0, sorted([postits["permis"].pk, postits["again"].pk])),
        (2, "signes-avant-coureurs", 1, "", LOCATION, 0, [postits["elsewhere"].pk]),
    ]


def test_running_the_task_again_on_the_worker_gives_the_same_output(closed_phase_outputs):
    phase, lines, _ = closed_phase_outputs
    before = output_ids(phase)
    built_at = WorkshopPhase.objects.get(pk=phase.pk).aggregated_at

    aggregate_phase.delay(phase.pk)

    # The worker ran again, and the outputs it left are the very same rows, lines unchanged.
    wait_for(lambda: WorkshopPhase.objects.get(pk=phase.pk).aggregated_at > built_at)
    assert output_ids(phase) == before
    assert lines_of(phase) == lines


def test_the_real_worker_leaves_a_claimed_phase_and_takes_over_a_dead_workers_claim(celery_worker, live_workshop, participant_factory, contribution_factory):
    """Another worker holds the phase: the real one, sent it by a close and by the sweeper, leaves it;
    once that claim is older than the visibility timeout (its worker died), the sweeper hands it on."""
    from datetime import timedelta

    from django.utils import timezone

    from workshops.tasks import aggregate_pending

    phase = live_workshop.phases.order_by("position").first()
    contribution_factory(participant=participant_factory(workshop=live_workshop), text=PERMIS)
    WorkshopPhase.objects.filter(pk=phase.pk).update(aggregation_claim="a" * 32, aggregation_claimed_at=timezone.now())
    services.phase_close(phase=phase)  # queues the task on Redis: the worker finds the phase claimed

    assert aggregate_pending.apply().get() == 0  # the sweeper leaves a live claim alone
    aggregate_phase.delay(phase.pk)
    # One worker, one task at a time, in order: once a third task (another phase's) is done, both ran.
    other = live_workshop.phases.get(position=2)
    aggregate_phase.delay(other.pk)
    wait_for(lambda: WorkshopPhase.objects.get(pk=other.pk).aggregated_at)
    assert not TableOutputLine.objects.filter(output__phase=phase).exists()
    assert WorkshopPhase.objects.get(pk=phase.pk).aggregation_claim == "a" * 32

    # That worker died a minute ago: its claim is stale, and the sweeper queues the phase again.
    WorkshopPhase.objects.filter(pk=phase.pk).update(aggregation_claimed_at=timezone.now() - timedelta(seconds=61))
    assert aggregate_pending.apply().get() == 1
    (line,) = wait_for(lambda: lines_of(phase))
    assert line[4] == PERMIS
    assert WorkshopPhase.objects.get(pk=phase.pk).aggregation_claim == ""
