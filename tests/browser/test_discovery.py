"""The demo's discovery phase in a browser: the 19 scenarios on a phone, searched; then the vote links
each option to its scenario's story; the projector lists their titles."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect
from demo.seed.load import ruptures_demo_workshops

from tests.conftest import SCREENSHOTS
from voting import services as voting_services
from voting.services import options_from_scenarios
from workshops import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LIVE = 3500  # ms: two poll cycles
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def demo():
    """The demo, its first phase "Découverte des 19 scénarios" open."""
    call_command("load_demo", without_cahier=True, stdout=open("/dev/null", "w"))
    workshop = ruptures_demo_workshops().get()
    services.phase_open(phase=workshop.phases.get(position=1))
    return workshop


def seen(page, name):
    """What the screen shows now (not the whole page): a phone's list is long."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def no_sideways_scroll(page):
    width, screen = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= screen, f"the page is {width}px wide on a {screen}px screen"


def test_the_discovery_shows_the_19_scenarios_on_a_phone_and_a_search_narrows_them(demo, new_page, axe_clean):
    page = new_page(f"/w/join/?code={demo.join_code}")
    page.set_viewport_size(PHONE)
    page.fill("input[name=display_name]", "Inès")
    page.click("main form button[type=submit]")  # no table yet: the discovery needs none
    expect(page.locator("#phase-banner")).to_contain_text("Découverte des 19 scénarios")
    cards = page.locator("li.discover-scenario")
    expect(cards).to_have_count(19)
    expect(page.locator(".discover-count")).to_contain_text("19")
    no_sideways_scroll(page)
    seen(page, "discovery-phone-top")
    axe_clean(page, "discovery-phone")

    # A story and its timeline open in place, and still fit the screen.
    education = cards.filter(has_text="Éducation, de l'implosion à la reconstruction")
    education.locator("summary").click()
    expect(education.locator(".discover-timeline li").first).to_be_visible()
    no_sideways_scroll(page)
    education.scroll_into_view_if_needed()
    seen(page, "discovery-phone-story")
    axe_clean(page, "discovery-phone-open-story")

    # Typed without its accent, the search still finds "Éducation"; the list narrows as one types.
    page.fill("#discover-q", "education")
    expect(cards).not_to_have_count(19, timeout=LIVE)
    titles = cards.locator("h3").all_inner_texts()
    assert 0 < len(titles) < 19 and "Éducation, de l'implosion à la reconstruction" in titles
    page.fill("#discover-q", "martiens sur la lune")
    expect(cards).to_have_count(0, timeout=LIVE)
    expect(page.locator("#discover-list .notice")).to_be_visible()
    page.fill("#discover-q", "education")
    expect(cards).not_to_have_count(0, timeout=LIVE)
    page.locator("#discover-q").scroll_into_view_if_needed()
    seen(page, "discovery-phone-search")
    page.fill("#discover-q", "")
    expect(cards).to_have_count(19, timeout=LIVE)
    no_sideways_scroll(page)
    axe_clean(page, "discovery-phone-after-search")

    # At a laptop's width too.
    page.set_viewport_size({"width": 1366, "height": 768})
    page.evaluate("window.scrollTo(0, 0)")
    seen(page, "discovery-laptop")


def test_the_projector_lists_the_scenarios_titles_during_the_discovery(demo, login, axe_clean):
    from django.contrib.auth import get_user_model

    facilitator = get_user_model().objects.get(username="facilitatrice")
    facilitator.set_password("password")  # the login fixture's
    facilitator.save()
    page = login(facilitator, f"/facilitate/{demo.pk}/projector/")
    page.set_viewport_size({"width": 1920, "height": 1080})
    expect(page.locator(".discover-titles li")).to_have_count(19)
    seen(page, "discovery-projector")
    axe_clean(page, "discovery-projector")


def test_a_vote_option_links_to_its_scenarios_story(demo, new_page, axe_clean):
    options = options_from_scenarios(workshop=demo)
    ballot = voting_services.ballot_create(
        workshop=demo, title="Quels scénarios développer ?", method="approval", options=options, max_choices=7
    )
    voting_services.ballot_open(ballot=ballot)
    page = new_page(f"/w/join/?code={demo.join_code}")
    page.set_viewport_size(PHONE)
    page.fill("input[name=display_name]", "Inès")
    page.click("main form button[type=submit]")
    page.goto(f"/w/{demo.join_code}/vote/")
    option = page.locator("li.vote-option", has_text="Grosse fatigue numérique")
    story = option.locator("details.vote-option-scenario")
    expect(story).to_have_count(1)
    expect(story.locator(".scenario-narrative")).to_be_hidden()
    story.locator("summary").click()
    expect(story.locator(".scenario-narrative")).to_be_visible()
    expect(story.locator(".scenario-narrative")).not_to_be_empty()
    no_sideways_scroll(page)
    story.scroll_into_view_if_needed()
    seen(page, "vote-option-scenario-phone")
    axe_clean(page, "vote-option-scenario")
