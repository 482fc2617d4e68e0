"""The facilitator removes an intruder from the control room; the intruder's laptop is out at once."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import at_sizes
from workshops.models import Participant

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


# The removed laptop's next poll is refused: that refusal is the point.
@pytest.mark.console_allows(r"status of 403", r"Error Code 403")
def test_a_facilitator_removes_an_intruder_after_confirming(login, join, facilitator, live_workshop, screenshot, axe_clean):
    laptop = join("Intrus")
    intruder = Participant.objects.get(display_name="Intrus")
    control = login(facilitator, f"/facilitate/{live_workshop.pk}/")

    control.locator(f"a[href$='/participants/{intruder.pk}/remove/']").click()
    expect(control.locator("h1")).to_contain_text("Intrus")
    at_sizes(control, "remove-participant-confirm", screenshot, axe_clean)
    control.locator(".confirm-actions button[type=submit]").click()

    expect(control.locator(".messages")).to_contain_text("Intrus")
    assert not Participant.objects.filter(pk=intruder.pk).exists()
    laptop.reload()
    expect(laptop).to_have_url(re.compile(r"/join/"))
