"""A live workshop in real browsers: the facilitator, and two participants at separate laptops."""

import re

import pytest
from playwright.sync_api import expect

from workshops.models import WorkshopPhase

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LIVE = 2500  # ms: a board must show a new post-it within 2 s of its poll cycle


@pytest.fixture
def workshop(facilitator):
    from tests.factories import WorkshopFactory

    return WorkshopFactory(facilitator=facilitator, join_code="QN2012", title="Atelier des ruptures")


def post(page, section_title, text):
    section = page.locator("section.canvas-section", has=page.locator("h2", has_text=section_title))
    section.locator("textarea").fill(text)
    axes = section.locator("input[name=axis]")
    if axes.count():
        # No axis is ticked in advance: the participant chooses one.
        axes.first.check()
    # The form's button: the +1 buttons of post-its already there are submit buttons too.
    section.locator(".post-form button[type=submit]").click()
    expect(section.locator("textarea")).to_have_value("")


def test_the_join_flow_by_code_refuses_a_wrong_code_then_lets_a_participant_in(new_page, workshop, screenshot, axe_clean):
    page = new_page("/w/join/")
    axe_clean(page, "join-code")
    page.fill("input[name=code]", "ZZZZZZ")
    page.click("main form button[type=submit]")
    expect(page.locator(".errorlist")).to_contain_text("Aucun atelier")
    screenshot(page, "join-wrong-code")
    axe_clean(page, "join-wrong-code")
    page.fill("input[name=code]", "QN2012")
    page.click("main form button[type=submit]")
    axe_clean(page, "join-name-and-table")
    page.fill("input[name=display_name]", "Zoé")
    page.click("main form button[type=submit]")
    expect(page.locator(".notice")).to_contain_text("table")
    screenshot(page, "join-no-table")
    axe_clean(page, "join-no-table")


def test_the_join_form_refuses_a_look_alike_name_and_invisible_characters(new_page, workshop, participant_factory, screenshot, axe_clean):
    participant_factory(workshop=workshop, display_name="Alice", table=None)
    page = new_page("/w/join/?code=QN2012")
    page.fill("input[name=display_name]", "\u0410lice")  # a Cyrillic А
    page.click("main form button[type=submit]")
    # The message names the name it looks like; its words are the lead's to translate, the name is not.
    expect(page.locator(".errorlist")).to_contain_text("Alice")
    expect(page.locator("input[name=display_name]")).to_have_value("\u0410lice")
    screenshot(page, "join-look-alike-name")
    axe_clean(page, "join-look-alike-name")
    page.fill("input[name=display_name]", "Al\u200bicia")  # a zero-width space inside
    page.click("main form button[type=submit]")
    expect(page.locator(".errorlist")).to_contain_text("U+200B ZERO WIDTH SPACE")
    page.fill("input[name=display_name]", "Alicia")
    page.click("main form button[type=submit]")
    expect(page.locator("h1.who")).to_contain_text("Alicia")


def test_a_live_phase_from_opening_to_table_output(login, join, workshop, facilitator, screenshot, axe_clean):
    control = login(facilitator, f"/facilitate/{workshop.pk}/")
    expect(control.locator(".phase").first).to_contain_text("Développer le scénario")

    amina = join("Amina", workshop_title="Atelier des ruptures")
    bruno = join("Bruno", workshop_title="Atelier des ruptures")
    expect(amina.locator("#phase-banner")).to_contain_text("En attente")
    axe_clean(amina, "canvas-waiting")
    axe_clean(control, "control-room-before")

    # The facilitator opens the first phase: both laptops follow without a reload.
    control.locator(".phase", has_text="Développer le scénario").get_by_role("button", name="Ouvrir").click()
    expect(control.locator(".phase.status-open")).to_contain_text("Développer le scénario")
    for page in (amina, bruno):
        expect(page.locator("#phase-banner")).to_contain_text("Développer le scénario", timeout=LIVE)
        expect(page.locator("section.canvas-section")).to_have_count(2)

    post(amina, "Signes avant-coureurs", "Les jeunes ne passent plus le permis")
    post(bruno, "Signes avant-coureurs", "Autopartage dans les grandes villes")
    expect(bruno.locator(".postit", has_text="Les jeunes ne passent plus le permis")).to_be_visible(timeout=LIVE)
    expect(amina.locator(".postit", has_text="Autopartage dans les grandes villes")).to_be_visible(timeout=LIVE)

    # Bruno +1s Amina's post-it; she sees the count move.
    bruno.locator(".postit", has_text="Les jeunes ne passent plus le permis").get_by_role("button").click()
    expect(bruno.locator(".postit", has_text="Les jeunes ne passent plus le permis").locator(".plus-count.given")).to_have_text("+1")
    expect(amina.locator(".postit", has_text="Les jeunes ne passent plus le permis").locator(".plus-count")).to_have_text("1", timeout=LIVE)
    post(amina, "Repérer les opportunités", "Services de location entre voisins")
    screenshot(amina, "canvas-participant")
    axe_clean(amina, "canvas-participant")

    projector = control.context.new_page()
    projector.goto(f"/facilitate/{workshop.pk}/projector/")
    expect(projector.locator(".table-column").first).to_contain_text("Services de location entre voisins")
    screenshot(projector, "projector-live")
    axe_clean(projector, "projector-live")

    control.locator(".phase", has_text="Développer le scénario").get_by_role("button", name="Clore la phase").click()
    expect(control.locator(".phase", has_text="Développer le scénario")).to_contain_text("Clos")
    assert WorkshopPhase.objects.get(workshop=workshop, position=1).status == "closed"

    # The table output replaces the live board, most +1'd line first, on every screen.
    first_line = projector.locator(".output", has_text="Signes avant-coureurs").locator(".output-lines li").first
    expect(first_line).to_contain_text("Les jeunes ne passent plus le permis", timeout=LIVE)
    expect(amina.locator("#outputs")).to_contain_text("Autopartage dans les grandes villes", timeout=LIVE)
    expect(amina.locator("#phase-banner")).to_contain_text("En attente")
    screenshot(projector, "projector-output")
    axe_clean(projector, "projector-output")
    screenshot(control, "control-room")
    axe_clean(control, "control-room")


def test_a_refused_capacity_is_said_beside_the_tables_form_and_nothing_changes(login, workshop, facilitator, participant_factory, screenshot):
    table = workshop.tables.get(number=1)
    for name in ("Amina", "Bruno"):
        participant_factory(workshop=workshop, table=table, display_name=name)
    control = login(facilitator, f"/facilitate/{workshop.pk}/")

    row = control.locator("tr", has=control.locator(f"form[action$='/tables/{table.pk}/']"))
    row.locator("input[name=capacity]").fill("1")
    row.get_by_role("button", name="Enregistrer").click()

    # English until the lead's catalogs translate it.
    expect(row.locator(".errorlist")).to_contain_text(re.compile(r"^2 (people|personnes)"))
    expect(row.locator("input[name=capacity]")).to_have_value("15")
    for name, size in {"desktop": (1366, 768), "phone": (390, 844), "wide": (1920, 1080)}.items():
        control.set_viewport_size({"width": size[0], "height": size[1]})
        screenshot(control, f"control-table-refused-{name}")
