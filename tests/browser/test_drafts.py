"""Nothing typed is lost: edits survive the live refresh, a phase change, a reload, the back button and a second tab."""

import pytest
from playwright.sync_api import expect

from tests.voting.factories import make_ballot, option_ids
from voting import services as voting_services
from voting.models import Allocation
from workshops import services
from workshops.models import Activity, TableSynthesis, WorkshopPhase

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LIVE = 3500  # ms: two poll cycles


@pytest.fixture
def room(live_workshop, participant_factory, contribution_factory):
    """QN2012 with its first post-it phase open; the third phase is the tables' synthesis."""
    WorkshopPhase.objects.filter(workshop=live_workshop, position=3).update(activity=Activity.SYNTHESIS)
    author = participant_factory(workshop=live_workshop, table=live_workshop.tables.get(number=1), display_name="Amina")
    contribution_factory(participant=author, text="Louer plutôt qu'acheter")
    return live_workshop


def section_of(page, index=0):
    return page.locator("section.canvas-section").nth(index)


def test_the_scribe_keeps_every_character_of_the_synthesis_while_the_board_refreshes(join, room, screenshot):
    page = join("Bruno")
    bruno = room.participants.get(display_name="Bruno")
    services.participant_set_scribe(participant=bruno, is_scribe=True)
    synthesis = room.phases.get(position=3)
    services.phase_open(phase=synthesis)
    page.goto("/w/QN2012/scribe/")
    area = page.locator("#synthesis-text")
    timer = page.locator("#scribe-live .timer")
    typed = ""

    def type_then_blur(text):
        nonlocal typed
        area.click()
        area.press("End")
        area.press_sequentially(text)
        typed += text
        page.locator("h1").click()  # clicks elsewhere: the board's poll runs again
        expect(area).to_have_value(typed)

    type_then_blur("La table retient l'usage")
    services.timer_start(phase=synthesis)  # refresh 1
    expect(timer).to_have_class("timer running", timeout=LIVE)
    expect(area).to_have_value(typed)

    type_then_blur(" plutôt que la propriété.")
    services.timer_pause(phase=synthesis)  # refresh 2
    expect(timer).to_have_class("timer", timeout=LIVE)
    expect(area).to_have_value(typed)

    type_then_blur("\nEt la réparation.")
    services.timer_start(phase=synthesis)  # refresh 3
    expect(timer).to_have_class("timer running", timeout=LIVE)
    expect(area).to_have_value(typed)
    page.wait_for_timeout(2500)  # one more poll cycle, unfocused: still every character
    expect(area).to_have_value(typed)

    page.get_by_role("button", name="Enregistrer la synthèse").click()
    expect(page.locator(".synthesis-editor form span.muted")).to_be_visible()  # "saved at"
    expect(area).to_have_value(typed)
    saved = TableSynthesis.objects.get(phase=synthesis)
    assert saved.text.replace("\r\n", "\n") == typed


def test_a_post_it_draft_survives_a_phase_change_and_is_kept_in_view_when_its_section_goes(join, room, screenshot):
    page = join("Chloé")
    draft = "Partager les outils du quartier"
    section_of(page).locator("textarea").fill(draft)

    # The facilitator moves on to the next post-it phase (the same canvas): the whole stage is redrawn.
    services.phase_open(phase=room.phases.get(position=2))
    expect(page.locator("#phase-banner")).to_contain_text("Comment anticiper", timeout=LIVE)
    expect(section_of(page).locator("textarea")).to_have_value(draft)

    # Then to the synthesis: no post-it box is left, the draft stays in view, not sent.
    services.phase_open(phase=room.phases.get(position=3))
    expect(page.locator("#phase-banner")).to_contain_text("Vote", timeout=LIVE)
    kept = page.locator(".kept-drafts")
    expect(kept).to_be_visible()
    expect(kept.locator("textarea")).to_have_value(draft)
    screenshot(page, "drafts-kept-after-phase-change")
    kept.locator("button").click()
    expect(kept).to_be_hidden()


def test_a_reload_keeps_a_post_it_draft_until_it_is_posted(join, room):
    page = join("Chloé")
    area = section_of(page).locator("textarea")
    area.fill("Une bibliothèque d'objets")
    page.reload()
    expect(area).to_have_value("Une bibliothèque d'objets")

    section_of(page).locator(".post-form button[type=submit]").click()
    expect(section_of(page).locator(".postit", has_text="Une bibliothèque d'objets")).to_be_visible()
    expect(area).to_have_value("")
    page.reload()
    expect(area).to_have_value("")


def test_the_control_room_keeps_a_table_name_being_typed_while_participants_post(login, join, room, facilitator, scenario_factory, screenshot):
    scenario_factory(edition=room.edition, title="La fin du salariat")
    control = login(facilitator, f"/facilitate/{room.pk}/")
    row = control.locator("#control-tables tbody tr").first
    name = row.locator("input[name=name]")
    scenario = row.locator("select[name=scenario]")
    capacity = row.locator("input[name=capacity]")
    name.fill("Les ruptures du travail")
    scenario.select_option(label="La fin du salariat")
    capacity.fill("9")
    control.locator("h1").click()

    # Participants join and post: the control room redraws itself twice.
    amina = room.participants.get(display_name="Amina")
    for text in ("Télétravail partout", "La fin des bureaux"):
        services.contribution_post(participant=amina, section_id=room.phases.get(position=1).canvas.sections.first().pk, text=text)
    join("Bruno")
    expect(control.locator("#control-people")).to_contain_text("Bruno", timeout=LIVE)
    expect(name).to_have_value("Les ruptures du travail")
    expect(scenario.locator("option:checked")).to_have_text("La fin du salariat")
    expect(capacity).to_have_value("9")

    # Someone else renames the same table: shown beside the field, not applied over it.
    table = room.tables.get(number=1)
    services.table_update(table=table, name="Table du fond", capacity=table.capacity)
    note = row.locator(".draft-note")
    expect(note).to_contain_text("Table du fond", timeout=LIVE)
    expect(name).to_have_value("Les ruptures du travail")
    control.set_viewport_size({"width": 1366, "height": 768})
    screenshot(control, "control-room-changed-elsewhere")

    row.get_by_role("button", name="Enregistrer").click()
    table.refresh_from_db()
    assert (table.name, table.scenario.title, table.capacity) == ("Les ruptures du travail", "La fin du salariat", 9)
    expect(control.locator("#control-tables tbody tr").first.locator("input[name=name]")).to_have_value("Les ruptures du travail")
    expect(control.locator(".draft-note")).to_have_count(0)


@pytest.fixture
def ballot(room):
    return make_ballot(room, "approval", labels=["Tout se loue", "La fin du salariat", "Les robots au travail"], max_choices=2)


def option(page, label):
    return page.locator("article.vote-card li.vote-option", has_text=label).locator("input")


def test_a_reload_keeps_vote_choices_not_yet_sent(join, ballot):
    page = join("Chloé")
    page.goto("/w/QN2012/vote/")
    option(page, "Tout se loue").check()
    option(page, "Les robots").check()
    page.reload()
    expect(option(page, "Tout se loue")).to_be_checked()
    expect(option(page, "Les robots")).to_be_checked()
    expect(option(page, "La fin du salariat")).not_to_be_checked()
    expect(page.locator("[data-picked]")).to_have_text("2")
    assert not Allocation.objects.exists()

    page.locator("article.vote-card button[type=submit]").click()
    expect(page.locator(".vote-saved")).to_be_visible()
    assert Allocation.objects.count() == 2


def test_the_back_button_shows_the_vote_as_stored_now(join, room, ballot):
    page = join("Chloé")
    chloe = room.participants.get(display_name="Chloé")
    a, b, _c = option_ids(ballot)
    page.goto("/w/QN2012/vote/")
    option(page, "Tout se loue").check()
    page.locator("article.vote-card button[type=submit]").click()
    expect(page.locator(".vote-saved")).to_be_visible()

    page.goto("/w/QN2012/")
    voting_services.vote_cast(participant=chloe, ballot_id=ballot.pk, choices=[b], revision=1)  # from another laptop
    page.go_back()
    expect(option(page, "La fin du salariat")).to_be_checked()
    expect(option(page, "Tout se loue")).not_to_be_checked()
    expect(page.locator("article.vote-card button[type=submit]")).to_have_text("Modifier mon vote")


def test_a_stale_second_tab_sees_both_votes_and_applies_its_own_in_one_click(join, room, ballot, screenshot):
    first = join("Chloé")
    first.goto("/w/QN2012/vote/")
    second = first.context.new_page()
    second.set_default_timeout(5000)
    second.goto("/w/QN2012/vote/")

    option(first, "Tout se loue").check()
    first.locator("article.vote-card button[type=submit]").click()
    expect(first.locator(".vote-saved")).to_be_visible()

    # The second tab still shows no vote: it tries another one.
    option(second, "Les robots").check()
    second.locator("article.vote-card button[type=submit]").click()
    conflict = second.locator(".vote-conflict")
    expect(conflict).to_be_visible()
    expect(conflict.locator(".vote-stored")).to_have_text("Tout se loue")
    expect(option(second, "Les robots")).to_be_checked()
    expect(option(second, "Tout se loue")).not_to_be_checked()
    for size, label in (({"width": 1366, "height": 768}, "laptop"), ({"width": 390, "height": 844}, "phone"), ({"width": 1920, "height": 1080}, "wide")):
        second.set_viewport_size(size)
        screenshot(second, f"vote-conflict-{label}")

    second.locator("article.vote-card button[type=submit]").click()
    expect(second.locator(".vote-saved")).to_be_visible()
    chosen = set(Allocation.objects.values_list("option__label", flat=True))
    assert chosen == {"Les robots au travail"}


def test_after_a_conflict_keeping_the_stored_vote_drops_mine(join, ballot):
    first = join("Chloé")
    first.goto("/w/QN2012/vote/")
    second = first.context.new_page()
    second.set_default_timeout(5000)
    second.goto("/w/QN2012/vote/")
    option(first, "Tout se loue").check()
    first.locator("article.vote-card button[type=submit]").click()
    expect(first.locator(".vote-saved")).to_be_visible()

    option(second, "Les robots").check()
    second.locator("article.vote-card button[type=submit]").click()
    expect(second.locator(".vote-conflict")).to_be_visible()
    second.get_by_role("button", name="Garder le vote enregistré").click()
    expect(second.locator(".vote-conflict")).to_have_count(0)
    expect(option(second, "Tout se loue")).to_be_checked()
    expect(option(second, "Les robots")).not_to_be_checked()
    second.reload()  # nothing of mine is kept to be restored
    expect(option(second, "Tout se loue")).to_be_checked()
    expect(option(second, "Les robots")).not_to_be_checked()
    assert set(Allocation.objects.values_list("option__label", flat=True)) == {"Tout se loue"}
