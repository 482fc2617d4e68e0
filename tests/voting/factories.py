"""Ballots built by the real services, so tests exercise the same validation as the app."""

from voting import services
from voting.models import Ballot


def make_ballot(workshop, method="dots", labels=("Posséder, c'est dépassé", "La fin du salariat", "Les robots au travail"), *, options=None, open=True, **settings) -> Ballot:
    if options is None:
        options = services.options_from_lines("\n".join(labels))
    ballot = services.ballot_create(workshop=workshop, title=f"Vote {method}", method=method, options=options, **settings)
    if open:
        ballot = services.ballot_open(ballot=ballot)
    return ballot


def option_ids(ballot) -> list[int]:
    return list(ballot.options.order_by("position").values_list("pk", flat=True))
