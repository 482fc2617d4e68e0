"""What a participant posts survives Redis and the workers being down; the outputs catch up later."""

import pytest
from django.test import override_settings
from django.urls import reverse
from kombu.exceptions import OperationalError as KombuOperationalError

from workshops import services, tasks
from workshops.models import Contribution, TableOutputLine, WorkshopPhase

pytestmark = pytest.mark.django_db

# django-redis pointed at a port where nothing listens: every cache call fails.
REDIS_DOWN = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
    }
}


@pytest.fixture
def broker_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise KombuOperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(tasks.aggregate_phase, "delay", refuse)


def test_with_redis_down_a_postit_is_saved_and_the_board_still_polls(client, join_as, live_workshop, participant_factory):
    daniel = participant_factory(workshop=live_workshop)
    section = live_workshop.phases.get(position=1).canvas.sections.first()
    with override_settings(CACHES=REDIS_DOWN):
        join_as(client, daniel)
        response = client.post(reverse("workshops:post", args=["QN2012"]), {"section": section.pk, "text": "Malgré la panne"}, HTTP_HX_REQUEST="true")
        assert response.status_code == 200
        page = client.get(reverse("workshops:canvas", args=["QN2012"]))
        assert "Malgré la panne" in page.content.decode()
        poll = client.get(reverse("workshops:canvas_live", args=["QN2012"]) + f"?v={page.context['version']}&t={daniel.table_id}")
        assert poll.status_code == 204
    assert Contribution.objects.get().text == "Malgré la panne"


def test_with_the_broker_down_closing_a_phase_works_and_leaves_its_outputs_pending(client, english, facilitator, live_workshop, participant_factory, contribution_factory, broker_down, django_capture_on_commit_callbacks):
    contribution_factory(participant=participant_factory(workshop=live_workshop), text="Posséder devient ringard")
    phase = live_workshop.phases.get(position=1)
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("workshops:phase_action", args=[live_workshop.pk, phase.pk, "close"]))
    assert response.status_code == 302
    phase.refresh_from_db()
    assert phase.status == "closed" and phase.outputs_pending
    assert "Outputs being built" in client.get(reverse("workshops:control", args=[live_workshop.pk])).content.decode()


def test_the_periodic_catch_up_builds_the_outputs_the_broker_missed(live_workshop, participant_factory, contribution_factory, monkeypatch, django_capture_on_commit_callbacks):
    contribution_factory(participant=participant_factory(workshop=live_workshop), text="Posséder devient ringard")
    phase = live_workshop.phases.get(position=1)
    monkeypatch.setattr(tasks.aggregate_phase, "delay", lambda *a: (_ for _ in ()).throw(KombuOperationalError("down")))
    with django_capture_on_commit_callbacks(execute=True):
        services.phase_close(phase=phase)
    assert TableOutputLine.objects.count() == 0
    monkeypatch.undo()  # the broker is back: tasks run (eagerly here)

    assert tasks.aggregate_pending() == 1
    phase.refresh_from_db()
    assert not phase.outputs_pending
    assert TableOutputLine.objects.get().text == "Posséder devient ringard"
    assert tasks.aggregate_pending() == 0


def test_the_facilitator_rebuilds_the_outputs(client, facilitator, live_workshop, participant_factory, contribution_factory, django_capture_on_commit_callbacks):
    contribution_factory(participant=participant_factory(workshop=live_workshop), text="Posséder devient ringard")
    phase = live_workshop.phases.get(position=1)
    services.phase_close(phase=phase)  # on_commit never runs here: the outputs were not built
    client.force_login(facilitator)
    response = client.post(reverse("workshops:phase_action", args=[live_workshop.pk, phase.pk, "rebuild-outputs"]))
    assert response.status_code == 302
    assert TableOutputLine.objects.get().text == "Posséder devient ringard"


def test_an_open_phase_has_no_outputs_to_rebuild(client, english, facilitator, live_workshop):
    client.force_login(facilitator)
    phase = live_workshop.phases.get(position=1)
    response = client.post(reverse("workshops:phase_action", args=[live_workshop.pk, phase.pk, "rebuild-outputs"]), follow=True)
    assert "Only a closed post-it phase" in response.content.decode()
    assert WorkshopPhase.objects.get(pk=phase.pk).status == "open"
