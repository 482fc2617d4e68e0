"""A facilitator's script reads a workshop's ballots and their results, under the ballots page's rules."""

import pytest
from django.test import Client
from django.urls import reverse

from core import tokens
from voting import services

pytestmark = pytest.mark.django_db


def token_client(user):
    client = Client()
    client.defaults["HTTP_AUTHORIZATION"] = "Bearer " + tokens.token_create(user=user, name="t", scope="read").secret
    return client


@pytest.fixture
def ballot(live_workshop, participant_factory):
    ballot = services.ballot_prepare(workshop=live_workshop, title="Lequel ?", method="approval", source="lines", lines="A\nB")
    services.ballot_open(ballot=ballot)
    a, b = ballot.options.order_by("position")
    for n in range(3):
        voter = participant_factory(workshop=live_workshop)
        services.vote_cast(participant=voter, ballot_id=ballot.pk, choices={str(b.pk): 1} if n else {str(a.pk): 1})
    return ballot


def test_the_ballots_and_their_results_in_bounded_queries(facilitator, live_workshop, ballot, django_assert_max_num_queries):
    client = token_client(facilitator)
    listing = client.get(reverse("voting:api_ballots", args=[live_workshop.pk])).json()
    assert [(b["id"], b["status"]) for b in listing] == [(ballot.pk, "open")]
    with django_assert_max_num_queries(12):
        body = client.get(reverse("voting:api_ballot_results", args=[live_workshop.pk, ballot.pk])).json()
    assert body["papers"] == 3
    assert [(row["label"], row["score"]) for row in body["rows"]] == [("B", 2), ("A", 1)]


def test_another_facilitator_and_an_editor_are_refused_as_on_the_ballots_page(other_facilitator, editor, live_workshop, ballot):
    for user in (other_facilitator, editor):
        client = token_client(user)
        assert client.get(reverse("voting:api_ballots", args=[live_workshop.pk])).status_code == 403
        response = client.get(reverse("voting:api_ballot_results", args=[live_workshop.pk, ballot.pk]))
        assert response.status_code == 403 and response.json()["detail"]


def test_a_ballot_of_another_workshop_is_a_404(facilitator, live_workshop, ballot, workshop_factory):
    other = workshop_factory(facilitator=facilitator)
    response = token_client(facilitator).get(reverse("voting:api_ballot_results", args=[other.pk, ballot.pk]))
    assert response.status_code == 404 and response.json()["detail"]
