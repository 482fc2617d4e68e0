"""The per-workshop version boards poll, kept in the cache so an unchanged poll touches no database.

Every write bumps Workshop.version in the database (services.workshop_bump_version);
after the commit the cached copy is dropped, so the next poll reads the new value.
A short timeout bounds how stale a copy filled during a concurrent commit can be.
"""

from django.core.cache import cache
from django.db import transaction

from .models import Workshop

VERSION_TIMEOUT = 5  # seconds
CODE_TIMEOUT = 60 * 60


def _version_key(workshop_id: int) -> str:
    return f"agora:workshop-version:{workshop_id}"


def _code_key(code: str) -> str:
    return f"agora:workshop-code:{code}"


def workshop_id_for_code(code: str) -> int | None:
    code = code.upper()
    workshop_id = cache.get(_code_key(code))
    if workshop_id is None:
        workshop_id = Workshop.objects.filter(join_code=code).values_list("pk", flat=True).first()
        if workshop_id is not None:
            cache.set(_code_key(code), workshop_id, CODE_TIMEOUT)
    return workshop_id


def workshop_version(workshop_id: int) -> int:
    version = cache.get(_version_key(workshop_id))
    if version is None:
        version = Workshop.objects.filter(pk=workshop_id).values_list("version", flat=True).first() or 0
        cache.set(_version_key(workshop_id), version, VERSION_TIMEOUT)
    return version


def forget_version_on_commit(workshop_id: int) -> None:
    # Now, and again after the commit in case a poll re-read the old value in between.
    cache.delete(_version_key(workshop_id))
    transaction.on_commit(lambda: cache.delete(_version_key(workshop_id)))


def unchanged(request, workshop_id: int) -> bool:
    """True when the poll's ?v= matches the current version: answer 204 without rendering."""
    return request.GET.get("v") == str(workshop_version(workshop_id))
