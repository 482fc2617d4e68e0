"""The cahier's exports: the run (one per cahier, format and text at a time, claimed once, its
progress), the task (run eagerly), the Markdown export and its escaping, publishing that queues the
readers' exports, and the editor's buttons, progress and downloads, per role."""

import html.parser

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from markdown_it import MarkdownIt

from cahiers import selectors, services
from cahiers.exports import formats
from cahiers.exports.formats import ExportUnavailable, Rendered
from cahiers.exports.markdown_export import safe_markdown
from cahiers.models import Cahier, ExportRun, Status
from cahiers.tasks import export_cahier

pytestmark = pytest.mark.django_db

HOSTILE = (
    "Un texte *sûr*.\n\n"
    "<script>alert('x')</script>\n\n"
    "Une image <img src=x onerror=alert(1)> piégée, [un lien](javascript:alert(1)) et "
    "[un bon](https://fing.org), <https://fing.org>, <javascript:alert(2)>.\n\n"
    "[ref]: javascript:alert(3)\n\n"
    "![pixel](https://tracker.example/p.png)\n\n"
    "<div onmouseover=\"alert(4)\">bloc</div>\n\n"
    "# Un titre dans le texte\n\n"
    "```\ncode <b>gardé</b>\n"
)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def written(cahier, chapter, section, other_section, eve):
    services.section_save(section=section, text="Le texte **publié**.", author=eve, based_on=None)
    services.section_save(section=other_section, text=HOSTILE, author=eve, based_on=None)
    return cahier


@pytest.fixture
def published(written, eve, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the readers' PDF and Markdown are made
        services.cahier_publish(cahier=written)
    section = written.chapters.get().sections.order_by("position").first()
    # The editors go on writing: the working text is not the published one any more.
    services.section_save(section=section, text="Le texte **de travail**.", author=eve, based_on=section.latest_revision)
    return Cahier.objects.get(pk=written.pk)


def _export(cahier, format, version, callbacks) -> ExportRun:
    """Ask for an export as the editor's button does; the task runs (eagerly) once it commits."""
    with callbacks(execute=True):
        run, created = services.export_request(cahier=cahier, format=format, version=version)
    assert created
    run.refresh_from_db()
    return run


# --- The run --------------------------------------------------------------------------------------


def test_an_export_asked_twice_at_once_is_one_run_and_one_task(written, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        first, created = services.export_request(cahier=written, format="pdf", version="working")
        second, again = services.export_request(cahier=written, format="pdf", version="working")
        # Another format, or the other text, is another run.
        other, other_created = services.export_request(cahier=written, format="markdown", version="working")
    assert created and not again and second.pk == first.pk and other_created and other.pk != first.pk
    assert len(callbacks) == 2 and ExportRun.objects.count() == 2


def test_the_database_refuses_two_active_runs_of_one_format_and_text(written):
    ExportRun.objects.create(cahier=written, format="pdf", version="working")
    with pytest.raises(IntegrityError), transaction.atomic():
        ExportRun.objects.create(cahier=written, format="pdf", version="working", status=ExportRun.Status.RUNNING)
    ExportRun.objects.create(cahier=written, format="pdf", version="published")
    ExportRun.objects.create(cahier=written, format="pdf", version="working", status=ExportRun.Status.FAILED)
    with pytest.raises(IntegrityError), transaction.atomic():
        ExportRun.objects.create(cahier=written, format="pdf", version="working", status=ExportRun.Status.DONE)  # no file


@pytest.mark.parametrize(
    ("format", "version", "code"),
    [("docx", "working", "format"), ("", "working", "format"), ("pdf", "draft", "version"), ("pdf", "published", "unpublished")],
)
def test_an_unknown_format_or_text_or_an_unpublished_text_is_refused(written, format, version, code, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(ValidationError) as error:
        services.export_request(cahier=written, format=format, version=version)
    assert error.value.code == code and not callbacks and not ExportRun.objects.exists()


def test_a_run_is_claimed_once_and_its_progress_moves_only_while_it_runs(written, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        run, _ = services.export_request(cahier=written, format="markdown", version="working")
    services.export_progress(run_id=run.pk, done=1, total=3)
    run.refresh_from_db()
    assert (run.done, run.total) == (0, 0)  # still queued: nothing moves
    assert services.export_claim(run_id=run.pk)
    assert not services.export_claim(run_id=run.pk)  # another worker given the same message
    assert export_cahier(run.pk) is False  # the task told so does nothing
    services.export_progress(run_id=run.pk, done=5, total=3)  # clamped within the total
    run.refresh_from_db()
    assert run.status == ExportRun.Status.RUNNING and (run.done, run.total) == (3, 3) and run.heartbeat_at
    assert services.export_request(cahier=written, format="markdown", version="working") == (run, False)


def test_a_finished_run_stores_its_file_and_a_late_one_leaves_none(written, django_capture_on_commit_callbacks, media):
    with django_capture_on_commit_callbacks():
        run, _ = services.export_request(cahier=written, format="markdown", version="working")
    services.export_claim(run_id=run.pk)
    assert services.export_finish(run_id=run.pk, rendered=Rendered(b"# x\n", "text/markdown", "x.md"))
    run.refresh_from_db()
    assert run.status == ExportRun.Status.DONE and run.filename == "x.md" and run.size == 4
    assert run.file.path.startswith(str(media)) and open(run.file.path, "rb").read() == b"# x\n"
    # A run no longer running (an abandoned one, marked failed) gets no file: none is left behind.
    with django_capture_on_commit_callbacks():
        late, _ = services.export_request(cahier=written, format="markdown", version="working")
    services.export_claim(run_id=late.pk)
    ExportRun.objects.filter(pk=late.pk).update(status=ExportRun.Status.FAILED)
    assert not services.export_finish(run_id=late.pk, rendered=Rendered(b"late", "text/markdown", "late.md"))
    assert [p.name for p in media.rglob("*.md")] == ["x.md"]


def test_an_abandoned_run_is_replaced(written, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        run, _ = services.export_request(cahier=written, format="pdf", version="working")
        services.export_claim(run_id=run.pk)
        ExportRun.objects.filter(pk=run.pk).update(heartbeat_at=run.created_at - services.EXPORT_RUN_ABANDONED_AFTER)
        again, created = services.export_request(cahier=written, format="pdf", version="working")
    run.refresh_from_db()
    assert created and again.pk != run.pk and run.status == ExportRun.Status.FAILED and run.error


# --- The task -------------------------------------------------------------------------------------


def test_the_markdown_export_of_the_working_text(written, django_capture_on_commit_callbacks):
    run = _export(written, "markdown", "working", django_capture_on_commit_callbacks)
    assert run.status == ExportRun.Status.DONE and run.error == ""
    assert (run.done, run.total) == (1, 1) and run.content_type.startswith("text/markdown")
    assert run.filename == "cahier-denjeux-20122013-working.md"
    text = run.file.open("rb").read().decode()
    assert text.startswith("# Cahier d'enjeux 2012/2013\n\n*Questions Numériques 2012/2013* — Working text of ")
    assert "## Contents\n\n1. Introduction" in text
    assert "## Introduction\n\n### Pourquoi ce cahier\n\nLe texte **publié**.\n\n### Comment le lire" in text
    # The section's own heading sits under the chapter's and the section's.
    assert "\n#### Un titre dans le texte\n" in text


def test_the_published_text_is_what_readers_read_not_the_working_text(published, django_capture_on_commit_callbacks):
    run = _export(published, "markdown", "published", django_capture_on_commit_callbacks)
    text = run.file.open("rb").read().decode()
    assert "Le texte **publié**." in text and "de travail" not in text and "Published on " in text
    working = _export(published, "markdown", "working", django_capture_on_commit_callbacks).file.open("rb").read().decode()
    assert "Le texte **de travail**." in working and "publié" not in working


class Tags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attributes = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [(name, value) for name, value in attrs]


def _tags(html_text: str) -> Tags:
    parser = Tags()
    parser.feed(html_text)
    return parser


def test_the_markdown_export_never_carries_raw_html_or_a_script_link():
    text = safe_markdown(HOSTILE)
    assert "<script>" not in text and "<img" not in text and "<div" not in text
    # Whatever renders the file next, even a renderer that lets raw HTML through, gets no markup.
    rendered = _tags(MarkdownIt("commonmark", {"html": True}).render(text + "\n\n## Next section\n"))
    assert {"script", "img", "div"}.isdisjoint(rendered.tags)
    assert not [name for name, _value in rendered.attributes if name.startswith("on")]
    hrefs = [value for name, value in rendered.attributes if name == "href"]
    assert hrefs == ["https://fing.org", "https://fing.org", "https://tracker.example/p.png"]
    # The fence the section left open is closed: the next section's heading stays a heading.
    assert "h2" in rendered.tags and "code <b>gardé</b>" in text


def test_a_failing_renderer_marks_the_run_failed_with_its_reason(written, django_capture_on_commit_callbacks, monkeypatch):
    def broken(cahier, version, progress):
        raise RuntimeError("the disk is full")

    monkeypatch.setitem(formats.FORMATS, "markdown", formats.ExportFormat("markdown", "Markdown", broken))
    run = _export(written, "markdown", "working", django_capture_on_commit_callbacks)
    assert run.status == ExportRun.Status.FAILED and "the disk is full" in run.error and run.finished_at and not run.file


def test_a_missing_system_library_is_said_not_crashed(written, django_capture_on_commit_callbacks, monkeypatch):
    def unavailable():
        raise ExportUnavailable("The PDF export needs WeasyPrint and the system libraries it uses (Debian: libpango-1.0-0)")

    monkeypatch.setattr("cahiers.exports.pdf._weasyprint", unavailable)
    run = _export(written, "pdf", "working", django_capture_on_commit_callbacks)
    assert run.status == ExportRun.Status.FAILED and "libpango-1.0-0" in run.error


def test_publishing_queues_the_readers_pdf_and_markdown(written, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        services.cahier_publish(cahier=written)
        services.cahier_publish(cahier=written)  # again while they wait: the same runs
    runs = ExportRun.objects.order_by("format")
    assert [(r.format, r.version, r.status) for r in runs] == [("markdown", "published", "queued"), ("pdf", "published", "queued")]
    assert len(callbacks) == 2


def test_the_latest_public_export_is_the_newest_finished_one_of_a_published_cahier(published, django_capture_on_commit_callbacks):
    on_publish = selectors.latest_public_export(published, "markdown")
    assert on_publish.status == ExportRun.Status.DONE and selectors.latest_public_export(published, "pdf").filename.endswith(".pdf")
    new = _export(published, "markdown", "published", django_capture_on_commit_callbacks)
    _export(published, "markdown", "working", django_capture_on_commit_callbacks)
    assert selectors.latest_public_export(published, "markdown") == new != on_publish
    Cahier.objects.filter(pk=published.pk).update(status=Status.DRAFT)
    assert selectors.latest_public_export(Cahier.objects.get(pk=published.pk), "markdown") is None


# --- The editor's page and the downloads ----------------------------------------------------------


@pytest.fixture
def editor_client(client, eve):
    client.force_login(eve)
    return client


def test_the_buttons_export_and_the_list_follows_the_run(
    editor_client, written, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    outline = reverse("cahiers:outline", args=[written.pk])
    page = editor_client.get(outline)
    assert f'action="{reverse("cahiers:export", args=[written.pk])}"'.encode() in page.content
    assert b'value="pdf"' in page.content and b'value="markdown"' in page.content and b"No export yet." in page.content
    assert b'name="version" value="published" disabled' in page.content  # never published
    with django_capture_on_commit_callbacks() as callbacks:
        response = editor_client.post(reverse("cahiers:export", args=[written.pk]), {"format": "markdown", "version": "working"})
        twice = editor_client.post(reverse("cahiers:export", args=[written.pk]), {"format": "markdown", "version": "working"})
    assert response.status_code == twice.status_code == 302 and response["Location"] == f"{outline}#exports"
    assert len(callbacks) == 1 and ExportRun.objects.count() == 1
    progress_url = reverse("cahiers:export_progress", args=[written.pk])
    page = editor_client.get(outline)
    assert b"<progress" in page.content and f'hx-get="{progress_url}"'.encode() in page.content
    run = ExportRun.objects.get()
    services.export_claim(run_id=run.pk)
    services.export_progress(run_id=run.pk, done=1, total=3)
    with django_assert_max_num_queries(6):
        fragment = editor_client.get(progress_url, headers={"HX-Request": "true"})
    assert b'<progress max="3" value="1"' in fragment.content and b"every 2s" in fragment.content
    assert b"<html" not in fragment.content
    ExportRun.objects.filter(pk=run.pk).update(status=ExportRun.Status.QUEUED)
    callbacks[0]()  # the worker runs it (eagerly)
    done = editor_client.get(progress_url)
    download = reverse("cahiers:export_download", args=[run.pk])
    assert b"every 2s" not in done.content and f'href="{download}"'.encode() in done.content
    file = editor_client.get(download)
    assert file.status_code == 200 and file["Content-Type"].startswith("text/markdown")
    assert 'attachment; filename="cahier-denjeux-20122013-working.md"' == file["Content-Disposition"]
    assert b"Le texte **publi" in b"".join(file.streaming_content)


@pytest.mark.parametrize(
    ("data", "status"),
    [({"format": "docx", "version": "working"}, 400), ({"format": "pdf", "version": "brouillon"}, 400),
     ({"version": "working"}, 400), ({"format": "pdf", "version": "published"}, 422)],
)
def test_bad_export_requests_are_refused_clearly_and_write_nothing(editor_client, written, data, status, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        response = editor_client.post(reverse("cahiers:export", args=[written.pk]), data)
    assert response.status_code == status and b'role="alert"' in response.content
    assert not callbacks and not ExportRun.objects.exists()


def test_a_failed_export_is_said_on_the_outline(editor_client, written):
    ExportRun.objects.create(cahier=written, format="pdf", version="working", status=ExportRun.Status.FAILED, error="Pango is missing")
    page = editor_client.get(reverse("cahiers:outline", args=[written.pk]))
    assert page.status_code == 200 and b"This export failed:" in page.content and b"Pango is missing" in page.content


def test_who_exports_and_downloads(client, alice, eve, published, django_capture_on_commit_callbacks):
    working = _export(published, "markdown", "working", django_capture_on_commit_callbacks)
    public = _export(published, "markdown", "published", django_capture_on_commit_callbacks)
    runs = ExportRun.objects.count()
    export_url = reverse("cahiers:export", args=[published.pk])
    working_url = reverse("cahiers:export_download", args=[working.pk])
    public_url = reverse("cahiers:public_download", args=[published.pk, "markdown"])
    # Anyone, anonymous included, downloads the published text's latest export.
    response = client.get(public_url)
    assert response.status_code == 200 and b"de travail" not in b"".join(response.streaming_content)
    assert client.get(reverse("cahiers:export_download", args=[public.pk])).status_code == 200
    # The working text: to the login page, then refused to a facilitator.
    response = client.get(working_url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    with django_capture_on_commit_callbacks() as callbacks:
        assert client.post(export_url, {"format": "pdf", "version": "working"}).status_code == 302
        client.force_login(alice)
        assert client.get(working_url).status_code == 403
        assert client.post(export_url, {"format": "pdf", "version": "working"}).status_code == 403
        assert client.get(reverse("cahiers:export_progress", args=[published.pk])).status_code == 403
    assert not callbacks and ExportRun.objects.count() == runs
    assert client.get(public_url).status_code == 200
    client.force_login(eve)
    assert client.get(working_url).status_code == 200


def test_the_public_address_answers_404_when_there_is_nothing(client, written, django_capture_on_commit_callbacks):
    assert client.get(reverse("cahiers:public_download", args=[written.pk, "pdf"])).status_code == 404  # unpublished
    with django_capture_on_commit_callbacks():  # published, its exports not made yet
        services.cahier_publish(cahier=written)
    assert client.get(reverse("cahiers:public_download", args=[written.pk, "pdf"])).status_code == 404
    ExportRun.objects.all().delete()
    published = Cahier.objects.get(pk=written.pk)
    assert client.get(reverse("cahiers:public_download", args=[published.pk, "docx"])).status_code == 404
    assert client.get("/cahiers/999999/download/pdf/").status_code == 404
    assert client.get("/cahiers/exports/999999/download/").status_code == 404
    _export(published, "markdown", "published", django_capture_on_commit_callbacks)
    Cahier.objects.filter(pk=published.pk).update(status=Status.DRAFT)  # taken back: nothing public
    assert client.get(reverse("cahiers:public_download", args=[published.pk, "markdown"])).status_code == 404


def test_a_file_gone_from_the_disk_is_a_404_not_a_500(editor_client, written, django_capture_on_commit_callbacks):
    run = _export(written, "markdown", "working", django_capture_on_commit_callbacks)
    run.file.storage.delete(run.file.name)
    assert editor_client.get(reverse("cahiers:export_download", args=[run.pk])).status_code == 404


def test_an_unfinished_export_is_not_downloaded(editor_client, written):
    run = ExportRun.objects.create(cahier=written, format="pdf", version="working")
    assert editor_client.get(reverse("cahiers:export_download", args=[run.pk])).status_code == 404


def test_the_outline_with_many_exports_runs_in_bounded_queries(editor_client, written, django_assert_max_num_queries):
    for n in range(15):
        ExportRun.objects.create(cahier=written, format="pdf", version="working", status=ExportRun.Status.FAILED, error=f"e{n}")
    with django_assert_max_num_queries(20):
        page = editor_client.get(reverse("cahiers:outline", args=[written.pk]))
    assert page.content.count(b"This export failed:") == selectors.RECENT_EXPORTS


# --- The whole edition as JSON, through the same runs ---------------------------------------------


def test_the_edition_json_is_an_export_of_the_editors_only(client, alice, eve, published, django_capture_on_commit_callbacks):
    import json

    run = _export(published, "json", "published", django_capture_on_commit_callbacks)
    assert run.status == ExportRun.Status.DONE and run.content_type == "application/json" and run.filename.endswith(".json")
    document = json.loads(run.file.read())
    assert document["format"] == "agora-edition" and document["edition"] == published.edition.slug
    # Participants' names and votes: never public, even of a published cahier.
    assert selectors.latest_public_export(published, "json") is None
    assert client.get(reverse("cahiers:public_download", args=[published.pk, "json"])).status_code == 404
    download = reverse("cahiers:export_download", args=[run.pk])
    assert client.get(download).status_code == 302
    client.force_login(alice)
    assert client.get(download).status_code == 403
    client.force_login(eve)
    assert client.get(download).status_code == 200


def test_readers_find_the_published_texts_downloads_on_the_cahiers_page(client, published, django_assert_max_num_queries):
    page = client.get(reverse("publications:cahier", args=[published.edition.slug])).content.decode()
    assert reverse("cahiers:public_download", args=[published.pk, "pdf"]) in page
    assert reverse("cahiers:public_download", args=[published.pk, "markdown"]) in page
    assert reverse("cahiers:public_download", args=[published.pk, "json"]) not in page
