"""The facilitators' and editors' read API reads what their pages read, under the same rules, in bounded queries."""

import pytest
from django.test import Client
from django.urls import reverse

from core import tokens
from workshops import services
from workshops.models import WorkshopPhase

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice_api(facilitator):
    client = Client()
    client.defaults["HTTP_AUTHORIZATION"] = "Bearer " + tokens.token_create(user=facilitator, name="t", scope="read").secret
    return client


def test_the_workshop_list_is_the_dashboards(alice_api, live_workshop, other_facilitator, workshop_factory):
    workshop_factory(facilitator=other_facilitator)
    body = alice_api.get(reverse("workshops:api_workshops")).json()
    assert [w["join_code"] for w in body] == ["QN2012"]


def test_a_workshop_lists_its_phases_and_tables_in_bounded_queries(alice_api, live_workshop, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        body = alice_api.get(reverse("workshops:api_workshop", args=[live_workshop.pk])).json()
    assert [p["position"] for p in body["phases"]] == sorted(p["position"] for p in body["phases"])
    assert [t["label"] for t in body["tables"]] == ["Table 1", "Table 2"]


def test_the_phase_board_lists_every_tables_visible_postits_in_bounded_queries(
    alice_api, live_workshop, participant_factory, contribution_factory, django_assert_max_num_queries
):
    for n in range(5):
        contribution_factory(participant=participant_factory(workshop=live_workshop), text=f"Idée {n}")
    phase = live_workshop.phases.get(status=WorkshopPhase.Status.OPEN)
    with django_assert_max_num_queries(9):
        body = alice_api.get(reverse("workshops:api_phase_contributions", args=[live_workshop.pk, phase.pk])).json()
    assert sorted(c["text"] for table in body for c in table["contributions"]) == [f"Idée {n}" for n in range(5)]


def test_a_phase_of_another_workshop_is_a_404(alice_api, live_workshop, workshop_factory, facilitator):
    other = workshop_factory(facilitator=facilitator)
    phase = other.phases.first()
    response = alice_api.get(reverse("workshops:api_phase_contributions", args=[live_workshop.pk, phase.pk]))
    assert response.status_code == 404 and response.json()["detail"]
    assert alice_api.get(reverse("workshops:api_workshop", args=[999999])).status_code == 404


def test_the_results_list_closed_phases_outputs_for_the_facilitator_and_an_editor(
    alice_api, live_workshop, editor, participant_factory, contribution_factory, django_assert_max_num_queries
):
    contribution_factory(participant=participant_factory(workshop=live_workshop), text="Un signe")
    phase = live_workshop.phases.get(status=WorkshopPhase.Status.OPEN)
    phase = services.phase_close(phase=phase)
    services.phase_rebuild_outputs(phase=phase)
    with django_assert_max_num_queries(12):
        body = alice_api.get(reverse("workshops:api_workshop_results", args=[live_workshop.pk])).json()
    assert body[0]["phase"]["id"] == phase.pk
    lines = [line["text"] for table in body[0]["tables"] for output in table["outputs"] for line in output["lines"]]
    assert "Un signe" in lines
    editor_client = Client()
    editor_client.defaults["HTTP_AUTHORIZATION"] = "Bearer " + tokens.token_create(user=editor, name="t", scope="read").secret
    assert editor_client.get(reverse("workshops:api_workshop_results", args=[live_workshop.pk])).status_code == 200
    # The editor does not run the workshop: its control room's data stays closed to them, as the page does.
    assert editor_client.get(reverse("workshops:api_workshop", args=[live_workshop.pk])).status_code == 403
