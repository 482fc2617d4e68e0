"""Turnout counts the people in the room when the ballot opened (and anyone who voted since), not latecomers."""

import pytest
from django.utils import timezone

from tests.voting.factories import make_ballot, option_ids
from voting import services
from voting.selectors import ballot_tally
from workshops.models import Participant

pytestmark = pytest.mark.django_db


def test_people_who_join_after_the_ballot_closed_do_not_count(live_workshop, participant_factory):
    present = [participant_factory(workshop=live_workshop) for _ in range(3)]
    ballot = make_ballot(live_workshop, "approval")
    for person in present[:2]:
        services.vote_cast(participant=person, ballot_id=ballot.pk, choices=option_ids(ballot)[:1])
    ballot = services.ballot_close(ballot=ballot)

    for _ in range(8):
        participant_factory(workshop=live_workshop)

    tally = ballot_tally(ballot=ballot)
    assert (tally.papers, tally.eligible) == (2, 3)


def test_a_latecomer_counts_once_they_vote_and_not_before(live_workshop, participant_factory):
    present = participant_factory(workshop=live_workshop)
    ballot = make_ballot(live_workshop, "approval")
    latecomer = participant_factory(workshop=live_workshop)
    assert ballot_tally(ballot=ballot).eligible == 1

    services.vote_cast(participant=latecomer, ballot_id=ballot.pk, choices=option_ids(ballot)[:1])

    tally = ballot_tally(ballot=ballot)
    assert (tally.papers, tally.eligible) == (1, 2)
    assert present.pk != latecomer.pk


def test_a_draft_ballot_counts_everyone_in_the_room(live_workshop, participant_factory):
    for _ in range(2):
        participant_factory(workshop=live_workshop)
    ballot = make_ballot(live_workshop, "approval", open=False)
    assert ballot_tally(ballot=ballot).eligible == Participant.objects.filter(workshop=live_workshop).count() == 2


def test_the_ballot_page_shows_the_turnout_of_those_present(client, facilitator, live_workshop, participant_factory):
    from django.urls import reverse

    present = [participant_factory(workshop=live_workshop) for _ in range(4)]
    ballot = make_ballot(live_workshop, "approval")
    services.vote_cast(participant=present[0], ballot_id=ballot.pk, choices=option_ids(ballot)[:1])
    services.ballot_close(ballot=ballot)
    Participant.objects.bulk_create(
        Participant(workshop=live_workshop, display_name=f"Retard {n}", joined_at=timezone.now()) for n in range(5)
    )
    client.force_login(facilitator)

    html = client.get(reverse("voting:ballot", args=[live_workshop.pk, ballot.pk])).content.decode()

    assert 'data-turnout="1">1</strong> / 4 ' in html
