"""The promise workshop in a browser: a table writes a persona and orders its story; the keyword wall grows live."""

import pytest
from playwright.sync_api import expect

from workshops import services
from workshops.models import Activity, WorkshopPhase

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LIVE = 8000  # ms: a poll every 2 s, on a shared test machine that CI loads (a 4 s wait failed there once)


def _phase(workshop, activity):
    phase = WorkshopPhase.objects.create(workshop=workshop, position=10, name=activity.label, activity=activity)
    services.phase_close(phase=workshop.phases.get(position=1))
    return services.phase_open(phase=phase)


def test_a_table_writes_a_persona_with_three_steps_and_reorders_them(join, live_workshop, screenshot, axe_clean):
    _phase(live_workshop, Activity.PERSONAS)
    scribe_page = join("Bruno")
    services.participant_set_scribe(participant=live_workshop.participants.get(display_name="Bruno"), is_scribe=True)
    mate = join("Chloé")
    scribe_page.reload()

    panel = scribe_page.locator("#activity-panel")
    panel.locator("#persona-new-name").fill("Bruno")
    panel.locator("#persona-new-age").fill("52")
    panel.locator("#persona-new-profile").fill("Maire d'une petite commune de Haute-Savoie, il cherche à relancer l'économie locale.")
    panel.locator(".new-persona button[type=submit]").click()
    card = panel.locator("article.persona")
    expect(card).to_have_count(1)
    for text in ("Il découvre les monnaies locales", "Il réunit les commerçants", "La commune adopte le projet"):
        card.locator(".new-step textarea").fill(text)
        card.locator(".new-step button[type=submit]").click()
        expect(card.locator(".persona-step textarea").last).to_have_value(text)
    steps = card.locator(".persona-step textarea")
    expect(steps).to_have_count(3)
    expect(steps.nth(2)).to_have_value("La commune adopte le projet")

    # The table sees the card and its story live, in order.
    mate_steps = mate.locator("#activity-panel .persona-step")
    expect(mate.locator("#activity-panel article.persona h2")).to_contain_text("Bruno", timeout=LIVE)
    expect(mate_steps).to_have_count(3, timeout=LIVE)

    # The scribe moves the last step up twice: it becomes the first.
    card.locator(".persona-step").nth(2).locator(".step-tools form").first.locator("button").click()
    expect(steps.nth(1)).to_have_value("La commune adopte le projet")
    card.locator(".persona-step").nth(1).locator(".step-tools form").first.locator("button").click()
    expect(steps.nth(0)).to_have_value("La commune adopte le projet")
    expect(mate_steps.nth(0)).to_contain_text("La commune adopte le projet", timeout=LIVE)
    expect(mate_steps.nth(2)).to_contain_text("Il réunit les commerçants", timeout=LIVE)

    screenshot(scribe_page, "promises-persona-scribe")
    axe_clean(scribe_page, "persona cards, the scribe")
    axe_clean(mate, "persona cards, the table")
    mate.set_viewport_size({"width": 390, "height": 844})
    screenshot(mate, "promises-persona-phone")
    assert mate.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_keyword_wall_grows_live_in_two_browsers(join, live_workshop, screenshot, axe_clean):
    _phase(live_workshop, Activity.KEYWORDS)
    amina = join("Amina")
    omar = join("Omar", table_label="Table 2")

    amina.locator("#keyword-text").fill("Résilience")
    amina.locator(".keyword-form button[type=submit]").click()
    omar_wall = omar.locator("#keyword-wall .wall-word")
    expect(omar_wall).to_have_count(1, timeout=LIVE)
    expect(omar_wall.first).to_contain_text("Résilience")

    # Omar types while the wall changes under him: his text stays in the box.
    omar.locator("#keyword-text").fill("résiliences")
    amina.locator("#keyword-text").fill("Bien commun")
    amina.locator(".keyword-form button[type=submit]").click()
    expect(omar_wall).to_have_count(2, timeout=LIVE)
    expect(omar.locator("#keyword-text")).to_have_value("résiliences")
    omar.locator(".keyword-form button[type=submit]").click()

    # Two people, one keyword: it grows on both walls and stays one word.
    amina_wall = amina.locator("#keyword-wall .wall-word")
    expect(amina_wall).to_have_count(2, timeout=LIVE)
    expect(amina_wall.first).to_contain_text("Résilience")
    expect(amina_wall.first).to_have_class("wall-word size-5", timeout=LIVE)

    # A 300-character "keyword" is refused with its text kept.
    amina.locator("#keyword-text").fill("x" * 300)
    amina.locator(".keyword-form button[type=submit]").click()
    expect(amina.locator(".keyword-form .errorlist")).to_be_visible()
    expect(amina.locator("#keyword-text")).to_have_value("x" * 300)
    amina.locator("#keyword-text").fill("")

    screenshot(amina, "promises-keyword-wall")
    axe_clean(amina, "keyword wall")
    omar.set_viewport_size({"width": 390, "height": 844})
    screenshot(omar, "promises-keyword-wall-phone")
    axe_clean(omar, "keyword wall, phone")
    assert omar.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


RETAINED = "Le numérique, bien commun au service d'une co-croissance résiliente"
ALTERNATIVE = "Le numérique, bien commun au service d'une croissance collaborative et frugale"


def _rank(page, first, second):
    card = page.locator("article.vote-card").first
    card.locator("li.vote-option", has_text=first).locator("input").fill("1")
    card.locator("li.vote-option", has_text=second).locator("input").fill("2")
    card.locator("button[type=submit]").click()
    expect(page.locator("article.vote-card .errorlist")).to_have_count(0)


def test_the_room_drafts_and_votes_a_phrase_and_the_restitution_shows_the_report(join, login, live_workshop, facilitator, editor, screenshot, axe_clean):
    _phase(live_workshop, Activity.PHRASES)
    amina = join("Amina")
    omar = join("Omar", table_label="Table 2")
    for page, text in ((amina, RETAINED), (omar, ALTERNATIVE)):
        page.locator("#phrase-text").fill(text)
        page.locator(".phrase-form button[type=submit]").click()
        expect(page.locator("#phrase-lists")).to_contain_text(text)
    expect(amina.locator("#phrase-lists")).to_contain_text(ALTERNATIVE, timeout=LIVE)
    axe_clean(amina, "phrases panel")

    # The facilitator starts the ranking from the promise page; the room's panels link to it live.
    desk = login(facilitator, f"/facilitate/{live_workshop.pk}/promise/")
    desk.locator(".phrase-pick button[type=submit]").click()
    expect(desk.locator("#phrase-vote .badge.status-open")).to_be_visible()
    for page, first, second in ((amina, RETAINED, ALTERNATIVE), (omar, RETAINED, ALTERNATIVE)):
        link = page.locator("#phrase-lists a.button", has_text="")
        expect(link).to_be_visible(timeout=LIVE)
        link.click()
        _rank(page, first, second)

    # Closing the vote retains the winner; the runner-up stays as its alternative.
    desk.reload()
    desk.locator("#phrase-vote form button[type=submit]").first.click()
    expect(desk.locator("#produced-phrase")).to_have_value(RETAINED)
    expect(desk.locator("#produced-alternatives")).to_have_value(ALTERNATIVE + "\n")
    desk.locator("#key-action-new").fill("Créer une agora en ligne, lieu de la démocratie collaborative")
    desk.locator("#key-actions form.row-edit button[type=submit]").last.click()
    desk.locator("#stakeholders form button[type=submit]").first.click()
    expect(desk.locator(".stakeholder")).to_have_count(3)
    desk.set_viewport_size({"width": 1366, "height": 768})
    axe_clean(desk, "promise page")
    screenshot(desk, "promises-promise-page")
    desk.set_viewport_size({"width": 390, "height": 844})
    screenshot(desk, "promises-promise-page-phone")
    assert desk.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    # The restitution: the report in the seed's order, on every laptop.
    restitution = WorkshopPhase.objects.create(workshop=live_workshop, position=20, name="Restitution", activity=Activity.RESTITUTION)
    services.phase_open(phase=restitution)
    amina.goto("/w/QN2012/")
    report = amina.locator(".promise-report")
    expect(report).to_contain_text(RETAINED)
    expect(report).to_contain_text(ALTERNATIVE)
    expect(report).to_contain_text("Créer une agora en ligne")
    amina.set_viewport_size({"width": 1366, "height": 768})
    axe_clean(amina, "restitution with the report")
    screenshot(amina, "promises-restitution-report")
    amina.set_viewport_size({"width": 390, "height": 844})
    screenshot(amina, "promises-restitution-report-phone")
    assert amina.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    # The report's own page, for the editors too.
    reader = login(editor, f"/facilitate/{live_workshop.pk}/report/")
    expect(reader.locator(".promise-report")).to_contain_text(RETAINED)
    reader.set_viewport_size({"width": 1366, "height": 768})
    axe_clean(reader, "report page")
    screenshot(reader, "promises-report-page")
    reader.set_viewport_size({"width": 390, "height": 844})
    screenshot(reader, "promises-report-page-phone")
    assert reader.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_demos_promise_workshop_reads_as_its_report(login, new_page, screenshot, axe_clean):
    """The seed's workshop of 24 October 2012: its report page and its restitution, on a laptop and a phone."""
    from django.core.management import call_command

    from demo.seed.promise_load import promise_demo_workshops
    from django.contrib.auth import get_user_model

    call_command("load_demo", password="password", without_cahier=True, stdout=open("/dev/null", "w"))
    workshop = promise_demo_workshops().get()
    reader = login(get_user_model().objects.get(username="editeur"), f"/facilitate/{workshop.pk}/report/")
    report = reader.locator(".promise-report")
    expect(report).to_contain_text("Le numérique, bien commun au service d'une co-croissance résiliente")
    expect(report.locator(".persona")).to_have_count(2)
    expect(report.locator(".persona").first.locator(".persona-step")).to_have_count(6)
    expect(report.locator(".commitment")).to_have_count(6)
    reader.set_viewport_size({"width": 1366, "height": 768})
    axe_clean(reader, "the demo's report")
    screenshot(reader, "promises-demo-report")
    reader.screenshot(path="artifacts/screenshots/promises-demo-report-top.png")
    reader.set_viewport_size({"width": 390, "height": 844})
    screenshot(reader, "promises-demo-report-phone")
    assert reader.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_facilitator_runs_the_keyword_vote_and_the_winners_stay_marked_on_the_wall(join, login, live_workshop, facilitator, screenshot, axe_clean):
    from promises import services as promise_services

    _phase(live_workshop, Activity.KEYWORDS)
    amina = join("Amina")
    for name, word in (("P1", "Bien commun"), ("P2", "Résilience"), ("P3", "Frugalité")):
        person = live_workshop.participants.create(display_name=name, table=live_workshop.tables.first())
        promise_services.keyword_add(workshop=live_workshop, participant=person, text=word)

    desk = login(facilitator, f"/facilitate/{live_workshop.pk}/keywords/")
    desk.set_viewport_size({"width": 1366, "height": 768})
    desk.locator("#vote-keep").fill("2")
    desk.locator(".vote-start button[type=submit]").click()
    expect(desk.locator(".promise-vote .badge.status-open")).to_be_visible()

    link = amina.locator("#keyword-wall a.button")
    expect(link).to_be_visible(timeout=LIVE)
    link.click()
    card = amina.locator("article.vote-card").first
    for label in ("Bien commun", "Résilience", "Frugalité"):
        card.locator("li.vote-option", has_text=label).locator("input[type=checkbox]").check()
    card.locator("button[type=submit]").click()
    expect(amina.locator("article.vote-card .vote-error").first).to_be_visible()  # three picks where the vote keeps two
    card.locator("li.vote-option", has_text="Frugalité").locator("input[type=checkbox]").uncheck()
    card.locator("button[type=submit]").click()

    desk.reload()
    desk.locator(".promise-vote form button[type=submit]").first.click()
    expect(desk.locator(".curate-word .badge.kept")).to_have_count(2)
    axe_clean(desk, "keyword wall page with its vote")
    screenshot(desk, "promises-keyword-vote")
    desk.set_viewport_size({"width": 390, "height": 844})
    screenshot(desk, "promises-keyword-vote-phone")
    assert desk.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    amina.goto("/w/QN2012/")
    expect(amina.locator("#keyword-wall .wall-word.kept")).to_have_count(2)
