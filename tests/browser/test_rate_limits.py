"""Rate limits and the participant cap, as a person meets them: told in words, the text kept."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import at_sizes
from workshops import services
from workshops.models import Contribution

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def workshop(facilitator):
    from tests.factories import WorkshopFactory

    workshop = WorkshopFactory(facilitator=facilitator, join_code="QN2012", title="Atelier des ruptures")
    services.phase_open(phase=workshop.phases.order_by("position").first())
    return workshop


@pytest.mark.console_allows(r"status of 429")
def test_a_participant_posting_too_fast_is_told_to_wait_and_keeps_the_text(settings, join, workshop, screenshot, axe_clean):
    settings.AGORA_RATE_LIMITS = {**settings.AGORA_RATE_LIMITS, "post": "2/h"}
    amina = join("Amina", workshop_title="Atelier des ruptures")
    section = amina.locator("section.canvas-section").first
    for n in range(2):
        section.locator("textarea").fill(f"Idée {n}")
        section.locator(".post-form button[type=submit]").click()
        expect(section.locator("textarea")).to_have_value("")
    section.locator("textarea").fill("Une idée de trop")
    section.locator(".post-form button[type=submit]").click()
    flash = amina.locator("#flash [role=alert]")
    expect(flash).to_contain_text(re.compile(r"posting very fast|très vite"))
    # The refusal is shown above the canvas; what was typed stays in its box to send again later.
    expect(section.locator("textarea")).to_have_value("Une idée de trop")
    assert Contribution.objects.count() == 2
    at_sizes(amina, "rate-limited-postit", screenshot, axe_clean)


def test_the_facilitator_caps_the_room_and_the_next_person_is_told_it_is_full(login, join, new_page, workshop, facilitator, screenshot, axe_clean):
    control = login(facilitator, f"/facilitate/{workshop.pk}/")
    cap = control.locator("input[name=max_participants]")
    expect(cap).to_have_value("")
    cap.fill("1")
    control.locator("form.room-rules button[type=submit]").click()
    expect(control.locator("input[name=max_participants]")).to_have_value("1")
    axe_clean(control, "control-room-with-a-cap")

    join("Amina", workshop_title="Atelier des ruptures")
    late = new_page("/w/join/?code=QN2012")
    late.fill("input[name=display_name]", "Bruno")
    late.click("main form button[type=submit]")
    expect(late.locator(".errorlist")).to_contain_text(re.compile(r"This workshop is full|complet"))
    at_sizes(late, "join-workshop-full", screenshot, axe_clean)
