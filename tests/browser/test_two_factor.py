"""Two-factor authentication in a real browser: a facilitator turns it on from the menu (QR code drawn
on the server, the secret beside it), signs in with the app's code, then with a recovery code, then
turns it off; when the administrator requires it, a facilitator is sent to enrol with a message while a
participant joins the room as before. Every page checked with axe and looked at, at three sizes."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import at_sizes
from tests.test_two_factor import totp_code

pytestmark = [pytest.mark.browser]


def english_page(new_page, live_server, path):
    page = new_page(None)
    # Signing in and out five times on a busy two-core machine: more patience than one page needs.
    page.set_default_timeout(15000)
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": live_server.url}])
    page.goto(path)
    return page


def sign_in(page, live_server, username="alice"):
    # Logging out forgets the language chosen: the cookie again, then the form.
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "en", "url": live_server.url}])
    page.goto("/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "password")
    page.click("main form button[type=submit]")


def confirm_password_if_asked(page):
    """allauth asks for the password again before two-factor is turned on or off."""
    if "/accounts/reauthenticate/" in page.url:
        page.fill("input[name=password]", "password")
        page.click("main form button[type=submit]")


def log_out(page):
    page.click("header form[action='/accounts/logout/'] button")
    page.wait_for_url(re.compile(r"/$"))


def test_a_facilitator_turns_two_factor_on_signs_in_with_the_app_and_a_recovery_code_then_off(
    transactional_db, live_server, new_page, screenshot, axe_clean
):
    factories.FacilitatorFactory(username="alice")
    page = english_page(new_page, live_server, "/accounts/login/")
    sign_in(page, live_server)
    page.wait_for_url("**/facilitate/")

    page.click("header a:has-text('Two-Factor Authentication')")
    expect(page.locator("h1")).to_have_text("Two-Factor Authentication")
    expect(page.locator("main")).to_contain_text("An authenticator app is not active.")
    at_sizes(page, "two-factor-index", screenshot, axe_clean)

    page.click("main a:has-text('Activate')")
    expect(page.locator("h1")).to_have_text("Confirm Access")
    at_sizes(page, "two-factor-confirm-access", screenshot, axe_clean)
    confirm_password_if_asked(page)
    expect(page.locator("h1")).to_have_text("Activate Authenticator App")
    # The QR code is drawn and shown without any request leaving the page (a data: URI).
    qr = page.locator(".totp-qr img")
    expect(qr).to_have_attribute("src", re.compile(r"^data:image/svg\+xml;base64,"))
    assert page.evaluate("(img) => img.complete && img.naturalWidth > 100", qr.element_handle())
    at_sizes(page, "two-factor-activate", screenshot, axe_clean)

    # A wrong code first: refused with a message, nothing turned on.
    secret = page.input_value("#authenticator_secret")
    wrong = "000000" if totp_code(secret) != "000000" else "111111"
    page.fill("input[name=code]", wrong)
    page.click("main form button[type=submit]")
    expect(page.locator("main")).to_contain_text("Incorrect code.")
    at_sizes(page, "two-factor-activate-refused", screenshot, axe_clean)
    # The same secret is kept across the refused attempt: the app needs scanning once.
    assert page.input_value("#authenticator_secret") == secret

    page.fill("input[name=code]", totp_code(secret))
    page.click("main form button[type=submit]")
    expect(page.locator("h1")).to_have_text("Recovery Codes")
    codes = page.input_value("#recovery_codes").split()
    assert len(codes) == 10
    at_sizes(page, "two-factor-recovery-codes", screenshot, axe_clean)

    # Signing in now asks for the app's code after the password.
    log_out(page)
    sign_in(page, live_server)
    page.wait_for_url("**/accounts/2fa/authenticate/")
    expect(page.locator("main")).to_contain_text("Type one of your recovery codes instead")
    at_sizes(page, "two-factor-authenticate", screenshot, axe_clean)
    page.fill("input[name=code]", totp_code(secret))
    page.click("main form button[type=submit]")
    page.wait_for_url("**/facilitate/")

    # Without the phone: a recovery code, once.
    log_out(page)
    sign_in(page, live_server)
    page.wait_for_url("**/accounts/2fa/authenticate/")
    page.fill("input[name=code]", codes[0])
    page.click("main form button[type=submit]")
    page.wait_for_url("**/facilitate/")

    # Turned off: the password alone again.
    page.goto("/accounts/2fa/")
    expect(page.locator("main")).to_contain_text("There are 9 out of 10 recovery codes available.")
    page.click("main a:has-text('Deactivate')")
    confirm_password_if_asked(page)
    expect(page.locator("h1")).to_have_text("Deactivate Authenticator App")
    at_sizes(page, "two-factor-deactivate", screenshot, axe_clean)
    page.click("main form button[type=submit]")
    expect(page.locator("main")).to_contain_text("An authenticator app is not active.")
    log_out(page)
    sign_in(page, live_server)
    page.wait_for_url("**/facilitate/")


def test_required_a_facilitator_is_sent_to_enrol_and_a_participant_joins_as_before(
    transactional_db, live_server, new_page, screenshot, axe_clean, settings, live_workshop, join
):
    settings.TWO_FACTOR_REQUIRED_FOR_STAFF = True
    page = english_page(new_page, live_server, "/accounts/login/")
    sign_in(page, live_server)
    # Signed in, but sent to the enrolment (its password confirmation first), with the reason.
    page.wait_for_url("**/accounts/reauthenticate/**")
    expect(page.locator(".messages")).to_contain_text("the administrator requires two-factor authentication")
    at_sizes(page, "two-factor-required", screenshot, axe_clean)
    page.goto("/facilitate/")
    page.wait_for_url("**/accounts/reauthenticate/**")
    confirm_password_if_asked(page)
    secret = page.input_value("#authenticator_secret")
    page.fill("input[name=code]", totp_code(secret))
    page.click("main form button[type=submit]")
    expect(page.locator("h1")).to_have_text("Recovery Codes")
    page.goto("/facilitate/")
    expect(page).to_have_url(re.compile(r"/facilitate/$"))

    # Participants have no account: nothing changes for them.
    participant = join("Ada")
    expect(participant).to_have_url(re.compile(r"/w/QN2012/$"))
