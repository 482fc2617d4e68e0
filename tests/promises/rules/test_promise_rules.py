"""Every promises rule, for every role, in every state of the workshop and its phases."""

import pytest
import rules

from core.rules import access
from promises.models import Keyword, Persona, Phrase
from tests.rules_world import PARTICIPANTS, ROLES
from workshops import services
from workshops.models import Activity, Table, Workshop, WorkshopPhase

STATES = ["draft", "postits", "personas", "keywords", "phrases", "commitments", "closed"]
ALWAYS = set(STATES)
WRITABLE = ALWAYS - {"closed"}
READERS_OF_TABLE1 = {"participant", "scribe", "facilitator", "editor", "superuser"}
ROOM_READERS = PARTICIPANTS | {"facilitator", "editor", "superuser"}

# rule: (target, roles it lets in, states it lets them in)
RULES = {
    "promises.view_personas": ("persona", READERS_OF_TABLE1, ALWAYS),
    "promises.write_persona": ("persona", {"scribe"}, {"personas"}),
    "promises.view_keywords": ("workshop", ROOM_READERS, ALWAYS),
    "promises.add_keyword": ("workshop", PARTICIPANTS, {"keywords"}),
    "promises.curate_keywords": ("keyword", {"facilitator", "superuser"}, ALWAYS),
    "promises.run_votes": ("workshop", {"facilitator", "superuser"}, WRITABLE),
    "promises.propose_phrase": ("table1", {"participant", "scribe"}, {"phrases"}),
    "promises.edit_phrase": ("phrase", {"scribe"}, {"phrases"}),
    "promises.view_commitments": ("workshop", ROOM_READERS, ALWAYS),
    "promises.make_commitment": ("workshop", PARTICIPANTS, {"commitments"}),
    "promises.edit_promise": ("workshop", {"facilitator", "superuser"}, ALWAYS),
    "promises.view_report": ("workshop", {"facilitator", "editor", "superuser"}, ALWAYS),
}
ACCESS = {
    **RULES,
    "promises.write_persona": ("persona", {"scribe"}, WRITABLE),
    "promises.add_keyword": ("workshop", PARTICIPANTS, WRITABLE),
    "promises.make_commitment": ("workshop", PARTICIPANTS, WRITABLE),
    "promises.propose_phrase": ("table1", {"participant", "scribe"}, WRITABLE),
    "promises.edit_phrase": ("phrase", {"scribe"}, WRITABLE),
}


@pytest.fixture
def in_state(world):
    workshop = world.workshop
    for position, activity in enumerate((Activity.PERSONAS, Activity.KEYWORDS, Activity.PHRASES, Activity.COMMITMENTS), start=10):
        WorkshopPhase.objects.create(workshop=workshop, position=position, name=activity.label, activity=activity)
    persona = Persona.objects.create(workshop=workshop, table=world.table1, name="Bruno")
    keyword = Keyword.objects.create(workshop=workshop, key="sens", label="Sens")
    phrase = Phrase.objects.create(workshop=workshop, table=world.table1, text="Le numérique, bien commun")

    def put(state):
        if state in ("postits", "personas", "keywords", "phrases", "commitments"):
            services.phase_open(phase=workshop.phases.get(activity=state) if state != "postits" else workshop.phases.get(position=1))
        elif state == "closed":
            services.phase_open(phase=workshop.phases.get(position=1))
            services.workshop_close(workshop=Workshop.objects.get(pk=workshop.pk))
        return {
            "workshop": Workshop.objects.get(pk=workshop.pk),
            "table1": Table.objects.select_related("workshop").get(pk=world.table1.pk),
            "persona": Persona.objects.select_related("workshop").get(pk=persona.pk),
            "keyword": Keyword.objects.select_related("workshop").get(pk=keyword.pk),
            "phrase": Phrase.objects.select_related("workshop").get(pk=phrase.pk),
        }

    return put


def _row(check, world, target):
    return {role: check(world.visitor(role), target) for role in ROLES}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("rule", sorted(RULES))
def test_rule_lets_in_exactly_its_roles_in_its_states(world, in_state, rule, state):
    target_name, roles, states = RULES[rule]
    target = in_state(state)[target_name]
    expected = {role: role in roles and state in states for role in ROLES}
    assert _row(lambda visitor, obj: rules.has_perm(rule, visitor, obj), world, target) == expected


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("rule", sorted(ACCESS))
def test_the_guards_access_part_refuses_outsiders_in_every_state(world, in_state, rule, state):
    target_name, roles, states = ACCESS[rule]
    target = in_state(state)[target_name]
    expected = {role: role in roles and state in states for role in ROLES}
    assert _row(lambda visitor, obj: access(rule).test(visitor, obj), world, target) == expected


def test_every_promises_rule_is_in_the_matrix():
    registered = {name for name in rules.permissions.permissions if name.startswith("promises.")}
    assert registered == set(RULES)


def test_a_table_and_its_persona_answer_alike(world, in_state):
    """The scribe's rules take the table (the page) or a persona of it (a write): one answer."""
    objects = in_state("personas")
    for rule in ("promises.view_personas", "promises.write_persona"):
        assert _row(lambda v, o: rules.has_perm(rule, v, o), world, objects["table1"]) == _row(
            lambda v, o: rules.has_perm(rule, v, o), world, objects["persona"]
        )
