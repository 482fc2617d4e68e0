"""A participant is remembered by their session's data, not by a session key that changes under them."""

import pytest
from django.urls import reverse

from workshops.models import Participant

pytestmark = pytest.mark.django_db


def test_a_participant_who_then_logs_in_on_the_same_browser_is_still_the_same_participant(client, live_workshop, facilitator):
    response = client.post(reverse("workshops:join_workshop", args=["QN2012"]), {"display_name": "Daniel", "table": ""})
    assert response.status_code == 302
    key_after_joining = client.session.session_key
    # Logging in cycles the session key (as joining did): the participant must survive it.
    client.force_login(facilitator)
    assert client.session.session_key != key_after_joining
    page = client.get(reverse("workshops:canvas", args=["QN2012"]))
    assert page.status_code == 200
    assert page.context["participant"] == Participant.objects.get(display_name="Daniel")
