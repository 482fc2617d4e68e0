"""The README's demo, as a person would try it: the home page, joining its workshop, posting, the facilitator's screens."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect
from demo.seed.load import ruptures_demo_workshops

from tests.browser.conftest import pick_table

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LIVE = 2500  # ms


@pytest.fixture
def demo():
    """The demo as load_demo leaves it: its join code, random, read from the database as a person reads it on the screen."""
    call_command("load_demo", stdout=open("/dev/null", "w"))
    return ruptures_demo_workshops().get()


def test_a_newcomer_joins_the_demo_from_the_home_page_and_the_facilitator_sees_the_postit(demo, new_page, screenshot, axe_clean):
    home = new_page("/")
    expect(home.locator("h1")).to_contain_text("Ateliers de prospective")
    screenshot(home, "home")
    axe_clean(home, "home")
    home.locator("main").get_by_role("link", name="Rejoindre un atelier").click()
    home.fill("input[name=code]", demo.join_code)
    home.click("main form button[type=submit]")
    expect(home.locator("h1")).to_have_text("Questions Numériques — atelier des ruptures")
    axe_clean(home, "join-demo-name-and-table")
    home.fill("input[name=display_name]", "Valérie")
    pick_table(home, "Posséder, c'est dépassé")
    home.click("main form button[type=submit]")

    # The demo opens on the development phase, on the seed cahier's rupture canvas.
    expect(home.locator("#phase-banner")).to_contain_text("Développement du scénario")
    # The development phase works on the canvas but for its anticipation sections (the next phase).
    expect(home.locator("section.canvas-section")).to_have_count(9)
    expect(home.locator("section.canvas-section h2").first).to_have_text("Principales tendances motrices")
    section = home.locator("section.canvas-section", has=home.locator("h2", has_text="Signes avant-coureurs"))
    section.locator("textarea").fill("Les bibliothèques d'objets se multiplient")
    section.get_by_role("button", name="Poster").click()
    expect(section.locator(".postit")).to_contain_text("Les bibliothèques d'objets se multiplient")
    axe_clean(home, "demo-canvas")

    facilitator = new_page("/accounts/login/")
    facilitator.fill("input[name=username]", "facilitatrice")
    facilitator.fill("input[name=password]", "agora-demo")
    facilitator.click("main form button[type=submit]")
    expect(facilitator.locator("h1")).to_have_text("Mes ateliers")
    axe_clean(facilitator, "demo-dashboard")
    facilitator.get_by_role("link", name="Questions Numériques — atelier des ruptures").click()
    expect(facilitator.locator("#control-people")).to_contain_text("Valérie")
    axe_clean(facilitator, "demo-control-room")
    with facilitator.expect_popup() as popup:
        facilitator.get_by_role("link", name="Vue vidéoprojecteur").click()
    projector = popup.value
    expect(projector.locator(".table-column", has_text="Posséder, c'est dépassé")).to_contain_text(
        "Les bibliothèques d'objets se multiplient", timeout=LIVE
    )
    screenshot(projector, "demo-projector")
    axe_clean(projector, "demo-projector")

    # The seed's choice: the demo ballot retained the seven developed scenarios.
    facilitator.goto("/scenarios/")
    expect(facilitator.locator("main")).to_contain_text("Rendez-moi mes données !")
    screenshot(facilitator, "demo-library")
    axe_clean(facilitator, "demo-library")


def test_an_anonymous_visitor_reads_the_demo_cahier_from_the_home_page_and_downloads_its_pdf(demo, new_page, screenshot, axe_clean):
    home = new_page("/")
    home.locator("main").get_by_role("link", name="Cahier d'enjeux Questions Numériques 2012/2013").click()
    expect(home.locator("h1")).to_have_text("Cahier d'enjeux Questions Numériques 2012/2013")
    contents = home.locator(".reader-toc-chapter")
    expect(contents.first).to_have_text("Introduction")
    expect(contents.nth(1)).to_have_text("Cartographie des scénarios")
    expect(contents.nth(2)).to_have_text("Posséder, c'est dépassé")
    axe_clean(home, "demo-cahier-contents")
    screenshot(home, "demo-cahier-contents")
    with home.expect_download() as download:
        home.get_by_role("link", name="Télécharger (PDF", exact=False).click()
    pdf = download.value
    assert pdf.suggested_filename.endswith(".pdf")
    with open(pdf.path(), "rb") as file:
        assert file.read(5) == b"%PDF-"
    contents.nth(1).click()
    expect(home.locator(".ch-figure svg")).to_be_visible()
    axe_clean(home, "demo-cahier-map")
    screenshot(home, "demo-cahier-map")
