"""The restitution in a browser: the facilitator steps the projector through the tables' work; a
table's laptop keeps its development phase's outputs after the workshop closes."""

import pytest
from playwright.sync_api import expect

from tests.record_room import run_to_restitution
from workshops import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LIVE = 2500  # ms
SIZES = {
    "laptop": {"width": 1366, "height": 768},
    "phone": {"width": 390, "height": 844},
    "projector": {"width": 1920, "height": 1080},
}


def at_every_size(page, name, axe_clean, screenshot):
    for size, viewport in SIZES.items():
        page.set_viewport_size(viewport)
        screenshot(page, f"restitution-{name}-{size}")
        if size == "phone":
            wide = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert wide[0] <= wide[1], f"{name} is {wide[0]}px wide on a {wide[1]}px phone"
        axe_clean(page, f"{name} at {size}")
    page.set_viewport_size(SIZES["laptop"])


@pytest.fixture
def room(live_workshop, participant_factory):
    return run_to_restitution(live_workshop, participant_factory)


def test_the_facilitator_steps_the_projector_through_three_tables(room, facilitator, login, join, axe_clean, screenshot):
    workshop = room["workshop"]
    laptop = join("Zoé", "Table 2")
    projector = login(facilitator, f"/facilitate/{workshop.pk}/projector/")
    shown = projector.locator(".restitution.projected")
    next_table = projector.locator("form[action$='/restitution-next/'] button")

    expect(shown).to_contain_text("Synthèse de la table 1")
    expect(shown).to_contain_text("Développement table 1")
    at_every_size(projector, "projector", axe_clean, screenshot)
    for n in (2, 3):
        next_table.click()
        expect(shown).to_contain_text(f"Synthèse de la table {n}")
        expect(shown).not_to_contain_text(f"Synthèse de la table {n - 1}")
        expect(shown).to_contain_text(f"Anticipation table {n}")
    expect(next_table).to_be_disabled()
    projector.locator("form[action$='/restitution-previous/'] button").click()
    expect(shown).to_contain_text("Synthèse de la table 2")

    # The laptop at table 2 reads its own table first, then the others.
    first = laptop.locator(".restitution-table").first
    expect(first).to_contain_text("Synthèse de la table 2")
    expect(laptop.locator(".restitution-table")).to_have_count(3)
    at_every_size(laptop, "laptop", axe_clean, screenshot)


def test_after_the_workshop_closes_the_development_outputs_stay_on_the_tables_laptop(room, facilitator, login, join, axe_clean, screenshot):
    workshop = room["workshop"]
    laptop = join("Zoé", "Table 2")
    services.workshop_close(workshop=workshop)
    # The laptop follows the close by itself, then keeps every phase's results.
    development = laptop.locator("#outputs details.record-phase", has_text="Développer le scénario")
    expect(development).to_have_count(1, timeout=LIVE)
    development.locator("summary").click()
    expect(development).to_contain_text("Développement table 2")
    expect(laptop.locator("#outputs")).to_contain_text("Synthèse de la table 2")
    expect(laptop.locator("#outputs")).not_to_contain_text("Développement table 1")
    at_every_size(laptop, "closed-laptop", axe_clean, screenshot)

    results = login(facilitator, f"/facilitate/{workshop.pk}/results/")
    for n in (1, 2, 3):
        expect(results.locator("#outputs")).to_contain_text(f"Développement table {n}")
        expect(results.locator("#outputs")).to_contain_text(f"Synthèse de la table {n}")
    at_every_size(results, "results", axe_clean, screenshot)
    results.goto(f"/facilitate/{workshop.pk}/projector/")
    expect(results.locator("#outputs")).to_contain_text("Synthèse de la table 3")
    at_every_size(results, "closed-projector", axe_clean, screenshot)
