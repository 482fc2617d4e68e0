"""A rebuilt output rewrites its lines in place: the same idea keeps its row, and the ballot options
made from it (voting.BallotOption.output_line) keep their link, even when the line's text, +1s,
sources and position change."""

import pytest

from voting.services import ballot_create, options_from_table_outputs
from workshops import bulk, services
from workshops.aggregation import phase_aggregate
from workshops.models import TableOutputLine, WorkshopPhase

pytestmark = pytest.mark.django_db

PERMIS = "Les jeunes ne passent plus le permis de conduire"
LOCATION = "Essor des plateformes de location entre particuliers"
IMPRIMANTES = "Les imprimantes 3D entrent dans les foyers"


@pytest.fixture(autouse=True, params=["unnest", "orm"])
def write_path(request, monkeypatch):
    """Every test twice: the write in single statements (PostgreSQL), and through the ORM (SQLite's way)."""
    if request.param == "orm":
        monkeypatch.setattr(bulk, "_native", lambda: False)
    return request.param


@pytest.fixture
def room(live_workshop, participant_factory):
    return [participant_factory(workshop=live_workshop) for _ in range(4)]


def reopen(phase):
    return services.phase_open(phase=WorkshopPhase.objects.get(pk=phase.pk))


def test_lines_keep_their_rows_and_ballot_options_when_the_output_changes(live_workshop, room, contribution_factory):
    phase = live_workshop.phases.get(position=1)
    permis = contribution_factory(participant=room[0], text=PERMIS)
    location = contribution_factory(participant=room[1], text=LOCATION)
    services.phase_close(phase=phase)
    phase_aggregate(phase_id=phase.pk)
    before = {line.text: line.pk for line in TableOutputLine.objects.all()}
    ballot = ballot_create(workshop=live_workshop, title="Priorités", method="approval", options=options_from_table_outputs(workshop=live_workshop))

    # The phase is reopened: a near-duplicate of the permis post-it, two +1s that reorder the lines, a new idea.
    reopen(phase)
    again = contribution_factory(participant=room[2], text=PERMIS + " !")
    for fan in room[2:]:
        services.contribution_plus_one(participant=fan, contribution_id=location.pk)
    contribution_factory(participant=room[3], text=IMPRIMANTES)
    services.phase_close(phase=phase)
    phase_aggregate(phase_id=phase.pk)

    lines = list(TableOutputLine.objects.order_by("position"))
    assert [(line.text, line.plus_ones) for line in lines] == [(LOCATION, 2), (PERMIS, 0), (IMPRIMANTES, 0)]
    # The same ideas are the same rows, moved and updated in place.
    assert lines[0].pk == before[LOCATION] and lines[1].pk == before[PERMIS]
    assert set(lines[1].sources.values_list("pk", flat=True)) == {permis.pk, again.pk}
    assert lines[1].key == permis.pk
    linked = {o.output_line_id for o in ballot.options.all()}
    assert linked == {before[PERMIS], before[LOCATION]}


def test_only_a_line_whose_idea_is_gone_loses_its_option(live_workshop, room, contribution_factory):
    phase = live_workshop.phases.get(position=1)
    scribe = services.participant_set_scribe(participant=room[0], is_scribe=True)
    kept = contribution_factory(participant=room[1], text=PERMIS)
    gone = contribution_factory(participant=room[2], text=LOCATION)
    services.phase_close(phase=phase)
    phase_aggregate(phase_id=phase.pk)
    ballot = ballot_create(workshop=live_workshop, title="Priorités", method="approval", options=options_from_table_outputs(workshop=live_workshop))

    reopen(phase)
    services.contribution_set_hidden(scribe=scribe, contribution_id=gone.pk, hidden=True)
    services.phase_close(phase=phase)
    phase_aggregate(phase_id=phase.pk)

    (line,) = TableOutputLine.objects.all()
    assert line.key == kept.pk
    assert sorted((o.output_line_id is not None, o.label.endswith(PERMIS)) for o in ballot.options.all()) == [(False, False), (True, True)]


def test_a_rebuild_that_changes_nothing_writes_nothing(live_workshop, room, contribution_factory, django_assert_max_num_queries):
    phase = live_workshop.phases.get(position=1)
    for author, text in zip(room, [PERMIS, LOCATION, IMPRIMANTES, PERMIS]):
        contribution_factory(participant=author, text=text)
    services.phase_close(phase=phase)
    phase_aggregate(phase_id=phase.pk)

    # Claim, snapshot (marker, phase, post-its, +1s), outputs, lines, sources, phase, bump, marker, release:
    # a bounded number, whatever the number of post-its.
    with django_assert_max_num_queries(20):
        assert phase_aggregate(phase_id=phase.pk) == 3
