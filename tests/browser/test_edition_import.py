"""An editor imports an edition's JSON file in a real browser: a good file gives the edition and a
link to its cahier; a file of another version is refused with the reason, and nothing is written.
Checked with axe and looked at, at 1366×768, on a 390 px phone and at 1920×1080."""

import json

import pytest
from django.conf import settings
from playwright.sync_api import expect

from cahiers import services
from cahiers.exchange import export_edition_bytes
from cahiers.models import Cahier
from core.models import Edition
from tests import factories
from workshops.models import Workshop

from tests.browser.conftest import at_sizes

pytestmark = [pytest.mark.browser]


def _edition_file(tmp_path):
    """An edition with a workshop, a post-it and a published cahier, exported, then deleted here."""
    edition = factories.EditionFactory(title="Questions Numériques 2012/2013", slug="qn-2012")
    workshop = factories.WorkshopFactory(edition=edition, title="Atelier ruptures du 6 décembre")
    participant = factories.ParticipantFactory(workshop=workshop, display_name="Ada")
    factories.ContributionFactory(participant=participant, text="La propriété devient un fardeau")
    cahier = services.cahier_create(edition=edition, title="Cahier d'enjeux 2012/2013")
    chapter = services.chapter_create(cahier=cahier, title="Introduction", kind="introduction")
    section = services.section_create(chapter=chapter, heading="Pourquoi ce cahier")
    services.section_save(section=section, text="Ce cahier rassemble les scénarios.", author=None, based_on=None)
    services.cahier_publish(cahier=cahier)
    payload = export_edition_bytes(edition)
    Cahier.objects.filter(edition=edition).delete()
    Workshop.objects.filter(edition=edition).delete()
    edition.delete()
    good = tmp_path / "qn-2012.json"
    good.write_bytes(payload)
    bad = tmp_path / "qn-2012-v2.json"
    bad.write_text(json.dumps(json.loads(payload) | {"version": 2}), encoding="utf-8")
    return good, bad


def test_an_editor_imports_an_edition_and_a_file_of_another_version_is_refused(
    transactional_db, live_server, login, screenshot, axe_clean, tmp_path
):
    eve = factories.EditorFactory(username="eve")
    good, bad = _edition_file(tmp_path)

    page = login(eve, "/cahiers/")
    # The page in English, whatever the French catalogue says: the assertions read English.
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": live_server.url}])
    page.reload()
    page.click("a[href='/cahiers/import/']")
    expect(page.locator("h1")).to_have_text("Import an edition")
    at_sizes(page, "edition-import", screenshot, axe_clean)

    # Another version: refused with the reason, nothing written.
    page.set_input_files("input[type=file]", str(bad))
    page.click(".ch-import-form button[type=submit]")
    expect(page.locator(".errorlist li")).to_contain_text("version 2")
    assert not Edition.objects.filter(slug="qn-2012").exists()
    at_sizes(page, "edition-import-refused", screenshot, axe_clean)

    # The good file: imported, with a link to its cahier.
    page.set_input_files("input[type=file]", str(good))
    page.click(".ch-import-form button[type=submit]")
    expect(page.locator(".messages .message.success")).to_contain_text("Questions Numériques 2012/2013")
    cahier = Cahier.objects.get(edition__slug="qn-2012")
    at_sizes(page, "edition-import-done", screenshot, axe_clean)
    page.click(f".ch-imported a[href='/cahiers/{cahier.pk}/']")
    expect(page.locator("h1")).to_contain_text("Cahier d'enjeux 2012/2013")
