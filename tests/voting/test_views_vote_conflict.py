"""A vote sent from a stale page (another tab voted since): the 409 shows both papers and applies mine in one click."""

import re

import pytest
from django.urls import reverse

from tests.voting.factories import make_ballot, option_ids
from voting import services
from voting.models import Allocation, BallotPaper

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice(live_workshop, participant_factory):
    return participant_factory(workshop=live_workshop, display_name="Alice")


def vote_url(workshop, ballot):
    return reverse("voting:vote", kwargs={"code": workshop.join_code, "ballot_pk": ballot.pk})


def stored(ballot):
    return {a.option_id: a.value for a in Allocation.objects.filter(paper__ballot=ballot)}


def test_a_stale_vote_answers_409_with_the_stored_vote_and_mine_in_the_form(english, client, live_workshop, alice, join_as):
    ballot = make_ballot(live_workshop, "approval", labels=["Tout se loue", "La fin du salariat", "Les robots au travail"])
    a, b, c = option_ids(ballot)
    services.vote_cast(participant=alice, ballot_id=ballot.pk, choices=[a], revision=0)  # the other tab
    join_as(client, alice)

    response = client.post(vote_url(live_workshop, ballot), {"choice": [b, c], "revision": "0"}, headers={"HX-Request": "true"})

    assert response.status_code == 409
    html = response.content.decode()
    assert "vote-conflict" in html
    assert re.search(r'<ul class="vote-stored"><li>Tout se loue</li></ul>', html)
    # The form holds what I tried, at the stored revision, so that sending it again applies it.
    assert re.search(rf'value="{b}" checked', html) and re.search(rf'value="{c}" checked', html)
    assert not re.search(rf'value="{a}" checked', html)
    assert 'name="revision" value="1"' in html
    assert "Apply my vote" in html and "Keep the stored vote" in html
    assert stored(ballot) == {a: 1}


def test_applying_mine_after_a_conflict_replaces_the_stored_vote(english, client, live_workshop, alice, join_as):
    ballot = make_ballot(live_workshop, "dots", budget=5, max_per_option=3)
    a, b, c = option_ids(ballot)
    services.vote_cast(participant=alice, ballot_id=ballot.pk, choices={a: 3}, revision=0)
    join_as(client, alice)
    mine = {f"o{b}": "2", f"o{c}": "2"}

    conflict = client.post(vote_url(live_workshop, ballot), {**mine, "revision": "0"}, headers={"HX-Request": "true"})
    assert conflict.status_code == 409
    assert "3 dots" in conflict.content.decode()  # the stored paper, as the person reads it
    revision = re.search(r'name="revision" value="(\d+)"', conflict.content.decode()).group(1)

    applied = client.post(vote_url(live_workshop, ballot), {**mine, "revision": revision}, headers={"HX-Request": "true"})

    assert applied.status_code == 200 and "vote-saved" in applied.content.decode()
    assert stored(ballot) == {b: 2, c: 2}
    assert BallotPaper.objects.get().revision == 2


@pytest.mark.parametrize(
    ("method", "settings", "mine", "theirs", "shown"),
    [
        ("yesno", {}, lambda a, b: {f"o{a}": "0"}, lambda a, b: {a: 1}, "Tout se loue — Yes"),
        ("ranking", {}, lambda a, b: {f"o{b}": "1"}, lambda a, b: {a: 1}, "Tout se loue — choice 1"),
    ],
)
def test_the_stored_vote_is_shown_in_the_words_of_its_method(english, client, live_workshop, alice, join_as, method, settings, mine, theirs, shown):
    ballot = make_ballot(live_workshop, method, labels=["Tout se loue", "La fin du salariat", "Les robots au travail"], **settings)
    a, b, _c = option_ids(ballot)
    services.vote_cast(participant=alice, ballot_id=ballot.pk, choices=theirs(a, b), revision=0)
    join_as(client, alice)
    response = client.post(vote_url(live_workshop, ballot), {**mine(a, b), "revision": "0"}, headers={"HX-Request": "true"})
    assert response.status_code == 409
    assert shown in response.content.decode()


def test_a_conflict_without_htmx_shows_the_page_with_both(client, live_workshop, alice, join_as):
    ballot = make_ballot(live_workshop, "approval", labels=["Tout se loue", "La fin du salariat", "Les robots au travail"])
    a, b, _c = option_ids(ballot)
    services.vote_cast(participant=alice, ballot_id=ballot.pk, choices=[a], revision=0)
    join_as(client, alice)
    response = client.post(vote_url(live_workshop, ballot), {"choice": [b], "revision": "0"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "vote-conflict" in html and "<h1>" in html


def test_the_vote_page_and_its_cards_are_never_cached(client, live_workshop, alice, join_as):
    ballot = make_ballot(live_workshop, "approval")
    join_as(client, alice)
    page = client.get(reverse("voting:cast", kwargs={"code": live_workshop.join_code}))
    card = client.get(vote_url(live_workshop, ballot), headers={"HX-Request": "true"})
    for response in (page, card):
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
