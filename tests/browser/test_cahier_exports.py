"""An editor exports the cahier as a PDF from its outline, watches the progress bar (htmx polling,
no inline script), then downloads the file; a visitor downloads the published text's PDF without
an account. At 1366, 390 and 1920 wide, axe clean."""

from io import BytesIO

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from cahiers import services
from cahiers.models import ExportRun
from cahiers.tasks import export_cahier
from tests.factories import EditionFactory, EditorFactory

from tests.browser.conftest import at_sizes

pytestmark = [pytest.mark.browser]

POLL = 5000  # ms: two poll cycles and a margin


def test_an_editor_exports_a_pdf_watches_its_progress_and_downloads_it(
    transactional_db, login, new_page, screenshot, axe_clean, monkeypatch
):
    eve = EditorFactory(username="eve")
    edition = EditionFactory(title="Questions Numériques 2012/2013", slug="qn-2012")
    cahier = services.cahier_create(edition=edition, title="Cahier d'enjeux 2012/2013")
    chapter = services.chapter_create(cahier=cahier, title="Posséder, c'est dépassé", kind="free")
    section = services.section_create(chapter=chapter, heading="Principales tendances motrices")
    services.section_save(section=section, text="- La crise *économique*\n- <script>alert(1)</script>", author=eve, based_on=None)
    # No worker picks the task up by itself here: the test plays the worker, step by step.
    monkeypatch.setattr("cahiers.tasks.export_cahier.delay", lambda run_id: None)

    page = login(eve, f"/cahiers/{cahier.pk}/")
    exports = page.locator("#exports")
    expect(exports.locator("#exports-list .empty")).to_be_visible()
    expect(exports.locator("input[name=version][value=published]")).to_be_disabled()  # never published
    expect(exports.locator("input[name=version][value=working]")).to_be_checked()
    exports.locator("button[name=format][value=pdf]").click()
    expect(exports.locator("#exports-list progress")).to_be_visible()
    run = ExportRun.objects.get()
    assert (run.format, run.version, run.status) == ("pdf", "working", "queued")
    # Asked again while it waits: the same run.
    exports.locator("button[name=format][value=pdf]").click()
    expect(exports.locator("#exports-list progress")).to_have_count(1)
    assert ExportRun.objects.count() == 1

    # The worker takes it and moves: the page follows without a reload.
    page.evaluate("window.stillTheSamePage = true")
    services.export_claim(run_id=run.pk)
    services.export_progress(run_id=run.pk, done=1, total=2)
    bar = exports.locator("#exports-list progress")
    expect(bar).to_have_attribute("value", "1", timeout=POLL)
    expect(bar).to_have_attribute("max", "2")
    at_sizes(page, "cahier-exports-progress", screenshot, axe_clean)

    ExportRun.objects.filter(pk=run.pk).update(status=ExportRun.Status.QUEUED)
    assert export_cahier(run.pk)  # the worker's task, to the end
    link = exports.locator(f"a[href='/cahiers/exports/{run.pk}/download/']")
    expect(link).to_be_visible(timeout=POLL)
    expect(exports.locator("#exports-list progress")).to_have_count(0)
    assert page.evaluate("window.stillTheSamePage") is True
    at_sizes(page, "cahier-exports-done", screenshot, axe_clean)
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == "cahier-denjeux-20122013-working.pdf"
    with open(download.path(), "rb") as file:
        text = "\n".join(p.extract_text() for p in PdfReader(BytesIO(file.read())).pages)
    assert "POSSÉDER, C'EST DÉPASSÉ" in text and "PRINCIPALES TENDANCES MOTRICES" in text

    # Publishing queues the readers' exports; once made, anyone downloads the PDF at a stable address.
    page.click("form.ch-publish button[type=submit]")
    expect(page.locator(".ch-status-published").first).to_be_visible()
    queued = ExportRun.objects.filter(version="published").order_by("format")
    assert [r.format for r in queued] == ["markdown", "pdf"]
    for queued_run in queued:
        export_cahier(queued_run.pk)
    visitor = new_page(None)
    response = visitor.request.get(f"/cahiers/{cahier.pk}/download/pdf/")
    assert response.status == 200 and response.headers["content-type"] == "application/pdf"
    assert visitor.request.get(f"/cahiers/exports/{run.pk}/download/", max_redirects=0).status == 302  # the working text: log in
