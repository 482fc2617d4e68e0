"""The demo's editor logs in and lands on the scenario library; a refused page is a styled page, in French and in English."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1366, "height": 768}
PAGE_BACKGROUND = "rgb(246, 247, 251)"  # --bg in agora.css: the stylesheet is applied


@pytest.fixture
def demo():
    call_command("load_demo", without_cahier=True, stdout=open("/dev/null", "w"))


@pytest.mark.console_allows(r"status of 403 \(Forbidden\)")  # the refused page, visited on purpose
def test_the_demo_editor_lands_on_the_library_and_a_refused_page_says_where_to_go(demo, new_page, screenshot, axe_clean):
    page = new_page("/accounts/login/")
    page.set_viewport_size(LAPTOP)
    axe_clean(page, "login")
    page.fill("input[name=username]", "editeur")
    page.fill("input[name=password]", "agora-demo")
    page.click("main form button[type=submit]")

    page.wait_for_url("**/scenarios/")
    expect(page.locator("main h1")).to_be_visible()
    nav = page.locator("nav.topnav")
    expect(nav.get_by_role("link", name="Bibliothèque de scénarios")).to_be_visible()
    # No link the editor may not follow: no facilitators' dashboard, no formats.
    expect(nav.locator("a[href='/facilitate/']")).to_have_count(0)
    expect(nav.locator("a[href^='/facilitate/formats/']")).to_have_count(0)
    screenshot(page, "editor-lands-on-library")
    axe_clean(page, "editor-lands-on-library")

    # Typed by hand: the facilitators' page refuses, styled, in French, and leads back to the library.
    response = page.goto("/facilitate/")
    assert response.status == 403
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == PAGE_BACKGROUND
    card = page.locator("main .error-card")
    expect(card.locator("h1")).to_be_visible()
    expect(card.get_by_role("link", name="Rejoindre un atelier")).to_be_visible()
    expect(card.locator("a[href='/scenarios/']")).to_be_visible()
    screenshot(page, "403-fr")
    axe_clean(page, "403-fr")

    # The FR/EN switch keeps the visitor on the same page, now in English.
    page.locator("form.lang-switch button[value=en]").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(card.locator("h1")).to_have_text("You may not open this page")
    expect(card).to_contain_text("Your account does not have the role this page requires.")
    expect(card.get_by_role("link", name="Join a workshop")).to_be_visible()
    screenshot(page, "403-en")
    axe_clean(page, "403-en")

    card.get_by_role("link", name="Go to the scenario library").click()
    page.wait_for_url("**/scenarios/")


@pytest.mark.console_allows(r"status of 404 \(Not Found\)")  # the missing page, visited on purpose
def test_a_missing_page_is_styled_with_a_way_out(new_page, screenshot, axe_clean):
    page = new_page(None)
    page.set_viewport_size(LAPTOP)
    response = page.goto("/w/QN%002012/")
    assert response.status == 404
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == PAGE_BACKGROUND
    screenshot(page, "404-fr")
    axe_clean(page, "404-fr")
    page.locator("main .error-card").get_by_role("link", name="Rejoindre un atelier").click()
    page.wait_for_url("**/w/join/")
