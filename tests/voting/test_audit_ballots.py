"""A ballot's acts in the workshop's audit trail: opened, closed (with what it retained), results
revealed and hidden again, a tie settled; each naming the facilitator, through the ballots page too."""

import pytest
from django.urls import reverse

from tests.voting.factories import make_ballot, option_ids
from voting import services
from workshops.models import AuditEntry

pytestmark = pytest.mark.django_db

Action = AuditEntry.Action


def trail(workshop):
    return [(e.action, e.actor_name, e.before, e.after) for e in AuditEntry.objects.filter(workshop=workshop, target_type="ballot").order_by("at", "pk")]


def test_opening_revealing_hiding_and_closing_a_ballot_are_recorded(live_workshop, facilitator):
    ballot = make_ballot(live_workshop, "dots", open=False)
    services.ballot_open(ballot=ballot, by=facilitator)
    services.ballot_reveal(ballot=ballot, by=facilitator)
    services.ballot_reveal(ballot=ballot, by=facilitator)  # already shown: nothing to record
    services.ballot_reveal(ballot=ballot, revealed=False, by=facilitator)
    services.ballot_close(ballot=ballot, by=facilitator)

    assert trail(live_workshop) == [
        (Action.BALLOT_OPENED, "alice", {"status": "draft"}, {"status": "open"}),
        (Action.BALLOT_REVEALED, "alice", {"revealed": False}, {"revealed": True}),
        (Action.BALLOT_HIDDEN, "alice", {"revealed": True}, {"revealed": False}),
        (Action.BALLOT_CLOSED, "alice", {"status": "open"}, {"status": "closed", "retained": []}),
    ]
    entry = AuditEntry.objects.filter(action=Action.BALLOT_CLOSED).get()
    assert (entry.target_id, entry.target_label) == (ballot.pk, ballot.title)


def test_closing_names_what_it_retained_and_settling_a_tie_what_it_added(live_workshop, facilitator, participant_factory, scenario_factory):
    for n in range(4):
        scenario_factory(edition=live_workshop.edition, title=f"Scénario {n}")
    ballot = make_ballot(
        live_workshop, "approval", options=services.options_from_scenarios(workshop=live_workshop), retain_count=2, max_choices=2
    )
    a, b, c, _d = option_ids(ballot)
    for picks in ([a, b], [a, c]):
        services.vote_cast(participant=participant_factory(workshop=live_workshop), ballot_id=ballot.pk, choices=picks)
    services.ballot_close(ballot=ballot, by=facilitator)
    services.ballot_settle_tie(ballot=ballot, option_ids=[c], by=facilitator)

    labels = dict(ballot.options.values_list("pk", "label"))
    closed, settled = trail(live_workshop)[-2:]
    assert closed[3]["retained"] == [labels[a]]
    assert settled[0] == Action.BALLOT_TIE_SETTLED
    assert (settled[2], settled[3]) == ({"retained": [labels[a]]}, {"retained": [labels[a], labels[c]]})


def test_the_ballots_page_records_who_acted(client, live_workshop, facilitator):
    ballot = make_ballot(live_workshop, "dots", open=False)
    client.force_login(facilitator)
    for action in ("open", "reveal", "hide", "close"):
        client.post(reverse("voting:action", args=[live_workshop.pk, ballot.pk, action]))
    assert [(action, name) for action, name, *_ in trail(live_workshop)] == [
        (Action.BALLOT_OPENED, "alice"), (Action.BALLOT_REVEALED, "alice"), (Action.BALLOT_HIDDEN, "alice"), (Action.BALLOT_CLOSED, "alice"),
    ]
