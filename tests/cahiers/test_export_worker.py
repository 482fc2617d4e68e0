"""Exports with a real Celery worker on Redis: an editor's request becomes one task, the worker
writes the file where the web process reads it, and two requests at once make one run."""

import threading

import pytest
from django.db import connection

from cahiers import services
from cahiers.models import Cahier, Chapter, ExportRun
from tests.celery_worker import wait_for

# The worker is another process: it sees only what is committed.
pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def written(cahier, eve):
    chapter = services.chapter_create(cahier=cahier, title="Posséder, c'est dépassé", kind=Chapter.Kind.FREE)
    section = services.section_create(chapter=chapter, heading="Principales tendances motrices")
    services.section_save(section=section, text="- La crise économique <script>alert(1)</script>", author=eve, based_on=None)
    return cahier


def _finished(run_id):
    run = ExportRun.objects.get(pk=run_id)
    return run if run.status in (ExportRun.Status.DONE, ExportRun.Status.FAILED) else None


@pytest.mark.parametrize(("format", "mark"), [("markdown", b"# Cahier d'enjeux"), ("pdf", b"%PDF-")])
def test_the_worker_exports_and_the_web_process_reads_the_file(celery_worker, written, format, mark):
    run, created = services.export_request(cahier=written, format=format, version="working")
    assert created
    run = wait_for(lambda: _finished(run.pk), timeout=60)
    assert run.status == ExportRun.Status.DONE, run.error
    assert run.total and run.done == run.total and run.started_at and run.finished_at
    content = run.file.open("rb").read()
    assert content.startswith(mark) and b"<script>" not in content
    run.file.storage.delete(run.file.name)


def test_two_editors_asking_at_once_make_one_run(written):
    """Two connections ask at the same moment: the cahier's lock queues them, the second finds the run."""
    results, barrier = [], threading.Barrier(2)

    def ask():
        try:
            barrier.wait()
            results.append(services.export_request(cahier=Cahier.objects.get(pk=written.pk), format="pdf", version="working"))
        finally:
            connection.close()

    from unittest import mock

    with mock.patch("cahiers.tasks.export_cahier.delay"):  # no worker here: the runs stay queued
        threads = [threading.Thread(target=ask) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    assert sorted(created for _run, created in results) == [False, True]
    assert len({run.pk for run, _created in results}) == 1 and ExportRun.objects.count() == 1


def test_without_a_broker_an_export_runs_in_a_thread_and_the_request_answers_at_once(written, settings):
    """The embedded demo (tasks eager): publishing returns before its PDF is laid out."""
    settings.EXPORTS_IN_A_THREAD_WHEN_EAGER = True
    services.cahier_publish(cahier=written)
    runs = wait_for(
        lambda: [r for r in ExportRun.objects.filter(cahier=written) if r.status == ExportRun.Status.DONE] if not
        ExportRun.objects.filter(cahier=written, status__in=ExportRun.ACTIVE).exists() else None,
        timeout=60,
    )
    assert sorted(r.format for r in runs) == ["markdown", "pdf"]
    for run in runs:
        run.file.storage.delete(run.file.name)
