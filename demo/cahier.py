"""The demo edition's cahier, as the seed's was: drafted by the worker's task from the workshops, then published.

The draft is asked for as the editor's button asks (`draft_request`), and the task is then run in
this process: with no Redis the demo's Celery is eager and has run it already (the task then finds
its run taken and does nothing); with one, no worker needs to be up for `make demo` to finish.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import translation

from cahiers import services
from cahiers.models import Cahier, DraftRun
from cahiers.tasks import draft_cahier
from core.models import Edition

from .seed import questions_numeriques as seed


@dataclass
class DemoCahier:
    cahier: Cahier
    drafted: bool  # False: it was there already, drafted, and is left as it is (an editor's work stays)
    written: int = 0  # revisions the draft wrote


def demo_cahier(edition: Edition) -> Cahier | None:
    return Cahier.objects.filter(edition=edition).first()


def demo_cahier_load(*, edition: Edition, editor) -> DemoCahier:
    """The demo edition's cahier, drafted and published once; running it again changes nothing.

    A cahier already drafted (a run done) is left as it is, published or not: the demo's editor
    may be editing it. A missing one is created; one never drafted is drafted; both are published.
    """
    cahier = demo_cahier(edition)
    if cahier is not None and cahier.draft_runs.filter(status=DraftRun.Status.DONE).exists():
        return DemoCahier(cahier=cahier, drafted=False)
    if cahier is None:
        cahier = services.cahier_create(edition=edition, title=seed.CAHIER_TITLE)
    # The edition's language, whatever the shell's: the demo's edition is French.
    with translation.override(settings.LANGUAGE_CODE):
        run, _created = services.draft_request(cahier=cahier, user=editor)
        written = draft_cahier(run.pk)
    run.refresh_from_db()
    if run.status != DraftRun.Status.DONE:
        raise ValidationError(run.error or f"The demo cahier's drafting is {run.get_status_display()}: run load_demo again.")
    # Publishing queues the readers' PDF and Markdown. Where tasks run eagerly (the embedded demo)
    # they would run in a thread of this process, which ends with load_demo: made here, before it
    # does, so that the demo's visitors download the PDF at once. With a broker, a worker makes them.
    with override_settings(EXPORTS_IN_A_THREAD_WHEN_EAGER=False), translation.override(settings.LANGUAGE_CODE):
        services.cahier_publish(cahier=cahier)
    cahier.refresh_from_db()
    return DemoCahier(cahier=cahier, drafted=True, written=written)

