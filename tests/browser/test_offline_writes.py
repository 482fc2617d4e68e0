"""Writes over venue Wi-Fi: a laptop that goes offline, a server that fails, a phase that closes meanwhile."""

import pytest
from playwright.sync_api import expect

from workshops import services
from workshops.models import Contribution, WriteReceipt

# These tests cut the network and make the server fail on purpose: the browser logs those failures
# (and htmx its send errors). Nothing else may appear: no CSP violation, no script error.
NETWORK_FAILURES = (
    r"Failed to load resource: (net::ERR_FAILED|net::ERR_INTERNET_DISCONNECTED|the server responded with a status of 50[03] )",
    # Now and then, when the network is cut while a poll is in flight, a promise is rejected without a
    # reason (no stack: not one of our scripts' htmx.ajax calls, which catch). Only in these tests.
    r"^uncaught exception on \S+: undefined$",
    r"htmx:(sendError|afterRequest), \[object",
    r"Response Status Error Code 50[03] from /w/QN2012/post/",
)
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.console_allows(*NETWORK_FAILURES)]

LIVE = 2500  # ms: a board shows a new post-it within its 2 s poll
SECTION = "Signes avant-coureurs"


def section_of(page):
    return page.locator("section.canvas-section", has=page.locator("h2", has_text=SECTION))


def test_a_postit_written_offline_is_pending_then_stored_once_when_the_laptop_is_back(join, live_workshop, screenshot):
    amina = join("Amina")
    bruno = join("Bruno")
    section = section_of(amina)

    amina.context.set_offline(True)
    banner = amina.locator("#net-status")
    expect(banner).to_be_visible()
    expect(banner).to_have_attribute("data-state", "offline")

    section.locator("textarea").fill("Le Wi-Fi de la salle tombe")
    section.locator("button[type=submit]").click()
    # Pending: said next to the form, the text still in the box, nothing stored yet.
    expect(section.locator("form.post-form")).to_have_class("post-form write-pending")
    expect(section.locator(".write-status")).to_have_attribute("data-state", "pending")
    expect(section.locator("textarea")).to_have_value("Le Wi-Fi de la salle tombe")
    assert Contribution.objects.count() == 0
    for name, size in {"1366": (1366, 768), "phone": (390, 844), "1920": (1920, 1080)}.items():
        amina.set_viewport_size({"width": size[0], "height": size[1]})
        screenshot(amina, f"offline-pending-{name}")
    amina.set_viewport_size({"width": 1280, "height": 800})

    amina.context.set_offline(False)
    expect(banner).to_have_attribute("data-state", "back")
    expect(section.locator("textarea")).to_have_value("")
    expect(section.locator(".postit", has_text="Le Wi-Fi de la salle tombe")).to_be_visible()
    expect(section.locator(".write-status")).to_have_count(0)
    expect(section_of(bruno).locator(".postit", has_text="Le Wi-Fi de la salle tombe")).to_be_visible(timeout=LIVE)
    screenshot(amina, "offline-back")
    assert Contribution.objects.filter(text="Le Wi-Fi de la salle tombe").count() == 1
    assert WriteReceipt.objects.count() == 1


def test_a_500_says_the_postit_was_not_saved_and_keeps_its_text(join, live_workshop, screenshot):
    amina = join("Amina")
    section = section_of(amina)
    amina.route("**/w/QN2012/post/", lambda route: route.fulfill(status=500, body="boom"))

    section.locator("textarea").fill("Une idée à ne pas perdre")
    section.locator("button[type=submit]").click()
    status = section.locator(".write-status")
    expect(status).to_have_attribute("data-state", "failed")
    expect(status).to_contain_text("500")
    expect(status).to_have_attribute("role", "alert")
    expect(section.locator("textarea")).to_have_value("Une idée à ne pas perdre")
    expect(section.locator("button[type=submit]")).to_be_enabled()
    screenshot(amina, "write-failed-500")
    assert Contribution.objects.count() == 0

    # The server is back: the same button sends it, once.
    amina.unroute("**/w/QN2012/post/")
    section.locator("button[type=submit]").click()
    expect(section.locator(".postit", has_text="Une idée à ne pas perdre")).to_be_visible()
    assert Contribution.objects.filter(text="Une idée à ne pas perdre").count() == 1


def test_a_503_is_retried_by_itself_with_the_same_key_and_stored_once(join, live_workshop):
    amina = join("Amina")
    section = section_of(amina)
    keys = []

    def flaky(route):
        keys.append(route.request.headers.get("idempotency-key"))
        if len(keys) <= 2:
            route.fulfill(status=503, body="busy")
        else:
            route.continue_()

    amina.route("**/w/QN2012/post/", flaky)
    section.locator("textarea").fill("Malgré la passerelle")
    section.locator("button[type=submit]").click()
    expect(section.locator(".postit", has_text="Malgré la passerelle")).to_be_visible(timeout=6000)
    assert len(keys) == 3 and len(set(keys)) == 1 and keys[0]
    assert Contribution.objects.filter(text="Malgré la passerelle").count() == 1


def test_a_postit_held_offline_while_its_phase_closed_is_refused_with_its_text_given_back(join, live_workshop):
    amina = join("Amina")
    section = section_of(amina)
    amina.context.set_offline(True)
    section.locator("textarea").fill("Trop tard pour celle-ci")
    section.locator("button[type=submit]").click()
    expect(section.locator(".write-status")).to_have_attribute("data-state", "pending")

    services.phase_close(phase=live_workshop.phases.get(position=1))
    amina.context.set_offline(False)

    flash = amina.locator("#flash")
    expect(flash.locator(".message.error").first).to_be_visible()
    expect(flash.locator(".kept-text textarea")).to_have_value("Trop tard pour celle-ci")
    # The board then follows the facilitator (the phase is over); the refusal and the text stay.
    expect(amina.locator("section.canvas-section")).to_have_count(0, timeout=LIVE)
    expect(flash.locator(".kept-text textarea")).to_have_value("Trop tard pour celle-ci")
    assert Contribution.objects.count() == 0


def test_a_lost_connection_to_the_server_is_said_even_when_the_laptop_thinks_it_is_online(join, live_workshop):
    amina = join("Amina")
    # The venue's Wi-Fi is up but the server cannot be reached: the board's polls fail.
    amina.route("**/w/QN2012/live/**", lambda route: route.abort())
    banner = amina.locator("#net-status")
    expect(banner).to_have_attribute("data-state", "offline", timeout=LIVE)
    expect(banner).to_be_visible()
    amina.unroute("**/w/QN2012/live/**")
    expect(banner).to_have_attribute("data-state", "back", timeout=LIVE)


def test_a_postit_sent_while_the_server_is_unreachable_is_retried_and_stored_once(join, live_workshop):
    amina = join("Amina")
    section = section_of(amina)
    amina.route("**/w/QN2012/live/**", lambda route: route.abort())
    expect(amina.locator("#net-status")).to_have_attribute("data-state", "offline", timeout=LIVE)
    tries = []

    def flaky(route):
        tries.append(route.request.headers.get("idempotency-key"))
        route.abort() if len(tries) == 1 else route.continue_()

    amina.route("**/w/QN2012/post/", flaky)
    section.locator("textarea").fill("Quand le serveur revient")
    section.locator("button[type=submit]").click()
    expect(section.locator(".postit", has_text="Quand le serveur revient")).to_be_visible(timeout=5000)
    amina.unroute("**/w/QN2012/live/**")
    expect(amina.locator("#net-status")).to_have_attribute("data-state", "back", timeout=LIVE)
    assert len(tries) == 2 and tries[0] == tries[1]
    assert Contribution.objects.filter(text="Quand le serveur revient").count() == 1
