"""A facilitator builds a scenario in the library with a real browser (htmx, no full reloads)."""

import pytest

from scenarios.models import Scenario, SectionEntry
from tests.factories import CanvasFactory, EditionFactory, ScenarioFactory, TagFactory, TimelineEventFactory

pytestmark = [pytest.mark.browser]


def test_a_facilitator_creates_a_scenario_dates_it_moves_it_on_and_finds_it_in_the_library(
    transactional_db, facilitator, login, screenshot, axe_clean
):
    edition = EditionFactory(title="Questions Numériques 2012/2013")
    ScenarioFactory(edition=edition, title="La fin du salariat", status="developed").tags.add(TagFactory(name="travail"))

    page = login(facilitator, "/scenarios/")
    screenshot(page, "scenarios-library-before")
    axe_clean(page, "scenarios-library-before")
    page.click(f"a.button.primary[href^='/scenarios/new/']")

    page.fill("#id_title", "Posséder, c'est dépassé")
    page.select_option("#id_edition", str(edition.pk))
    page.fill("#id_summary", "L'usage prime sur la propriété.")
    page.fill("#id_narrative", "En 2016, posséder devient ringard.\n\nOn partage, on loue, on échange.")
    page.fill("#id_tags", "Consommation, partage, consommation")
    screenshot(page, "scenarios-new")
    axe_clean(page, "scenarios-new")
    page.click("form.sc-form button[type=submit]")
    page.wait_for_selector("#timeline")

    scenario = Scenario.objects.get(title="Posséder, c'est dépassé")
    assert page.url.endswith(f"/scenarios/{scenario.pk}/")
    assert sorted(scenario.tags.values_list("name", flat=True)) == ["consommation", "partage"]

    # A marker on window survives only if htmx swaps fragments instead of reloading the page.
    page.evaluate("window.stillTheSamePage = true")

    page.fill("#id_event-year", "2016")
    page.fill("#id_event-title", "Bascule")
    page.fill("#id_event-text", "Les plateformes de partage dépassent la vente en volume.")
    page.click("form.sc-event-add button[type=submit]")
    page.wait_for_selector("#timeline .sc-event:has-text('Les plateformes de partage')")
    assert page.input_value("#id_event-text") == ""

    # A year out of range is stopped by the browser already (the server refuses it too, see the view tests).
    page.fill("#id_event-year", "1850")
    page.fill("#id_event-text", "Trop tôt")
    page.click("form.sc-event-add button[type=submit]")
    assert page.evaluate("document.querySelector('#id_event-year').validity.rangeUnderflow") is True
    page.fill("#id_event-year", "")
    page.fill("#id_event-text", "")

    # Edit the event in place: the link swaps the timeline for one with a form in the event's row.
    page.click("#timeline .sc-event-actions a")
    page.wait_for_selector("#id_edit-text")
    page.fill("#id_edit-year", "2017")
    page.fill("#id_edit-text", "   ")  # passes the browser's `required`, not the server
    page.click("form.sc-event-form:not(.sc-event-add) button[type=submit]")
    page.wait_for_selector("#timeline .sc-event .errorlist")
    screenshot(page, "scenarios-timeline-edit-error")
    axe_clean(page, "scenarios-timeline-edit-error")
    page.fill("#id_edit-text", "Les plateformes de partage dépassent la vente en volume.")
    page.click("form.sc-event-form:not(.sc-event-add) button[type=submit]")
    page.wait_for_selector("#id_edit-text", state="detached")
    assert page.locator("#timeline .sc-year-label").all_inner_texts() == ["2017"]

    page.click("#scenario-status input[value=retained] ~ button")
    page.wait_for_selector("#scenario-status input[name=status][value=developed]", state="attached")
    assert page.evaluate("window.stillTheSamePage") is True
    assert list(scenario.timeline.values_list("year", "text")) == [
        (2017, "Les plateformes de partage dépassent la vente en volume.")
    ]
    scenario.refresh_from_db()
    assert scenario.status == Scenario.Status.RETAINED
    screenshot(page, "scenarios-detail")
    axe_clean(page, "scenarios-detail")

    page.click(".sc-breadcrumb a[href='/scenarios/']")
    card = page.locator(".sc-card", has_text="Posséder, c'est dépassé")
    card.wait_for()
    assert card.locator(".sc-status-retained").count() == 1
    assert card.locator(".sc-tag", has_text="partage").count() == 1

    # Filtering by status goes through htmx too and keeps the URL shareable.
    page.select_option("#id_status", "developed")
    page.wait_for_selector(".sc-card:has-text('Posséder')", state="detached")
    assert "status=developed" in page.url
    assert page.locator(".sc-card", has_text="La fin du salariat").count() == 1
    screenshot(page, "scenarios-library-filtered")
    axe_clean(page, "scenarios-library-filtered")


def test_the_library_and_a_developed_scenario_read_well_on_a_phone(transactional_db, facilitator, login, screenshot, axe_clean):
    edition = EditionFactory(title="Questions Numériques 2012/2013")
    scenario = ScenarioFactory(
        edition=edition,
        title="Posséder, c'est dépassé",
        status="developed",
        narrative="En 2016, posséder devient ringard.\n\nOn partage, on loue, on échange : l'usage prime.",
    )
    scenario.tags.add(TagFactory(name="consommation"), TagFactory(name="partage"))
    for year, text in [(2013, "Vélib' et autopartage se généralisent."), (2016, "Le partage dépasse la vente."), (2020, "Posséder devient ringard.")]:
        TimelineEventFactory(scenario=scenario, year=year, text=text)
    signs, opportunities = CanvasFactory().sections.order_by("position")
    for n, text in enumerate(["Autopartage", "Location entre particuliers", "Recycleries"]):
        SectionEntry.objects.create(scenario=scenario, section=signs, position=n, text=text)
    SectionEntry.objects.create(scenario=scenario, section=opportunities, axis="Pour une entreprise", text="Vendre l'usage")
    SectionEntry.objects.create(scenario=scenario, section=opportunities, axis="Pour un acteur public", text="Réguler les plateformes")

    page = login(facilitator, f"/scenarios/{scenario.pk}/")
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_selector(".sc-canvas")
    screenshot(page, "scenarios-detail-phone")
    axe_clean(page, "scenarios-detail-phone")
    # Nothing sticks out sideways on a phone.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    page.goto("/scenarios/")
    page.wait_for_selector(".sc-card")
    screenshot(page, "scenarios-library-phone")
    axe_clean(page, "scenarios-library-phone")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
