"""A facilitator removes someone from the room: their words go, their laptop is out for good, the trail says so."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from workshops import services
from workshops.models import AuditEntry, Contribution, Participant, PlusOne

pytestmark = pytest.mark.django_db


@pytest.fixture
def intruder(live_workshop, participant_factory):
    return participant_factory(workshop=live_workshop, display_name="Intrus")


def _url(workshop, participant):
    return reverse("workshops:remove_participant", args=[workshop.pk, participant.pk])


def test_the_facilitator_confirms_then_removes_with_the_postits(client, facilitator, live_workshop, intruder, participant_factory, contribution_factory):
    fan = participant_factory(workshop=live_workshop, table=intruder.table)
    postit = contribution_factory(participant=intruder, text="Du bruit")
    kept = contribution_factory(participant=fan, text="Une vraie idée")
    services.contribution_plus_one(participant=intruder, contribution_id=kept.pk)
    client.force_login(facilitator)

    page = client.get(_url(live_workshop, intruder))
    assert page.status_code == 200 and "Intrus" in page.content.decode()
    assert Participant.objects.filter(pk=intruder.pk).exists()

    response = client.post(_url(live_workshop, intruder), {"confirm": "1"})

    assert response.status_code == 302
    assert not Participant.objects.filter(pk=intruder.pk).exists()
    assert not Contribution.objects.filter(pk=postit.pk).exists()
    assert list(Contribution.objects.values_list("text", flat=True)) == ["Une vraie idée"]
    assert not PlusOne.objects.exists()
    entry = AuditEntry.objects.get(action=AuditEntry.Action.PARTICIPANT_REMOVED)
    assert entry.target_label == "Intrus" and entry.before["postits"] == 1 and entry.actor_name == facilitator.username


def test_the_removed_laptop_is_out_at_its_next_request(client, join_as, facilitator, live_workshop, intruder):
    laptop = join_as(Client(), intruder)
    canvas = reverse("workshops:canvas", args=[live_workshop.join_code])
    assert laptop.get(canvas).status_code == 200

    services.participant_remove(participant=intruder, by=facilitator)

    assert laptop.get(canvas).status_code == 302  # back to the join page
    poll = laptop.get(reverse("workshops:canvas_live", args=[live_workshop.join_code]))
    assert poll.status_code in (403, 404)


def test_the_control_room_links_to_the_removal(client, facilitator, live_workshop, intruder):
    client.force_login(facilitator)
    assert _url(live_workshop, intruder) in client.get(reverse("workshops:control", args=[live_workshop.pk])).content.decode()


@pytest.mark.parametrize("who", ["other_facilitator", "editor", "anonymous"])
def test_only_the_workshops_facilitators_remove(client, live_workshop, intruder, who):
    from tests import factories

    if who == "other_facilitator":
        client.force_login(factories.FacilitatorFactory(username="bob"))
    elif who == "editor":
        client.force_login(factories.EditorFactory(username="eve"))
    response = client.post(_url(live_workshop, intruder), {"confirm": "1"})
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "login" in response["Location"]
    assert Participant.objects.filter(pk=intruder.pk).exists()


def test_nobody_is_removed_from_a_closed_workshop(client, facilitator, live_workshop, intruder):
    services.workshop_close(workshop=live_workshop)
    client.force_login(facilitator)
    assert client.post(_url(live_workshop, intruder), {"confirm": "1"}).status_code == 403
    with pytest.raises(ValidationError):
        services.participant_remove(participant=intruder)
    assert Participant.objects.filter(pk=intruder.pk).exists()


def test_a_second_click_or_a_forged_id_finds_nobody_and_writes_nothing(client, facilitator, live_workshop, intruder, participant_factory):
    elsewhere = participant_factory()
    client.force_login(facilitator)
    client.post(_url(live_workshop, intruder), {"confirm": "1"})
    again = client.post(_url(live_workshop, intruder), {"confirm": "1"})
    forged = client.post(reverse("workshops:remove_participant", args=[live_workshop.pk, elsewhere.pk]), {"confirm": "1"})
    assert again.status_code == forged.status_code == 302
    assert Participant.objects.filter(pk=elsewhere.pk).exists()
    assert AuditEntry.objects.filter(action=AuditEntry.Action.PARTICIPANT_REMOVED).count() == 1
