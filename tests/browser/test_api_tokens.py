"""A facilitator creates a personal API token in her settings, sees it once, uses it, and revokes it."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from core.models import ApiToken
from tests.browser.conftest import at_sizes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_facilitator_creates_a_token_sees_it_once_and_revokes_it(facilitator, login, screenshot, axe_clean):
    page = login(facilitator, "/facilitate/")
    page.click("nav.topnav a[href='/accounts/tokens/']")
    expect(page.locator("main h1")).to_be_visible()
    expect(page.locator(".token-list")).to_have_count(0)
    at_sizes(page, "api-tokens-empty", screenshot, axe_clean)

    # A name is required: the form says so in place and nothing is created.
    page.click("main form.account-form button[type=submit]")
    expect(page.locator("main form.account-form .errorlist")).to_be_visible()
    assert not ApiToken.objects.exists()

    page.fill("#id_name", "Export nocturne")
    page.check("input[name=scope][value=write]")
    page.click("main form.account-form button[type=submit]")
    secret = page.input_value("#new-token")
    assert secret.startswith("agora_")
    expect(page.locator(".token-list tbody tr")).to_have_count(1)
    expect(page.locator(".token-list")).to_contain_text("Export nocturne")
    at_sizes(page, "api-tokens-created", screenshot, axe_clean)

    # The token opens the API; shown once: the page, opened again, no longer has it.
    assert Client().get("/api/workshops/", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200
    page.goto("/accounts/tokens/")
    expect(page.locator("#new-token")).to_have_count(0)
    assert secret not in page.content()

    page.click(".token-list button.danger")
    expect(page.locator(".token-list tbody tr button.danger")).to_have_count(0)
    assert Client().get("/api/workshops/", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 401
    at_sizes(page, "api-tokens-revoked", screenshot, axe_clean)
