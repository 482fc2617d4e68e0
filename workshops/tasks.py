from celery import shared_task
from django.db import DatabaseError
from django.db.models import F, Q

from .aggregation import claimed_phases, phase_aggregate
from .idempotency import write_receipts_prune
from .models import Activity, WorkshopPhase


@shared_task(bind=True, autoretry_for=(DatabaseError,), retry_backoff=5, retry_backoff_max=120, max_retries=8)
def aggregate_phase(self, phase_id: int) -> int | None:
    """Build the table outputs of a closed phase. Idempotent, so a retry or a re-run is harmless;
    a phase another worker is building is left to it (None)."""
    return phase_aggregate(phase_id=phase_id)


@shared_task
def aggregate_pending() -> int:
    """Catch up on closed phases whose outputs were never built: the broker was down when they
    closed, or their worker died mid-run. A phase a live worker is building is never queued again."""
    pending = (
        WorkshopPhase.objects.filter(status=WorkshopPhase.Status.CLOSED, activity=Activity.POSTITS)
        .filter(Q(aggregated_at__isnull=True) | Q(aggregated_at__lt=F("closed_at")))
        .exclude(pk__in=claimed_phases().values("pk"))
    )
    phase_ids = list(pending.values_list("pk", flat=True))
    for phase_id in phase_ids:
        aggregate_phase.delay(phase_id)
    return len(phase_ids)


@shared_task
def prune_write_receipts() -> int:
    """Forget the idempotency receipts older than the retry window (workshops.idempotency)."""
    return write_receipts_prune()
