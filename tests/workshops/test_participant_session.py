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


def test_a_removed_participant_s_laptop_loses_the_workshop_for_good(client, live_workshop, participant_factory, join_as):
    from workshops.live import workshop_bump_version

    daniel = participant_factory(workshop=live_workshop)
    join_as(client, daniel)
    version = client.get(reverse("workshops:canvas", args=["QN2012"])).context["version"]
    poll = reverse("workshops:canvas_live", args=["QN2012"]) + f"?v={version}&t={daniel.table_id}"
    assert client.get(poll).status_code == 204

    # A removal deletes the row and bumps the stage, as any change of the room's seats does.
    daniel.delete()
    workshop_bump_version(workshop_id=live_workshop.pk, stage=True)

    # Refused (a browser that is no participant gets the answer a wrong code gets: no oracle).
    assert client.get(poll).status_code in (403, 404)
    assert str(live_workshop.pk) not in client.session.get("agora_participants", {})
    # The version it knew comes back (or is served stale by a cache): the session alone refuses now.
    assert client.get(poll).status_code == 404
    assert client.get(reverse("workshops:canvas", args=["QN2012"])).status_code == 302  # to the join page
    assert client.get(reverse("voting:cast_live", args=["QN2012"]) + "?v=0").status_code == 404
