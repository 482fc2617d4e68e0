"""The room on a phone and the facilitator's irreversible actions, in a browser.

At 390 px no page scrolls sideways, even with a long table name, long post-its and ballot options;
the facilitator is asked before a phase switch closes another phase, and before closing the workshop,
and a message says what happened; a closed workshop tells the room it is over. axe-core on every page.
"""

import pytest
from playwright.sync_api import expect

from tests.voting.factories import make_ballot
from workshops import services
from workshops.models import Table, Workshop, WorkshopPhase

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
LIVE = 2500  # ms
LONG_TABLE = "Posséder, c'est dépassé — l'économie de l'usage et du partage, de la location et de la réparation"
LONG_OPTION = "Les bibliothèques d'objets se multiplient dans les quartiers et remplacent l'achat de perceuses"


def in_english(page):
    """Switch the page to English (the FR/EN switch, kept for the session): these tests read the
    English source strings, which stay the same when the French catalog gets them."""
    page.locator("form.lang-switch button[value=en]").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    return page


def fits_the_phone(page, name):
    width, screen = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= screen, f"{name} is {width}px wide on a {screen}px phone"


@pytest.fixture
def long_room(live_workshop, participant_factory, contribution_factory):
    """Amina at a table with a long name, post-its with line breaks, a merge, a dots ballot with long options."""
    Table.objects.filter(workshop=live_workshop, number=1).update(name=LONG_TABLE)
    table = live_workshop.tables.get(number=1)
    amina = participant_factory(workshop=live_workshop, table=table, display_name="Amina")
    notes = [
        contribution_factory(participant=amina, text=text)
        for text in ("Louer plutôt qu'acheter\nsurtout les outils", "Louer plutôt", "Réparer ensemble")
    ]
    scribe = services.participant_set_scribe(participant=participant_factory(workshop=live_workshop, table=table, display_name="Bruno"), is_scribe=True)
    services.contribution_merge(scribe=scribe, target_id=notes[0].pk, source_id=notes[1].pk)
    make_ballot(live_workshop, "dots", labels=(LONG_OPTION, "Réparer ensemble", "Partager les voitures du quartier"))
    return live_workshop


def test_the_canvas_scribe_board_vote_and_control_room_fit_a_phone(long_room, facilitator, join, login, axe_clean, screenshot):
    camille = in_english(join("Camille", table_label=LONG_TABLE))
    camille.set_viewport_size(PHONE)
    expect(camille.locator("section.canvas-section").first).to_be_visible()
    # The post-it's line break is kept on the board.
    assert "acheter\nsurtout" in camille.locator(".postit-text", has_text="Louer plutôt qu'acheter").inner_text()
    expect(camille.get_by_role("button", name="Change table")).to_be_in_viewport()
    screenshot(camille, "phone-canvas-long-table")
    fits_the_phone(camille, "the canvas")
    axe_clean(camille, "canvas on a phone")

    camille.goto("/w/QN2012/vote/")
    expect(camille.locator("article.vote-card")).to_be_visible()
    screenshot(camille, "phone-vote-dots")
    fits_the_phone(camille, "the vote page")
    axe_clean(camille, "vote page on a phone")

    services.participant_set_scribe(participant=long_room.participants.get(display_name="Camille"), is_scribe=True)
    camille.goto("/w/QN2012/scribe/")
    merged = camille.locator("#scribe-live .postit.is-merged")
    expect(merged).to_be_visible()
    screenshot(camille, "phone-scribe-board")
    fits_the_phone(camille, "the scribe board")
    axe_clean(camille, "scribe board on a phone")
    # The merge comes undone: the post-it is back on the board.
    merged.get_by_role("button", name="Undo the merge").click()
    expect(camille.locator("#scribe-live .postit.is-merged")).to_have_count(0)

    control = in_english(login(facilitator, f"/facilitate/{long_room.pk}/"))
    control.set_viewport_size(PHONE)
    expect(control.locator(".phases")).to_be_visible()
    screenshot(control, "phone-control-room")
    fits_the_phone(control, "the control room")
    axe_clean(control, "control room on a phone")


def test_the_facilitator_is_asked_before_a_phase_switch_closes_another(live_workshop, facilitator, login, join, axe_clean, screenshot):
    control = in_english(login(facilitator, f"/facilitate/{live_workshop.pk}/"))
    expect(control.locator(".phase.status-open")).to_contain_text("Développer le scénario")

    control.locator(".phase", has_text="Comment anticiper").get_by_role("button", name="Open", exact=True).click()

    # A page of its own says which phase will close; nothing has changed yet.
    expect(control.locator("h1")).to_have_text("Open “Comment anticiper”?")
    expect(control.locator(".confirm-warning")).to_contain_text("Développer le scénario")
    assert WorkshopPhase.objects.get(workshop=live_workshop, position=1).status == "open"
    screenshot(control, "confirm-phase-switch")
    axe_clean(control, "confirmation of a phase switch")

    control.get_by_role("button", name="Close “Développer le scénario” and open “Comment anticiper”").click()

    expect(control.locator(".message.success")).to_contain_text("“Comment anticiper” is open.")
    expect(control.locator(".message.success")).to_contain_text("“Développer le scénario” is closed: its table outputs are being built.")
    expect(control.locator(".phase.status-open")).to_contain_text("Comment anticiper")
    axe_clean(control, "control room after a phase switch")

    # Cancel leaves everything as it was.
    control.locator(".phase", has_text="Vote").get_by_role("button", name="Open", exact=True).click()
    control.get_by_role("link", name="Cancel").click()
    expect(control.locator(".phase.status-open")).to_contain_text("Comment anticiper")


def test_closing_the_workshop_asks_first_then_the_room_is_told_it_is_over(live_workshop, facilitator, login, join, axe_clean, screenshot):
    amina = in_english(join("Amina"))
    control = in_english(login(facilitator, f"/facilitate/{live_workshop.pk}/"))
    projector = control.context.new_page()
    projector.goto(f"/facilitate/{live_workshop.pk}/projector/")
    expect(projector.locator(".big-code")).to_have_text("QN2012")

    control.get_by_role("link", name="Close the workshop…").click()
    expect(control.locator(".confirm-warning")).to_be_visible()
    screenshot(control, "confirm-close-workshop")
    axe_clean(control, "confirmation of closing the workshop")
    assert Workshop.objects.get(pk=live_workshop.pk).status == "live"
    control.locator(".confirm-actions button").click()

    expect(control.locator(".message.success")).to_be_visible()
    axe_clean(control, "control room of a closed workshop")
    expect(projector.locator(".big-code")).to_have_count(0, timeout=LIVE)
    expect(projector.locator(".projector-over")).to_be_visible()
    axe_clean(projector, "projector of a closed workshop")

    expect(amina.locator(".workshop-over")).to_be_visible(timeout=LIVE)
    expect(amina.get_by_role("button", name="Change table")).to_have_count(0)
    amina.set_viewport_size(PHONE)
    screenshot(amina, "phone-closed-workshop")
    fits_the_phone(amina, "a closed workshop's page")
    axe_clean(amina, "a closed workshop's page")
