"""Who may do what with ballots, and when: named rules on top of the workshops ones.

Same design as workshops/rules.py: the actor is a `Visitor` (or a User, or a Participant), the
target a Ballot (or the Workshop for the rules about all of its ballots); each rule is access &
timing, registered with `add_action`; pages and the API enforce the access part, the services the
timing part under the lock (a vote on a ballot closed a second ago gets a message, not a 403).

Which ballots a participant sees is one QuerySet method, `Ballot.objects.for_participant()`: the
rule asks it.
"""

import rules

from core.rules import add_action, visitor_of
from workshops.rules import facilitates_workshop, is_participant, workshop_is_closed

from .models import Ballot


@rules.predicate
def sees_ballot(actor, target) -> bool:
    """A participant who sees this ballot: their workshop's, not a draft, room-wide or their table's."""
    participant = visitor_of(actor).participant
    if participant is None or not isinstance(target, Ballot):
        return False
    # A ballot the guard found through for_participant for this very participant (guards.visible_ballot).
    if getattr(target, "seen_by_participant", None) == participant.pk:
        return True
    return Ballot.objects.for_participant(participant).filter(pk=target.pk).exists()


@rules.predicate
def ballot_is_draft(_actor, target) -> bool:
    return isinstance(target, Ballot) and target.status == Ballot.Status.DRAFT


@rules.predicate
def ballot_is_open(_actor, target) -> bool:
    return isinstance(target, Ballot) and target.status == Ballot.Status.OPEN


@rules.predicate
def ballot_is_closed(_actor, target) -> bool:
    return isinstance(target, Ballot) and target.status == Ballot.Status.CLOSED


@rules.predicate
def results_are_public(_actor, target) -> bool:
    """Revealed by the facilitator, or never hidden in the first place."""
    return isinstance(target, Ballot) and target.results_visible


# Creating, opening, closing, revealing, settling ties, the projector: whoever runs the workshop.
add_action("voting.run_ballots", facilitates_workshop)
# The raw papers (CSV, JSON, the map): only whoever runs the workshop; editors get the cahier.
add_action("voting.export_ballot", facilitates_workshop)
# The participant's page of ballots (target: the workshop).
add_action("voting.view_ballots", is_participant)
add_action("voting.cast_vote", sees_ballot, ballot_is_open & ~workshop_is_closed)
add_action("voting.view_results", facilitates_workshop | sees_ballot & results_are_public)
