"""Accounts (django-allauth): a reader signs up, confirms their e-mail and comes back where they were;
staff sign in by username or e-mail as before; failed sign-ins are throttled; a password is reset by e-mail."""

import re

import pytest
from allauth.account import app_settings as allauth_settings
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from tests.test_base_template import inline_code

pytestmark = pytest.mark.django_db

SIGNUP = "/accounts/signup/"
LOGIN = "/accounts/login/"


def confirmation_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", message.body).group(1)


def sign_up(client, next_url=None, username="rachel", email="rachel@example.org"):
    url = SIGNUP if next_url is None else f"{SIGNUP}?next={next_url}"
    return client.post(url, {"username": username, "email": email, "password1": "un mot de passe solide", "password2": "un mot de passe solide", "next": next_url or ""})


def test_the_settings_allauth_reads_are_spelt_right():
    # A misspelt ACCOUNT_* setting is silently ignored: read them back from allauth itself.
    assert allauth_settings.LOGIN_METHODS == {"username", "email"}
    assert allauth_settings.EMAIL_VERIFICATION == allauth_settings.EmailVerificationMethod.MANDATORY
    assert allauth_settings.RATE_LIMITS["login_failed"] == settings.ACCOUNT_RATE_LIMITS["login_failed"]
    assert allauth_settings.ADAPTER == "foresight.accounts.AccountAdapter"
    assert "allauth.account.middleware.AccountMiddleware" in settings.MIDDLEWARE


def test_a_reader_signs_up_confirms_their_email_and_comes_back_where_they_were(client):
    back = "/publications/"
    response = sign_up(client, next_url=back)
    assert response.status_code == 302 and response.url == reverse("account_email_verification_sent")
    user = get_user_model().objects.get(username="rachel")
    assert not client.session.get("_auth_user_id")
    (message,) = mail.outbox
    assert message.to == ["rachel@example.org"]
    link = confirmation_link(message)
    # Not signed in before the address is confirmed.
    response = client.post(LOGIN, {"username": "rachel", "password": "un mot de passe solide"})
    assert response.status_code == 302 and response.url == reverse("account_email_verification_sent")
    assert not client.session.get("_auth_user_id")
    assert client.get(link).status_code == 200
    response = client.post(link)
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk
    assert user.emailaddress_set.get().verified


def test_a_confirmed_reader_signs_in_by_email_and_lands_on_the_publications(client):
    sign_up(client)
    client.post(confirmation_link(mail.outbox[0]))
    client.logout()
    response = client.post(LOGIN, {"username": "rachel@example.org", "password": "un mot de passe solide"})
    assert response.status_code == 302 and response.url == reverse("publications:index")


def test_staff_made_by_an_administrator_sign_in_by_username_or_email_without_confirming(client, editor):
    response = client.post(LOGIN, {"username": "eve", "password": "password"})
    assert response.url == reverse("scenarios:library")
    client.logout()
    response = client.post(LOGIN, {"username": "eve@example.org", "password": "password"})
    assert response.url == reverse("scenarios:library")


def test_a_second_account_with_the_same_email_is_not_made_and_the_owner_is_told(client, editor):
    # The page does not say the address is taken (nobody learns who has an account): its owner is mailed.
    sign_up(client, username="autre", email="eve@example.org")
    assert not get_user_model().objects.filter(username="autre").exists()
    (message,) = mail.outbox
    assert message.to == ["eve@example.org"]


def test_failed_sign_ins_are_throttled_per_account(client, english, editor):
    for _attempt in range(5):
        client.post(LOGIN, {"username": "eve", "password": "wrong"})
    # Even the right password is refused for a while now.
    response = client.post(LOGIN, {"username": "eve", "password": "password"})
    assert response.status_code in (200, 429)
    assert not client.session.get("_auth_user_id")
    assert "Too many failed sign-ins on this account: wait a few minutes" in response.content.decode()


def test_failing_by_username_then_signing_in_by_email_is_still_locked_out(client, english, editor):
    """The count is the account's, not the string typed: the other spelling of the login does not go round it."""
    for _attempt in range(5):
        client.post(LOGIN, {"username": "EVE", "password": "wrong"})
    response = client.post(LOGIN, {"username": editor.email, "password": "password"})
    assert not client.session.get("_auth_user_id")
    assert "Too many failed sign-ins on this account" in response.content.decode()


def test_the_lockout_lasts_minutes_and_the_right_password_then_signs_in(client, english, editor, monkeypatch):
    """A facilitator who mistyped five times waits out the window (5 minutes), then signs in."""
    from allauth.core.internal import ratelimit as allauth_ratelimit

    for _attempt in range(5):
        client.post(LOGIN, {"username": "eve", "password": "wrong"})
    assert not client.post(LOGIN, {"username": "eve", "password": "password"}).has_header("Location")
    later = allauth_ratelimit.time.time() + 301
    monkeypatch.setattr(allauth_ratelimit.time, "time", lambda: later)
    response = client.post(LOGIN, {"username": "eve", "password": "password"})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == editor.pk


def test_failures_on_one_account_do_not_lock_another(client, english, editor, facilitator):
    for _attempt in range(5):
        client.post(LOGIN, {"username": "eve", "password": "wrong"})
    response = client.post(LOGIN, {"username": facilitator.username, "password": "password"})
    assert response.status_code == 302


def test_a_password_is_reset_by_email(client, editor):
    response = client.post(reverse("account_reset_password"), {"email": "eve@example.org"})
    assert response.status_code == 302
    (message,) = mail.outbox
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/[^\s]+/)", message.body).group(1)
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    response = client.post(form_url, {"password1": "un nouveau mot de passe", "password2": "un nouveau mot de passe"})
    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.check_password("un nouveau mot de passe")


@pytest.mark.parametrize("url", [LOGIN, SIGNUP, "/accounts/password/reset/"])
def test_the_account_pages_are_ours_french_by_default_and_run_nothing_inline(client, url):
    page = client.get(url).content.decode()
    assert 'lang="fr"' in page and 'class="topbar"' in page and "css/accounts.css" in page
    assert inline_code(page) == []
    assert "maxlength" not in page
    client.cookies["django_language"] = "en"
    assert 'lang="en"' in client.get(url).content.decode()


def test_the_login_form_posts_username_and_password_as_before(client):
    page = client.get(LOGIN).content.decode()
    assert 'name="username"' in page and 'name="password"' in page and 'name="login"' not in page
