"""A facilitator adapts a seed format (read-only to her) in a real browser, then runs a workshop from it."""

import pytest
from playwright.sync_api import expect

from tests.factories import CanvasFactory, EditionFactory, FormatFactory
from core.models import Canvas
from workshops.models import Format, Workshop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def titles(page, list_id):
    return page.locator(f"#{list_id} .fm-item .fm-title").all_inner_texts()


def test_a_facilitator_duplicates_a_format_adds_a_canvas_reorders_phases_and_runs_a_workshop(facilitator, login, screenshot, axe_clean):
    edition = EditionFactory(title="Questions Numériques 2012/2013")
    seed = FormatFactory(name="Atelier ruptures", phases__canvas=CanvasFactory(name="Scénario de rupture"))

    page = login(facilitator, "/facilitate/")
    page.click("nav.topnav a[href='/facilitate/formats/']")
    page.wait_for_selector("#format-list")
    assert page.locator("h1").inner_text() == "Formats et canevas"
    screenshot(page, "formats-index")
    axe_clean(page, "formats-index")

    # The seed format is every facilitator's to use, nobody's to change: it opens read-only.
    assert page.locator(f"#format-{seed.pk} .fm-owner .badge").count() == 1
    page.click(f"#format-{seed.pk} h3 a")
    page.wait_for_selector("#format-phases")
    assert page.locator("#read-only").count() == 1
    assert page.locator("#phase-add, #format-details, #format-phases .fm-remove").count() == 0
    screenshot(page, "formats-seed-read-only")
    axe_clean(page, "formats-seed-read-only")

    # Duplicate it under a new name: the copy is hers, and opens in its editor.
    page.click(".page-head a[href$='/duplicate/']")
    assert page.input_value("#id_name") == "Atelier ruptures (copie)"
    page.fill("#id_name", "Atelier ruptures 2026")
    page.click("#duplicate button[type=submit]")
    page.wait_for_selector("#format-phases")
    copy = Format.objects.get(name="Atelier ruptures 2026")
    assert copy.owner == facilitator
    assert page.url.endswith(f"/facilitate/formats/{copy.pk}/")
    assert page.locator("#read-only").count() == 0
    assert titles(page, "format-phases") == ["Développer le scénario", "Comment anticiper", "Vote"]

    # A new canvas with one section on two axes, added without reloading the page.
    page.click(".fm-breadcrumb a")
    page.fill("#id_canvas-name", "Anticiper la rupture")
    page.click("#new-canvas button[type=submit]")
    page.wait_for_selector("#canvas-sections")
    canvas = Canvas.objects.get(name="Anticiper la rupture")
    page.evaluate("window.stillTheSamePage = true")
    page.fill("#id_new-title", "Repérer les opportunités")
    page.fill("#id_new-prompt", "Qu'est-ce que la rupture rend possible ?")
    page.fill("#id_new-axes", "Pour une entreprise, Pour un acteur public")
    page.click("#section-add button[type=submit]")
    page.wait_for_selector("#canvas-sections .fm-item:has-text('Repérer les opportunités')")
    assert page.locator("#canvas-sections .fm-axes .axis").all_inner_texts() == ["Pour une entreprise", "Pour un acteur public"]
    assert page.input_value("#id_new-title") == ""

    # Nine axes are refused with a clear message, in place.
    page.fill("#id_new-title", "Trop d'axes")
    page.fill("#id_new-axes", ", ".join(f"Axe {n}" for n in range(9)))
    page.click("#section-add button[type=submit]")
    page.wait_for_selector("#section-add .errorlist")
    assert "8 axes" in page.locator("#section-add .errorlist").inner_text()
    assert page.evaluate("window.stillTheSamePage") is True
    screenshot(page, "formats-canvas-editor")
    axe_clean(page, "formats-canvas-editor")
    assert list(canvas.sections.values_list("title", "axes")) == [
        ("Repérer les opportunités", ["Pour une entreprise", "Pour un acteur public"])
    ]

    # Back in the copied format: a post-it phase on the new canvas, then reorder.
    page.goto(f"/facilitate/formats/{copy.pk}/")
    page.evaluate("window.stillTheSamePage = true")
    page.fill("#id_new-name", "Anticiper")
    page.select_option("#id_new-activity", "postits")
    page.fill("#id_new-duration_minutes", "20")
    page.click("#phase-add button[type=submit]")
    page.wait_for_selector("#phase-add .errorlist")  # a post-it phase needs a canvas
    page.select_option("#id_new-canvas", label="Anticiper la rupture")
    page.click("#phase-add button[type=submit]")
    page.wait_for_selector("#format-phases .fm-item:has-text('Anticiper la rupture')")
    assert titles(page, "format-phases") == ["Développer le scénario", "Comment anticiper", "Vote", "Anticiper"]

    # The page forbids eval (CSP): wait with Playwright's own assertions.
    phase_titles = page.locator("#format-phases .fm-item .fm-title")
    page.click("#format-phases .fm-item:has-text('Développer le scénario') button.fm-down")
    expect(phase_titles).to_have_text(["Comment anticiper", "Développer le scénario", "Vote", "Anticiper"])
    page.locator("#format-phases .fm-item").last.locator("button.fm-up").click()
    expect(phase_titles).to_have_text(["Comment anticiper", "Développer le scénario", "Anticiper", "Vote"])
    assert page.evaluate("window.stillTheSamePage") is True
    screenshot(page, "formats-format-editor")
    axe_clean(page, "formats-format-editor")
    assert list(copy.phases.order_by("position").values_list("name", flat=True)) == [
        "Comment anticiper", "Développer le scénario", "Anticiper", "Vote"
    ]

    # The new format is on the dashboard at once; the workshop runs its phases in that order.
    page.click(".page-head a[href^='/facilitate/?format=']")
    page.fill("#id_title", "Ruptures au Cnam 2026")
    page.select_option("#id_edition", str(edition.pk))
    page.select_option("#id_format", label="Atelier ruptures 2026")
    page.fill("#id_date", "2026-11-21")
    page.fill("#id_table_count", "3")
    page.click("main form button[type=submit]")
    page.wait_for_selector(".phases")
    workshop = Workshop.objects.get(title="Ruptures au Cnam 2026")
    assert page.url.endswith(f"/facilitate/{workshop.pk}/")
    assert page.locator(".phases .phase-title strong").all_inner_texts() == [
        "Comment anticiper", "Développer le scénario", "Anticiper", "Vote"
    ]
    screenshot(page, "formats-control-room")
    axe_clean(page, "formats-control-room")


def test_a_phase_shows_only_its_canvas_sections_to_pick_and_keeps_those_picked(facilitator, login, screenshot, axe_clean):
    rupture = CanvasFactory(name="Scénario de rupture", owner=facilitator)
    promise = CanvasFactory(name="Atelier promesse", owner=facilitator)
    fmt = FormatFactory(name="Mon atelier", phases__canvas=rupture, owner=facilitator)
    anticipate = fmt.phases.get(position=2)

    page = login(facilitator, f"/facilitate/formats/{fmt.pk}/")
    page.click(f"#phase-{anticipate.pk} .fm-edit-link")
    form = page.locator("form.fm-edit")
    # Only the phase's canvas's sections are offered; the other canvas's are hidden and not sent.
    expect(form.locator(f"fieldset[data-canvas='{rupture.pk}']")).to_be_visible()
    expect(form.locator(f"fieldset[data-canvas='{promise.pk}']")).to_be_hidden()
    form.locator(f"fieldset[data-canvas='{rupture.pk}']").get_by_label("Repérer les opportunités").check()
    screenshot(page, "format-phase-sections")
    axe_clean(page, "format-phase-sections")

    # Another canvas chosen: its sections show instead.
    form.locator("select[name='edit-canvas']").select_option(label="Atelier promesse")
    expect(form.locator(f"fieldset[data-canvas='{promise.pk}']")).to_be_visible()
    expect(form.locator(f"fieldset[data-canvas='{rupture.pk}']")).to_be_hidden()
    form.locator("select[name='edit-canvas']").select_option(label="Scénario de rupture")
    form.locator("button[type=submit]").first.click()
    expect(page.locator(f"#phase-{anticipate.pk} .fm-phase-sections")).to_contain_text("Repérer les opportunités")
    assert [s.title for s in anticipate.sections.all()] == ["Repérer les opportunités"]
