"""The scenario library is staff work: facilitators and editors, nobody from the room."""

import pytest
import rules

from tests.rules_world import ROLES
from core.rules import access

STAFF_OF_THE_LIBRARY = {"facilitator", "other_facilitator", "editor", "superuser"}


@pytest.mark.parametrize("rule", ["scenarios.view_library", "scenarios.edit_scenario"])
def test_only_facilitators_and_editors_get_into_the_library(world, rule):
    got = {role: rules.has_perm(rule, world.visitor(role)) for role in ROLES}
    assert got == {role: role in STAFF_OF_THE_LIBRARY for role in ROLES}
    assert {role: access(rule).test(world.visitor(role)) for role in ROLES} == got


def test_a_signed_in_reader_without_a_role_stays_out(db):
    from tests.factories import UserFactory

    reader = UserFactory(username="charlie")
    assert not reader.has_perm("scenarios.view_library")
    assert not reader.has_perm("scenarios.edit_scenario")


def test_every_scenarios_rule_is_tested():
    registered = {name for name in rules.permissions.permissions if name.startswith("scenarios.")}
    assert registered == {"scenarios.view_library", "scenarios.edit_scenario"}
