"""The reader's pages: the published cahiers, a cahier's contents, a chapter with its comments.

Anyone reads a published cahier; an unpublished one is a 404 for everyone the rule
`cahiers.read_cahier` does not let in (the editors preview it). A signed-in reader comments on a
section or one of its paragraphs (`cahiers.comment`); an anonymous visitor who writes a comment is
asked to sign in or create an account, and the text waits in their session until they come back
signed in. The editors hide and restore comments (`cahiers.moderate_comment`).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.guards import allows, to_login
from core.rules import Visitor

from . import comments, reading
from .forms import CommentForm
from .models import COMMENT_MAX_LENGTH, Comment, Section, Status

INVALID = 422
# What an anonymous visitor's session keeps of a comment they could not send yet, per section.
DRAFTS_KEY = "cahier_comment_drafts"
# A comment is kept for its author even over its limit (they shorten it once signed in), not beyond this.
DRAFT_MAX_LENGTH = 4 * COMMENT_MAX_LENGTH


def _readable_cahier(request, slug):
    cahier = reading.cahier_by_slug(slug)
    # Not published and not an editor: as if it did not exist.
    if cahier is None or not allows("cahiers.read_cahier", Visitor(user=request.user), cahier):
        raise Http404(_("No such publication."))
    return cahier


def _preview(cahier) -> bool:
    return cahier.status != Status.PUBLISHED


@require_GET
def index(request):
    return render(request, "cahiers/reader/index.html", {"cahiers": list(reading.published_cahiers())})


@require_GET
def cahier(request, slug):
    cahier = _readable_cahier(request, slug)
    preview = _preview(cahier)
    chapters = reading.readable_chapters(cahier, preview=preview)
    introduction = next((c for c in chapters if c.kind == c.Kind.INTRODUCTION), None)
    return render(
        request,
        "cahiers/reader/cahier.html",
        {
            "cahier": cahier,
            "preview": preview,
            "chapters": chapters,
            "contents": reading.contents(chapters, preview=preview),
            "introduction": introduction,
            "introduction_text": reading.chapter_text(introduction, preview=preview) if introduction else [],
            "downloads": [] if preview else reading.public_downloads(cahier),
        },
    )


def _ints(value) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 <= number < 2**31 else None


def _chapter_page(request, slug, chapter_id, *, form_errors=None, typed=None, status=200):
    """The chapter page; after a refused comment, `form_errors` and `typed` are that section's."""
    cahier = _readable_cahier(request, slug)
    preview = _preview(cahier)
    chapters = reading.readable_chapters(cahier, preview=preview)
    position = next((i for i, c in enumerate(chapters) if c.pk == _ints(chapter_id)), None)
    if position is None:
        raise Http404(_("No such chapter."))
    chapter = chapters[position]
    sections = reading.chapter_text(chapter, preview=preview)
    visitor = Visitor(user=request.user)
    moderator = allows("cahiers.moderate_comment", visitor)
    if not preview:
        reading.attach_comments(sections, user=request.user, moderator=moderator)
    # The paragraph a "comment on this paragraph" link chose, and the texts waiting in the session.
    chosen = {"section": _ints(request.GET.get("section")), "paragraph": _ints(request.GET.get("paragraph"))}
    drafts = request.session.get(DRAFTS_KEY, {}) if not preview else {}
    here = reverse("publications:chapter", args=[cahier.edition.slug, chapter.pk])
    forms = {}
    for read in sections:
        draft = drafts.get(str(read.pk), {})
        paragraph = chosen["paragraph"] if chosen["section"] == read.pk else draft.get("paragraph")
        text = draft.get("text", "")
        errors = []
        if typed is not None and typed["section"] == read.pk:
            text, paragraph, errors = typed["text"], typed["paragraph"], form_errors or []
        back = {"next": f"{here}#comment-form-{read.pk}"}
        forms[read.pk] = {
            "text": text, "paragraph": paragraph, "errors": errors, "kept": bool(draft),
            # Signing in or up comes back to this form, where the kept text waits.
            "login_url": f"{reverse('login')}?{urlencode(back)}",
            "signup_url": f"{reverse('account_signup')}?{urlencode(back)}",
        }
    return render(
        request,
        "cahiers/reader/chapter.html",
        {
            "cahier": cahier,
            "chapter": chapter,
            "preview": preview,
            "sections": [(read, forms[read.pk]) for read in sections],
            "previous": chapters[position - 1] if position > 0 else None,
            "next": chapters[position + 1] if position + 1 < len(chapters) else None,
            "may_comment": not preview and allows("cahiers.comment", visitor, cahier),
            "moderator": moderator,
            "here": here,
            "comment_max_length": COMMENT_MAX_LENGTH,
        },
        status=status,
    )


@require_GET
def chapter(request, slug, chapter_id):
    return _chapter_page(request, slug, chapter_id)


def _section_of(cahier, chapter_id, section_id) -> Section:
    section = (
        Section.objects.select_related("chapter__cahier")
        .filter(pk=_ints(section_id), chapter_id=_ints(chapter_id), chapter__cahier=cahier)
        .first()
    )
    if section is None:
        raise Http404(_("No such section."))
    return section


def _keep_draft(request, section_id: int, text: str, paragraph) -> None:
    drafts = dict(request.session.get(DRAFTS_KEY, {}))
    drafts[str(section_id)] = {"text": text, "paragraph": paragraph}
    request.session[DRAFTS_KEY] = drafts


def _drop_draft(request, section_id: int) -> None:
    drafts = dict(request.session.get(DRAFTS_KEY, {}))
    if drafts.pop(str(section_id), None) is not None:
        request.session[DRAFTS_KEY] = drafts


@require_POST
def comment(request, slug, chapter_id, section_id):
    cahier = _readable_cahier(request, slug)
    section = _section_of(cahier, chapter_id, section_id)
    anchor = f"#comment-form-{section.pk}"
    here = reverse("publications:chapter", args=[slug, section.chapter_id])
    form = CommentForm(request.POST)
    form.is_valid()
    # What the person typed, whatever else is wrong: it is never dropped.
    text = (request.POST.get("text") or "").replace("\x00", "")
    paragraph = form.cleaned_data.get("paragraph")
    typed = {"section": section.pk, "text": text, "paragraph": paragraph}

    if cahier.status != Status.PUBLISHED:
        raise PermissionDenied(_("This cahier is not published: comments open when it is."))
    if not request.user.is_authenticated:
        if len(text) > DRAFT_MAX_LENGTH:
            return _chapter_page(request, slug, chapter_id, typed=typed, status=INVALID, form_errors=[
                _("Your comment is too long: at most %(max)d characters (it has %(n)d).") % {"max": COMMENT_MAX_LENGTH, "n": len(text)}
            ])
        if text.strip():
            _keep_draft(request, section.pk, text, paragraph)
            messages.info(request, _("Your comment is kept here: sign in or create an account to publish it."))
        else:
            messages.info(request, _("You must sign in to add a comment. Please sign in, or create an account."))
        return redirect(here + anchor)
    if not allows("cahiers.comment", Visitor(user=request.user), cahier):
        raise PermissionDenied(_("You may not comment on this cahier."))
    if form.errors:
        errors = [e for errs in form.errors.values() for e in errs]
        return _chapter_page(request, slug, chapter_id, typed=typed, form_errors=errors, status=INVALID)
    try:
        posted = comments.comment_post(section=section, author=request.user, text=text, paragraph=paragraph)
    except comments.NotPublished as refused:
        raise PermissionDenied(str(refused)) from None
    except ValidationError as error:
        return _chapter_page(request, slug, chapter_id, typed=typed, form_errors=list(error.messages), status=INVALID)
    _drop_draft(request, section.pk)
    messages.success(request, _("Your comment is published."))
    return redirect(f"{here}#comment-{posted.pk}")


def _moderate(request, slug, chapter_id, comment_id, action, done: str):
    if not request.user.is_authenticated:
        return to_login(request)
    if not allows("cahiers.moderate_comment", Visitor(user=request.user)):
        raise PermissionDenied(_("Only the editors hide and restore comments."))
    cahier = _readable_cahier(request, slug)
    target = Comment.objects.filter(
        pk=_ints(comment_id), section__chapter_id=_ints(chapter_id), section__chapter__cahier=cahier
    ).first()
    if target is None:
        raise Http404(_("No such comment."))
    action(comment=target, by=request.user)
    messages.success(request, done)
    return redirect(reverse("publications:chapter", args=[slug, _ints(chapter_id)]) + f"#comment-{target.pk}")


@require_POST
def comment_hide(request, slug, chapter_id, comment_id):
    return _moderate(request, slug, chapter_id, comment_id, comments.comment_hide,
                     _("The comment is hidden: only its author and the editors see it."))


@require_POST
def comment_restore(request, slug, chapter_id, comment_id):
    return _moderate(request, slug, chapter_id, comment_id, comments.comment_restore, _("The comment is shown again."))
