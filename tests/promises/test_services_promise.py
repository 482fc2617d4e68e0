"""The promise evaluated and produced, key actions and stakeholders: the facilitator consolidates them."""

import pytest
from django.core.exceptions import ValidationError

from promises import selectors, services
from promises.models import KeyAction, Promise, Stakeholder
from workshops.models import Activity


def test_a_workshop_evaluates_a_promise_and_produces_one_with_its_alternatives(room):
    services.promise_set_evaluated(workshop=room.workshop, phrase="Le numérique au service d'une croissance verte", origin="2010")
    room.open(Activity.KEYWORDS)
    kept = services.keyword_add(workshop=room.workshop, participant=room.daniel, text="résilience")
    services.promise_retain(
        workshop=room.workshop,
        phrase="Le numérique, bien commun au service d'une co-croissance résiliente",
        alternatives=["Alternative un", "", "Alternative deux"],
        keyword_ids=[kept.pk],
    )
    promises = selectors.promises(workshop=room.workshop)
    produced = promises[Promise.Kind.PRODUCED]
    assert promises[Promise.Kind.EVALUATED].origin == "2010"
    assert [a.phrase for a in produced.alternatives.all()] == ["Alternative un", "Alternative deux"]
    assert [k.label for k in produced.keywords.all()] == ["résilience"]
    # Retaining again replaces: one produced promise per workshop.
    services.promise_retain(workshop=room.workshop, phrase="Autre", alternatives=["Une"])
    assert Promise.objects.filter(workshop=room.workshop, kind=Promise.Kind.PRODUCED).count() == 1
    assert [a.position for a in Promise.objects.get(kind=Promise.Kind.PRODUCED).alternatives.all()] == [1]


@pytest.mark.parametrize("phrase, alternatives", [("", []), ("x" * 301, []), ("Même", ["Même"])])
def test_a_bad_promise_is_refused(room, phrase, alternatives):
    with pytest.raises(ValidationError):
        services.promise_retain(workshop=room.workshop, phrase=phrase, alternatives=alternatives)
    assert not Promise.objects.exists()


def test_key_actions_stay_in_order_without_gaps(room):
    first = services.key_action_add(workshop=room.workshop, text="Ouvrir les données")
    services.key_action_add(workshop=room.workshop, text="Former")
    services.key_action_add(workshop=room.workshop, text="Mesurer")
    services.key_action_delete(workshop=room.workshop, action_id=first.pk)
    assert list(KeyAction.objects.values_list("position", "text")) == [(1, "Former"), (2, "Mesurer")]


def test_the_default_stakeholders_and_their_obstacles_and_actions(room):
    roles = services.stakeholders_ensure_defaults(workshop=room.workshop)
    assert len(roles) == 3
    assert services.stakeholders_ensure_defaults(workshop=room.workshop) == roles  # once
    minister = roles[0]
    services.stakeholder_item_add(workshop=room.workshop, stakeholder_id=minister.pk, kind="obstacle", text="Le court terme")
    services.stakeholder_item_add(workshop=room.workshop, stakeholder_id=minister.pk, kind="action", text="Légiférer")
    services.stakeholder_rename(workshop=room.workshop, stakeholder_id=minister.pk, name="Ministre de l'écologie")
    with pytest.raises(ValidationError):
        services.stakeholder_add(workshop=room.workshop, name=roles[1].name.upper())
    with pytest.raises(ValidationError):
        services.stakeholder_item_add(workshop=room.workshop, stakeholder_id=minister.pk, kind="wish", text="x")
    [first, *_rest] = selectors.stakeholders(workshop=room.workshop)
    assert first.name == "Ministre de l'écologie"
    assert [(i.kind, i.text) for i in first.items.all()] == [("action", "Légiférer"), ("obstacle", "Le court terme")]
    services.stakeholder_delete(workshop=room.workshop, stakeholder_id=minister.pk)
    assert Stakeholder.objects.count() == 2
