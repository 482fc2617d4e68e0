"""The scribe's board in a browser: tidy the table's post-its, then write the synthesis the table sees live."""

import pytest
from playwright.sync_api import expect

from workshops import services
from workshops.models import Activity, Contribution, WorkshopPhase

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LIVE = 2500  # ms




@pytest.fixture
def room(live_workshop, participant_factory, contribution_factory):
    table = live_workshop.tables.get(number=1)
    author = participant_factory(workshop=live_workshop, table=table, display_name="Amina")
    for text in ("Louer plutôt qu'acheter", "Louer plutot qu acheter", "Hors sujet : la météo", "Réparer ensemble"):
        contribution_factory(participant=author, text=text)
    # The synthesis phase comes third in this format.
    WorkshopPhase.objects.filter(workshop=live_workshop, position=3).update(activity=Activity.SYNTHESIS)
    return live_workshop


def test_the_scribe_tidies_the_board_and_writes_the_synthesis(join, room, screenshot, axe_clean):
    scribe_page = join("Bruno")
    services.participant_set_scribe(participant=room.participants.get(display_name="Bruno"), is_scribe=True)
    mate = join("Chloé")

    scribe_page.reload()
    scribe_page.get_by_role("link", name="Tableau du scribe").click()
    board = scribe_page.locator("#scribe-live")

    def note(text):
        # By its own text: each note's merge menu lists the others' texts too.
        return board.locator(".postit", has=scribe_page.locator(".postit-text", has_text=text))

    expect(board.locator(".postit")).to_have_count(4)

    # Hide the off-topic post-it.
    note("Hors sujet").get_by_role("button", name="Masquer").click()
    expect(board.locator(".postit.is-hidden")).to_contain_text("Hors sujet")
    expect(mate.locator(".postit", has_text="Hors sujet")).to_have_count(0, timeout=LIVE)

    # Merge the duplicate into the original.
    duplicate = note("Louer plutot qu acheter")
    duplicate.locator("select[name=target]").select_option(label="Louer plutôt qu'acheter")
    duplicate.get_by_role("button", name="Fusionner dans").click()
    expect(board.locator(".postit.is-merged")).to_contain_text("Louer plutot qu acheter")
    expect(mate.locator(".postit", has_text="Louer plutot qu acheter")).to_have_count(0, timeout=LIVE)

    # Group the two remaining ideas.
    for text in ("Louer plutôt qu'acheter", "Réparer ensemble"):
        note(text).locator("input[type=checkbox]").check()
    board.locator("input[name=label]").first.fill("Usage")
    board.get_by_role("button", name="Grouper").first.click()
    expect(board.locator(".postit .group", has_text="Usage")).to_have_count(2)
    screenshot(scribe_page, "scribe-board")
    axe_clean(scribe_page, "scribe-board")

    # The facilitator moves on to the synthesis phase; the scribe writes, the table reads.
    services.phase_open(phase=room.phases.get(position=3))
    expect(scribe_page.locator("#phase-banner")).to_contain_text("Vote", timeout=LIVE)
    scribe_page.fill("#synthesis-text", "La table retient l'usage plutôt que la propriété.")
    scribe_page.get_by_role("button", name="Enregistrer la synthèse").click()
    expect(mate.locator("#synthesis")).to_contain_text("La table retient l'usage plutôt que la propriété.", timeout=LIVE)
    axe_clean(scribe_page, "scribe-synthesis")
    screenshot(mate, "canvas-synthesis")
    axe_clean(mate, "canvas-synthesis")
    assert Contribution.objects.get(text__startswith="Hors sujet").hidden
