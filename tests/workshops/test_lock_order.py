"""Forced interleavings on PostgreSQL: two services of one workshop, each on its own connection.

`interleave` lets the first service take its first row lock, then starts the second while the
first still holds that lock, then lets the first go on. Services that lock in different orders
(a timer taking the phase before the workshop, a merge taking its target before its source)
deadlock here every time; with one lock order the second waits and both finish.
"""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from tests.interleave import assert_no_database_error, pair
from workshops import services
from workshops.aggregation import phase_aggregate
from workshops.models import Contribution, Participant, PlusOne, TableSynthesis, Workshop, WorkshopPhase

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def phase(live_workshop):
    return live_workshop.phases.get(position=1)


@pytest.fixture
def scribes(live_workshop, participant_factory):
    """Two scribes of table 1 (a table may name a second one when the first is busy)."""
    return [participant_factory(workshop=live_workshop, is_scribe=True) for _ in range(2)]


@pytest.fixture
def two_postits(live_workshop, participant_factory, contribution_factory):
    author = participant_factory(workshop=live_workshop)
    fan = participant_factory(workshop=live_workshop)
    a = contribution_factory(participant=author, text="Les jeunes ne passent plus le permis")
    b = contribution_factory(participant=author, text="Le permis de conduire n'attire plus")
    services.contribution_plus_one(participant=fan, contribution_id=a.pk)
    return a, b


@pytest.mark.parametrize("swap", [False, True], ids=["timer-first", "close-first"])
@pytest.mark.parametrize("timer", [services.timer_start, services.timer_pause, services.timer_reset], ids=lambda f: f.__name__)
def test_a_timer_action_and_closing_the_phase_both_finish(phase, timer, swap):
    services.timer_start(phase=phase)
    timed, closed = pair(lambda: timer(phase=phase), lambda: services.phase_close(phase=phase), swap)

    assert_no_database_error({"timer": timed, "close": closed})
    assert isinstance(closed, WorkshopPhase)
    phase.refresh_from_db()
    # Closed last or first, the phase ends closed with its clock stopped.
    assert phase.status == WorkshopPhase.Status.CLOSED
    assert phase.timer_started_at is None


@pytest.mark.parametrize("swap", [False, True], ids=["timer-first", "close-first"])
def test_starting_the_timer_and_closing_the_workshop_both_finish(live_workshop, phase, swap):
    timed, closed = pair(
        lambda: services.timer_start(phase=phase), lambda: services.workshop_close(workshop=live_workshop), swap
    )

    assert_no_database_error({"timer": timed, "close": closed})
    phase.refresh_from_db()
    assert (phase.status, phase.timer_started_at) == (WorkshopPhase.Status.CLOSED, None)


@pytest.mark.parametrize("swap", [False, True], ids=["plus-one-first", "close-first"])
def test_a_plus_one_and_closing_the_phase_both_finish(live_workshop, phase, two_postits, participant_factory, swap):
    postit, _ = two_postits
    fan = participant_factory(workshop=live_workshop)

    plus_one, closed = pair(
        lambda: services.contribution_plus_one(participant=fan, contribution_id=postit.pk),
        lambda: services.phase_close(phase=phase),
        swap,
    )

    assert_no_database_error({"plus_one": plus_one, "close": closed})
    assert isinstance(closed, WorkshopPhase)
    postit.refresh_from_db()
    counted = PlusOne.objects.filter(contribution=postit, participant=fan).exists()
    # Either the +1 landed before the close, or it was refused after it: never half of it.
    assert counted == (not swap)
    assert postit.plus_ones == PlusOne.objects.filter(contribution=postit).count()


@pytest.mark.parametrize("swap", [False, True], ids=["a-into-b-first", "b-into-a-first"])
def test_two_scribes_merging_two_postits_into_each_other_both_finish(scribes, two_postits, swap):
    a, b = two_postits
    one, other = scribes

    a_into_b, b_into_a = pair(
        lambda: services.contribution_merge(scribe=one, target_id=b.pk, source_id=a.pk),
        lambda: services.contribution_merge(scribe=other, target_id=a.pk, source_id=b.pk),
        swap,
    )

    assert_no_database_error({"a_into_b": a_into_b, "b_into_a": b_into_a})
    # The first merge wins; the second learns the post-it was already merged.
    assert sum(isinstance(o, Contribution) for o in (a_into_b, b_into_a)) == 1
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.merged_into_id, b.merged_into_id) == ((None, a.pk) if swap else (b.pk, None))
    survivor = a if swap else b
    assert survivor.plus_ones == PlusOne.objects.filter(contribution=survivor).count() == 1


@pytest.mark.parametrize("swap", [False, True], ids=["hide-first", "merge-first"])
def test_hiding_a_postit_while_another_scribe_merges_it_both_finish(scribes, two_postits, swap):
    a, b = two_postits
    one, other = scribes

    hidden, merged = pair(
        lambda: services.contribution_set_hidden(scribe=one, contribution_id=b.pk, hidden=True),
        lambda: services.contribution_merge(scribe=other, target_id=b.pk, source_id=a.pk),
        swap,
    )

    assert_no_database_error({"hide": hidden, "merge": merged})
    a.refresh_from_db()
    b.refresh_from_db()
    assert (b.hidden, a.merged_into_id) == (True, b.pk)
    assert b.plus_ones == PlusOne.objects.filter(contribution=b).count() == 1


@pytest.mark.parametrize("swap", [False, True], ids=["group-first", "merge-first"])
def test_grouping_and_merging_the_same_postits_both_finish(scribes, two_postits, swap):
    a, b = two_postits
    one, other = scribes

    grouped, merged = pair(
        # Listed in the opposite order to the merge's: the locks are taken in primary-key order anyway.
        lambda: services.contribution_group(scribe=one, contribution_ids=[b.pk, a.pk], label="Permis"),
        lambda: services.contribution_merge(scribe=other, target_id=a.pk, source_id=b.pk),
        swap,
    )

    assert_no_database_error({"group": grouped, "merge": merged})
    assert set(Contribution.objects.filter(pk__in=[a.pk, b.pk]).values_list("group_label", flat=True)) == {"Permis"}
    b.refresh_from_db()
    assert b.merged_into_id == a.pk


@pytest.mark.parametrize("swap", [False, True], ids=["plus-one-first", "hide-first"])
def test_a_plus_one_and_hiding_the_postit_both_finish(live_workshop, scribes, two_postits, participant_factory, swap):
    _, b = two_postits
    fan = participant_factory(workshop=live_workshop)

    plus_one, hidden = pair(
        lambda: services.contribution_plus_one(participant=fan, contribution_id=b.pk),
        lambda: services.contribution_set_hidden(scribe=scribes[0], contribution_id=b.pk, hidden=True),
        swap,
    )

    assert_no_database_error({"plus_one": plus_one, "hide": hidden})
    b.refresh_from_db()
    assert b.hidden
    # A +1 after the hide is refused ("no longer on the board"); before it, it stays counted.
    assert b.plus_ones == PlusOne.objects.filter(contribution=b).count() == (0 if swap else 1)


@pytest.mark.parametrize("swap", [False, True], ids=["synthesis-first", "close-first"])
def test_saving_a_synthesis_and_closing_its_phase_both_finish(synthesis_phase, scribes, swap):
    saved, closed = pair(
        lambda: services.synthesis_save(scribe=scribes[0], text="Le partage devient la norme."),
        lambda: services.phase_close(phase=synthesis_phase),
        swap,
    )

    assert_no_database_error({"synthesis": saved, "close": closed})
    assert isinstance(closed, WorkshopPhase)
    assert TableSynthesis.objects.filter(phase=synthesis_phase).exists() == (not swap)


@pytest.mark.parametrize("swap", [False, True], ids=["post-first", "close-first"])
def test_a_post_and_closing_the_workshop_both_finish(live_workshop, phase, participant_factory, swap):
    author = participant_factory(workshop=live_workshop)
    section = phase.canvas.sections.order_by("position").first()

    posted, closed = pair(
        lambda: services.contribution_post(participant=author, section_id=section.pk, text="Les voitures se partagent"),
        lambda: services.workshop_close(workshop=live_workshop),
        swap,
    )

    assert_no_database_error({"post": posted, "close": closed})
    assert Workshop.objects.get(pk=live_workshop.pk).status == Workshop.Status.CLOSED
    assert Contribution.objects.filter(participant=author).exists() == (not swap)


@pytest.mark.parametrize("swap", [False, True], ids=["seat-first", "table-first"])
def test_two_people_taking_the_last_seat_at_once_leave_one_seated(live_workshop, participant_factory, swap):
    table = live_workshop.tables.get(number=2)
    services.table_update(table=table, name="", capacity=1)
    facilitator_seats = participant_factory(workshop=live_workshop, table=None)
    walks_over = participant_factory(workshop=live_workshop, table=None)

    seated, moved = pair(
        lambda: services.participant_seat(participant=facilitator_seats, table_id=table.pk, is_scribe=True),
        lambda: services.participant_set_table(participant=walks_over, table_id=table.pk),
        swap,
    )

    assert_no_database_error({"seat": seated, "set_table": moved})
    assert Participant.objects.filter(table=table).count() == 1
    assert [isinstance(o, ValidationError) for o in (seated, moved)] == ([True, False] if swap else [False, True])


@pytest.mark.parametrize("swap", [False, True], ids=["join-first", "close-first"])
def test_joining_and_closing_the_workshop_both_finish(live_workshop, swap):
    table = live_workshop.tables.get(number=1)

    joined, closed = pair(
        lambda: services.participant_join(workshop=live_workshop, display_name="Camille", table_id=table.pk),
        lambda: services.workshop_close(workshop=live_workshop),
        swap,
    )

    assert_no_database_error({"join": joined, "close": closed})
    assert Participant.objects.filter(display_name="Camille").exists() == (not swap)


@pytest.mark.parametrize("swap", [False, True], ids=["aggregate-first", "open-first"])
def test_rebuilding_outputs_while_the_next_phase_opens_both_finish(live_workshop, phase, two_postits, swap):
    services.phase_close(phase=phase)
    following = live_workshop.phases.get(position=2)

    built, opened = pair(lambda: phase_aggregate(phase_id=phase.pk), lambda: services.phase_open(phase=following), swap)

    assert_no_database_error({"aggregate": built, "open": opened})
    assert built == 2
    assert live_workshop.phases.get(pk=following.pk).is_open


def test_the_aggregation_does_not_import_the_services():
    """services -> tasks -> aggregation -> services was a cycle; the version bump lives in live.py now."""
    code = "import sys, django; django.setup(); import workshops.aggregation; print('workshops.services' in sys.modules)"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, cwd=settings.BASE_DIR)
    assert result.stdout.strip() == "False"
