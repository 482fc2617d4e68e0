"""The main pages at the three sizes they are used at: a laptop, a participant's phone, the projector.

Each page is saved under artifacts/screenshots/ for a person to look at, checked with axe-core, and on
the phone nothing may stick out sideways (a page wider than the screen scrolls sideways, and a
participant then misses half of a post-it or of a button)."""

import pytest

from workshops.models import Table
from playwright.sync_api import expect

from tests.voting.factories import make_ballot
from workshops import services
from workshops.models import Table

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {
    "laptop": {"width": 1366, "height": 768},
    "phone": {"width": 390, "height": 844},
    "projector": {"width": 1920, "height": 1080},
}


@pytest.fixture
def room(live_workshop, participant_factory, contribution_factory):
    """alice's workshop in its post-it phase: Amina has posted at table 1, a dots ballot is open."""
    table = live_workshop.tables.get(number=1)
    # A name as long as the demo's, on the other table: the table picker and the control room must still fit a phone.
    Table.objects.filter(workshop=live_workshop, number=2).update(name="Posséder, c'est dépassé — l'économie de l'usage et du partage")
    amina = participant_factory(workshop=live_workshop, table=table, display_name="Amina")
    for text in ("Louer plutôt qu'acheter", "Réparer ensemble", "Les bibliothèques d'objets se multiplient dans les quartiers"):
        contribution_factory(participant=amina, text=text)
    make_ballot(live_workshop, "dots")
    return live_workshop


def check_at_every_size(page, name, axe_clean, screenshot, ready=None):
    for size, viewport in SIZES.items():
        page.set_viewport_size(viewport)
        if ready:
            expect(page.locator(ready).first).to_be_visible()
        screenshot(page, f"sizes-{name}-{size}")
        if size == "phone":
            wide = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert wide[0] <= wide[1], f"{name} is {wide[0]}px wide on a {wide[1]}px phone"
        axe_clean(page, f"{name} at {size}")


@pytest.mark.console_allows(r"status of 403 \(Forbidden\)")  # the refused page is one of the pages checked
def test_the_main_pages_fit_a_laptop_a_phone_and_a_projector(room, facilitator, outsider, login, join, axe_clean, screenshot):
    control = login(facilitator, f"/facilitate/{room.pk}/")
    check_at_every_size(control, "control-room", axe_clean, screenshot, ready=".phases")

    control.goto(f"/facilitate/{room.pk}/projector/")
    check_at_every_size(control, "projector", axe_clean, screenshot, ready=".table-column")

    control.goto("/facilitate/formats/")
    check_at_every_size(control, "formats", axe_clean, screenshot, ready="#format-list")

    participant = join("Bruno")
    check_at_every_size(participant, "canvas", axe_clean, screenshot, ready="section.canvas-section")

    services.participant_set_scribe(participant=room.participants.get(display_name="Bruno"), is_scribe=True)
    participant.goto("/w/QN2012/scribe/")
    check_at_every_size(participant, "scribe-board", axe_clean, screenshot, ready="#scribe-live .postit")

    participant.goto("/w/QN2012/vote/")
    check_at_every_size(participant, "vote", axe_clean, screenshot, ready="article.vote-card")

    # The vote phase: the canvas shows the table outputs of the closed phase and leads to the vote.
    services.phase_open(phase=room.phases.get(position=3))
    participant.goto("/w/QN2012/")
    expect(participant.locator("#phase-banner")).to_contain_text("Vote")
    check_at_every_size(participant, "canvas-vote-phase", axe_clean, screenshot, ready="main a[href$='/vote/']")

    # The same page in English (the FR/EN switch): its lang, labels and names are checked again.
    participant.locator("form.lang-switch button[value=en]").click()
    expect(participant.locator("html")).to_have_attribute("lang", "en")
    participant.set_viewport_size(SIZES["phone"])
    screenshot(participant, "sizes-canvas-vote-phase-phone-en")
    axe_clean(participant, "canvas in the vote phase, in English")

    refused = login(outsider, "/")
    assert refused.goto(f"/facilitate/{room.pk}/").status == 403
    check_at_every_size(refused, "403", axe_clean, screenshot, ready="main .error-card")
