"""The rules core registers itself, for every role: who is offered two-factor authentication and
personal API tokens (both people with power: facilitators and editors)."""

import pytest
import rules
from django.contrib.auth.models import AnonymousUser

from core.rules import Visitor
from tests import factories

pytestmark = pytest.mark.django_db


RULES = ["core.secure_account", "core.manage_api_tokens"]


@pytest.mark.parametrize("rule", RULES)
@pytest.mark.parametrize(
    ("who", "offered"),
    [("facilitator", True), ("editor", True), ("superuser", True), ("reader", False), ("anonymous", False), ("participant", False)],
)
def test_two_factor_and_tokens_are_for_people_with_power(rule, who, offered):
    if who == "anonymous":
        actor = AnonymousUser()
    elif who == "participant":
        actor = Visitor(participant=factories.ParticipantFactory())
    else:
        actor = {
            "facilitator": lambda: factories.FacilitatorFactory(),
            "editor": lambda: factories.EditorFactory(),
            "superuser": lambda: factories.UserFactory(is_superuser=True),
            "reader": lambda: factories.UserFactory(),
        }[who]()
    assert rules.has_perm(rule, actor) is offered


def test_core_registers_only_the_rules_tested_here():
    assert {name for name in rules.permissions.permissions if name.startswith("core.")} == set(RULES)
