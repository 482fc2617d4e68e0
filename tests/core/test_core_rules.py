"""The rules core registers itself, for every role: who is offered two-factor authentication."""

import pytest
import rules
from django.contrib.auth.models import AnonymousUser

from core.rules import Visitor
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("who", "offered"),
    [("facilitator", True), ("editor", True), ("superuser", True), ("reader", False), ("anonymous", False), ("participant", False)],
)
def test_two_factor_is_for_people_with_power(who, offered):
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
    assert rules.has_perm("core.secure_account", actor) is offered


def test_core_registers_only_the_rules_tested_here():
    assert {name for name in rules.permissions.permissions if name.startswith("core.")} == {"core.secure_account"}
