import pytest
from django.test import Client
from django.urls import reverse

from workshops import services
from workshops.models import Contribution, PlusOne

pytestmark = pytest.mark.django_db


@pytest.fixture
def daniel(live_workshop, participant_factory):
    return participant_factory(workshop=live_workshop, display_name="Daniel")


@pytest.fixture
def api(client, join_as, daniel):
    return join_as(client, daniel)


@pytest.fixture
def section(live_workshop):
    return live_workshop.phases.get(position=1).canvas.sections.get(position=1)


def url(name, *args):
    return reverse(f"workshops:{name}", args=["QN2012", *args])


def test_the_board_lists_the_open_phase_and_the_tables_postits(api, daniel, contribution_factory, participant_factory, live_workshop):
    contribution_factory(participant=participant_factory(workshop=live_workshop), text="Un signe")
    body = api.get(url("api_board")).json()
    assert body["phase"]["name"] == "Développer le scénario"
    assert body["table"] == "Table 1"
    assert [s["title"] for s in body["sections"]] == ["Signes avant-coureurs", "Repérer les opportunités"]
    assert body["sections"][0]["contributions"][0]["text"] == "Un signe"


def test_posting_a_postit_answers_201_with_it(api, section):
    response = api.post(url("api_contributions"), {"section": section.pk, "text": "Via l'API"}, content_type="application/json")
    assert response.status_code == 201
    assert response.json()["text"] == "Via l'API"
    assert Contribution.objects.get().text == "Via l'API"


@pytest.mark.parametrize(
    "payload",
    [
        {"section": 0, "text": "x"},
        {"section": "abc", "text": "x"},
        {"text": "x"},
        {"section": 1, "text": ""},
        {"section": 1, "text": "x" * 501},
        ["not", "an", "object"],
    ],
)
def test_bad_postits_answer_422_with_a_json_message_and_write_nothing(api, section, payload):
    if isinstance(payload, dict) and payload.get("section") == 1:
        payload["section"] = section.pk
    response = api.post(url("api_contributions"), payload, content_type="application/json")
    assert response.status_code == 422
    assert response.json()
    assert Contribution.objects.count() == 0


def test_posting_after_the_phase_closed_answers_422(api, section, live_workshop):
    services.phase_close(phase=live_workshop.phases.get(position=1))
    response = api.post(url("api_contributions"), {"section": section.pk, "text": "Trop tard"}, content_type="application/json")
    assert response.status_code == 422
    assert "detail" in response.json()
    assert Contribution.objects.count() == 0


def test_a_second_plus_one_answers_409(api, contribution_factory, participant_factory, live_workshop):
    postit = contribution_factory(participant=participant_factory(workshop=live_workshop))
    assert api.post(url("api_plus_one", postit.pk)).json()["plus_ones"] == 1
    second = api.post(url("api_plus_one", postit.pk))
    assert second.status_code == 409 and second.json()["detail"]
    assert PlusOne.objects.count() == 1


def test_a_browser_that_has_not_joined_gets_403(live_workshop, section):
    response = Client().post(url("api_contributions"), {"section": section.pk, "text": "x"}, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["detail"]


def test_an_unknown_workshop_answers_as_one_not_joined(api):
    """A wrong code and a real one this browser has not joined answer alike (no oracle for guessers)."""
    assert api.get(reverse("workshops:api_board", args=["NOPE99"])).status_code == 403


def test_the_api_checks_csrf_even_without_an_account(join_as, daniel, section):
    client = join_as(Client(enforce_csrf_checks=True), daniel)
    response = client.post(url("api_contributions"), {"section": section.pk, "text": "x"}, content_type="application/json")
    assert response.status_code == 403
    assert Contribution.objects.count() == 0
