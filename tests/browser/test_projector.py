"""The projector at 1920×1080, as the back of the room reads it: the whole screen, large type, no site
menu, long columns that scroll by themselves; and the control room refreshing one part at a time."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect
from demo.seed.load import ruptures_demo_workshops

from workshops import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PROJECTOR = {"width": 1920, "height": 1080}
READABLE_PX = 28  # a post-it's type on a 1920px projector: about 2.5 cm on a 3 m screen, read at 10 m
LIVE = 2500  # ms

IDEAS = [
    "Les bibliothèques d'objets se multiplient dans les quartiers",
    "La location entre particuliers devient un réflexe",
    "Les fabricants vendent l'usage plutôt que le produit",
    "Réparer coûte moins cher que racheter",
    "Les jeunes n'achètent plus de voiture",
    "Les plateformes de prêt se regroupent",
]


@pytest.fixture
def demo_room():
    """The demo workshop with post-its at every table, one table with a very long column."""
    call_command("load_demo", without_cahier=True, stdout=open("/dev/null", "w"))
    workshop = ruptures_demo_workshops().get()
    phase = workshop.phases.get(status="open")
    sections = list(phase.canvas.sections.order_by("position"))
    for table in workshop.tables.order_by("number"):
        person = services.participant_join(workshop=workshop, display_name=f"Personne {table.number}", table_id=table.pk)
        count = 24 if table.number == 1 else 3
        for i in range(count):
            text = IDEAS[i % len(IDEAS)] + (f" ({i})" if i >= len(IDEAS) else "")
            services.contribution_post(participant=person, section_id=sections[i % 4].pk, text=text)
    return workshop


def log_in_demo(new_page):
    page = new_page("/accounts/login/")
    page.fill("input[name=username]", "facilitatrice")
    page.fill("input[name=password]", "agora-demo")
    page.click("main form button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    return page


def test_the_live_board_fills_a_1920_screen_in_large_type_without_the_menu(demo_room, new_page, axe_clean, screenshot):
    page = log_in_demo(new_page)
    page.set_viewport_size(PROJECTOR)
    page.goto(f"/facilitate/{demo_room.pk}/projector/")

    board = page.locator(".room-board")
    expect(board.locator(".table-column")).to_have_count(7)
    expect(page.locator(".topbar")).to_have_count(0)
    assert page.locator("nav[aria-label]").filter(has_text="Formats").count() == 0
    # The board uses the whole screen: its width and the height left under the head row.
    box = board.bounding_box()
    assert box["width"] >= 1800 and box["y"] + box["height"] >= 1000
    assert page.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]") == [1920, 1080]
    size = page.locator(".postit-text").first.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    assert size >= READABLE_PX
    title = page.locator(".table-column h2").first.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    assert title >= READABLE_PX
    screenshot(page, "projector-board-1920")
    axe_clean(page, "projector board at 1920")

    # Table 1's long column scrolls by itself, and keeps its place when a post-it refreshes the board.
    column = page.locator(".table-column").first
    assert column.evaluate("el => el.scrollHeight > el.clientHeight + 100")
    page.wait_for_function("() => document.querySelector('.table-column').scrollTop > 20", timeout=12000)
    before = column.evaluate("el => el.scrollTop")
    person = demo_room.participants.get(display_name="Personne 2")
    services.contribution_post(participant=person, section_id=demo_room.phases.get(status="open").canvas.sections.first().pk, text="Une idée de la table 2")
    expect(page.locator(".table-column").nth(1)).to_contain_text("Une idée de la table 2", timeout=LIVE)
    assert page.locator(".table-column").first.evaluate("el => el.scrollTop") >= before
    screenshot(page, "projector-board-1920-scrolled")


def test_with_reduced_motion_a_long_column_turns_a_page_at_a_time(demo_room, new_page):
    page = log_in_demo(new_page)
    page.emulate_media(reduced_motion="reduce")
    page.set_viewport_size(PROJECTOR)
    page.goto(f"/facilitate/{demo_room.pk}/projector/")
    column = page.locator(".table-column").first
    expect(column).to_contain_text("Les bibliothèques")
    page.wait_for_function("() => document.querySelector('.table-column').scrollTop > 0", timeout=12000)
    # A page at once, not a glide: the first move is most of the column's height.
    moved, height = column.evaluate("el => [el.scrollTop, el.clientHeight]")
    assert moved >= min(height - 60, column.evaluate("el => el.scrollHeight - el.clientHeight"))


def test_the_ballot_projector_has_no_menu_and_large_type(demo_room, new_page, axe_clean, screenshot):
    page = log_in_demo(new_page)
    page.set_viewport_size(PROJECTOR)
    ballot = demo_room.ballots.order_by("pk").first()
    page.goto(f"/facilitate/{demo_room.pk}/ballots/{ballot.pk}/projector/")
    expect(page.locator(".vote-bar").first).to_be_visible()
    expect(page.locator(".topbar")).to_have_count(0)
    size = page.locator(".vote-bar").first.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    assert size >= READABLE_PX
    screenshot(page, "projector-ballot-1920")
    axe_clean(page, "ballot projector at 1920")


def test_the_control_room_refetches_only_the_part_that_changed(demo_room, new_page, axe_clean, screenshot):
    page = log_in_demo(new_page)
    page.goto(f"/facilitate/{demo_room.pk}/")
    expect(page.locator("#control-people")).to_contain_text("Personne 7")
    # Each header stands over its column: the cells of a row start where their header starts.
    for table in ("#control-tables table", "#control-people table"):
        lefts = page.locator(table).evaluate(
            """t => [...t.tHead.rows[0].cells].map((th, i) => [Math.round(th.getBoundingClientRect().left),
                     Math.round(t.tBodies[0].rows[0].cells[i].getBoundingClientRect().left)])"""
        )
        assert all(th == td for th, td in lefts), lefts
    axe_clean(page, "control room")
    screenshot(page, "control-room-1366")

    fetched = []
    page.on("response", lambda r: "/live/" in r.url and fetched.append((r.url.split("/live/")[1].split("/")[0], r.status)))
    # A post-it: the workshop's version moves, but no part of the control room shows post-its.
    person = demo_room.participants.get(display_name="Personne 3")
    section = demo_room.phases.get(status="open").canvas.sections.first()
    services.contribution_post(participant=person, section_id=section.pk, text="Rien pour la régie")
    page.wait_for_timeout(LIVE)
    assert fetched and {status for _, status in fetched} == {204}, fetched

    # A newcomer: only the people (and the tables' seat counts) are sent again, the agenda is not.
    fetched.clear()
    services.participant_join(workshop=demo_room, display_name="Nouvelle venue", table_id=demo_room.tables.get(number=2).pk)
    expect(page.locator("#control-people")).to_contain_text("Nouvelle venue", timeout=3 * LIVE)
    page.wait_for_timeout(LIVE)
    sent = {part for part, status in fetched if status == 200}
    assert sent == {"people", "tables"}, fetched
    assert ("agenda", 204) in fetched
