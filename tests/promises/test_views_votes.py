"""The votes' pages: the facilitator starts and closes the keyword vote on the wall's page."""

import pytest
from django.urls import reverse

from promises import services
from promises.models import Keyword, PromiseBallot
from tests import factories
from voting import services as voting_services
from voting.models import Ballot, BallotPaper
from workshops import services as workshop_services
from workshops.models import Activity, Workshop

WORDS = ["Bien commun", "Résilience", "Frugalité", "Sobriété"]


@pytest.fixture
def wall(room):
    room.open(Activity.KEYWORDS)
    people = [room.scribe, room.daniel, room.omar]
    for n, word in enumerate(WORDS):
        services.keyword_add(workshop=room.workshop, participant=people[n % 3], text=word)
    return room


def _vote_url(room):
    return reverse("promises:keywords_vote", args=[room.workshop.pk])


def _wall_url(room):
    return reverse("promises:keywords", args=[room.workshop.pk])


def test_the_facilitator_starts_the_vote_the_room_votes_and_closing_keeps_the_winners(client, join_as, wall, django_assert_max_num_queries):
    client.force_login(wall.facilitator)
    assert client.post(_vote_url(wall), {"action": "start", "method": "approval", "keep": "2"}).status_code == 302
    ballot = Ballot.objects.get()
    with django_assert_max_num_queries(25):
        page = client.get(_wall_url(wall)).content.decode()
    assert reverse("voting:ballot", args=[wall.workshop.pk, ballot.pk]) in page
    join_as(client, wall.daniel)
    panel = client.get(reverse("workshops:canvas", args=[wall.workshop.join_code])).content.decode()
    assert reverse("voting:cast", args=[wall.workshop.join_code]) + f"#ballot-{ballot.pk}" in panel
    ids = {o.label: o.pk for o in ballot.options.all()}
    voting_services.vote_cast(participant=wall.daniel, ballot_id=ballot.pk, choices=[ids["Sobriété"], ids["Frugalité"]])
    client.force_login(wall.facilitator)
    assert client.post(_vote_url(wall), {"action": "close", "ballot": ballot.pk}).status_code == 302
    assert set(Keyword.objects.filter(kept=True).values_list("label", flat=True)) == {"Sobriété", "Frugalité"}
    page = client.get(_wall_url(wall)).content.decode()
    assert page.count('class="badge kept"') == 2


def test_a_bad_keep_count_is_a_form_error_and_no_ballot(client, wall):
    client.force_login(wall.facilitator)
    response = client.post(_vote_url(wall), {"action": "start", "method": "approval", "keep": "40"})
    assert response.status_code == 422 and 'value="40"' in response.content.decode()
    response = client.post(_vote_url(wall), {"action": "start", "method": "lottery", "keep": "2"})
    assert response.status_code == 422
    assert client.post(_vote_url(wall), {"action": "dance"}).status_code == 422
    assert not Ballot.objects.exists()


def test_keeping_another_workshops_vote_is_a_404(client, wall):
    other = factories.WorkshopFactory(facilitator=wall.facilitator)
    factories.ParticipantFactory(workshop=other)
    client.force_login(wall.facilitator)
    client.post(_vote_url(wall), {"action": "start", "method": "approval", "keep": "2"})
    ballot = Ballot.objects.get()
    response = client.post(reverse("promises:keywords_vote", args=[other.pk]), {"action": "keep", "ballot": ballot.pk})
    assert response.status_code == 404


def test_the_facilitator_keeps_and_drops_a_keyword_by_hand(client, wall):
    keyword = Keyword.objects.get(label="Résilience")
    client.force_login(wall.facilitator)
    assert client.post(_wall_url(wall), {"action": "keep", "keyword": keyword.pk}).status_code == 302
    assert Keyword.objects.get(pk=keyword.pk).kept
    assert client.post(_wall_url(wall), {"action": "unkeep", "keyword": keyword.pk}).status_code == 302
    assert not Keyword.objects.get(pk=keyword.pk).kept


def test_no_vote_starts_in_a_closed_workshop_nor_by_another_facilitator(client, wall):
    client.force_login(factories.FacilitatorFactory(username="bob"))
    assert client.post(_vote_url(wall), {"action": "start", "method": "approval", "keep": "2"}).status_code == 403
    workshop_services.workshop_close(workshop=Workshop.objects.get(pk=wall.workshop.pk))
    client.force_login(wall.facilitator)
    assert client.post(_vote_url(wall), {"action": "start", "method": "approval", "keep": "2"}).status_code == 403
    assert 'name="keep"' not in client.get(_wall_url(wall)).content.decode()
    assert not Ballot.objects.exists() and not PromiseBallot.objects.exists() and not BallotPaper.objects.exists()
