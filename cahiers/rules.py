"""Who may do what with the cahier (django-rules; see core/rules.py for the actor and add_action).

The editors make the cahier: they create it, edit, reorder and publish it. A facilitator who is
not an editor has no part in it (their workshops feed the worker's drafts, not the text). Once
published, anyone reads it: the reader's pages (another part of the cahier) ask `read_cahier`.
Targets: a Cahier, a Chapter or a Section (each gives its cahier); the editor's rules need none.
"""

from __future__ import annotations

import rules

from core.rules import add_action, is_editor

from .models import Cahier, Chapter, Section, Status


def cahier_of(target) -> Cahier | None:
    if isinstance(target, Cahier):
        return target
    if isinstance(target, Chapter):
        return target.cahier
    if isinstance(target, Section):
        return target.chapter.cahier
    return None


@rules.predicate(name="cahiers:is_published")
def is_published(_actor, target) -> bool:
    cahier = cahier_of(target)
    return cahier is not None and cahier.status == Status.PUBLISHED


# The editor's list and the creation of an edition's cahier.
add_action("cahiers.view_cahiers", is_editor)
add_action("cahiers.create_cahier", is_editor)
# Chapters and sections: write, revise, restore, reorder, move through the workflow.
add_action("cahiers.edit_cahier", is_editor)
# Pin the live revisions: what readers read.
add_action("cahiers.publish_cahier", is_editor)
# Import an edition (its workshops, votes, promises and cahier) from a JSON file (cahiers.exchange).
add_action("cahiers.import_edition", is_editor)
# The published text is for everyone; the editors read it before too.
add_action("cahiers.read_cahier", is_published | is_editor)
