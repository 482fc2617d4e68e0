"""The promise workshop in a browser: a table writes a persona and orders its story; the keyword wall grows live."""

import pytest
from playwright.sync_api import expect

from workshops import services
from workshops.models import Activity, WorkshopPhase

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LIVE = 4000  # ms: a poll every 2 s, on a shared test machine


def _phase(workshop, activity):
    phase = WorkshopPhase.objects.create(workshop=workshop, position=10, name=activity.label, activity=activity)
    services.phase_close(phase=workshop.phases.get(position=1))
    return services.phase_open(phase=phase)


def test_a_table_writes_a_persona_with_three_steps_and_reorders_them(join, live_workshop, screenshot, axe_clean):
    _phase(live_workshop, Activity.PERSONAS)
    scribe_page = join("Bruno")
    services.participant_set_scribe(participant=live_workshop.participants.get(display_name="Bruno"), is_scribe=True)
    mate = join("Chloé")
    scribe_page.reload()

    panel = scribe_page.locator("#activity-panel")
    panel.locator("#persona-new-name").fill("Bruno")
    panel.locator("#persona-new-age").fill("52")
    panel.locator("#persona-new-profile").fill("Maire d'une petite commune de Haute-Savoie, il cherche à relancer l'économie locale.")
    panel.locator(".new-persona button[type=submit]").click()
    card = panel.locator("article.persona")
    expect(card).to_have_count(1)
    for text in ("Il découvre les monnaies locales", "Il réunit les commerçants", "La commune adopte le projet"):
        card.locator(".new-step textarea").fill(text)
        card.locator(".new-step button[type=submit]").click()
        expect(card.locator(".persona-step textarea").last).to_have_value(text)
    steps = card.locator(".persona-step textarea")
    expect(steps).to_have_count(3)
    expect(steps.nth(2)).to_have_value("La commune adopte le projet")

    # The table sees the card and its story live, in order.
    mate_steps = mate.locator("#activity-panel .persona-step")
    expect(mate.locator("#activity-panel article.persona h2")).to_contain_text("Bruno", timeout=LIVE)
    expect(mate_steps).to_have_count(3, timeout=LIVE)

    # The scribe moves the last step up twice: it becomes the first.
    card.locator(".persona-step").nth(2).locator(".step-tools form").first.locator("button").click()
    expect(steps.nth(1)).to_have_value("La commune adopte le projet")
    card.locator(".persona-step").nth(1).locator(".step-tools form").first.locator("button").click()
    expect(steps.nth(0)).to_have_value("La commune adopte le projet")
    expect(mate_steps.nth(0)).to_contain_text("La commune adopte le projet", timeout=LIVE)
    expect(mate_steps.nth(2)).to_contain_text("Il réunit les commerçants", timeout=LIVE)

    screenshot(scribe_page, "promises-persona-scribe")
    axe_clean(scribe_page, "persona cards, the scribe")
    axe_clean(mate, "persona cards, the table")
    mate.set_viewport_size({"width": 390, "height": 844})
    screenshot(mate, "promises-persona-phone")
    assert mate.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_keyword_wall_grows_live_in_two_browsers(join, live_workshop, screenshot, axe_clean):
    _phase(live_workshop, Activity.KEYWORDS)
    amina = join("Amina")
    omar = join("Omar", table_label="Table 2")

    amina.locator("#keyword-text").fill("Résilience")
    amina.locator(".keyword-form button[type=submit]").click()
    omar_wall = omar.locator("#keyword-wall .wall-word")
    expect(omar_wall).to_have_count(1, timeout=LIVE)
    expect(omar_wall.first).to_contain_text("Résilience")

    # Omar types while the wall changes under him: his text stays in the box.
    omar.locator("#keyword-text").fill("résiliences")
    amina.locator("#keyword-text").fill("Bien commun")
    amina.locator(".keyword-form button[type=submit]").click()
    expect(omar_wall).to_have_count(2, timeout=LIVE)
    expect(omar.locator("#keyword-text")).to_have_value("résiliences")
    omar.locator(".keyword-form button[type=submit]").click()

    # Two people, one keyword: it grows on both walls and stays one word.
    amina_wall = amina.locator("#keyword-wall .wall-word")
    expect(amina_wall).to_have_count(2, timeout=LIVE)
    expect(amina_wall.first).to_contain_text("Résilience")
    expect(amina_wall.first).to_have_class("wall-word size-5", timeout=LIVE)

    # A 300-character "keyword" is refused with its text kept.
    amina.locator("#keyword-text").fill("x" * 300)
    amina.locator(".keyword-form button[type=submit]").click()
    expect(amina.locator(".keyword-form .errorlist")).to_be_visible()
    expect(amina.locator("#keyword-text")).to_have_value("x" * 300)
    amina.locator("#keyword-text").fill("")

    screenshot(amina, "promises-keyword-wall")
    axe_clean(amina, "keyword wall")
    omar.set_viewport_size({"width": 390, "height": 844})
    screenshot(omar, "promises-keyword-wall-phone")
    axe_clean(omar, "keyword wall, phone")
    assert omar.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
