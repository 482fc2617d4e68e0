"""The writes of readers' comments, and of the editors who hide and restore them.

A comment pins the live revision its reader read (and the paragraph of it, an index into
`markdown.render_blocks`); it is written while that section's row is locked, so a publication (which
locks the cahier, then its sections) cannot move the live revision underneath. Nothing here locks
the cahier row: comments never wait on the editors' work on other sections.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import markdown
from .models import COMMENT_MAX_LENGTH, Comment, Section, Status


def comment_clean_text(text: str) -> str:
    """The comment as it will be stored, or a ValidationError that says what is wrong with it."""
    text = (text or "").replace("\r\n", "\n").strip()
    if "\x00" in text:
        raise ValidationError({"text": _("This text contains a character that cannot be stored.")})
    if not text:
        raise ValidationError({"text": _("Write your comment first.")})
    if len(text) > COMMENT_MAX_LENGTH:
        raise ValidationError(
            {"text": _("Your comment is too long: at most %(max)d characters (it has %(n)d).") % {"max": COMMENT_MAX_LENGTH, "n": len(text)}}
        )
    return text


class NotPublished(PermissionDenied):
    """The cahier is not published (or no longer): nobody comments on it."""


@transaction.atomic
def comment_post(*, section: Section, author, text: str, paragraph: int | None = None) -> Comment:
    """A signed-in reader's comment on a section of the published cahier, or on one paragraph of
    its live text. Locks the section row (the cahier row is only read).

    Raises NotPublished when the cahier is not published or the section has no live text, and
    ValidationError for an empty, oversized or unstorable text, or a paragraph the text does not have.
    """
    text = comment_clean_text(text)
    if author is None or not author.is_authenticated:
        raise PermissionDenied(_("Sign in to comment."))
    locked = (
        Section.objects.select_for_update(of=("self",), no_key=True)
        .select_related("chapter__cahier", "live_revision")
        .get(pk=section.pk)
    )
    if locked.chapter.cahier.status != Status.PUBLISHED or locked.live_revision is None:
        raise NotPublished(_("This cahier is not published: comments open when it is."))
    if paragraph is not None:
        if paragraph < 0 or paragraph >= len(markdown.render_blocks(locked.live_revision.text)):
            raise ValidationError({"paragraph": _("This section has no such paragraph: reload the page.")})
    return Comment.objects.create(
        section=locked, revision=locked.live_revision, paragraph=paragraph, author=author, text=text
    )


def comment_hide(*, comment: Comment, by) -> Comment:
    """Hide a comment from everyone but its author and the editors (a conditional UPDATE: hiding
    twice keeps the first editor and date)."""
    Comment.objects.filter(pk=comment.pk, hidden=False).update(hidden=True, hidden_by=by, hidden_at=timezone.now())
    return Comment.objects.get(pk=comment.pk)


def comment_restore(*, comment: Comment, by) -> Comment:
    """Show a hidden comment again (restoring a shown one changes nothing). `by` is asked for
    symmetry with `comment_hide`; a shown comment keeps no trace of its hiding (the constraint)."""
    Comment.objects.filter(pk=comment.pk, hidden=True).update(hidden=False, hidden_by=None, hidden_at=None)
    return Comment.objects.get(pk=comment.pk)
