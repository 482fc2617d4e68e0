"""Slugs made from names: readable in URLs and seed data, unique within the rows that must not share one."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.text import slugify

# Room kept for a "-N" suffix when reading the slugs already taken: enough for any N we will meet.
SUFFIX_ROOM = 10


def unique_slug(
    *, queryset: QuerySet, text: str, fallback: str, field: str = "slug", max_length: int | None = None
) -> str:
    """slugify(text), or text-2, text-3… when `queryset` already holds it.

    `queryset` is the scope a slug must be unique in (exclude the row being renamed);
    `fallback` stands in for a text that gives no slug at all ("???", "—").
    `max_length` defaults to the model field's.
    """
    if max_length is None:
        max_length = queryset.model._meta.get_field(field).max_length
    base = slugify(text)[:max_length].strip("-") or fallback
    taken = set(
        queryset.filter(**{f"{field}__startswith": base[: max_length - SUFFIX_ROOM]}).values_list(field, flat=True)
    )
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        suffix = f"-{n}"
        candidate = base[: max_length - len(suffix)].rstrip("-") + suffix
    return candidate
