"""Limits and messages in a real browser: a paste is never cut, a refused vote says so by its button."""

import pytest
from playwright.sync_api import expect

from tests.voting.factories import make_ballot
from voting.models import BallotPaper
from workshops.models import Contribution

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1920, "height": 1080}


def test_a_20000_character_paste_is_counted_refused_and_kept(join, live_workshop, screenshot):
    page = join("Amina")
    page.set_viewport_size(LAPTOP)
    box = page.locator("section.canvas-section textarea").first
    box.focus()
    # insert_text is what a paste does to a field: one input, no keystrokes. maxlength would cut it here.
    page.keyboard.insert_text("x" * 20_000)
    expect(box).to_have_value("x" * 20_000)
    counter = page.locator(".limit-count").first
    expect(counter).to_be_visible()
    expect(counter).to_have_class("limit-count over")
    expect(counter).to_contain_text("20000 / 500")
    screenshot(page, "limits-postit-over-the-limit")

    box.locator("xpath=ancestor::form").locator("button[type=submit]").click()
    form = page.locator("section.canvas-section form.post-form").first
    expect(form.locator(".errorlist")).to_contain_text("500")
    expect(form.locator("textarea")).to_have_value("x" * 20_000)
    expect(page.locator(".limit-count.over").first).to_be_visible()
    assert Contribution.objects.count() == 0
    for name, size in (("laptop", LAPTOP), ("phone", PHONE), ("wide", WIDE)):
        page.set_viewport_size(size)
        screenshot(page, f"limits-postit-refused-{name}")


def test_the_counter_appears_only_near_the_limit(join, live_workshop):
    page = join("Bruno")
    box = page.locator("section.canvas-section textarea").first
    box.fill("y" * 399)
    expect(page.locator(".limit-count").first).to_be_hidden()
    box.fill("y" * 480)
    expect(page.locator(".limit-count").first).to_have_text("480 / 500")
    expect(page.locator(".limit-count").first).not_to_have_class("limit-count over")


def test_an_over_budget_vote_is_refused_by_its_button_in_view_and_clears_on_change(join, live_workshop, screenshot):
    labels = [f"Option {n} : une rupture dont la table débat longuement" for n in range(1, 16)]
    make_ballot(live_workshop, "dots", labels=labels, budget=5, max_per_option=3, shuffle_options=False)
    page = join("Chloé")
    page.set_viewport_size(LAPTOP)
    page.goto("/w/QN2012/vote/")
    card = page.locator("article.vote-card").first
    inputs = card.locator("input.dots-input")
    inputs.nth(0).fill("3")
    inputs.nth(14).fill("3")  # 6 dots for a budget of 5
    button = card.locator("button[type=submit]")
    button.scroll_into_view_if_needed()
    button.click()

    error = page.locator("article.vote-card .vote-error").first
    expect(error).to_be_visible()
    expect(error).to_contain_text("Vous avez placé 6 gommettes")  # in the page's language
    box, button_box = error.bounding_box(), page.locator("article.vote-card button[type=submit]").first.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= LAPTOP["height"], box
    assert 0 <= button_box["y"] and button_box["y"] + button_box["height"] <= LAPTOP["height"], button_box
    assert abs(button_box["y"] - (box["y"] + box["height"])) < 40  # right above the button
    screenshot(page, "limits-vote-refused-laptop")
    for name, size in (("phone", PHONE), ("wide", WIDE)):
        page.set_viewport_size(size)
        screenshot(page, f"limits-vote-refused-{name}")
    page.set_viewport_size(LAPTOP)
    assert not BallotPaper.objects.exists()

    page.locator("article.vote-card input.dots-input").nth(14).fill("2")
    expect(page.locator("article.vote-card .vote-error")).to_have_count(0)
    page.locator("article.vote-card button[type=submit]").first.click()
    expect(page.locator("article.vote-card .vote-saved")).to_be_visible()
    assert BallotPaper.objects.count() == 1


def test_the_browsers_own_number_check_does_not_speak_instead_of_the_page(join, live_workshop):
    make_ballot(live_workshop, "dots", budget=5, max_per_option=3)
    page = join("Daniel", table_label="Table 2")
    page.goto("/w/QN2012/vote/")
    card = page.locator("article.vote-card").first
    card.locator("input.dots-input").first.fill("4")  # over max="3": the browser would block with its own tooltip
    card.locator("button[type=submit]").click()
    # The page's French message, from the server, where the browser would have spoken its own language.
    expect(page.locator("article.vote-card .vote-error")).to_contain_text("Au plus 3 gommettes sur une option.")
    assert not BallotPaper.objects.exists()


def test_a_long_postit_in_a_ballot_shows_its_whole_text_one_click_away(join, live_workshop, participant_factory, contribution_factory, screenshot):
    from voting import services as voting_services

    author = participant_factory(workshop=live_workshop, display_name="Léa")
    text = "Une voiture partagée par trois voisins, réservée sur une application de quartier, " * 5
    contribution_factory(participant=author, text=text.strip())
    options = voting_services.options_from_contributions(workshop=live_workshop) + [{"label": "Autre chose"}]
    make_ballot(live_workshop, "approval", options=options, forbid_own=False)
    page = join("Emma")
    page.set_viewport_size(LAPTOP)
    page.goto("/w/QN2012/vote/")
    option = page.locator("li.vote-option", has=page.locator("details.vote-option-full"))
    expect(option.locator(".vote-option-label")).to_contain_text("…")
    option.locator("details summary").click()
    expect(option.locator("details p")).to_have_text(text.strip())
    screenshot(page, "limits-vote-option-full-text")
