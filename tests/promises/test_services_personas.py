"""Persona cards: the scribe writes them in a personas phase; steps stay numbered 1..n."""

import pytest
from django.core.exceptions import ValidationError

from promises import services
from promises.models import Persona, PersonaStep
from workshops import services as workshop_services
from workshops.models import Activity, Table, Workshop


def _story(room, *texts):
    persona = services.persona_create(scribe=room.scribe, name="Bruno", age=52, profile="Maire d'une petite commune")
    steps = [services.persona_step_add(scribe=room.scribe, persona_id=persona.pk, text=t) for t in texts]
    return persona, steps


def _texts(persona):
    return list(PersonaStep.objects.filter(persona=persona).order_by("position").values_list("position", "text"))


def test_the_scribe_writes_a_persona_with_numbered_steps_and_the_table_sees_it(room):
    room.open(Activity.PERSONAS)
    version = Table.objects.get(pk=room.table1.pk).version
    persona, steps = _story(room, "Il découvre", "Il convainc", "Il réussit")
    assert persona.table == room.table1 and persona.age == 52
    assert _texts(persona) == [(1, "Il découvre"), (2, "Il convainc"), (3, "Il réussit")]
    assert Table.objects.get(pk=room.table1.pk).version > version  # the table's laptops follow


def test_reordering_renumbers_one_to_n(room):
    room.open(Activity.PERSONAS)
    persona, (a, b, c) = _story(room, "A", "B", "C")
    services.persona_steps_reorder(scribe=room.scribe, persona_id=persona.pk, step_ids=[c.pk, a.pk, b.pk])
    assert _texts(persona) == [(1, "C"), (2, "A"), (3, "B")]


def test_moving_a_step_up_and_deleting_one_leave_no_gap(room):
    room.open(Activity.PERSONAS)
    persona, (a, b, c) = _story(room, "A", "B", "C")
    services.persona_step_move(scribe=room.scribe, step_id=c.pk, direction="up")
    assert _texts(persona) == [(1, "A"), (2, "C"), (3, "B")]
    services.persona_step_move(scribe=room.scribe, step_id=a.pk, direction="up")  # already first: unchanged
    services.persona_step_delete(scribe=room.scribe, step_id=a.pk)
    assert _texts(persona) == [(1, "C"), (2, "B")]


@pytest.mark.parametrize(
    "order",
    [
        pytest.param(lambda a, b, c: [a, b], id="one missing"),
        pytest.param(lambda a, b, c: [a, b, c, c], id="one twice"),
        pytest.param(lambda a, b, c: [a, b, 999999], id="one of nowhere"),
        pytest.param(lambda a, b, c: [a, b, "x"], id="junk"),
    ],
)
def test_an_order_that_is_not_the_story_is_refused_and_nothing_moves(room, order):
    room.open(Activity.PERSONAS)
    persona, (a, b, c) = _story(room, "A", "B", "C")
    with pytest.raises(ValidationError) as refused:
        services.persona_steps_reorder(scribe=room.scribe, persona_id=persona.pk, step_ids=order(a.pk, b.pk, c.pk))
    assert refused.value.code == "conflict"
    assert _texts(persona) == [(1, "A"), (2, "B"), (3, "C")]


def test_a_step_of_another_persona_cannot_be_ordered_into_this_one(room):
    room.open(Activity.PERSONAS)
    persona, (a, b) = _story(room, "A", "B")
    other = services.persona_create(scribe=room.scribe, name="Edouard")
    foreign = services.persona_step_add(scribe=room.scribe, persona_id=other.pk, text="X")
    with pytest.raises(ValidationError):
        services.persona_steps_reorder(scribe=room.scribe, persona_id=persona.pk, step_ids=[a.pk, foreign.pk])
    assert _texts(persona) == [(1, "A"), (2, "B")]


def test_the_scribe_updates_the_card(room):
    room.open(Activity.PERSONAS)
    persona, _steps = _story(room)
    services.persona_update(scribe=room.scribe, persona_id=persona.pk, name="Edouard De France", age="61", profile="x" * 2000, keywords="sens, réseau")
    persona.refresh_from_db()
    assert (persona.name, persona.age, len(persona.profile), persona.keywords) == ("Edouard De France", 61, 2000, "sens, réseau")


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "x" * 121}, "name"),
        ({"age": "-1"}, "age"),
        ({"age": "200"}, "age"),
        ({"age": "vieux"}, "age"),
        ({"profile": "x" * 2001}, "profile"),
    ],
)
def test_a_bad_card_is_refused_and_nothing_written(room, fields, field):
    room.open(Activity.PERSONAS)
    with pytest.raises(ValidationError) as refused:
        services.persona_create(scribe=room.scribe, **{"name": "Bruno", **fields})
    assert field in refused.value.message_dict
    assert not Persona.objects.exists()


@pytest.mark.parametrize("text", ["", "  ", "x" * 2001])
def test_an_empty_or_oversized_step_is_refused(room, text):
    room.open(Activity.PERSONAS)
    persona, _steps = _story(room, "A")
    with pytest.raises(ValidationError):
        services.persona_step_add(scribe=room.scribe, persona_id=persona.pk, text=text)
    assert _texts(persona) == [(1, "A")]


def test_only_the_scribe_of_the_table_writes_it(room):
    room.open(Activity.PERSONAS)
    with pytest.raises(ValidationError, match="scribe"):
        services.persona_create(scribe=room.daniel, name="Bruno")
    persona, (step,) = _story(room, "A")
    with pytest.raises(ValidationError, match="another table"):
        services.persona_step_update(scribe=room.omar, step_id=step.pk, text="Pris")
    assert _texts(persona) == [(1, "A")]


def test_personas_are_written_in_a_personas_phase_only(room):
    with pytest.raises(ValidationError, match="personas phase"):
        services.persona_create(scribe=room.scribe, name="Bruno")
    room.open(Activity.KEYWORDS)
    with pytest.raises(ValidationError, match="personas phase"):
        services.persona_create(scribe=room.scribe, name="Bruno")
    assert not Persona.objects.exists()


def test_a_closed_workshop_keeps_its_personas_as_they_are(room):
    room.open(Activity.PERSONAS)
    persona, (step,) = _story(room, "A")
    workshop_services.workshop_close(workshop=Workshop.objects.get(pk=room.workshop.pk))
    with pytest.raises(ValidationError, match="closed"):
        services.persona_step_update(scribe=room.scribe, step_id=step.pk, text="Changé")
    assert _texts(persona) == [(1, "A")]


def test_a_scribe_of_another_workshop_reaches_nothing_here(room):
    from tests import factories

    room.open(Activity.PERSONAS)
    persona, (step,) = _story(room, "A")
    outsider = factories.ParticipantFactory(is_scribe=True, display_name="Xavier")
    with pytest.raises(ValidationError):
        services.persona_step_delete(scribe=outsider, step_id=step.pk)
    assert _texts(persona) == [(1, "A")]
