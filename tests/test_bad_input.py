"""Absurd input answers a clear 4xx, never a 500; under /api/ the answer is JSON."""

import pytest
from django.test import Client
from django.urls import reverse

from workshops.models import Contribution

pytestmark = pytest.mark.django_db

NESTED = "[" * 3000


@pytest.fixture
def participant_client(join_as, live_workshop, participant_factory):
    return join_as(Client(raise_request_exception=False), participant_factory(workshop=live_workshop))


@pytest.mark.parametrize(
    "path", ["/w/%00/", "/w/QN%002012/", "/w/%00/join/", "/w/%00/live/", "/w/%00/vote/", "/w/%00/scribe/", "/w/QN2012%00/"]
)
def test_a_nul_byte_in_a_join_code_is_a_404_page(participant_client, path):
    response = participant_client.get(path)
    assert response.status_code == 404
    assert response.templates[0].name == "404.html"


@pytest.mark.parametrize("path", ["/api/w/%00/board/", "/api/w/%00/contributions/", "/api/w/%00/ballots/1/vote/"])
def test_a_nul_byte_in_an_api_join_code_is_a_json_404(participant_client, path):
    response = participant_client.post(path, "{}", content_type="application/json")
    assert response.status_code == 404
    assert response.json()["detail"]


@pytest.mark.parametrize("code", ["qn2012", "QN2012"])
def test_a_join_code_typed_in_either_case_still_opens_the_workshop(participant_client, code):
    assert participant_client.get(f"/w/{code}/").status_code == 200


def test_a_nul_byte_typed_as_a_code_in_the_join_form_is_a_form_error(client):
    response = client.post(reverse("workshops:join"), {"code": "QN\x002012"})
    assert response.status_code == 422
    assert response.context["form"].errors["code"]


def test_a_nul_byte_in_a_postit_is_refused_and_nothing_is_written(participant_client, live_workshop):
    section = live_workshop.phases.get(position=1).canvas.sections.first()
    response = participant_client.post(
        reverse("workshops:api_contributions", args=["QN2012"]), {"section": section.pk, "text": "a\x00b"}, content_type="application/json"
    )
    assert response.status_code == 422 and response.json()["text"]
    assert not Contribution.objects.exists()


@pytest.mark.parametrize("path", ["/api/w/QN2012/contributions/", "/api/w/QN2012/ballots/{ballot}/vote/"])
def test_deeply_nested_json_is_a_json_400(participant_client, live_workshop, path):
    from tests.voting.factories import make_ballot

    path = path.format(ballot=make_ballot(live_workshop).pk)
    participant_client.cookies["django_language"] = "en"
    response = participant_client.post(path, NESTED, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"detail": "The JSON body is nested too deeply."}
    assert not Contribution.objects.exists()


def test_malformed_json_is_a_json_400_in_the_visitors_language(participant_client):
    participant_client.cookies["django_language"] = "en"
    response = participant_client.post("/api/w/QN2012/contributions/", "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"].startswith("The body is not valid JSON (Expecting property name")
