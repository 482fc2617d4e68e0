"""The aggregation task retries when the database fails, instead of losing the table outputs."""

import pytest
from django.db import OperationalError

from workshops import tasks
from workshops.models import TableOutputLine

pytestmark = pytest.mark.django_db


def test_a_database_failure_is_retried_and_the_retry_builds_the_output(live_workshop, participant_factory, contribution_factory, monkeypatch):
    contribution_factory(participant=participant_factory(workshop=live_workshop), text="Posséder devient ringard")
    phase = live_workshop.phases.get(position=1)
    real = tasks.phase_aggregate
    calls = []

    def down_once(*, phase_id):
        calls.append(phase_id)
        if len(calls) == 1:
            raise OperationalError("the database went away")
        return real(phase_id=phase_id)

    monkeypatch.setattr(tasks, "phase_aggregate", down_once)
    # Eagerly, Celery runs the retry inline, within this call.
    result = tasks.aggregate_phase.apply(args=[phase.pk], throw=False)

    assert result.successful()
    assert calls == [phase.pk, phase.pk]
    assert TableOutputLine.objects.get().text == "Posséder devient ringard"


def test_an_error_that_is_not_the_databases_is_not_retried(live_workshop, monkeypatch):
    calls = []

    def bug(*, phase_id):
        calls.append(phase_id)
        raise ValueError("a bug")

    monkeypatch.setattr(tasks, "phase_aggregate", bug)
    result = tasks.aggregate_phase.apply(args=[live_workshop.phases.first().pk], throw=False)
    assert result.state == "FAILURE"
    assert len(calls) == 1
