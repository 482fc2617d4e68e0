"""An editor edits a section of the cahier with its live preview, compares two revisions, restores
one and publishes, in a real browser (htmx for the save and the preview), at 1366 and 390 wide."""

import pytest
from playwright.sync_api import expect

from cahiers import services
from cahiers.models import Revision, Section, Status
from tests.factories import EditionFactory, EditorFactory

from tests.browser.conftest import at_sizes as shared_at_sizes

pytestmark = [pytest.mark.browser]

SIZES = {"laptop": (1366, 768), "phone": (390, 844)}


def at_sizes(page, name, screenshot, axe_clean):
    shared_at_sizes(page, name, screenshot, axe_clean, sizes=SIZES)


def test_an_editor_edits_compares_restores_and_publishes(transactional_db, login, screenshot, axe_clean):
    eve = EditorFactory(username="eve")
    edition = EditionFactory(title="Questions Numériques 2012/2013", slug="qn-2012")
    cahier = services.cahier_create(edition=edition, title="Cahier d'enjeux 2012/2013")
    chapter = services.chapter_create(cahier=cahier, title="Posséder, c'est dépassé", kind="free")
    section = services.section_create(chapter=chapter, heading="Tendances motrices")
    services.section_create(chapter=chapter, heading="Signes avant-coureurs")
    draft = services.draft_apply(
        section=section, text="- L'usage prime sur la propriété\n- Le partage se banalise\n", provenance=[], source_hash="h1"
    ).revision

    page = login(eve, "/cahiers/")
    at_sizes(page, "cahiers-list", screenshot, axe_clean)
    page.click(f"a[href='/cahiers/{cahier.pk}/']")
    page.wait_for_selector(".ch-chapters")
    at_sizes(page, "cahier-outline", screenshot, axe_clean)

    page.click(f"a[href='/cahiers/sections/{section.pk}/']")
    page.wait_for_selector("#section-text")
    page.evaluate("window.stillTheSamePage = true")
    page.fill("#section-text", "- L'usage prime sur la *propriété*\n- Le partage se banalise\n- La location devient la norme\n")
    # The live preview: rendered and sanitised by the server, swapped in by htmx.
    expect(page.locator("#preview em")).to_have_text("propriété")
    at_sizes(page, "cahier-section-editor", screenshot, axe_clean)
    page.click("#section-form button[type=submit]")
    expect(page.locator("#section-editor .message.success")).to_be_visible()
    assert page.evaluate("window.stillTheSamePage") is True  # saved in place, not reloaded
    edit = Section.objects.get(pk=section.pk).latest_revision
    assert edit.reason == Revision.Reason.EDIT and "La location devient la norme" in edit.text and edit.author == eve

    # Compare the worker's draft with the edit.
    page.goto(f"/cahiers/sections/{section.pk}/history/")
    page.check(f"#old-{draft.pk}")
    page.check(f"#new-{edit.pk}")
    page.click(".ch-revisions-form > button[type=submit]")
    expect(page.locator(".ch-diff ins", has_text="La location devient la norme")).to_be_visible()
    expect(page.locator(".ch-diff ins", has_text="*propriété*")).to_be_visible()
    expect(page.locator(".ch-diff del").first).to_contain_text("L'usage prime sur la propriété")
    at_sizes(page, "cahier-history", screenshot, axe_clean)

    # Restore the draft: a new revision, and the editor shows its text.
    page.click(f"button[form='restore-{draft.pk}']")
    page.wait_for_selector("#section-text")
    assert page.input_value("#section-text") == draft.text
    restored = Section.objects.get(pk=section.pk).latest_revision
    assert restored.reason == Revision.Reason.RESTORE and restored.based_on_id == draft.pk
    assert Revision.objects.filter(section=section).count() == 3

    # Publish from the outline.
    page.goto(f"/cahiers/{cahier.pk}/")
    page.click(".ch-publish button[type=submit]")
    # Publishing makes the readers' PDF and Markdown (here eagerly, in the request): seconds.
    expect(page.locator(".messages .message")).to_be_visible(timeout=60_000)
    section.refresh_from_db()
    cahier.refresh_from_db()
    assert section.live_revision_id == restored.pk and cahier.status == Status.PUBLISHED
    at_sizes(page, "cahier-outline-published", screenshot, axe_clean)


@pytest.mark.console_allows(r"status of 409")
def test_a_conflict_keeps_both_texts_on_the_page(transactional_db, login, axe_clean, screenshot):
    eve = EditorFactory(username="eve")
    ed = EditorFactory(username="ed")
    cahier = services.cahier_create(edition=EditionFactory(slug="qn"), title="Cahier")
    section = services.section_create(chapter=services.chapter_create(cahier=cahier, title="Introduction"), heading="Pourquoi")
    opened = services.section_save(section=section, text="Le texte ouvert.", author=ed, based_on=None)

    page = login(eve, f"/cahiers/sections/{section.pk}/")
    services.section_save(section=section, text="Le texte d'Ed, sauvé entre-temps.", author=ed, based_on=opened)
    page.fill("#section-text", "Le texte d'Eve.")
    page.click("#section-form button[type=submit]")
    expect(page.locator(".ch-conflict .ch-source")).to_have_text("Le texte d'Ed, sauvé entre-temps.")
    assert page.input_value("#section-text") == "Le texte d'Eve."
    at_sizes(page, "cahier-section-conflict", screenshot, axe_clean)
    # Saving again, knowingly over Ed's text (which stays in the history).
    page.click("#section-form button[type=submit]")
    expect(page.locator("#section-editor .message.success")).to_be_visible()
    assert Section.objects.get(pk=section.pk).latest_revision.text == "Le texte d'Eve."
    assert section.revisions.count() == 3


def test_a_text_typed_in_the_section_editor_survives_a_reload(transactional_db, login):
    """drafts.js keeps the textarea's draft in this browser until the server has it."""
    eve = EditorFactory(username="eve")
    cahier = services.cahier_create(edition=EditionFactory(slug="qn"), title="Cahier")
    section = services.section_create(chapter=services.chapter_create(cahier=cahier, title="Introduction"), heading="Pourquoi")
    services.section_save(section=section, text="Le texte enregistré.", author=eve, based_on=None)

    page = login(eve, f"/cahiers/sections/{section.pk}/")
    page.fill("#section-text", "Un texte pas encore enregistré.")
    page.wait_for_timeout(300)
    page.reload()
    page.wait_for_selector("#section-text")
    expect(page.locator("#section-text")).to_have_value("Un texte pas encore enregistré.")
    page.click("#section-form button[type=submit]")
    expect(page.locator("#section-editor .message.success")).to_be_visible()
    page.reload()
    expect(page.locator("#section-text")).to_have_value("Un texte pas encore enregistré.")
    assert Section.objects.get(pk=section.pk).latest_revision.text == "Un texte pas encore enregistré."


def test_an_editor_asks_the_workers_to_draft_and_follows_their_progress(transactional_db, login, screenshot, axe_clean):
    from cahiers.models import DraftRun

    eve = EditorFactory(username="eve")
    edition = EditionFactory(title="Questions Numériques 2012/2013", slug="qn-2012")
    cahier = services.cahier_create(edition=edition, title="Cahier d'enjeux 2012/2013")

    # The button: the worker runs at once here (eager Celery), the outline then says it is done.
    page = login(eve, f"/cahiers/{cahier.pk}/")
    page.click(".ch-draft button[type=submit]")
    expect(page.locator("#draft-progress [role=status]")).to_be_visible()
    assert DraftRun.objects.get(cahier=cahier).status == DraftRun.Status.DONE

    # A run under way: the bar, polled every 2 s, moves, then the words replace it.
    run = DraftRun.objects.create(cahier=cahier, status=DraftRun.Status.RUNNING, total=9, done=3)
    page.goto(f"/cahiers/{cahier.pk}/")
    expect(page.locator("#draft-progress progress")).to_have_attribute("value", "3")
    expect(page.locator(".ch-draft button[type=submit]")).to_be_disabled()
    at_sizes(page, "cahier-drafting", screenshot, axe_clean)
    DraftRun.objects.filter(pk=run.pk).update(done=7)
    expect(page.locator("#draft-progress progress")).to_have_attribute("value", "7", timeout=6000)
    services.draft_run_finish(run=DraftRun.objects.get(pk=run.pk))
    expect(page.locator("#draft-progress progress")).to_have_count(0, timeout=6000)
    expect(page.locator("#draft-progress [role=status]")).to_be_visible()
