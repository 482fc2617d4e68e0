"""The worker's drafting of a cahier: read the edition, draft it (pure), write it chapter by chapter."""

from __future__ import annotations

import logging

from celery import shared_task
from django.utils.translation import gettext as _

from scenarios.models import Scenario

from . import services
from .drafting import draft_edition
from .models import DraftRun, ExportRun
from .sources import edition_draft_input

logger = logging.getLogger(__name__)


@shared_task
def draft_cahier(run_id: int) -> int:
    """Draft the run's cahier from its edition's workshops; returns the revisions written.

    The run is claimed with a conditional UPDATE: a run already taken (or not queued) is left to
    its worker. Each chapter is written in its own transaction and moves the run's progress, so a
    large edition never holds the cahier's lock for long and the editor sees how far it is. A
    failure marks the run failed with its reason; the chapters written before it stay.
    """
    if not services.draft_claim(run_id=run_id):
        return 0
    run = DraftRun.objects.select_related("cahier__edition").get(pk=run_id)
    edition = run.cahier.edition
    written = 0
    try:
        draft = draft_edition(edition_draft_input(edition=edition))
        services.draft_run_start(run=run, total=len(draft.chapters))
        scenarios = {s.slug: s for s in Scenario.objects.filter(edition=edition)}
        previous = None  # a new chapter goes after the one drafted before it: the draft's order
        for chapter in draft.chapters:
            written += services.draft_chapter_apply(run=run, drafted=chapter, scenarios=scenarios, after_key=previous)
            previous = chapter.key
    except Exception as error:
        logger.exception("drafting the cahier failed (run %s)", run_id)
        services.draft_run_finish(run=run, error=_("The drafting failed: %(error)s") % {"error": error})
        return written
    services.draft_run_finish(run=run)
    return written


@shared_task
def export_cahier(run_id: int) -> bool:
    """Export the run's cahier in its format; True when its file is stored.

    Claimed with a conditional UPDATE (a redelivered message finds the run taken and does
    nothing). The format's renderer reports its progress chapter by chapter; the file is stored
    and the run finished by `services.export_finish`. Any failure, a missing system library
    included, marks the run failed with its reason, shown to the editor: never a crash.
    """
    from .exports import formats

    if not services.export_claim(run_id=run_id):
        return False
    run = ExportRun.objects.select_related("cahier").get(pk=run_id)
    export_format = formats.get(run.format)

    def progress(done: int, total: int) -> None:
        services.export_progress(run_id=run_id, done=done, total=total)

    try:
        if export_format is None:
            raise formats.ExportUnavailable(_("Unknown export format."))
        rendered = export_format.render(run.cahier, run.version, progress)
    except formats.ExportUnavailable as error:
        logger.warning("export %s unavailable: %s", run_id, error)
        return services.export_finish(run_id=run_id, error=str(error))
    except Exception as error:
        logger.exception("exporting the cahier failed (run %s)", run_id)
        return services.export_finish(run_id=run_id, error=_("The export failed: %(error)s") % {"error": error})
    return services.export_finish(run_id=run_id, rendered=rendered)
