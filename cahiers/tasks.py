"""The worker's drafting of a cahier: read the edition, draft it (pure), write it chapter by chapter."""

from __future__ import annotations

import logging

from celery import shared_task
from django.utils.translation import gettext as _

from scenarios.models import Scenario

from . import services
from .drafting import draft_edition
from .models import DraftRun
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
