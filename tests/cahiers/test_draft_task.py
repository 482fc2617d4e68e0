"""The worker's drafting of a cahier: the run (one at a time, claimed once), the task on the demo
edition (run eagerly), a re-draft, and the editor's button and progress."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from cahiers import services
from cahiers.models import Chapter, DraftRun, Revision, Section
from cahiers.tasks import draft_cahier
from demo.seed import questions_numeriques as seed
from demo.seed.load import demo_load
from tests import factories
from tests.cahiers.test_sources import Room

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def demo_cahier(db):
    result = demo_load(password="pw")
    room = Room(result.workshop)
    room.post("cdi-c-est-fini", "tendances-motrices", "La flexibilité voulue par les entreprises", plus_ones=1)
    Room.aggregate(result.workshop)
    edition = result.workshop.edition
    cahier = getattr(edition, "cahier", None) or services.cahier_create(edition=edition, title="Cahier d'enjeux")
    cahier.room = room
    return cahier


def _draft(cahier, django_capture_on_commit_callbacks) -> DraftRun:
    """Ask for a draft as the editor's button does; the task runs (eagerly) when the request commits."""
    with django_capture_on_commit_callbacks(execute=True):
        run, created = services.draft_request(cahier=cahier)
    assert created
    run.refresh_from_db()
    return run


# --- The run --------------------------------------------------------------------------------------


def test_asking_twice_while_a_run_is_queued_gives_the_same_run_and_one_task(cahier, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        first, created = services.draft_request(cahier=cahier)
        second, again = services.draft_request(cahier=cahier)
    assert created and not again and second.pk == first.pk
    assert len(callbacks) == 1 and DraftRun.objects.count() == 1


def test_a_run_is_claimed_once_and_only_while_queued(cahier, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        run, _created = services.draft_request(cahier=cahier)
    assert services.draft_claim(run_id=run.pk)
    assert not services.draft_claim(run_id=run.pk)  # another worker given the same message
    assert draft_cahier(run.pk) == 0  # the task told so does nothing
    run.refresh_from_db()
    assert run.status == DraftRun.Status.RUNNING and run.total == 0
    # Still running: asking again gives it.
    assert services.draft_request(cahier=cahier) == (run, False)


def test_a_finished_run_lets_a_new_one_be_asked_and_an_abandoned_one_is_replaced(cahier, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        run, _ = services.draft_request(cahier=cahier)
        services.draft_claim(run_id=run.pk)
        services.draft_run_finish(run=run)
        second, created = services.draft_request(cahier=cahier)
        assert created and second.pk != run.pk
        services.draft_claim(run_id=second.pk)
        DraftRun.objects.filter(pk=second.pk).update(heartbeat_at=second.created_at - services.DRAFT_RUN_ABANDONED_AFTER)
        third, created = services.draft_request(cahier=cahier)
    assert created
    second.refresh_from_db()
    assert second.status == DraftRun.Status.FAILED and second.error


def test_the_database_refuses_two_active_runs_of_a_cahier(cahier):
    from django.db import IntegrityError, transaction

    DraftRun.objects.create(cahier=cahier)
    with pytest.raises(IntegrityError), transaction.atomic():
        DraftRun.objects.create(cahier=cahier, status=DraftRun.Status.RUNNING)


def test_chapter_and_section_keys_are_unique_when_given(cahier, chapter):
    from django.db import IntegrityError, transaction

    services.section_create(chapter=chapter, heading="A")
    services.section_create(chapter=chapter, heading="B")  # editors' sections have no key
    services.section_create(chapter=chapter, heading="C", key="narrative")
    with pytest.raises(IntegrityError), transaction.atomic():
        Section.objects.create(chapter=chapter, position=99, heading="D", key="narrative")
    services.chapter_create(cahier=cahier, title="X", key="other-ruptures")
    with pytest.raises(IntegrityError), transaction.atomic():
        Chapter.objects.create(cahier=cahier, position=99, title="Y", key="other-ruptures", kind=Chapter.Kind.OTHER_RUPTURES)


# --- The task on the demo edition -----------------------------------------------------------------


def test_the_demo_edition_is_drafted_chapter_by_chapter(demo_cahier, django_capture_on_commit_callbacks):
    run = _draft(demo_cahier, django_capture_on_commit_callbacks)
    assert run.status == DraftRun.Status.DONE and run.error == ""
    chapters = list(demo_cahier.chapters.order_by("position"))
    scenario_chapters = [c for c in chapters if c.kind == Chapter.Kind.SCENARIO]
    assert [c.title for c in scenario_chapters] == [s["title"] for s in seed.DEVELOPED_SCENARIOS]
    assert all(c.scenario is not None and c.key == f"scenario-{c.scenario.slug}" for c in scenario_chapters)
    # The seed's order: the introduction, the map, the 7 scenarios, the other ruptures; then the promise workshop.
    assert [c.kind for c in chapters[:2]] == [Chapter.Kind.INTRODUCTION, Chapter.Kind.CARTOGRAPHY]
    assert [c.kind for c in chapters[9:]] == [Chapter.Kind.OTHER_RUPTURES, Chapter.Kind.PROMISE]
    assert run.total == run.done == len(chapters) == 11
    others = chapters[9]
    assert others.sections.count() == len(seed.OTHER_SCENARIOS)
    # Every section has its draft as its latest revision, with the post-its it came from.
    sections = Section.objects.filter(chapter__cahier=demo_cahier)
    assert not sections.filter(latest_revision__isnull=True).exists()
    cdi = scenario_chapters[[s["slug"] for s in seed.DEVELOPED_SCENARIOS].index("cdi-c-est-fini")]
    trends = cdi.sections.get(key="canvas-tendances-motrices").latest_revision
    assert trends.reason == Revision.Reason.DRAFT and "flexibilité voulue" in trends.text
    postits = [p for line in trends.provenance for p in line["postits"]]
    assert any(p["text"] == "La flexibilité voulue par les entreprises" and p["workshop"] for p in postits)


def test_drafting_again_an_unchanged_edition_writes_nothing(demo_cahier, django_capture_on_commit_callbacks):
    _draft(demo_cahier, django_capture_on_commit_callbacks)
    chapters, sections, revisions = Chapter.objects.count(), Section.objects.count(), Revision.objects.count()
    again = _draft(demo_cahier, django_capture_on_commit_callbacks)
    assert again.status == DraftRun.Status.DONE and again.done == 11
    assert (Chapter.objects.count(), Section.objects.count(), Revision.objects.count()) == (chapters, sections, revisions)


def test_an_editors_edit_survives_a_re_draft_and_the_new_draft_waits_beside_it(
    demo_cahier, django_capture_on_commit_callbacks, eve
):
    _draft(demo_cahier, django_capture_on_commit_callbacks)
    section = Section.objects.get(chapter__cahier=demo_cahier, chapter__key="scenario-cdi-c-est-fini", key="canvas-tendances-motrices")
    edit = services.section_save(section=section, text="Le texte de l'éditrice.", author=eve, based_on=section.latest_revision)
    demo_cahier.room.post("cdi-c-est-fini", "tendances-motrices", "Le portage salarial se généralise", plus_ones=4)
    Room.aggregate(demo_cahier.room.workshop)
    _draft(demo_cahier, django_capture_on_commit_callbacks)
    section.refresh_from_db()
    assert section.latest_revision_id == edit.pk
    newest = section.revisions.order_by("-pk").first()
    assert newest.reason == Revision.Reason.DRAFT and "portage salarial" in newest.text
    from cahiers.selectors import pending_draft

    assert any("portage salarial" in line for line in pending_draft(section).new_lines)


def test_the_introduction_is_drafted_first_from_the_description_and_an_edit_outlives_a_new_one(
    cahier, eve, django_capture_on_commit_callbacks
):
    from core.models import Edition

    services.chapter_create(cahier=cahier, title="Notre chapitre")  # an editor's, made before any draft
    Edition.objects.filter(pk=cahier.edition_id).update(description="Première version.")
    _draft(cahier, django_capture_on_commit_callbacks)
    chapters = list(cahier.chapters.order_by("position"))
    assert [(c.kind, c.position) for c in chapters] == [(Chapter.Kind.INTRODUCTION, 1), (Chapter.Kind.FREE, 2)]
    section = chapters[0].sections.get()
    assert section.latest_revision.text == "Première version." and section.heading == cahier.edition.title
    edit = services.section_save(section=section, text="Notre introduction.", author=eve, based_on=section.latest_revision)
    Edition.objects.filter(pk=cahier.edition_id).update(description="Seconde version.")
    _draft(cahier, django_capture_on_commit_callbacks)
    section.refresh_from_db()
    assert section.latest_revision_id == edit.pk
    assert section.revisions.order_by("-pk").first().text == "Seconde version."  # waiting beside the edit
    assert cahier.chapters.count() == 2


def test_an_editors_own_chapter_for_a_scenario_is_the_one_drafted_into(demo_cahier, django_capture_on_commit_callbacks):
    scenario = demo_cahier.edition.scenarios.get(slug="cdi-c-est-fini")
    mine = services.chapter_create(cahier=demo_cahier, title="CDI", kind=Chapter.Kind.SCENARIO, scenario=scenario)
    _draft(demo_cahier, django_capture_on_commit_callbacks)
    mine.refresh_from_db()
    assert mine.key == "scenario-cdi-c-est-fini" and mine.sections.filter(key="narrative").exists()
    assert demo_cahier.chapters.filter(scenario=scenario).count() == 1


def test_a_failure_marks_the_run_failed_and_keeps_what_was_drafted(cahier, django_capture_on_commit_callbacks, monkeypatch):
    def broken(*, edition):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("cahiers.tasks.edition_draft_input", broken)
    with django_capture_on_commit_callbacks(execute=True):
        run, _ = services.draft_request(cahier=cahier)
    run.refresh_from_db()
    assert run.status == DraftRun.Status.FAILED and "the database went away" in run.error and run.finished_at


# --- The editor's page ----------------------------------------------------------------------------


@pytest.fixture
def editor_client(client, eve):
    client.force_login(eve)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_the_button_drafts_the_cahier_and_the_progress_fragment_says_so(
    editor_client, demo_cahier, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    outline = reverse("cahiers:outline", args=[demo_cahier.pk])
    page = editor_client.get(outline)
    assert page.status_code == 200
    assert f'action="{reverse("cahiers:draft", args=[demo_cahier.pk])}"'.encode() in page.content
    assert b"<progress" not in page.content
    with django_capture_on_commit_callbacks() as callbacks:
        response = editor_client.post(reverse("cahiers:draft", args=[demo_cahier.pk]))
        twice = editor_client.post(reverse("cahiers:draft", args=[demo_cahier.pk]))
    assert response.status_code == twice.status_code == 302 and response["Location"] == outline
    assert len(callbacks) == 1 and DraftRun.objects.filter(cahier=demo_cahier).count() == 1
    progress_url = reverse("cahiers:draft_progress", args=[demo_cahier.pk])
    page = editor_client.get(outline)
    assert b"<progress" in page.content and f'hx-get="{progress_url}"'.encode() in page.content
    assert b'hx-trigger="every 2s"' in page.content and b"disabled" in page.content
    run = DraftRun.objects.get()
    services.draft_claim(run_id=run.pk)
    services.draft_run_start(run=run, total=9)
    DraftRun.objects.filter(pk=run.pk).update(done=4)
    with django_assert_max_num_queries(6):
        fragment = editor_client.get(progress_url, headers={"HX-Request": "true"})
    assert fragment.status_code == 200
    assert b'<progress max="9" value="4"' in fragment.content and b"every 2s" in fragment.content
    assert b"<html" not in fragment.content
    callbacks[0]()  # the worker runs (eagerly): the run was claimed above, so this task leaves it
    services.draft_run_finish(run=run)
    done = editor_client.get(progress_url)
    assert b"<progress" not in done.content and b"every 2s" not in done.content
    assert b"9 chapters" in done.content


def test_a_failed_run_is_said_in_words(editor_client, cahier):
    DraftRun.objects.create(cahier=cahier, status=DraftRun.Status.FAILED, error="boom")
    fragment = editor_client.get(reverse("cahiers:draft_progress", args=[cahier.pk]))
    assert b'role="alert"' in fragment.content and b"boom" in fragment.content and b"every 2s" not in fragment.content


def test_a_facilitator_who_is_not_an_editor_may_not_draft(client, alice, cahier, django_capture_on_commit_callbacks):
    client.force_login(alice)
    with django_capture_on_commit_callbacks() as callbacks:
        assert client.post(reverse("cahiers:draft", args=[cahier.pk])).status_code == 403
    assert client.get(reverse("cahiers:draft_progress", args=[cahier.pk])).status_code == 403
    assert not callbacks and not DraftRun.objects.exists()


def test_drafting_a_missing_cahier_is_404(editor_client):
    assert editor_client.post(reverse("cahiers:draft", args=[999999])).status_code == 404
    assert editor_client.get(reverse("cahiers:draft_progress", args=[999999])).status_code == 404
