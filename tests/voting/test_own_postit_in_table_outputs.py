"""No vote for one's own post-it also covers table-output lines built from it (service, page and API)."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from tests.voting.factories import make_ballot
from voting import services
from voting.models import Allocation, BallotPaper
from workshops.models import TableOutput, TableOutputLine
from workshops.services import phase_close

pytestmark = pytest.mark.django_db

OWN = "Vous ne pouvez pas voter pour votre propre post-it dans ce scrutin."


@pytest.fixture
def alice(live_workshop, participant_factory):
    return participant_factory(workshop=live_workshop, display_name="Alice")


@pytest.fixture
def bob(live_workshop, participant_factory):
    return participant_factory(workshop=live_workshop, display_name="Bob")


@pytest.fixture
def lines(live_workshop, alice, bob, contribution_factory):
    """Two lines of table 1's output: one aggregates a post-it of Alice's and one of Bob's, the other Bob's alone."""
    mine = contribution_factory(participant=alice, text="Plus personne ne passe le permis")
    theirs = contribution_factory(participant=bob, text="Le permis ne fait plus rêver")
    other = contribution_factory(participant=bob, text="Tout se loue")
    phase = live_workshop.phases.order_by("position").first()
    phase_close(phase=phase)
    output = TableOutput.objects.create(
        phase=phase, table=live_workshop.tables.order_by("number").first(), section=phase.canvas.sections.order_by("position").first()
    )
    shared = TableOutputLine.objects.create(output=output, position=1, text="Les jeunes ne passent plus le permis")
    shared.sources.set([mine, theirs])
    bobs = TableOutputLine.objects.create(output=output, position=2, text="Tout se loue")
    bobs.sources.set([other])
    return {"shared": shared, "bobs": bobs}


@pytest.fixture
def ballot(live_workshop, lines):
    return make_ballot(live_workshop, "approval", options=services.options_from_table_outputs(workshop=live_workshop), forbid_own=True)


def option_of(ballot, line):
    return ballot.options.get(output_line=line).pk


def nothing_written():
    return not BallotPaper.objects.exists() and not Allocation.objects.exists()


def test_a_line_built_from_ones_own_postit_is_refused_and_nothing_is_written(alice, ballot, lines):
    with pytest.raises(ValidationError, match=OWN):
        services.vote_cast(participant=alice, ballot_id=ballot.pk, choices=[option_of(ballot, lines["shared"]), option_of(ballot, lines["bobs"])])
    assert nothing_written()
    services.vote_cast(participant=alice, ballot_id=ballot.pk, choices=[option_of(ballot, lines["bobs"])])
    assert Allocation.objects.get().option_id == option_of(ballot, lines["bobs"])


def test_another_contributor_to_the_line_is_refused_too_and_others_may_vote(bob, participant_factory, live_workshop, ballot, lines):
    with pytest.raises(ValidationError, match=OWN):
        services.vote_cast(participant=bob, ballot_id=ballot.pk, choices=[option_of(ballot, lines["bobs"])])
    chloe = participant_factory(workshop=live_workshop, display_name="Chloé")
    services.vote_cast(participant=chloe, ballot_id=ballot.pk, choices=[option_of(ballot, lines["shared"])])


def test_a_line_of_ones_own_postit_is_allowed_when_the_ballot_allows_it(live_workshop, alice, lines):
    allowed = make_ballot(live_workshop, "approval", options=services.options_from_table_outputs(workshop=live_workshop), forbid_own=False)
    services.vote_cast(participant=alice, ballot_id=allowed.pk, choices=[option_of(allowed, lines["shared"])])
    assert BallotPaper.objects.filter(ballot=allowed).exists()


def test_the_page_marks_the_line_as_ones_own_and_refuses_it_with_the_message(client, live_workshop, alice, join_as, ballot, lines):
    join_as(client, alice)
    html = client.get(reverse("voting:cast", kwargs={"code": live_workshop.join_code})).content.decode()
    mine = option_of(ballot, lines["shared"])
    assert f'value="{mine}" disabled' in html and "issu de votre post-it" in html
    assert f'value="{option_of(ballot, lines["bobs"])}">' in html  # Bob's line stays open to Alice

    url = reverse("voting:vote", kwargs={"code": live_workshop.join_code, "ballot_pk": ballot.pk})
    response = client.post(url, {"choice": mine, "revision": "0"}, headers={"HX-Request": "true"})
    assert response.status_code == 422 and OWN in response.content.decode()
    assert nothing_written()


def test_the_api_refuses_the_line_with_the_message(live_workshop, alice, join_as, ballot, lines):
    client = Client()
    join_as(client, alice)
    url = reverse("voting:api_vote", kwargs={"code": live_workshop.join_code, "ballot_pk": ballot.pk})
    response = client.post(url, json.dumps({"choices": [option_of(ballot, lines["shared"])]}), content_type="application/json")
    assert response.status_code == 422 and OWN in json.dumps(response.json(), ensure_ascii=False)
    assert nothing_written()
