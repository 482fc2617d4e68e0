"""The guards of the voting pages and API: the rules of voting/rules.py, through workshops.guards."""

from django.shortcuts import get_object_or_404

from workshops.guards import workshop_permission

from .models import Ballot

# /facilitate/<workshop_pk>/ballots/…: whoever runs the workshop (login, 404, 403).
run_ballots = workshop_permission("voting.run_ballots", lookup="workshop_pk")
export_ballots = workshop_permission("voting.export_ballot", lookup="workshop_pk")
# The workshop's whole record (voting/record.py): its facilitators, and editors once it is closed.
export_record = workshop_permission("workshops.export_workshop", lookup="workshop_pk")


def visible_ballot(workshop, participant, url_kwargs) -> Ballot:
    """The URL's ballot, if the participant sees it (404 otherwise: a draft is not disclosed)."""
    ballot = get_object_or_404(Ballot.objects.for_participant(participant).select_related("workshop"), pk=url_kwargs["ballot_pk"])
    # Read through for_participant: the rule (rules.sees_ballot) need not ask the database again.
    ballot.seen_by_participant = participant.pk
    return ballot
