"""A vote sent again with its Idempotency-Key (the answer was lost on the venue's Wi-Fi) counts once."""

import json
import uuid

import pytest
from django.urls import reverse

from tests.voting.factories import make_ballot, option_ids
from voting.models import Allocation, BallotPaper
from workshops.models import WriteReceipt

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice(live_workshop, participant_factory):
    return participant_factory(workshop=live_workshop, display_name="Alice")


def test_a_retried_htmx_vote_gets_the_first_answer_not_a_conflict(client, live_workshop, alice, join_as):
    ballot = make_ballot(live_workshop, "approval")
    a = option_ids(ballot)[0]
    join_as(client, alice)
    url = reverse("voting:vote", kwargs={"code": live_workshop.join_code, "ballot_pk": ballot.pk})
    headers = {"HX-Request": "true", "Idempotency-Key": str(uuid.uuid4())}
    # Without the key the second would be a stale revision (409): with it, it is the same write.
    answers = [client.post(url, {"choice": a, "revision": "0"}, headers=headers) for _ in range(2)]
    assert [r.status_code for r in answers] == [200, 200]
    assert answers[0].content == answers[1].content
    assert BallotPaper.objects.get().revision == 1
    assert Allocation.objects.count() == 1


def test_a_retried_api_vote_is_answered_alike_and_another_body_is_refused(client, live_workshop, alice, join_as):
    ballot = make_ballot(live_workshop, "approval")
    a, b = option_ids(ballot)[:2]
    join_as(client, alice)
    url = reverse("voting:api_vote", kwargs={"code": live_workshop.join_code, "ballot_pk": ballot.pk})
    key = {"Idempotency-Key": str(uuid.uuid4())}
    body = json.dumps({"choices": [a], "revision": 0})
    first = client.post(url, body, content_type="application/json", headers=key)
    again = client.post(url, body, content_type="application/json", headers=key)
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()
    other = client.post(url, json.dumps({"choices": [b], "revision": 1}), content_type="application/json", headers=key)
    assert other.status_code == 409 and other.json()["detail"]
    assert BallotPaper.objects.get().revision == 1
    assert list(Allocation.objects.values_list("option_id", flat=True)) == [a]
    assert WriteReceipt.objects.count() == 1
