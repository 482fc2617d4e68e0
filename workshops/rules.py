"""Who may do what, as named rules (django-rules): role and workshop together."""

import rules

from .roles import EDITORS, FACILITATORS

is_facilitator = rules.is_group_member(FACILITATORS) | rules.is_superuser
is_editor = rules.is_group_member(EDITORS) | rules.is_superuser


@rules.predicate
def facilitates_workshop(user, workshop):
    if workshop is None or not user.is_authenticated:
        return False
    return workshop.facilitators.filter(pk=user.pk).exists()


can_run_workshop = is_facilitator & facilitates_workshop | rules.is_superuser

rules.add_perm("workshops.create_workshop", is_facilitator)
rules.add_perm("workshops.run_workshop", can_run_workshop)


# Formats and canvases ----------------------------------------------------------------------------
# A format or canvas belongs to its author (`owner`) and the co-owners they name; one without an
# owner is shipped as data (the seed formats): every facilitator may use and duplicate it, only a
# superuser edits it. `Format.objects.usable_by` / `editable_by` say the same of a list.


@rules.predicate
def owns(user, obj):
    """The author of this format or canvas."""
    return obj is not None and user.is_authenticated and obj.owner_id == user.pk


@rules.predicate
def co_owns(user, obj):
    """A facilitator the author shared this format or canvas with."""
    # all(), not filter(): the lists prefetch co-owners, so a page of cards asks nothing more.
    return obj is not None and user.is_authenticated and any(u.pk == user.pk for u in obj.co_owners.all())


@rules.predicate
def is_shipped_as_data(user, obj):
    """A seed format or canvas: nobody's, shared by every facilitator."""
    return obj is not None and obj.owner_id is None


@rules.predicate
def canvas_on_a_format_they_edit(user, canvas):
    """A co-owner of a format may see the canvases its phases post into, to keep or change them."""
    if canvas is None or not user.is_authenticated:
        return False
    from .models import Format, FormatPhase

    return FormatPhase.objects.filter(canvas=canvas, format__in=Format.objects.editable_by(user)).exists()


@rules.predicate
def canvas_in_use(user, canvas):
    """A live or closed workshop runs on this canvas: its sections no longer change (see formats.py)."""
    return canvas is not None and canvas.runs_a_workshop()


may_edit_owned = rules.is_superuser | is_facilitator & (owns | co_owns)
may_delete_owned = rules.is_superuser | is_facilitator & owns

rules.add_perm("workshops.use_format", rules.is_superuser | is_facilitator & (is_shipped_as_data | owns | co_owns))
rules.add_perm("workshops.edit_format", may_edit_owned)
rules.add_perm("workshops.delete_format", may_delete_owned)
rules.add_perm("workshops.share_format", may_delete_owned)

rules.add_perm(
    "workshops.use_canvas",
    rules.is_superuser | is_facilitator & (is_shipped_as_data | owns | co_owns | canvas_on_a_format_they_edit),
)
rules.add_perm("workshops.edit_canvas", may_edit_owned)
rules.add_perm("workshops.edit_canvas_sections", may_edit_owned & ~canvas_in_use)
rules.add_perm("workshops.delete_canvas", may_delete_owned)
rules.add_perm("workshops.share_canvas", may_delete_owned)
