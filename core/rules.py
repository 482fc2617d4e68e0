"""The actor and the staff roles as named rules (django-rules): every app builds its own rules on these.

- The **actor** is whoever makes the request. Staff have an account (a `User`); participants have
  none, their browser session says who they are (workshops/participation.py). A predicate takes a
  `Visitor` (the user *and* the participant this browser joined the target's workshop as), or just
  a `User` (`user.has_perm(...)`, the `{% has_perm %}` tag) or just a participant. `visitor_of()`
  reads any of them.
- Each action is registered with `add_action(name, access, timing)`: the guards of pages and API
  enforce its access part (who, and lasting states); the services check the timing part under
  their lock (see workshops/rules.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import rules
from django.contrib.auth.models import AnonymousUser

from .roles import EDITORS, FACILITATORS

# --- The actor ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Visitor:
    """Who is asking: their account (maybe anonymous) and the participant their browser joined as."""

    user: object = AnonymousUser()
    participant: object | None = None  # a workshops.Participant: core knows no app above it


def visitor_of(actor) -> Visitor:
    if isinstance(actor, Visitor):
        return actor
    if actor is None:
        return Visitor()
    # Users (and AnonymousUser) answer is_authenticated; a participant has no account, hence none.
    if hasattr(actor, "is_authenticated"):
        return Visitor(user=actor)
    return Visitor(participant=actor)


# --- Roles ---------------------------------------------------------------------------------------


def _has_role(group: str):
    @rules.predicate(name=f"has_role:{group}")
    def has_role(actor) -> bool:
        user = visitor_of(actor).user
        if not user.is_authenticated:
            return False
        if user.is_superuser:
            return True
        # Cached on the user object, as django-rules' own is_group_member does.
        if not hasattr(user, "_group_names_cache"):
            user._group_names_cache = set(user.groups.values_list("name", flat=True))
        return group in user._group_names_cache

    return has_role


is_facilitator = _has_role(FACILITATORS)
is_editor = _has_role(EDITORS)


@rules.predicate
def is_superuser(actor) -> bool:
    return visitor_of(actor).user.is_superuser


# People with power: they run workshops or edit what is published (a superuser is both). They are
# offered two-factor authentication, and must enrol in it when the administrator requires it
# (settings.TWO_FACTOR_REQUIRED_FOR_STAFF, foresight.two_factor); readers and participants are not asked.
holds_power = is_facilitator | is_editor


# --- Actions: access & timing ---------------------------------------------------------------------

# name -> its access part (who, and the lasting state of the target): what pages and the API enforce.
ACCESS: dict[str, rules.Predicate] = {}


def add_action(name: str, access: rules.Predicate, timing: rules.Predicate | None = None) -> None:
    """Register `name` as access & timing, and remember its access part for the guards."""
    ACCESS[name] = access
    rules.add_perm(name, access & timing if timing is not None else access)


def access(name: str) -> rules.Predicate:
    """The part of a rule a guard enforces; a rule without a timing part is its own access part."""
    return ACCESS.get(name) or rules.permissions.permissions[name]


# Who is offered two-factor authentication (the menu's link) and, when it is required, made to enrol.
add_action("core.secure_account", holds_power)
# --- Personal API tokens (core.tokens) -------------------------------------------------------------

# Facilitators and editors script what they do; participants have no account, readers only read.
add_action("core.manage_api_tokens", is_facilitator | is_editor)
