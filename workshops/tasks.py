from celery import shared_task
from django.db import DatabaseError

from .aggregation import phase_aggregate


@shared_task(bind=True, autoretry_for=(DatabaseError,), retry_backoff=5, retry_backoff_max=120, max_retries=8)
def aggregate_phase(self, phase_id: int) -> int:
    """Build the table outputs of a closed phase. Idempotent, so a retry or a re-run is harmless."""
    return phase_aggregate(phase_id=phase_id)
