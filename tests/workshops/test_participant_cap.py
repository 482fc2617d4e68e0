"""The facilitator's cap on participants: set in the control room, enforced when joining under the
workshop's lock, with a clear message when the workshop is full."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.urls import reverse

from workshops import services
from workshops.models import Participant, Workshop

pytestmark = pytest.mark.django_db


def set_cap(client, workshop, value, **extra):
    return client.post(reverse("workshops:settings", args=[workshop.pk]), {"max_participants": value, **extra})


def test_the_facilitator_sets_and_clears_the_cap_in_the_control_room(client, facilitator, live_workshop):
    client.force_login(facilitator)
    assert 'name="max_participants"' in client.get(reverse("workshops:control", args=[live_workshop.pk])).content.decode()
    assert set_cap(client, live_workshop, "40").status_code == 302
    live_workshop.refresh_from_db()
    assert live_workshop.max_participants == 40
    page = client.get(reverse("workshops:control", args=[live_workshop.pk])).content.decode()
    assert 'name="max_participants" min="1" max="10000" inputmode="numeric" value="40"' in page
    set_cap(client, live_workshop, "")
    live_workshop.refresh_from_db()
    assert live_workshop.max_participants is None


@pytest.mark.parametrize("value", ["0", "-3", "abc", "1e3", "99999999999"])
def test_a_wrong_cap_changes_nothing_and_says_why(client, english, facilitator, live_workshop, value):
    client.force_login(facilitator)
    Workshop.objects.filter(pk=live_workshop.pk).update(max_participants=12)
    response = set_cap(client, live_workshop, value, allow_self_plus_one="1")
    assert response.status_code == 302
    live_workshop.refresh_from_db()
    assert live_workshop.max_participants == 12 and not live_workshop.allow_self_plus_one
    shown = client.get(response["Location"]).content.decode()
    assert "Most participants:" in shown


def test_only_the_workshops_facilitators_set_its_cap(client, other_facilitator, live_workshop):
    client.force_login(other_facilitator)
    assert set_cap(client, live_workshop, "1").status_code in (403, 404)
    live_workshop.refresh_from_db()
    assert live_workshop.max_participants is None


def test_a_full_workshop_refuses_the_next_person_with_a_clear_message(client, english, live_workshop, participant_factory):
    Workshop.objects.filter(pk=live_workshop.pk).update(max_participants=2)
    participant_factory(workshop=live_workshop)
    assert client.post(reverse("workshops:join_workshop", args=["QN2012"]), {"display_name": "Deuxième", "table": ""}).status_code == 302
    late = Client()
    late.cookies["django_language"] = "en"
    response = late.post(reverse("workshops:join_workshop", args=["QN2012"]), {"display_name": "Troisième", "table": ""})
    assert response.status_code == 422
    assert "This workshop is full (2 participants): ask the facilitator to make room." in response.content.decode()
    assert Participant.objects.filter(workshop=live_workshop).count() == 2


def test_a_cap_below_the_room_removes_nobody(live_workshop, participant_factory):
    people = [participant_factory(workshop=live_workshop) for _ in range(3)]
    services.workshop_update_settings(workshop=live_workshop, allow_self_plus_one=False, max_participants=1)
    assert Participant.objects.filter(pk__in=[p.pk for p in people]).count() == 3
    with pytest.raises(ValidationError):
        services.participant_join(workshop=live_workshop, display_name="Nouvelle", table_id=None)


def test_settings_without_a_cap_leave_it_as_it_is(live_workshop):
    Workshop.objects.filter(pk=live_workshop.pk).update(max_participants=5)
    services.workshop_update_settings(workshop=live_workshop, allow_self_plus_one=True)
    live_workshop.refresh_from_db()
    assert live_workshop.max_participants == 5


@pytest.mark.django_db(transaction=True)
def test_the_last_place_goes_to_one_of_four_laptops_joining_at_once(live_workshop, participant_factory):
    Workshop.objects.filter(pk=live_workshop.pk).update(max_participants=3)
    participant_factory(workshop=live_workshop)
    participant_factory(workshop=live_workshop)
    barrier = threading.Barrier(4)
    outcomes = []

    def join(n):
        try:
            barrier.wait()
            outcomes.append(services.participant_join(workshop=live_workshop, display_name=f"Laptop {n}", table_id=None))
        except ValidationError as error:
            outcomes.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=join, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(isinstance(o, Participant) for o in outcomes) == 1
    assert Participant.objects.filter(workshop=live_workshop).count() == 3
