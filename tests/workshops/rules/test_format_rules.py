"""Who may use, edit, delete and share a format or canvas: every rule, for every role, in every state.

Alice owns the format and its canvas and shared both with Carol; Bob is another facilitator, Eve an
editor, Charlie an outsider. A seed format (shipped as data) has no owner.

The rules are asked directly (`rules.has_perm`): through `user.has_perm`, Django's ModelBackend
would also grant a superuser everything, which would hide what the rule itself says of them.
"""

import pytest
import rules
from django.contrib.auth.models import AnonymousUser

from tests.factories import CanvasFactory, FacilitatorFactory, FormatFactory, UserFactory, WorkshopFactory
from core.models import Canvas
from workshops.models import Format, Workshop
from workshops.services import phase_open

pytestmark = pytest.mark.django_db

ACTORS = ["owner", "co_owner", "other_facilitator", "editor", "outsider", "anonymous", "superuser"]
# The workshop that uses the format and its canvas: none, or one in each status.
STATES = ["unused", "draft", "live", "closed"]

# Rule -> the actors it allows on Alice's format or canvas, whatever the state.
OWNED = {
    "workshops.use_format": {"owner", "co_owner", "superuser"},
    "workshops.edit_format": {"owner", "co_owner", "superuser"},
    "workshops.delete_format": {"owner", "superuser"},
    "workshops.share_format": {"owner", "superuser"},
    "workshops.use_canvas": {"owner", "co_owner", "superuser"},
    "workshops.edit_canvas": {"owner", "co_owner", "superuser"},
    "workshops.edit_canvas_sections": {"owner", "co_owner", "superuser"},
    "workshops.delete_canvas": {"owner", "superuser"},
    "workshops.share_canvas": {"owner", "superuser"},
}
# The same on a seed format or canvas: every facilitator uses it, a superuser alone changes it.
SEED = {
    "workshops.use_format": {"owner", "co_owner", "other_facilitator", "superuser"},
    "workshops.edit_format": {"superuser"},
    "workshops.delete_format": {"superuser"},
    "workshops.share_format": {"superuser"},
    "workshops.use_canvas": {"owner", "co_owner", "other_facilitator", "superuser"},
    "workshops.edit_canvas": {"superuser"},
    "workshops.edit_canvas_sections": {"superuser"},
    "workshops.delete_canvas": {"superuser"},
    "workshops.share_canvas": {"superuser"},
}
# Once a live or closed workshop runs on a canvas, nobody changes its sections.
FROZEN_RULES = {"workshops.edit_canvas_sections"}


@pytest.fixture
def actors(facilitator, other_facilitator, editor, outsider):
    return {
        "owner": facilitator,
        "co_owner": FacilitatorFactory(username="carol"),
        "other_facilitator": other_facilitator,
        "editor": editor,
        "outsider": outsider,
        "anonymous": AnonymousUser(),
        "superuser": UserFactory(username="root", is_superuser=True, is_staff=True),
    }


def build(actors, *, owned: bool, state: str):
    """A format on a canvas, Alice's (shared with Carol) or the seed's, used as `state` says."""
    owner = actors["owner"] if owned else None
    canvas = CanvasFactory(owner=owner)
    format = FormatFactory(owner=owner, phases__canvas=canvas)
    if owned:
        canvas.co_owners.add(actors["co_owner"])
        format.co_owners.add(actors["co_owner"])
    if state != "unused":
        # Run by Bob: who runs a workshop changes nothing to who owns its format.
        workshop = WorkshopFactory(format=format, facilitator=actors["other_facilitator"])
        if state != "draft":
            phase_open(phase=workshop.phases.order_by("position").first())
        if state == "closed":
            Workshop.objects.filter(pk=workshop.pk).update(status=Workshop.Status.CLOSED)
    return format, canvas


def expected(table, rule, actor, state):
    if rule in FROZEN_RULES and state in ("live", "closed"):
        return False
    return actor in table[rule]


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("owned", [True, False], ids=["alices", "seed"])
@pytest.mark.parametrize("rule", list(OWNED))
def test_format_and_canvas_rules(actors, rule, owned, state):
    format, canvas = build(actors, owned=owned, state=state)
    obj = format if rule.endswith("_format") else canvas
    table = OWNED if owned else SEED
    got = {actor: rules.has_perm(rule, user, obj) for actor, user in actors.items()}
    assert got == {actor: expected(table, rule, actor, state) for actor in ACTORS}


@pytest.mark.parametrize("rule", list(OWNED))
def test_no_rule_holds_without_an_object(actors, rule):
    # The rules are about one format or canvas: asked without one, they refuse everyone but a superuser.
    assert {name for name, user in actors.items() if rules.has_perm(rule, user)} == {"superuser"}


def test_a_co_owner_of_a_format_may_use_its_canvases_but_not_edit_them(actors):
    canvas = CanvasFactory(owner=actors["owner"])
    format = FormatFactory(owner=actors["owner"], phases__canvas=canvas)
    bob = actors["other_facilitator"]
    assert not bob.has_perm("workshops.use_canvas", canvas)
    format.co_owners.add(bob)
    assert bob.has_perm("workshops.use_canvas", canvas)
    assert not bob.has_perm("workshops.edit_canvas", canvas)
    assert not bob.has_perm("workshops.delete_canvas", canvas)


def test_a_co_owner_who_is_no_longer_a_facilitator_loses_the_format(actors):
    format, _canvas = build(actors, owned=True, state="unused")
    carol = actors["co_owner"]
    carol.groups.clear()
    carol = type(carol).objects.get(pk=carol.pk)  # a fresh user: the group names are cached on it
    assert not carol.has_perm("workshops.use_format", format)
    assert not carol.has_perm("workshops.edit_format", format)


@pytest.mark.parametrize("actor", ACTORS)
def test_the_lists_agree_with_the_rules(actors, actor):
    """`usable_by` and `editable_by` (the lists) name exactly what the rules allow one at a time."""
    build(actors, owned=True, state="live")
    build(actors, owned=False, state="unused")
    bobs_canvas = CanvasFactory(owner=actors["other_facilitator"])
    FormatFactory(owner=actors["other_facilitator"], phases__canvas=bobs_canvas)
    user = actors[actor]
    is_facilitator = user.has_perm("workshops.create_workshop")
    for model, kind in ((Format, "format"), (Canvas, "canvas")):
        allowed_use = {o.pk for o in model.objects.all() if user.has_perm(f"workshops.use_{kind}", o)}
        allowed_edit = {o.pk for o in model.objects.all() if user.has_perm(f"workshops.edit_{kind}", o)}
        # The lists read ownership only: the views let facilitators alone reach them.
        listed_use = set(model.objects.usable_by(user).values_list("pk", flat=True)) if is_facilitator else set()
        listed_edit = set(model.objects.editable_by(user).values_list("pk", flat=True)) if is_facilitator else set()
        assert (listed_use, listed_edit) == (allowed_use, allowed_edit), kind
