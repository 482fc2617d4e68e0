"""What this app does when the voting app closes a ballot (voting/signals.py), connected in apps.ready."""


def ballot_closed(sender, *, ballot, **kwargs) -> None:
    # Imported here: this module loads at start-up, and the services pull in workshops.services,
    # which the aggregation worker must not import (tests/workshops/test_lock_order.py).
    from .services import apply_closed_ballot

    apply_closed_ballot(ballot)
