"""Who may do what with the cahier (django-rules; see core/rules.py for the actor and add_action).

The editors make the cahier: they create it, edit, reorder and publish it. A facilitator who is
not an editor has no part in it (their workshops feed the worker's drafts, not the text). Once
published, anyone reads it: the reader's pages (another part of the cahier) ask `read_cahier`.
Targets: a Cahier, a Chapter, a Section, a Comment or an ExportRun (each gives its cahier); the
editor's rules need none. Readers comment once they are signed in (an account, not a workshop's
participant), on a published cahier only; the editors hide and restore comments. An export of the
published text of a published cahier is anyone's to download; the working text's exports are the
editors'.
"""

from __future__ import annotations

import rules

from core.rules import add_action, is_editor, visitor_of

from .exports import formats as export_formats
from .models import Cahier, Chapter, Comment, ExportRun, Section, Status


def cahier_of(target) -> Cahier | None:
    if isinstance(target, Cahier):
        return target
    if isinstance(target, ExportRun):
        return target.cahier
    if isinstance(target, Chapter):
        return target.cahier
    if isinstance(target, Section):
        return target.chapter.cahier
    if isinstance(target, Comment):
        return target.section.chapter.cahier
    return None


@rules.predicate(name="cahiers:is_published")
def is_published(_actor, target) -> bool:
    cahier = cahier_of(target)
    return cahier is not None and cahier.status == Status.PUBLISHED


@rules.predicate(name="cahiers:is_signed_in")
def is_signed_in(actor) -> bool:
    return visitor_of(actor).user.is_authenticated


# The editor's list and the creation of an edition's cahier.
add_action("cahiers.view_cahiers", is_editor)
add_action("cahiers.create_cahier", is_editor)
# Chapters and sections: write, revise, restore, reorder, move through the workflow.
add_action("cahiers.edit_cahier", is_editor)
# Pin the live revisions: what readers read.
add_action("cahiers.publish_cahier", is_editor)
# Replace the names of the edition's participants by numbers: once the cahier is out, the room's
# words stay and who said them goes (services.edition_anonymise).
add_action("cahiers.anonymise_edition", is_editor, is_published)
# Import an edition (its workshops, votes, promises and cahier) from a JSON file (cahiers.exchange).
add_action("cahiers.import_edition", is_editor)
# The published text is for everyone; the editors read it before too.
add_action("cahiers.read_cahier", is_published | is_editor)
# Signed-in readers comment on the published text (an anonymous visitor is asked to sign in).
add_action("cahiers.comment", is_signed_in & is_published)
# Hide a comment and restore it.
add_action("cahiers.moderate_comment", is_editor)


@rules.predicate(name="cahiers:is_public_export")
def is_public_export(_actor, target) -> bool:
    return (
        isinstance(target, ExportRun)
        and target.version == ExportRun.Version.PUBLISHED
        and getattr(export_formats.get(target.format), "public", False)
        and target.status == ExportRun.Status.DONE
        and is_published(_actor, target)
    )


# Ask the workers for a PDF, a Markdown… of the published or the working text.
add_action("cahiers.export_cahier", is_editor)
# A finished export: the editors download any; anyone the published text of a published cahier.
add_action("cahiers.download_export", is_public_export | is_editor)
