"""Every cahiers rule, for every role, with the cahier in draft, in review and published."""

import pytest
import rules

from cahiers import services
from cahiers.models import Cahier, Section, Status
from core.rules import access
from tests.rules_world import ROLES

STATES = ["draft", "in_review", "published"]
ALWAYS = set(STATES)
EDITORS = {"editor", "superuser"}

# rule: (target, roles it lets in, states it lets them in)
RULES = {
    "cahiers.view_cahiers": (None, EDITORS, ALWAYS),
    "cahiers.create_cahier": (None, EDITORS, ALWAYS),
    "cahiers.edit_cahier": ("section", EDITORS, ALWAYS),
    "cahiers.publish_cahier": ("cahier", EDITORS, ALWAYS),
    "cahiers.import_edition": (None, EDITORS, ALWAYS),
}
READ = {
    # Readers read the published cahier; before that, the editors only.
    "cahiers.read_cahier": {"draft": EDITORS, "in_review": EDITORS, "published": set(ROLES)},
}


@pytest.fixture
def in_state(world):
    cahier = services.cahier_create(edition=world.workshop.edition, title="Cahier d'enjeux")
    chapter = services.chapter_create(cahier=cahier, title="Introduction", kind="introduction")
    section = services.section_create(chapter=chapter, heading="Pourquoi")
    services.section_save(section=section, text="Le texte.", author=None, based_on=None)

    def put(state):
        if state == "in_review":
            Cahier.objects.filter(pk=cahier.pk).update(status=Status.IN_REVIEW)
        elif state == "published":
            services.cahier_publish(cahier=cahier)
        return {
            None: None,
            "cahier": Cahier.objects.get(pk=cahier.pk),
            "section": Section.objects.select_related("chapter__cahier").get(pk=section.pk),
        }

    return put


def _row(check, world, target):
    return {role: check(world.visitor(role), target) for role in ROLES}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("rule", sorted(RULES))
def test_only_editors_make_the_cahier_in_every_state(world, in_state, rule, state):
    target_name, roles, states = RULES[rule]
    target = in_state(state)[target_name]
    expected = {role: role in roles and state in states for role in ROLES}
    assert _row(lambda visitor, obj: rules.has_perm(rule, visitor, obj), world, target) == expected
    assert _row(lambda visitor, obj: access(rule).test(visitor, obj), world, target) == expected


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("target_name", ["cahier", "section"])
def test_everyone_reads_the_published_cahier_and_only_editors_before(world, in_state, state, target_name):
    target = in_state(state)[target_name]
    expected = {role: role in READ["cahiers.read_cahier"][state] for role in ROLES}
    assert _row(lambda visitor, obj: rules.has_perm("cahiers.read_cahier", visitor, obj), world, target) == expected


def test_a_facilitator_who_is_not_an_editor_is_refused_every_editor_action(world, in_state):
    objects = in_state("draft")
    for rule in RULES:
        assert not rules.has_perm(rule, world.visitor("facilitator"), objects[RULES[rule][0]])


def test_every_cahiers_rule_is_in_the_matrix():
    registered = {name for name in rules.permissions.permissions if name.startswith("cahiers.")}
    assert registered == set(RULES) | set(READ)
