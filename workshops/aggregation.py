"""Turning a table's post-its into its output for each section, without freezing the room.

Lines are ordered by +1s; exact and near duplicates (same axis, similar normalised text) become one
line that keeps links to every post-it it came from (workshops.clustering decides which). The
result depends only on the post-its, so running it twice gives the same output, rows and ids included.

A run, in four steps, none of which holds a row the live room writes (its workshop row, its tables):
1. claim: a conditional UPDATE sets the phase's claim token; a phase already claimed within the
   visibility timeout is left to the worker building it (whose heartbeat keeps renewing the claim);
2. snapshot: one read-only, repeatable-read transaction reads the phase's post-its, +1s and the
   scribe's merges and groups, and the marker of what could change them (`_marker`);
3. cluster, in pure Python, outside any transaction;
4. write, in one transaction (`_write`), only the lines that changed; it commits only if the
   claim is still this run's, so a worker that lost its claim never overwrites a newer output.
Then the workshop's version is bumped (its row, for a moment), and if the marker moved since the
snapshot (the phase was reopened, or, open, got a post-it), the output stands for the snapshot
and another run is queued.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from . import bulk
from .clustering import Cluster, PostIt, cluster_postits, normalise  # noqa: F401  (normalise: the tests' import)
from .live import workshop_bump_version
from .models import Contribution, PlusOne, Table, TableOutput, TableOutputLine, WorkshopPhase

logger = logging.getLogger(__name__)

LinePlan = tuple[str, str, str, int, frozenset[int]]  # axis, group label, text, +1s, source post-it ids
Place = tuple[int, int]  # (table id, section id)
# Positions are unique per output: lines that move are parked above every real position first.
PARKED = 1_000_000_000


class ClaimLost(Exception):
    """Another worker took the phase over (this one was presumed dead): its work is dropped."""


@dataclass(frozen=True)
class Snapshot:
    taken_at: datetime
    marker: tuple
    workshop_id: int
    planned: dict[Place, list[tuple[int, LinePlan]]]  # each line: (stable key, plan)


def visibility_timeout() -> timedelta:
    return timedelta(seconds=settings.AGGREGATION_VISIBILITY_TIMEOUT)


def phase_aggregate(*, phase_id: int) -> int | None:
    """(Re)build every table output of a phase; returns its number of lines, None when another
    worker is building it already (that one's output will be the same or newer).

    Locks: the phase row, for one conditional UPDATE at a time (claim, heartbeat, release); then
    `_write`'s rows; then the workshop row, for the version bump alone.
    """
    token = _claim(phase_id)
    if token is None:
        return None
    try:
        snapshot = _snapshot(phase_id, heartbeat=lambda: _renew(phase_id, token))
        _renew(phase_id, token)  # a full timeout for the write, however long the clustering took
        lines = _write(phase_id, token, snapshot)
    except ClaimLost:
        logger.warning("Aggregation of phase %s dropped: its claim expired and another worker took it", phase_id)
        return None
    finally:
        _release(phase_id, token)
    # Outputs show on every laptop of the room; a short transaction of its own, after the outputs' commit.
    with transaction.atomic():
        workshop_bump_version(workshop_id=snapshot.workshop_id, stage=True)
    if _marker(phase_id) != snapshot.marker:
        _queue_again(phase_id)
    return lines


# --- The claim ---------------------------------------------------------------------------------


def _claim(phase_id: int) -> str | None:
    """Take the phase if nobody holds it, or if its holder has not renewed it within the timeout."""
    token = uuid.uuid4().hex
    now = timezone.now()
    taken = (
        WorkshopPhase.objects.filter(pk=phase_id)
        .filter(Q(aggregation_claim="") | Q(aggregation_claimed_at__lt=now - visibility_timeout()))
        .update(aggregation_claim=token, aggregation_claimed_at=now)
    )
    return token if taken else None


def _renew(phase_id: int, token: str) -> None:
    if not WorkshopPhase.objects.filter(pk=phase_id, aggregation_claim=token).update(aggregation_claimed_at=timezone.now()):
        raise ClaimLost(phase_id)


def _release(phase_id: int, token: str) -> None:
    WorkshopPhase.objects.filter(pk=phase_id, aggregation_claim=token).update(aggregation_claim="", aggregation_claimed_at=None)


def claimed_phases(now: datetime | None = None):
    """Phases a live worker is building (claimed within the visibility timeout): the sweeper leaves them."""
    now = now or timezone.now()
    return WorkshopPhase.objects.exclude(aggregation_claim="").filter(aggregation_claimed_at__gte=now - visibility_timeout())


def _queue_again(phase_id: int) -> None:
    from .tasks import aggregate_phase  # tasks imports this module

    try:
        aggregate_phase.delay(phase_id)
    except Exception:  # the broker is down: the sweeper (aggregate_pending) catches up
        logger.warning("Aggregation of phase %s changed meanwhile and could not be queued again", phase_id)


# --- The snapshot ------------------------------------------------------------------------------


def _marker(phase_id: int) -> tuple:
    """What changes when the phase's post-its may have changed.

    Post-its, +1s, merges and groups are written only while their phase is open, each bumping its
    table's version (workshops.services): a closed phase is fixed until it is opened again, which
    changes opened_at. So: the phase's status and times, and while it is open, its tables' versions.
    """
    phase = WorkshopPhase.objects.values("workshop_id", "status", "opened_at", "closed_at").get(pk=phase_id)
    tables = ()
    if phase["status"] == WorkshopPhase.Status.OPEN:
        tables = tuple(Table.objects.filter(workshop_id=phase["workshop_id"]).order_by("pk").values_list("pk", "version"))
    return (phase["status"], phase["opened_at"], phase["closed_at"], tables)


def _snapshot(phase_id: int, heartbeat=None) -> Snapshot:
    """Read the phase once, consistently, then cluster it outside any transaction."""
    taken_at = timezone.now()
    # Only a transaction's first statement may set its isolation: inside an outer one (a test's) it is too late.
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            # Every read below sees the same committed state; read-only, it takes no lock.
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        marker = _marker(phase_id)
        workshop_id = WorkshopPhase.objects.values_list("workshop_id", flat=True).get(pk=phase_id)
        rows = list(
            Contribution.objects.filter(phase_id=phase_id, hidden=False)
            .order_by("created_at", "pk")
            .values_list("pk", "created_at", "table_id", "section_id", "axis", "text", "plus_ones", "group_label", "merged_into_id")
        )
        fans: dict[int, set[int]] = {}
        for contribution_id, participant_id in PlusOne.objects.filter(contribution__phase_id=phase_id).values_list(
            "contribution_id", "participant_id"
        ):
            fans.setdefault(contribution_id, set()).add(participant_id)
    return Snapshot(taken_at=taken_at, marker=marker, workshop_id=workshop_id, planned=plan(rows, fans, heartbeat))


def plan(rows, fans: dict[int, set[int]], heartbeat=None) -> dict[Place, list[tuple[int, LinePlan]]]:
    """The lines each (table, section) should have: pure, from the snapshot's rows only.

    A post-it the scribe merged into another counts as a source of the line of the one it joined.
    """
    merged_sources: dict[int, list[int]] = {}
    on_board: dict[Place, list[PostIt]] = {}
    for pk, created_at, table_id, section_id, axis, text, plus_ones, group_label, merged_into_id in rows:
        if merged_into_id:
            merged_sources.setdefault(merged_into_id, []).append(pk)
        else:
            on_board.setdefault((table_id, section_id), []).append(
                PostIt(id=pk, order=(created_at, pk), axis=axis, text=text, plus_ones=plus_ones, group_label=group_label)
            )
    threshold = settings.AGGREGATION_SIMILARITY
    return {
        place: [(cluster.stable_key, _line_of(cluster, merged_sources)) for cluster in cluster_postits(items, threshold, fans, heartbeat)]
        for place, items in on_board.items()
    }


def _line_of(cluster: Cluster, merged_sources: dict[int, list[int]]) -> LinePlan:
    return (
        cluster.axis,
        cluster.group_label,
        cluster.representative.text,
        cluster.plus_ones,
        frozenset(pk for m in cluster.members for pk in (m.id, *merged_sources.get(m.id, ()))),
    )


# --- The write ---------------------------------------------------------------------------------


@transaction.atomic
def _write(phase_id: int, token: str, snapshot: Snapshot) -> int:
    """Write the lines that changed since the last run, in one transaction; returns the number of lines.

    Locks: the phase's table outputs (FOR UPDATE, in primary-key order: only another aggregation
    run locks them), the lines it updates or deletes, and last the phase row, by the conditional
    UPDATE that checks the claim and records the snapshot's time. The room's rows (workshop,
    tables, post-its, +1s) are not locked: inserting sources only takes the post-its' FOR KEY
    SHARE, which no write of the room waits on. Taking the phase row last goes back up the order
    of workshops.services; it is safe because no one holding a phase row waits on an output row.

    Each kind of change is one statement whatever its number of rows (`workshops.bulk`), so a
    phase of 100,000 post-its is written in seconds.
    """
    outputs = {(t, s): pk for pk, t, s in TableOutput.objects.select_for_update(of=("self",)).filter(phase_id=phase_id).order_by("pk").values_list("pk", "table_id", "section_id")}
    planned = snapshot.planned
    TableOutput.objects.filter(pk__in=[pk for place, pk in outputs.items() if place not in planned]).delete()
    existing = _existing_lines([pk for place, pk in outputs.items() if place in planned])

    missing = [TableOutput(phase_id=phase_id, table_id=t, section_id=s) for (t, s) in planned if (t, s) not in outputs]
    for output in TableOutput.objects.bulk_create(missing):
        outputs[(output.table_id, output.section_id)] = output.pk

    stale_lines, parked, updates, creates, unlink, link, touched = [], [], [], [], [], [], set()
    for place, lines in planned.items():
        output_id = outputs[place]
        before = existing.get(output_id, {})
        keys = {key for key, _ in lines}
        stale = [line[0] for key, (line, _) in before.items() if key not in keys]
        if stale:
            stale_lines += stale
            touched.add(output_id)
        for position, (key, (axis, group_label, text, plus_ones, sources)) in enumerate(lines, start=1):
            new = (position, axis, group_label, text, plus_ones)
            if key not in before:
                creates.append(((output_id, key, *new), sources))
                touched.add(output_id)
                continue
            (line_id, *old), had = before[key]
            if tuple(old) != new:
                if old[0] != position:
                    parked.append(line_id)
                updates.append((line_id, *new))
                touched.add(output_id)
            if had != sources:
                unlink += [(line_id, pk) for pk in had - sources]
                link += [(line_id, pk) for pk in sources - had]
                touched.add(output_id)

    if stale_lines:  # through the ORM: its on_delete rules (a ballot option's link set to null) apply
        TableOutputLine.objects.filter(pk__in=stale_lines).delete()
    if parked:
        TableOutputLine.objects.filter(pk__in=parked).update(position=F("position") + PARKED)
    bulk.update_rows(TableOutputLine, LINE_FIELDS, updates)
    created = bulk.insert_rows(TableOutputLine, ["output", "key", *LINE_FIELDS], [row for row, _ in creates])
    link += [(line_id, pk) for line_id, (_, sources) in zip(created, creates) for pk in sorted(sources)]
    bulk.delete_pairs(SOURCES, "tableoutputline", "contribution", unlink)
    bulk.insert_rows(SOURCES, ["tableoutputline", "contribution"], link, returning=False)
    if touched:
        TableOutput.objects.filter(pk__in=touched).update(generated_at=timezone.now())

    # Last, and conditional: a run whose claim was taken over rolls all of the above back.
    if not WorkshopPhase.objects.filter(pk=phase_id, aggregation_claim=token).update(aggregated_at=snapshot.taken_at):
        raise ClaimLost(phase_id)
    return sum(len(lines) for lines in planned.values())


LINE_FIELDS = ["position", "axis", "group_label", "text", "plus_ones"]
SOURCES = TableOutputLine.sources.through
ExistingLine = tuple[tuple, frozenset[int]]  # ((pk, position, axis, group_label, text, plus_ones), source post-it ids)


def _existing_lines(output_ids: list[int]) -> dict[int, dict[int, ExistingLine]]:
    """The built lines of these outputs by their key, with their sources: plain rows, no model instances."""
    sources: dict[int, set[int]] = {}
    for line_id, contribution_id in SOURCES.objects.filter(tableoutputline__output_id__in=output_ids).values_list(
        "tableoutputline_id", "contribution_id"
    ).iterator(chunk_size=10_000):
        sources.setdefault(line_id, set()).add(contribution_id)
    by_output: dict[int, dict[int, ExistingLine]] = {}
    rows = TableOutputLine.objects.filter(output_id__in=output_ids).values_list("output_id", "key", "pk", *LINE_FIELDS)
    for output_id, key, *line in rows.iterator(chunk_size=10_000):
        # A line made by hand (no key) is not one a rebuild can recognise: it is replaced.
        key = key if key is not None else -line[0]
        by_output.setdefault(output_id, {})[key] = (tuple(line), frozenset(sources.get(line[0], ())))
    return by_output
