"""A closed workshop is read-only for its participants and scribes; rebuilding its outputs loses no line."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from workshops import services
from workshops.aggregation import phase_aggregate
from workshops.models import Contribution, Participant, PlusOne, TableOutput, TableOutputLine, TableSynthesis, WorkshopPhase

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
CLOSED = "This workshop is closed"


@pytest.fixture
def tables(live_workshop):
    return list(live_workshop.tables.order_by("number"))


@pytest.fixture
def room(live_workshop, tables, participant_factory, contribution_factory):
    """A scribe and a participant at table 1, three post-its there (one +1'd), then the workshop closed."""
    scribe = services.participant_set_scribe(participant=participant_factory(workshop=live_workshop, table=tables[0]), is_scribe=True)
    participant = participant_factory(workshop=live_workshop, table=tables[0])
    author = participant_factory(workshop=live_workshop, table=tables[0])
    postits = [contribution_factory(participant=author, text=t) for t in ("Louer", "Louer plutôt", "Hors sujet")]
    services.contribution_plus_one(participant=participant, contribution_id=postits[0].pk)
    services.workshop_close(workshop=live_workshop)
    return {"scribe": scribe, "participant": participant, "postits": postits}


def board_state():
    return sorted(Contribution.objects.values_list("pk", "hidden", "group_label", "merged_into", "plus_ones"))


def every_write(room, tables, live_workshop):
    scribe, participant, postits = room["scribe"], room["participant"], room["postits"]
    section = live_workshop.phases.get(position=1).canvas.sections.order_by("position").first()
    return {
        "post": lambda: services.contribution_post(participant=participant, section_id=section.pk, text="Encore un"),
        "plus_one": lambda: services.contribution_plus_one(participant=scribe, contribution_id=postits[1].pk),
        "hide": lambda: services.contribution_set_hidden(scribe=scribe, contribution_id=postits[2].pk, hidden=True),
        "group": lambda: services.contribution_group(scribe=scribe, contribution_ids=[p.pk for p in postits[:2]], label="Usage"),
        "merge": lambda: services.contribution_merge(scribe=scribe, target_id=postits[0].pk, source_id=postits[1].pk),
    "unmerge": lambda: services.contribution_unmerge(scribe=scribe, contribution_id=postits[1].pk),
        "synthesis": lambda: services.synthesis_save(scribe=scribe, text="Tout"),
        "set_table": lambda: services.participant_set_table(participant=participant, table_id=tables[1].pk),
        "seat": lambda: services.participant_seat(participant=participant, table_id=tables[1].pk, is_scribe=True),
    }


@pytest.mark.parametrize("write", ["post", "plus_one", "hide", "group", "merge", "unmerge", "synthesis", "set_table", "seat"])
def test_every_write_of_the_room_is_refused_once_the_workshop_is_closed(room, tables, live_workshop, write):
    before = board_state(), sorted(Participant.objects.values_list("pk", "table", "is_scribe"))

    with translation.override("en"), pytest.raises(ValidationError) as error:
        every_write(room, tables, live_workshop)[write]()

    assert CLOSED in " ".join(error.value.messages)
    assert (board_state(), sorted(Participant.objects.values_list("pk", "table", "is_scribe"))) == before
    assert PlusOne.objects.count() == 1 and not TableSynthesis.objects.exists()


def url(name, *args):
    return reverse(f"workshops:{name}", args=["QN2012", *args])


def test_a_scribes_old_page_cannot_alter_a_closed_workshop(client, join_as, room):
    join_as(client, room["scribe"])
    postits = room["postits"]
    before = board_state()

    answers = [
        client.post(url("scribe_hide", postits[2].pk), {"hidden": "1"}, **HTMX),
        client.post(url("scribe_group"), {"contributions": [postits[0].pk, postits[1].pk], "label": "Usage"}, **HTMX),
        client.post(url("scribe_merge"), {"target": postits[0].pk, "source": postits[1].pk}, **HTMX),
        client.post(url("scribe_synthesis"), {"text": "Tout"}, **HTMX),
    ]

    # The guards' access part refuses first (a closed workshop never reopens); the services refuse too.
    assert [a.status_code for a in answers] == [403] * 4
    assert board_state() == before and not TableSynthesis.objects.exists()


def test_a_participants_old_page_cannot_alter_a_closed_workshop(client, join_as, room, tables):
    join_as(client, room["participant"])
    before = board_state()

    answers = [
        client.post(url("plus_one", room["postits"][1].pk), **HTMX),
        client.post(url("post"), {"section": 1, "text": "Encore"}, **HTMX),
        client.post(url("choose_table"), {"table": tables[1].pk}),
    ]

    assert [a.status_code for a in answers] == [403, 403, 403]
    assert board_state() == before
    room["participant"].refresh_from_db()
    assert room["participant"].table == tables[0]


def test_a_scribe_cannot_change_the_postits_of_a_closed_phase(live_workshop, tables, participant_factory, contribution_factory):
    """Those post-its are what the table outputs are built from: they stay as the phase left them."""
    scribe = participant_factory(workshop=live_workshop, table=tables[0], is_scribe=True)
    postit = contribution_factory(participant=participant_factory(workshop=live_workshop, table=tables[0]))
    services.phase_close(phase=live_workshop.phases.get(position=1))

    with translation.override("en"), pytest.raises(ValidationError) as error:
        services.contribution_set_hidden(scribe=scribe, contribution_id=postit.pk, hidden=True)

    assert "This phase is closed" in " ".join(error.value.messages)
    postit.refresh_from_db()
    assert not postit.hidden


# --- Rebuilding outputs ---------------------------------------------------------------------------


def lines():
    return sorted(
        (line.pk, line.output_id, line.position, line.text, line.plus_ones, tuple(sorted(line.sources.values_list("pk", flat=True))))
        for line in TableOutputLine.objects.all()
    )


def test_rebuilding_the_outputs_of_a_closed_workshop_keeps_every_line(client, facilitator, live_workshop, tables, participant_factory, contribution_factory):
    at_one = participant_factory(workshop=live_workshop, table=tables[0])
    at_two = participant_factory(workshop=live_workshop, table=tables[1])
    contribution_factory(participant=at_one, text="Louer plutôt qu'acheter")
    contribution_factory(participant=at_one, text="Les jeunes ne passent plus le permis")
    contribution_factory(participant=at_two, text="Les imprimantes 3D entrent dans les foyers")
    phase = live_workshop.phases.get(position=1)
    services.phase_close(phase=phase)
    phase_aggregate(phase_id=phase.pk)
    built = lines()
    services.workshop_close(workshop=live_workshop)

    client.force_login(facilitator)
    response = client.post(reverse("workshops:phase_action", args=[live_workshop.pk, phase.pk, "rebuild-outputs"]))

    assert response.status_code == 302
    assert len(built) == 3
    # The same lines, the very same rows: nothing that points at a line (a ballot option) loses it.
    assert lines() == built
    assert WorkshopPhase.objects.get(pk=phase.pk).aggregated_at is not None


def test_rebuilding_twice_writes_the_same_rows(live_workshop, tables, participant_factory, contribution_factory):
    contribution_factory(participant=participant_factory(workshop=live_workshop, table=tables[0]), text="Louer")
    phase = live_workshop.phases.get(position=1)
    services.phase_close(phase=phase)

    assert phase_aggregate(phase_id=phase.pk) == 1
    first = lines(), sorted(TableOutput.objects.values_list("pk", flat=True))
    assert phase_aggregate(phase_id=phase.pk) == 1
    assert (lines(), sorted(TableOutput.objects.values_list("pk", flat=True))) == first


def test_an_output_whose_postits_changed_is_rebuilt(live_workshop, tables, participant_factory, contribution_factory):
    """A phase reopened and closed again with one more post-it: that table's output follows."""
    author = participant_factory(workshop=live_workshop, table=tables[0])
    contribution_factory(participant=author, text="Louer")
    phase = live_workshop.phases.get(position=1)
    services.phase_close(phase=phase)
    phase_aggregate(phase_id=phase.pk)
    services.phase_open(phase=WorkshopPhase.objects.get(pk=phase.pk))
    contribution_factory(participant=author, text="Les imprimantes 3D entrent dans les foyers")
    services.phase_close(phase=phase)

    phase_aggregate(phase_id=phase.pk)

    assert sorted(TableOutputLine.objects.values_list("text", flat=True)) == ["Les imprimantes 3D entrent dans les foyers", "Louer"]


def test_a_ballot_option_made_from_an_output_line_keeps_it_after_a_rebuild(live_workshop, tables, participant_factory, contribution_factory):
    from voting.services import ballot_create, options_from_table_outputs

    contribution_factory(participant=participant_factory(workshop=live_workshop, table=tables[0]), text="Louer")
    phase = live_workshop.phases.get(position=1)
    services.phase_close(phase=phase)
    phase_aggregate(phase_id=phase.pk)
    ballot = ballot_create(
        workshop=live_workshop, title="Priorités", method="approval", options=options_from_table_outputs(workshop=live_workshop)
    )
    services.workshop_close(workshop=live_workshop)

    phase_aggregate(phase_id=phase.pk)

    assert [o.output_line.text for o in ballot.options.select_related("output_line")] == ["Louer"]


def test_the_api_refuses_a_post_in_a_closed_workshop_with_a_json_message(client, join_as, room, live_workshop):
    api = join_as(client, room["participant"])
    section = live_workshop.phases.get(position=1).canvas.sections.order_by("position").first()

    response = api.post(
        reverse("workshops:api_contributions", args=["QN2012"]), {"section": section.pk, "text": "Encore"}, content_type="application/json"
    )

    assert 400 <= response.status_code < 500
    assert response["Content-Type"].startswith("application/json")
    assert Contribution.objects.count() == 3


# --- What a closed workshop tells the room --------------------------------------------------------


def test_a_participant_of_a_closed_workshop_is_told_it_is_over_and_where_the_results_are(client, join_as, room, live_workshop, english):
    phase = live_workshop.phases.get(position=1)
    phase_aggregate(phase_id=phase.pk)
    join_as(client, room["participant"])

    html = client.get(reverse("workshops:canvas", args=["QN2012"])).content.decode()

    assert "This workshop is over. Thank you for taking part!" in html and "The workshop is over" in html
    assert 'href="#outputs"' in html and 'id="outputs"' in html and "Louer" in html
    assert "Change table" not in html and reverse("workshops:choose_table", args=["QN2012"]) not in html
    assert "Waiting for the facilitator" not in html and "Choose your table above" not in html


def test_a_participant_without_a_table_is_told_it_is_over_too(client, join_as, room, live_workshop, participant_factory, english):
    join_as(client, participant_factory(workshop=live_workshop, table=None))

    html = client.get(reverse("workshops:canvas", args=["QN2012"])).content.decode()

    assert "This workshop is over." in html and "Choose your table above" not in html and "Change table" not in html


def test_the_projector_of_a_closed_workshop_no_longer_invites_anyone_to_join(client, facilitator, room, live_workshop, english):
    client.force_login(facilitator)

    html = client.get(reverse("workshops:projector", args=[live_workshop.pk])).content.decode()

    assert live_workshop.join_code not in html and reverse("workshops:join_qr", args=[live_workshop.pk]) not in html
    assert "The workshop is over. Thank you!" in html


def test_the_projector_of_a_live_workshop_shows_the_code(client, facilitator, live_workshop):
    client.force_login(facilitator)
    html = client.get(reverse("workshops:projector", args=[live_workshop.pk])).content.decode()
    assert live_workshop.join_code in html
