"""Personal API tokens: the rule, the settings page, and the token's life in the API (issue 12, item 7)."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core import tokens
from core.models import ApiToken
from core.guards import allows
from workshops.models import WorkshopPhase

pytestmark = pytest.mark.django_db

PAGE = "/accounts/tokens/"


def bearer(secret):
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


# --- The rule ------------------------------------------------------------------------------------


@pytest.mark.parametrize("who, allowed", [("facilitator", True), ("editor", True), ("outsider", False)])
def test_facilitators_and_editors_manage_tokens_and_nobody_else(request, who, allowed):
    assert allows("core.manage_api_tokens", request.getfixturevalue(who)) is allowed


def test_an_anonymous_visitor_or_a_participant_has_no_tokens(live_workshop, participant_factory):
    from django.contrib.auth.models import AnonymousUser

    assert not allows("core.manage_api_tokens", AnonymousUser())
    assert not allows("core.manage_api_tokens", participant_factory(workshop=live_workshop))


# --- The page --------------------------------------------------------------------------------------


def test_a_created_token_is_shown_once_and_only_its_hash_is_kept(client, facilitator, english):
    client.force_login(facilitator)
    response = client.post(PAGE, {"name": "My script", "scope": "write"})
    assert response.status_code == 200
    secret = response.context["created"].secret
    assert secret.startswith("agora_") and secret in response.content.decode()
    token = ApiToken.objects.get()
    assert token.user == facilitator and token.scope == "write" and token.expires_at is None
    assert secret not in (token.digest, token.prefix) and token.digest == tokens.digest_of(secret)
    assert "no-store" in response["Cache-Control"]
    listing = client.get(PAGE).content.decode()
    assert "My script" in listing and secret not in listing


def test_an_expiry_in_the_past_or_no_name_is_refused_and_nothing_is_written(client, facilitator, english):
    client.force_login(facilitator)
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client.post(PAGE, {"name": "x", "scope": "read", "expires_on": yesterday})
    assert response.status_code == 422 and "The expiry must be a day after today." in response.content.decode()
    assert client.post(PAGE, {"name": "  ", "scope": "read"}).status_code == 422
    assert client.post(PAGE, {"name": "x", "scope": "admin"}).status_code == 422
    assert not ApiToken.objects.exists()


def test_the_page_is_refused_to_an_outsider_and_sends_an_anonymous_visitor_to_log_in(client, outsider):
    assert client.get(PAGE).status_code == 302
    client.force_login(outsider)
    assert client.get(PAGE).status_code == 403
    assert client.post(PAGE, {"name": "x", "scope": "read"}).status_code == 403
    assert not ApiToken.objects.exists()


def test_revoking_a_token_closes_the_api_to_it(client, facilitator, live_workshop):
    created = tokens.token_create(user=facilitator, name="cron", scope="read")
    assert Client().get(reverse("workshops:api_workshops"), **bearer(created.secret)).status_code == 200
    client.force_login(facilitator)
    assert client.post(reverse("core:api_token_revoke", args=[created.token.pk])).status_code == 302
    created.token.refresh_from_db()
    assert created.token.revoked_at is not None
    response = Client().get(reverse("workshops:api_workshops"), **bearer(created.secret))
    assert response.status_code == 401 and response.json()["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_nobody_revokes_another_persons_token(client, facilitator, other_facilitator):
    created = tokens.token_create(user=facilitator, name="cron", scope="read")
    client.force_login(other_facilitator)
    assert client.post(reverse("core:api_token_revoke", args=[created.token.pk])).status_code == 404
    assert client.get(reverse("core:api_token_revoke", args=[created.token.pk])).status_code == 405
    created.token.refresh_from_db()
    assert created.token.revoked_at is None


# --- The token in the API --------------------------------------------------------------------------


def test_an_expired_token_is_a_401_with_a_json_body(facilitator, live_workshop):
    created = tokens.token_create(user=facilitator, name="old", scope="read", expires_at=timezone.now() + timedelta(hours=1))
    ApiToken.objects.filter(pk=created.token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = Client().get(reverse("workshops:api_workshops"), **bearer(created.secret))
    assert response.status_code == 401 and response.json()["detail"]


@pytest.mark.parametrize("header", ["Bearer agora_nope", "Bearer", "Token a b", "Bearer " + "x" * 5000])
def test_an_unknown_or_malformed_token_is_a_401(facilitator, header):
    response = Client().get(reverse("workshops:api_workshops"), HTTP_AUTHORIZATION=header)
    assert response.status_code == 401 and response.json()["detail"]


def test_the_token_keyword_works_like_bearer_and_marks_the_token_used(facilitator, live_workshop):
    created = tokens.token_create(user=facilitator, name="cron", scope="read")
    response = Client().get(reverse("workshops:api_workshops"), HTTP_AUTHORIZATION=f"Token {created.secret}")
    assert [w["id"] for w in response.json()] == [live_workshop.pk]
    created.token.refresh_from_db()
    assert created.token.last_used_at is not None


def test_without_credentials_the_staff_api_is_a_401(live_workshop):
    response = Client().get(reverse("workshops:api_workshop", args=[live_workshop.pk]))
    assert response.status_code == 401 and response.json()["detail"]


def test_a_token_on_another_facilitators_workshop_is_refused_as_the_control_room_is(other_facilitator, live_workshop):
    secret = tokens.token_create(user=other_facilitator, name="cron", scope="write").secret
    for name in ("api_workshop", "api_workshop_results"):
        response = Client().get(reverse(f"workshops:{name}", args=[live_workshop.pk]), **bearer(secret))
        assert response.status_code == 403 and response.json()["detail"]
    phase = live_workshop.phases.get(status=WorkshopPhase.Status.OPEN)
    close = Client().post(reverse("workshops:api_phase_close", args=[live_workshop.pk, phase.pk]), **bearer(secret))
    assert close.status_code == 403
    phase.refresh_from_db()
    assert phase.is_open
    # The page answers alike.
    client = Client()
    client.force_login(other_facilitator)
    assert client.get(reverse("workshops:control", args=[live_workshop.pk])).status_code == 403


def test_a_read_only_token_reads_but_may_not_write(facilitator, live_workshop):
    secret = tokens.token_create(user=facilitator, name="reader", scope="read").secret
    phase = live_workshop.phases.get(status=WorkshopPhase.Status.OPEN)
    assert Client().get(reverse("workshops:api_workshop", args=[live_workshop.pk]), **bearer(secret)).status_code == 200
    response = Client().post(reverse("workshops:api_phase_close", args=[live_workshop.pk, phase.pk]), **bearer(secret))
    assert response.status_code == 403 and response.json()["detail"]
    phase.refresh_from_db()
    assert phase.is_open


def test_a_read_write_token_closes_a_phase_without_csrf_and_a_second_close_is_a_422(facilitator, live_workshop):
    secret = tokens.token_create(user=facilitator, name="writer", scope="write").secret
    phase = live_workshop.phases.get(status=WorkshopPhase.Status.OPEN)
    url = reverse("workshops:api_phase_close", args=[live_workshop.pk, phase.pk])
    client = Client(enforce_csrf_checks=True)
    response = client.post(url, **bearer(secret))
    assert response.status_code == 200 and response.json()["status"] == "closed"
    again = client.post(url, **bearer(secret))
    assert again.status_code == 422 and again.json()["detail"]


def test_the_session_still_needs_csrf_on_a_staff_write(facilitator, live_workshop):
    client = Client(enforce_csrf_checks=True)
    client.force_login(facilitator)
    phase = live_workshop.phases.get(status=WorkshopPhase.Status.OPEN)
    response = client.post(reverse("workshops:api_phase_close", args=[live_workshop.pk, phase.pk]))
    assert response.status_code == 403
    phase.refresh_from_db()
    assert phase.is_open


def test_a_token_of_a_user_no_longer_facilitator_reads_no_workshop(facilitator, live_workshop):
    secret = tokens.token_create(user=facilitator, name="cron", scope="read").secret
    facilitator.groups.clear()
    assert Client().get(reverse("workshops:api_workshops"), **bearer(secret)).status_code == 403
    assert Client().get(reverse("workshops:api_workshop", args=[live_workshop.pk]), **bearer(secret)).status_code == 403
