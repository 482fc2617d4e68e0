"""The same request sent twice at once: the database has the last word, nothing is counted twice."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from workshops import services
from workshops.models import Participant, PlusOne

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(target, times=4):
    barrier = threading.Barrier(times)
    outcomes = []

    def worker():
        try:
            barrier.wait()
            outcomes.append(target())
        except Exception as error:  # collected and asserted on by the test
            outcomes.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_a_plus_one_sent_four_times_at_once_counts_once(live_workshop, participant_factory, contribution_factory):
    postit = contribution_factory(participant=participant_factory(workshop=live_workshop))
    fan = participant_factory(workshop=live_workshop)

    outcomes = run_together(lambda: services.contribution_plus_one(participant=fan, contribution_id=postit.pk))

    assert sum(not isinstance(o, ValidationError) for o in outcomes) == 1
    postit.refresh_from_db()
    assert postit.plus_ones == 1
    assert PlusOne.objects.filter(contribution=postit).count() == 1


def test_two_people_taking_the_same_name_at_once_get_one_seat(live_workshop):
    outcomes = run_together(
        lambda: services.participant_join(workshop=live_workshop, display_name="Camille", table_id=None)
    )
    assert sum(isinstance(o, Participant) for o in outcomes) == 1
    assert Participant.objects.filter(workshop=live_workshop, display_name__iexact="camille").count() == 1


def test_two_phases_opened_at_once_leave_one_open(live_workshop):
    phases = list(live_workshop.phases.order_by("position")[:2])
    index = iter(range(4))
    outcomes = run_together(lambda: services.phase_open(phase=phases[next(index) % 2]))
    assert len(outcomes) == 4
    assert not [o for o in outcomes if isinstance(o, Exception)]
    assert live_workshop.phases.filter(status="open").count() == 1
