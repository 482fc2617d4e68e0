"""The join address the control room and the projector show and encode in the QR code: the room's
(JOIN_BASE_URL, set by `make demo HOST=0.0.0.0`) when set, else the address the browser used."""

import io

import pytest
import segno
from django.urls import reverse

pytestmark = pytest.mark.django_db


def qr_of(url: str) -> bytes:
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=8, border=2, dark="#1b1f3b", xmldecl=False)
    return out.getvalue()


def test_without_a_room_address_the_browsers_host_is_given(client, live_workshop, facilitator, settings):
    settings.JOIN_BASE_URL = ""
    client.force_login(facilitator)
    html = client.get(reverse("workshops:control", args=[live_workshop.pk])).content.decode()
    assert "http://testserver/w/join/?code=QN2012" in html
    assert client.get(reverse("workshops:join_qr", args=[live_workshop.pk])).content == qr_of("http://testserver/w/join/?code=QN2012")


def test_the_room_address_is_shown_and_encoded_in_the_qr_code(client, live_workshop, facilitator, settings):
    settings.JOIN_BASE_URL = "http://192.168.1.20:8000/"
    client.force_login(facilitator)
    expected = "http://192.168.1.20:8000/w/join/?code=QN2012"
    for page in ("workshops:control", "workshops:projector"):
        assert expected in client.get(reverse(page, args=[live_workshop.pk])).content.decode()
    assert client.get(reverse("workshops:join_qr", args=[live_workshop.pk])).content == qr_of(expected)
