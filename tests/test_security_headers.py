"""Permissions-Policy joins the other security headers (issue 12): no page may use the camera, the
microphone, the location of someone in the room, payments or devices, whatever runs in it."""

import pytest
from django.urls import reverse

from foresight.middleware import PERMISSIONS_POLICY

pytestmark = pytest.mark.django_db

DENIED = ["camera", "microphone", "geolocation", "payment", "usb", "display-capture"]


def denied_features(header: str) -> set[str]:
    return {item.split("=")[0].strip() for item in header.split(",") if item.split("=")[1].strip() == "()"}


@pytest.mark.parametrize(
    "path",
    [
        pytest.param("/", id="home"),
        pytest.param("/w/join/", id="join"),
        pytest.param("/w/NOSUCHCODE/", id="a 404 page"),
        pytest.param("/api/schema/", id="the API"),
        pytest.param("/facilitate/", id="a redirect to the login page"),
    ],
)
def test_every_answer_carries_the_permissions_policy(client, path):
    response = client.get(path)
    assert response["Permissions-Policy"] == PERMISSIONS_POLICY
    assert denied_features(response["Permissions-Policy"]) >= set(DENIED)
    assert "Content-Security-Policy" in response or response.status_code in (301, 302)


def test_a_204_poll_carries_it_too(client, live_workshop, participant_factory, join_as):
    join_as(client, participant_factory(workshop=live_workshop))
    response = client.get(reverse("workshops:canvas_live", args=["QN2012"]) + "?v=nothing-changed")
    assert response.status_code in (200, 204)
    assert response["Permissions-Policy"] == PERMISSIONS_POLICY

