"""Voting's own French where another app uses the same English word, and plurals that agree with their number."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.voting.factories import make_ballot, option_ids
from voting import services

pytestmark = pytest.mark.django_db


def test_the_ballots_page_is_titled_scrutins_not_votes(client, live_workshop, facilitator):
    client.force_login(facilitator)
    html = client.get(reverse("voting:ballots", kwargs={"workshop_pk": live_workshop.pk})).content.decode()
    assert "<h1>Scrutins</h1>" in html and "<title>Scrutins ·" in html


def test_the_submit_button_reads_voter(client, live_workshop, participant_factory, join_as):
    make_ballot(live_workshop, "approval")
    join_as(client, participant_factory(workshop=live_workshop))
    html = client.get(reverse("voting:cast", kwargs={"code": live_workshop.join_code})).content.decode()
    assert 'type="submit">Voter</button>' in html and "<h1>Voter</h1>" in html


def test_the_submit_button_reads_vote_in_english(english, live_workshop, participant_factory, join_as):
    make_ballot(live_workshop, "approval")
    join_as(english, participant_factory(workshop=live_workshop))
    html = english.get(reverse("voting:cast", kwargs={"code": live_workshop.join_code})).content.decode()
    assert 'type="submit">Vote</button>' in html


@pytest.mark.parametrize(("count", "text"), [(1, "retient 1 scénario</p>"), (2, "retient 2 scénarios</p>")])
def test_the_retained_count_agrees_with_its_number(client, live_workshop, facilitator, scenario_factory, count, text):
    for title in ["Posséder, c'est dépassé", "La fin du salariat", "Tous fabricants"]:
        scenario_factory(edition=live_workshop.edition, title=title)
    ballot = make_ballot(live_workshop, "approval", options=services.options_from_scenarios(workshop=live_workshop), retain_count=count)
    client.force_login(facilitator)
    html = client.get(reverse("voting:ballot", kwargs={"workshop_pk": live_workshop.pk, "ballot_pk": ballot.pk})).content.decode()
    assert text in html


def test_a_tie_asks_for_one_option_in_the_singular(client, live_workshop, facilitator, scenario_factory, participant_factory):
    for title in ["Posséder, c'est dépassé", "La fin du salariat", "Tous fabricants"]:
        scenario_factory(edition=live_workshop.edition, title=title)
    ballot = make_ballot(live_workshop, "approval", options=services.options_from_scenarios(workshop=live_workshop), retain_count=1)
    a, b, c = option_ids(ballot)
    services.vote_cast(participant=participant_factory(workshop=live_workshop), ballot_id=ballot.pk, choices=[a])
    services.vote_cast(participant=participant_factory(workshop=live_workshop), ballot_id=ballot.pk, choices=[b])
    ballot = services.ballot_close(ballot=ballot)
    assert ballot.outcome_pending
    client.force_login(facilitator)
    html = client.get(reverse("voting:ballot", kwargs={"workshop_pk": live_workshop.pk, "ballot_pk": ballot.pk})).content.decode()
    assert "choisissez 1 option à retenir." in html
    with pytest.raises(ValidationError, match="Choisissez exactement 1 option parmi celles à égalité."):
        services.ballot_settle_tie(ballot=ballot, option_ids=[a, b])
