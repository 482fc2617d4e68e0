"""Voting in real browsers: three participants at separate laptops, the projector, the facilitator."""

import pytest
from playwright.sync_api import expect

from tests.voting.factories import make_ballot
from voting import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LIVE = 2500  # ms: the projector shows a vote within its 2 s poll


@pytest.fixture
def workshop(facilitator, scenario_factory):
    from tests.factories import WorkshopFactory

    workshop = WorkshopFactory(facilitator=facilitator, join_code="QN2012", title="Atelier des ruptures")
    for title in ["Posséder, c'est dépassé", "La fin du salariat", "Tous fabricants", "L'école hors les murs"]:
        scenario_factory(edition=workshop.edition, title=title)
    return workshop


def join_to_vote(join, name):
    page = join(name)
    page.goto("/w/QN2012/vote/")
    return page


def vote_for(page, *labels):
    card = page.locator("article.vote-card").first
    for label in labels:
        # By the box's own name: an option's story (its "Read the scenario" disclosure) may name another.
        card.get_by_role("checkbox", name=label).check()
    card.locator("button[type=submit]").click()
    return card


def test_three_participants_vote_the_projector_follows_the_facilitator_reveals_and_closes(login, join, workshop, facilitator, screenshot, axe_clean):
    ballot = make_ballot(
        workshop,
        "approval",
        options=services.options_from_scenarios(workshop=workshop),
        open=False,
        max_choices=2,
        retain_count=2,
        hide_results=True,
    )
    control = login(facilitator, f"/facilitate/{workshop.pk}/ballots/{ballot.pk}/")
    control.click("form[action$='/open/'] button")
    expect(control.locator("h1 .badge")).to_have_class("badge status-open")
    projector = login(facilitator, f"/facilitate/{workshop.pk}/ballots/{ballot.pk}/projector/")

    amina, bruno, chloe = (join_to_vote(join, name) for name in ["Amina", "Bruno", "Chloé"])
    expect(projector.locator(".turnout-count")).to_have_text("0")

    # A broken rule: a clear message in place, nothing counted.
    card = vote_for(amina, "Posséder", "La fin du salariat", "Tous fabricants")
    expect(card.locator(".vote-error")).to_be_visible()
    screenshot(amina, "voting-rule-broken")
    axe_clean(amina, "voting-rule-broken")
    amina.locator("article.vote-card").get_by_role("checkbox", name="Tous fabricants").uncheck()
    amina.locator("article.vote-card button[type=submit]").click()
    expect(amina.locator("article.vote-card .vote-saved")).to_be_visible()
    expect(projector.locator(".turnout-count")).to_have_text("1", timeout=LIVE)

    vote_for(bruno, "Posséder", "Tous fabricants")
    vote_for(chloe, "Posséder", "La fin du salariat")
    expect(chloe.locator("article.vote-card .vote-saved")).to_be_visible()
    expect(projector.locator(".turnout-count")).to_have_text("3", timeout=LIVE)
    expect(projector.locator(".vote-bar")).to_have_count(0)  # hidden until revealed
    screenshot(projector, "voting-projector-turnout")
    axe_clean(projector, "voting-projector-turnout")

    control.click("form[action$='/reveal/'] button")
    expect(projector.locator(".vote-bar")).to_have_count(4, timeout=LIVE)
    expect(projector.locator(".vote-bar").first).to_contain_text("Posséder")
    control.click("form[action$='/close/'] button")
    expect(projector.locator(".vote-bar.retained")).to_have_count(2, timeout=LIVE)
    expect(projector.locator(".vote-bar.retained")).to_contain_text(["Posséder, c'est dépassé", "La fin du salariat"])
    screenshot(projector, "voting-projector-retained")
    axe_clean(projector, "voting-projector-retained")
    screenshot(control, "voting-facilitator-closed")
    axe_clean(control, "voting-facilitator-closed")

    # Table assignment opens on the participants' page by itself.
    expect(bruno.locator("#table-assignment li")).to_have_count(2, timeout=LIVE)
    bruno.locator("#table-assignment li", has_text="La fin du salariat").locator("input").check()
    bruno.locator("#table-assignment button[type=submit]").click()
    expect(bruno.locator(".message.success")).to_be_visible()
    screenshot(bruno, "voting-participant-table")
    axe_clean(bruno, "voting-participant-table")


def test_a_vote_being_filled_in_survives_another_ballot_opening_and_closing(join, workshop, screenshot, axe_clean):
    first = make_ballot(workshop, "approval", max_choices=2, shuffle_options=False)
    second = make_ballot(workshop, "yesno", labels=["Faut-il continuer ?"], open=False)
    amina = join_to_vote(join, "Amina")
    card = amina.locator(f"#ballot-{first.pk}")
    box = card.get_by_role("checkbox", name="La fin du salariat")
    box.check()  # not sent yet

    services.ballot_open(ballot=second)
    expect(amina.locator(f"#ballot-{second.pk} .vote-form")).to_be_visible(timeout=LIVE)
    expect(amina.locator("article.vote-card").first).to_have_id(f"ballot-{second.pk}")  # the newest on top
    services.ballot_close(ballot=second)
    expect(amina.locator(f"#ballot-{second.pk} .vote-form")).to_have_count(0, timeout=LIVE)

    expect(box).to_be_checked()
    screenshot(amina, "voting-unsent-vote-kept")
    axe_clean(amina, "voting-unsent-vote-kept")
    card.locator("button[type=submit]").click()
    expect(card.locator(".vote-saved")).to_be_visible()
