"""Two-factor authentication (allauth.mfa): facilitators and editors enrol an authenticator app, sign in
with its code or a recovery code, turn it off; when the administrator requires it of people with
power, a facilitator or editor without it is sent to enrol, and nobody else is bothered."""

import html
import re
import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.conf import settings
from django.urls import reverse

from foresight.two_factor import may_enrol, must_enrol
from tests import factories
from tests.test_base_template import inline_code

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
ACTIVATE = "/accounts/2fa/totp/activate/"
AUTHENTICATE = "/accounts/2fa/authenticate/"
REAUTHENTICATE = "/accounts/reauthenticate/"


def totp_code(secret: str, at: float | None = None) -> str:
    """The code an authenticator app shows now for this secret (allauth's own HOTP, RFC 6238)."""
    return format_hotp_value(hotp_value(secret, int(at or time.time()) // mfa_settings.TOTP_PERIOD))


def secret_on(page: str) -> str:
    """The secret the enrolment page shows under its QR code, as a person would copy it."""
    return html.unescape(re.search(r'id="authenticator_secret"[^>]*value="([^"]+)"', page).group(1))


def log_in(client, username):
    return client.post(LOGIN, {"username": username, "password": "password"})


def confirm_password(client):
    """allauth asks for the password again before two-factor is turned on or off (a stolen session
    alone cannot enrol an attacker's phone), even right after signing in."""
    response = client.post(REAUTHENTICATE, {"password": "password"})
    assert response.status_code == 302, response.content.decode()


def enrol(client, user) -> tuple[str, list[str]]:
    """Sign in, activate the app with its first code, return its secret and the recovery codes shown."""
    log_in(client, user.username)
    assert client.get(ACTIVATE).url == f"{REAUTHENTICATE}?next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F"
    confirm_password(client)
    page = client.get(ACTIVATE).content.decode()
    secret = secret_on(page)
    response = client.post(ACTIVATE, {"code": totp_code(secret)})
    assert response.status_code == 302 and response.url == reverse("mfa_view_recovery_codes")
    codes = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES).wrap().get_unused_codes()
    return secret, codes


@pytest.fixture
def required(settings):
    settings.TWO_FACTOR_REQUIRED_FOR_STAFF = True


def test_the_settings_allauth_mfa_reads_are_spelt_right():
    assert "allauth.mfa" in settings.INSTALLED_APPS
    assert mfa_settings.SUPPORTED_TYPES == ["totp", "recovery_codes"]
    assert mfa_settings.ADAPTER == "foresight.accounts.MFAAdapter"
    assert mfa_settings.TOTP_ISSUER == "Agora"
    # Off unless the administrator sets it: the demo and the tests sign in with a password alone.
    assert settings.TWO_FACTOR_REQUIRED_FOR_STAFF is False


def test_the_enrolment_page_is_ours_its_qr_code_drawn_here_and_nothing_inline(client, english, facilitator):
    log_in(client, "alice")
    confirm_password(client)
    page = client.get(ACTIVATE).content.decode()
    assert 'class="topbar"' in page and "css/accounts.css" in page
    assert inline_code(page) == []
    # The QR code is an SVG made on the server (segno), in a data: URI: no request leaves the page.
    assert 'src="data:image/svg+xml;base64,' in page
    assert "QR code to scan with your authenticator app" in page
    secret = secret_on(page)
    assert re.fullmatch(r"[A-Z2-7]{32}", secret)


def test_a_facilitator_enrols_then_signs_in_with_the_apps_code(client, facilitator):
    secret, codes = enrol(client, facilitator)
    assert len(codes) == 10
    assert Authenticator.objects.filter(user=facilitator, type=Authenticator.Type.TOTP).exists()
    client.logout()
    response = log_in(client, "alice")
    # The password is not enough any more: the second step asks for the code.
    assert response.status_code == 302 and response.url == AUTHENTICATE
    assert not client.session.get("_auth_user_id")
    response = client.post(AUTHENTICATE, {"code": totp_code(secret)})
    assert response.status_code == 302 and response.url == reverse("workshops:dashboard")
    assert int(client.session["_auth_user_id"]) == facilitator.pk


def test_a_wrong_code_is_refused_with_a_message_and_signs_nobody_in(client, english, facilitator):
    secret, _codes = enrol(client, facilitator)
    client.logout()
    # Logging out forgets the language chosen: choose English again.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    log_in(client, "alice")
    wrong = "000000" if totp_code(secret) != "000000" else "111111"
    for code in (wrong, "", "x" * 300):
        response = client.post(AUTHENTICATE, {"code": code})
        assert response.status_code == 200
        assert not client.session.get("_auth_user_id")
    assert "Incorrect code." in client.post(AUTHENTICATE, {"code": wrong}).content.decode()


def test_an_editor_signs_in_with_a_recovery_code_once(client, editor):
    _secret, codes = enrol(client, editor)
    client.logout()
    log_in(client, "eve")
    response = client.post(AUTHENTICATE, {"code": codes[0]})
    assert response.status_code == 302 and response.url == reverse("scenarios:library")
    client.logout()
    # A recovery code works once.
    log_in(client, "eve")
    assert client.post(AUTHENTICATE, {"code": codes[0]}).status_code == 200
    assert not client.session.get("_auth_user_id")


def test_deactivating_two_factor_brings_back_the_password_alone(client, english, facilitator):
    enrol(client, facilitator)
    assert "Deactivate" in client.get(reverse("mfa_index")).content.decode()
    response = client.post(reverse("mfa_deactivate_totp"))
    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=facilitator, type=Authenticator.Type.TOTP).exists()
    client.logout()
    response = log_in(client, "alice")
    assert response.url == reverse("workshops:dashboard")


def test_the_menu_offers_two_factor_to_facilitators_and_editors_only(client, facilitator, editor, outsider):
    link = f'href="{reverse("mfa_index")}"'
    for user, offered in ((facilitator, True), (editor, True), (outsider, False)):
        client.force_login(user)
        assert (link in client.get("/publications/").content.decode()) is offered, user.username
        assert may_enrol(user) is offered


# --- Required by the administrator ------------------------------------------------------------------


@pytest.mark.usefixtures("required")
@pytest.mark.parametrize("role", ["facilitator", "editor"])
def test_required_a_facilitator_or_editor_without_it_is_sent_to_enrol_with_a_message(client, english, role, request):
    user = request.getfixturevalue(role)
    response = log_in(client, user.username)
    # Signed in, but every page they land on or ask for sends them to the enrolment first.
    assert int(client.session["_auth_user_id"]) == user.pk
    response = client.get(response.url, follow=True)
    # To the enrolment, which asks for the password again first (allauth's reauthentication).
    assert [url for url, _status in response.redirect_chain] == [ACTIVATE, f"{REAUTHENTICATE}?next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F"]
    page = response.content.decode()
    assert "the administrator requires two-factor authentication" in page
    for path in ("/facilitate/", "/scenarios/", "/cahiers/", "/publications/", "/"):
        assert client.get(path).url == ACTIVATE, path
    # An htmx request navigates there too, the API answers 403 in JSON; logging out still works.
    assert client.get("/facilitate/", headers={"HX-Request": "true"})["HX-Redirect"] == ACTIVATE
    api = client.get("/api/w/QN2012/board/")
    assert api.status_code == 403 and "two-factor" in api.json()["detail"]
    assert client.get(reverse("mfa_index")).status_code == 200
    assert client.post(reverse("logout")).status_code == 302
    assert not client.session.get("_auth_user_id")


@pytest.mark.usefixtures("required")
def test_required_once_enrolled_they_go_where_they_asked(client, facilitator):
    enrol(client, facilitator)
    assert not must_enrol(facilitator)
    assert client.get("/facilitate/").status_code == 200


@pytest.mark.usefixtures("required")
def test_required_a_superuser_enrols_too(client):
    admin = factories.UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert client.get("/admin/").url == ACTIVATE


@pytest.mark.usefixtures("required")
def test_required_readers_and_participants_are_not_asked(client, outsider, live_workshop, join_as):
    client.force_login(outsider)
    assert not must_enrol(outsider)
    assert client.get("/publications/").status_code == 200
    client.logout()
    participant = factories.ParticipantFactory(workshop=live_workshop, table=live_workshop.tables.first())
    join_as(client, participant)
    assert client.get(f"/w/{live_workshop.join_code}/").status_code == 200
    assert client.get(f"/api/w/{live_workshop.join_code}/board/").status_code == 200


def test_not_required_a_facilitator_without_it_goes_on_as_before(client, facilitator):
    assert not must_enrol(facilitator)
    response = log_in(client, "alice")
    assert response.url == reverse("workshops:dashboard")
    assert client.get(response.url).status_code == 200


def test_the_requirement_costs_an_enrolled_facilitator_one_query_a_request_and_nothing_when_off(client, settings, facilitator):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    TOTP.activate(facilitator, generate_totp_secret())
    client.force_login(facilitator)

    def queries(path):
        client.get(path)  # a first request settles the session
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    settings.TWO_FACTOR_REQUIRED_FOR_STAFF = False
    off = queries("/facilitate/")
    settings.TWO_FACTOR_REQUIRED_FOR_STAFF = True
    # Their groups are read once per request whoever asks (core.rules caches them on the user).
    assert queries("/facilitate/") <= off + 1


def test_the_admins_own_sign_in_form_cannot_skip_the_second_step(client):
    """Django's admin has a sign-in form of its own: it sends to allauth's, which asks for the code."""
    admin = factories.UserFactory(username="root", is_superuser=True, is_staff=True)
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302 and response.url.startswith(LOGIN)
    response = client.post("/admin/login/?next=/admin/", {"username": "root", "password": "password"})
    assert response.status_code == 302 and response.url.startswith(LOGIN)
    assert not client.session.get("_auth_user_id")
    client.force_login(admin)
    assert client.get("/admin/").status_code == 200
