from celery import shared_task
from django.db import DatabaseError
from django.db.models import F, Q

from .aggregation import phase_aggregate
from .idempotency import write_receipts_prune
from .models import Activity, WorkshopPhase


@shared_task(bind=True, autoretry_for=(DatabaseError,), retry_backoff=5, retry_backoff_max=120, max_retries=8)
def aggregate_phase(self, phase_id: int) -> int:
    """Build the table outputs of a closed phase. Idempotent, so a retry or a re-run is harmless."""
    return phase_aggregate(phase_id=phase_id)


@shared_task
def aggregate_pending() -> int:
    """Catch up on closed phases whose outputs were never built (the broker was down when they closed)."""
    pending = WorkshopPhase.objects.filter(status=WorkshopPhase.Status.CLOSED, activity=Activity.POSTITS).filter(
        Q(aggregated_at__isnull=True) | Q(aggregated_at__lt=F("closed_at"))
    )
    phase_ids = list(pending.values_list("pk", flat=True))
    for phase_id in phase_ids:
        aggregate_phase.delay(phase_id)
    return len(phase_ids)


@shared_task
def prune_write_receipts() -> int:
    """Forget the idempotency receipts older than the retry window (workshops.idempotency)."""
    return write_receipts_prune()
