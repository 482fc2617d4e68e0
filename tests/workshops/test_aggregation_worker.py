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
