"""The editor's pages: the list of cahiers, a cahier's outline, the section editor and its history.

Every form works without JavaScript (a POST, then a redirect, or the page again with its errors:
422 invalid, 409 conflict); htmx enhances the section editor (the form and the live preview are
swapped in place) and the outline (boosted forms). The views validate, call a service, render.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.guards import allows, staff_permission, to_login
from core.rules import Visitor
from core.models import Edition

from . import markdown, selectors, services
from .exchange import ImportRefused, load_edition
from .exchange.document import check_size
from .exchange.load import max_bytes
from .forms import (
    CahierCreateForm,
    ChapterCreateForm,
    ExportForm,
    ImportForm,
    PreviewForm,
    RestoreForm,
    SectionCreateForm,
    SectionForm,
    StatusForm,
)
from .exports import formats as export_formats
from .models import SECTION_TEXT_MAX_LENGTH, TITLE_MAX_LENGTH, Cahier, Chapter, ExportRun, Section

BAD_REQUEST = 400
INVALID = 422
CONFLICT = 409

EDIT = "cahiers.edit_cahier"


def _errors(error: ValidationError) -> list[str]:
    return list(error.messages)


def _fragment(request) -> bool:
    """An htmx request that wants a fragment (not a boosted form, not a history restore)."""
    return bool(request.htmx) and not request.htmx.boosted and not request.htmx.history_restore_request


def _cahier_or_404(pk) -> Cahier:
    try:
        return selectors.cahier_outline(pk)
    except Cahier.DoesNotExist:
        raise Http404(_("No such cahier.")) from None


def _chapter_or_404(pk) -> Chapter:
    try:
        return Chapter.objects.select_related("cahier").get(pk=pk)
    except Chapter.DoesNotExist:
        raise Http404(_("No such chapter.")) from None


def _section_or_404(pk) -> Section:
    try:
        return selectors.section_for_editing(pk)
    except Section.DoesNotExist:
        raise Http404(_("No such section.")) from None


# --- The list -------------------------------------------------------------------------------------


def _list_page(request, errors=(), status=200):
    # An edition without its cahier raises RelatedObjectDoesNotExist, an AttributeError: None.
    rows = [{"edition": edition, "cahier": getattr(edition, "cahier", None)} for edition in selectors.editions_with_cahiers()]
    return render(
        request,
        "cahiers/list.html",
        {"rows": rows, "errors": errors, "title_max_length": TITLE_MAX_LENGTH},
        status=status,
    )


@require_GET
@staff_permission("cahiers.view_cahiers", _("Only the editors make the cahiers."))
def cahier_list(request):
    return _list_page(request)


@require_POST
@staff_permission("cahiers.create_cahier", _("Only the editors make the cahiers."))
def cahier_create(request):
    form = CahierCreateForm(request.POST)
    if not form.is_valid():
        return _list_page(request, errors=[e for errs in form.errors.values() for e in errs], status=INVALID)
    try:
        edition = Edition.objects.get(pk=form.cleaned_data["edition"])
    except Edition.DoesNotExist:
        raise Http404(_("No such edition.")) from None
    try:
        cahier = services.cahier_create(edition=edition, title=form.cleaned_data["title"])
    except ValidationError as error:
        return _list_page(request, errors=_errors(error), status=INVALID)
    messages.success(request, _("The cahier is created: add its chapters."))
    return redirect("cahiers:outline", pk=cahier.pk)


# --- Import an edition ----------------------------------------------------------------------------


def _import_page(request, form, errors=(), status=200):
    imported = None
    if request.method == "GET" and request.GET.get("edition", "").isdigit():
        imported = Edition.objects.filter(pk=request.GET["edition"]).select_related("cahier").first()
    return render(
        request,
        "cahiers/import.html",
        {"form": form, "errors": errors, "imported": imported, "cahier": getattr(imported, "cahier", None),
         "max_bytes": max_bytes()},
        status=status,
    )


@require_http_methods(["GET", "POST"])
@staff_permission("cahiers.import_edition", _("Only the editors import editions."))
def edition_import(request):
    """Upload an edition's JSON file: imported whole, or refused whole with what is wrong (422)."""
    if request.method == "GET":
        return _import_page(request, ImportForm())
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _import_page(request, form, errors=[e for errs in form.errors.values() for e in errs], status=INVALID)
    upload = form.cleaned_data["file"]
    try:
        # By its size first: a file too big is refused before it is read.
        check_size(upload.size, max_bytes=max_bytes())
        imported = load_edition(upload.read(max_bytes() + 1), user=request.user)
    except ImportRefused as refused:
        return _import_page(request, ImportForm(), errors=refused.messages, status=INVALID)
    edition = imported.edition
    messages.success(
        request,
        _("The edition “%(title)s” is imported: %(rows)d rows.") % {"title": edition.title, "rows": sum(imported.counts.values())},
    )
    if imported.unknown_users:
        messages.warning(
            request,
            _("No account here for %(names)s: what they wrote is kept, without their name.")
            % {"names": ", ".join(imported.unknown_users)},
        )
    return redirect(f"{reverse('cahiers:import')}?edition={edition.pk}")


# --- The outline ----------------------------------------------------------------------------------


def _outline_page(request, cahier_pk, errors=(), status=200):
    cahier = _cahier_or_404(cahier_pk)
    return render(
        request,
        "cahiers/outline.html",
        {
            "cahier": cahier,
            "chapters": list(cahier.chapters.all()),
            "chapter_form": ChapterCreateForm(),
            "revision_counts": selectors.revision_counts(cahier),
            "run": selectors.last_draft_run(cahier.pk),
            "export_form": ExportForm(),
            "exports": selectors.recent_exports(cahier.pk),
            "errors": errors,
            "title_max_length": TITLE_MAX_LENGTH,
        },
        status=status,
    )


def _outline_write(request, cahier_pk, call, done: str):
    try:
        call()
    except ValidationError as error:
        return _outline_page(request, cahier_pk, errors=_errors(error), status=INVALID)
    messages.success(request, done)
    return redirect("cahiers:outline", pk=cahier_pk)


@require_GET
@staff_permission(EDIT)
def cahier_outline(request, pk):
    return _outline_page(request, pk)


@require_POST
@staff_permission(EDIT)
def chapter_add(request, pk):
    cahier = _cahier_or_404(pk)
    form = ChapterCreateForm(request.POST)
    if not form.is_valid():
        return _outline_page(request, pk, errors=[e for errs in form.errors.values() for e in errs], status=INVALID)
    return _outline_write(
        request, pk,
        lambda: services.chapter_create(cahier=cahier, title=form.cleaned_data["title"], kind=form.cleaned_data["kind"]),
        _("Chapter added."),
    )


@require_POST
@staff_permission(EDIT)
def section_add(request, chapter_id):
    chapter = _chapter_or_404(chapter_id)
    form = SectionCreateForm(request.POST)
    if not form.is_valid():
        errors = [e for errs in form.errors.values() for e in errs]
        return _outline_page(request, chapter.cahier_id, errors=errors, status=INVALID)
    return _outline_write(
        request, chapter.cahier_id,
        lambda: services.section_create(chapter=chapter, heading=form.cleaned_data["heading"]),
        _("Section added."),
    )


def _direction(direction: str) -> str:
    if direction not in ("up", "down"):
        raise Http404(_("A chapter or a section moves up or down."))
    return direction


@require_POST
@staff_permission(EDIT)
def chapter_move(request, chapter_id, direction):
    chapter = _chapter_or_404(chapter_id)
    direction = _direction(direction)
    ids = list(chapter.cahier.chapters.order_by("position").values_list("pk", flat=True))
    return _outline_write(
        request, chapter.cahier_id,
        lambda: services.chapters_reorder(cahier=chapter.cahier, ordered_ids=services.moved(ids, chapter.pk, direction)),
        _("Chapters reordered."),
    )


@require_POST
@staff_permission(EDIT)
def section_move(request, section_id, direction):
    section = _section_or_404(section_id)
    direction = _direction(direction)
    ids = list(section.chapter.sections.order_by("position").values_list("pk", flat=True))
    return _outline_write(
        request, section.chapter.cahier_id,
        lambda: services.sections_reorder(chapter=section.chapter, ordered_ids=services.moved(ids, section.pk, direction)),
        _("Sections reordered."),
    )


@require_POST
@staff_permission(EDIT)
def chapter_status(request, chapter_id):
    chapter = _chapter_or_404(chapter_id)
    form = StatusForm(request.POST)
    if not form.is_valid():
        return _outline_page(request, chapter.cahier_id, errors=[_("Unknown status.")], status=INVALID)
    return _outline_write(
        request, chapter.cahier_id,
        lambda: services.chapter_set_status(chapter=chapter, status=form.cleaned_data["status"]),
        _("Status changed."),
    )


@require_POST
@staff_permission(EDIT)
def section_status(request, section_id):
    section = _section_or_404(section_id)
    form = StatusForm(request.POST)
    if not form.is_valid():
        return _outline_page(request, section.chapter.cahier_id, errors=[_("Unknown status.")], status=INVALID)
    return _outline_write(
        request, section.chapter.cahier_id,
        lambda: services.section_set_status(section=section, status=form.cleaned_data["status"]),
        _("Status changed."),
    )


@require_POST
@staff_permission("cahiers.publish_cahier", _("Only the editors publish the cahier."))
def cahier_publish(request, pk):
    cahier = _cahier_or_404(pk)
    return _outline_write(
        request, pk, lambda: services.cahier_publish(cahier=cahier), _("Published: readers now read these texts.")
    )


@require_POST
@staff_permission("cahiers.anonymise_edition", _("Only the editors anonymise an edition, once its cahier is published."))
def edition_anonymise(request, pk):
    """Replace the edition's participants' names by numbers (the outline asks to confirm first)."""
    cahier = _cahier_or_404(pk)
    if request.POST.get("confirm") != "yes":
        return _outline_page(request, pk, errors=[_("Tick the box to confirm: names cannot be brought back.")], status=INVALID)
    try:
        done = services.edition_anonymise(cahier=cahier)
    except ValidationError as error:
        return _outline_page(request, pk, errors=_errors(error), status=INVALID)
    messages.success(
        request,
        ngettext(
            "%(n)d participant of the edition is now known by a number only.",
            "%(n)d participants of the edition are now known by a number only.",
            done.participants,
        )
        % {"n": done.participants},
    )
    return redirect("cahiers:outline", pk=pk)


@require_POST
@staff_permission(EDIT)
def cahier_draft(request, pk):
    """Ask the workers to draft the cahier; asked again while a run is on, the same run."""
    cahier = _cahier_or_404(pk)
    _run, created = services.draft_request(cahier=cahier, user=request.user)
    if created:
        messages.success(request, _("The workers are drafting the cahier from the workshops."))
    else:
        messages.info(request, _("The workers are already drafting this cahier."))
    return redirect("cahiers:outline", pk=pk)


@require_GET
@staff_permission(EDIT)
def cahier_draft_progress(request, pk):
    """The progress fragment the outline polls while a run is queued or running."""
    if not Cahier.objects.filter(pk=pk).exists():
        raise Http404(_("No such cahier."))
    return render(request, "cahiers/partials/draft_progress.html", {"run": selectors.last_draft_run(pk), "cahier_pk": pk})


# --- The section editor ---------------------------------------------------------------------------


def _editor(request, section, *, text=None, based_on=None, errors=(), conflict=None, preview=None, saved=False, status=200):
    latest = section.latest_revision
    pending = selectors.pending_draft(section)
    taking = pending is not None and request.GET.get("take") == str(pending.revision.pk)
    if text is None:
        text = selectors.taken_in(section, pending) if taking else (latest.text if latest else "")
    context = {
        "section": section,
        "chapter": section.chapter,
        "cahier": section.chapter.cahier,
        "text": text,
        "based_on": based_on if based_on is not None else (latest.pk if latest else ""),
        "errors": errors,
        "conflict": conflict,
        "pending": None if taking else pending,
        "taking": taking,
        "preview": markdown.render(text) if preview is None else preview,
        "max_length": SECTION_TEXT_MAX_LENGTH,
        "revision_count": section.revisions.count(),
        "saved": saved,
    }
    template = "cahiers/partials/editor.html" if _fragment(request) else "cahiers/section.html"
    return render(request, template, context, status=status)


@require_http_methods(["GET", "POST"])
@staff_permission(EDIT)
def section_edit(request, section_id):
    section = _section_or_404(section_id)
    if request.method == "GET":
        return _editor(request, section)
    form = SectionForm(request.POST)
    if not form.is_valid():
        text = request.POST.get("text", "").replace("\x00", "")
        errors = [e for errs in form.errors.values() for e in errs]
        return _editor(request, section, text=text, based_on=request.POST.get("based_on", ""), errors=errors,
                       preview="", status=INVALID)
    text = form.cleaned_data["text"]
    based_on_id = form.cleaned_data["based_on"]
    if "preview" in request.POST:  # the preview without JavaScript: nothing saved
        return _editor(request, section, text=text, based_on=based_on_id or "")
    based_on = selectors.revision_of(section, based_on_id) if based_on_id else None
    if based_on_id and based_on is None:
        return _editor(request, section, text=text, based_on="", status=INVALID,
                       errors=[_("The revision you started from is not one of this section's: reload the page.")])
    try:
        services.section_save(section=section, text=text, author=request.user, based_on=based_on)
    except services.RevisionConflict as conflict:
        # Their text is the latest now: saving again (after merging) is based on it.
        theirs = conflict.theirs
        return _editor(request, section, text=conflict.mine, based_on=theirs.pk if theirs else "",
                       errors=_errors(conflict), conflict=theirs, status=CONFLICT)
    except ValidationError as error:
        return _editor(request, section, text=text, based_on=based_on_id or "", errors=_errors(error), status=INVALID)
    if _fragment(request):
        return _editor(request, _section_or_404(section_id), saved=True)
    messages.success(request, _("Saved."))
    return redirect("cahiers:section", section_id=section.pk)


@require_POST
@staff_permission(EDIT)
def section_preview(request, section_id):
    if not Section.objects.filter(pk=section_id).exists():
        raise Http404(_("No such section."))
    form = PreviewForm(request.POST)
    if not form.is_valid():
        return render(request, "cahiers/partials/preview.html",
                      {"preview_errors": [e for errs in form.errors.values() for e in errs]}, status=INVALID)
    return render(request, "cahiers/partials/preview.html", {"preview": markdown.render(form.cleaned_data["text"])})


# --- History: compare and restore ----------------------------------------------------------------


@require_GET
@staff_permission(EDIT)
def section_history(request, section_id):
    section = _section_or_404(section_id)
    revisions = list(selectors.section_history(section))
    by_pk = {str(r.pk): r for r in revisions}
    # Default: what the latest revision changed from the one before it.
    old = by_pk.get(request.GET.get("old", "")) or (revisions[1] if len(revisions) > 1 else None)
    new = by_pk.get(request.GET.get("new", "")) or (revisions[0] if revisions else None)
    diff = selectors.diff(old.text, new.text) if old is not None and new is not None else []
    return render(
        request,
        "cahiers/history.html",
        {"section": section, "chapter": section.chapter, "cahier": section.chapter.cahier,
         "revisions": revisions, "old": old, "new": new, "diff": diff},
    )


@require_POST
@staff_permission(EDIT)
def section_restore(request, section_id):
    section = _section_or_404(section_id)
    form = RestoreForm(request.POST)
    revision = selectors.revision_of(section, form.data.get("revision")) if form.is_valid() else None
    if revision is None:
        raise Http404(_("No such revision of this section."))
    services.section_restore(section=section, revision=revision, author=request.user)
    messages.success(request, _("Restored as a new revision: the history keeps every text."))
    return redirect("cahiers:section", section_id=section.pk)


# --- Exports --------------------------------------------------------------------------------------

EXPORT = "cahiers.export_cahier"
DOWNLOAD = "cahiers.download_export"


@require_POST
@staff_permission(EXPORT, _("Only the editors export the cahier."))
def cahier_export(request, pk):
    """Ask the workers for an export; asked again while the same one is on, the same run."""
    cahier = _cahier_or_404(pk)
    form = ExportForm(request.POST)
    if not form.is_valid():
        errors = [_("Unknown export format.")] if "format" in form.errors else [_("Export the published text or the working text.")]
        return _outline_page(request, pk, errors=errors, status=BAD_REQUEST)
    try:
        run, created = services.export_request(
            cahier=cahier, format=form.cleaned_data["format"], version=form.cleaned_data["version"], user=request.user
        )
    except ValidationError as error:
        return _outline_page(request, pk, errors=_errors(error), status=INVALID)
    label = export_formats.get(run.format).label
    if created:
        messages.success(request, _("The workers are making the %(format)s export.") % {"format": label})
    else:
        messages.info(request, _("The %(format)s export of this text is already on its way.") % {"format": label})
    return redirect(f"{reverse('cahiers:outline', kwargs={'pk': pk})}#exports")


@require_GET
@staff_permission(EXPORT, _("Only the editors export the cahier."))
def cahier_export_progress(request, pk):
    """The exports fragment the outline polls while an export is queued or running."""
    if not Cahier.objects.filter(pk=pk).exists():
        raise Http404(_("No such cahier."))
    return render(request, "cahiers/partials/exports.html", {"exports": selectors.recent_exports(pk), "cahier_pk": pk})


def _serve(run: ExportRun):
    try:
        handle = run.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404(_("This export's file is gone: export again.")) from None
    return FileResponse(handle, as_attachment=True, filename=run.filename, content_type=run.content_type or None)


@require_GET
def export_download(request, run_id):
    """A finished export: the editors download any, anyone the published text of a published cahier."""
    run = ExportRun.objects.select_related("cahier").filter(pk=run_id).first()
    if run is None:
        raise Http404(_("No such export."))
    if not allows(DOWNLOAD, Visitor(user=request.user), run):
        if not request.user.is_authenticated:
            return to_login(request)
        raise PermissionDenied(_("Only the editors download the working text."))
    if run.status != ExportRun.Status.DONE:
        raise Http404(_("This export is not finished."))
    return _serve(run)


@require_GET
def public_download(request, pk, format):
    """The stable address readers download from: the newest finished export of the published
    cahier in `format` (the reader's pages link here)."""
    cahier = Cahier.objects.filter(pk=pk).first()
    if cahier is None:
        raise Http404(_("No such cahier."))
    if export_formats.get(format) is None:
        raise Http404(_("Unknown export format."))
    run = selectors.latest_public_export(cahier, format)
    if run is None or not allows(DOWNLOAD, Visitor(user=request.user), run):
        raise Http404(_("This cahier has no published export in this format yet."))
    return _serve(run)
