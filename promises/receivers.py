"""What this app gives the apps below it, connected in apps.ready: what a closed ballot means
(voting/signals.py), the report in the restitution (workshops/activities.py) and in the record
(voting/record.py). Each imports what it needs when called, so that start-up loads little."""


def ballot_closed(sender, *, ballot, **kwargs) -> None:
    # Imported here: this module loads at start-up, and the services pull in workshops.services,
    # which the aggregation worker must not import (tests/workshops/test_lock_order.py).
    from .services import apply_closed_ballot

    apply_closed_ballot(ballot)


def restitution_report(*, workshop) -> dict | None:
    from .report import has_report, report_data

    return {"report": report_data(workshop)} if has_report(workshop) else None


def record_report(workshop, *, names: bool = True) -> dict | None:
    from .report import record_part

    return record_part(workshop, names=names)


def record_report_markdown(data: dict) -> list[str]:
    from .report import report_markdown

    return report_markdown(data)
