"""The versions boards poll, kept in the cache so an unchanged poll touches no database.

Three counters live in the database and are copied into the cache:
- Workshop.version, bumped by every write the projector or the control room shows (a join only
  drops the control room's roster token, a vote only its ballot's tally token: see below);
- Workshop.stage_version, bumped when phases, timer, tables, seats or outputs change;
- Table.version, bumped by every write on that table's post-its.
A participant's laptop polls with "<stage>.<table>", so a post-it at another table costs it nothing.
Writes drop the cached copies now and again after the commit; a short timeout bounds how
stale a copy refilled during a concurrent commit can be.

Each bump of a table also leaves what changed under its new version (workshops.board_changes:
a post-it added, a +1 count that moved, a post-it removed, or "redraw the board"), so that a
laptop a few versions behind is sent only those changes (workshops.deltas), and tells the open
streams of the workshop (workshops.fanout) after the commit.
"""

import secrets

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import F

from .models import Table, Workshop
from .selectors import control_parts_state, open_phase

VERSION_TIMEOUT = 5  # seconds
CODE_TIMEOUT = 60 * 60
CONTROL_PARTS_TIMEOUT = 10 * 60
TALLY_TOKEN_TIMEOUT = 10 * 60  # an expired token only redraws the projector's tally once


def _workshop_key(workshop_id: int) -> str:
    return f"agora:workshop-version:{workshop_id}"


def _stage_key(workshop_id: int) -> str:
    return f"agora:workshop-stage:{workshop_id}"


def _table_key(table_id: int) -> str:
    return f"agora:table-version:{table_id}"


def _code_key(code: str) -> str:
    return f"agora:workshop-code:{code}"


def _cached(key: str, load) -> int:
    value = cache.get(key)
    if value is None:
        value = load() or 0
        cache.set(key, value, VERSION_TIMEOUT)
    return value


def workshop_id_for_code(code: str) -> int | None:
    code = code.upper()
    workshop_id = cache.get(_code_key(code))
    if workshop_id is None:
        workshop_id = Workshop.objects.filter(join_code=code).values_list("pk", flat=True).first()
        if workshop_id is not None:
            cache.set(_code_key(code), workshop_id, CODE_TIMEOUT)
    return workshop_id


def workshop_version(workshop_id: int) -> int:
    return _cached(
        _workshop_key(workshop_id),
        lambda: Workshop.objects.filter(pk=workshop_id).values_list("version", flat=True).first(),
    )


def stage_version(workshop_id: int) -> int:
    """The workshop's stage: phases, timer, tables, seats and outputs (see workshop_bump_version)."""
    return _cached(
        _stage_key(workshop_id),
        lambda: Workshop.objects.filter(pk=workshop_id).values_list("stage_version", flat=True).first(),
    )


def participant_version(workshop_id: int, table_id: int | None) -> str:
    """What a participant's page depends on: the workshop's stage and their own table."""
    stage = stage_version(workshop_id)
    if table_id is None:
        return f"{stage}.0"
    table = _cached(_table_key(table_id), lambda: Table.objects.filter(pk=table_id).values_list("version", flat=True).first())
    return f"{stage}.{table}"


def forget_on_commit(*, workshop_id: int, stage: bool = False, table_id: int | None = None) -> None:
    keys = [_workshop_key(workshop_id)]
    if stage:
        keys.append(_stage_key(workshop_id))
    if table_id is not None:
        keys.append(_table_key(table_id))
    # Now, and again after the commit in case a poll re-read the old value in between.
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))


def workshop_bump_version(
    *, workshop_id: int, stage: bool = False, table_id: int | None = None, change: dict | None = None, banner_only: bool = False
) -> None:
    """Tell the boards of this workshop that something changed.

    `stage`: every participant's page must follow (phase, timer, tables, seats, outputs);
    `table_id`: that table's post-its changed. The projector and control room follow every bump.
    `change`: what changed on the table (workshops.board_changes); without it, its laptops redraw the board.
    `banner_only`: of the stage, only the phase banner changed (the timer): the laptops swap the
    banner alone (workshops.deltas) instead of redrawing their boards, a thousand at once.

    Locks: updates the workshop row, then the table row. Callers hold the workshop row already
    (see the lock order in workshops.services), so this adds only the table row, after it.
    """
    if stage:
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {Workshop._meta.db_table} SET version = version + 1, stage_version = stage_version + 1 WHERE id = %s RETURNING stage_version",
                [workshop_id],
            )
            row = cursor.fetchone()
        if row and banner_only:
            key, record = stage_change_key(workshop_id, row[0]), {"kind": "banner"}
            # Before the versions are forgotten, as a table's change (below).
            transaction.on_commit(lambda: cache.set(key, record, CHANGE_TIMEOUT))
    else:
        Workshop.objects.filter(pk=workshop_id).update(version=F("version") + 1)
    if table_id is not None:
        version = _bump_table(table_id)
        if version is not None:
            record = {**(change or {"kind": "redraw"}), "v": version}
            # Before the versions are forgotten (callbacks run in order): a poll that sees the new
            # version finds its change already there.
            transaction.on_commit(lambda: cache.set(change_key(table_id, version), record, CHANGE_TIMEOUT))
    forget_on_commit(workshop_id=workshop_id, stage=stage, table_id=table_id)
    if stage or table_id is not None:
        from .fanout import publish  # fanout imports settings-dependent clients lazily

        transaction.on_commit(lambda: publish(workshop_id, table_id=table_id, stage=stage))


CHANGE_TIMEOUT = 15 * 60  # a laptop away longer than this redraws its board


def change_key(table_id: int, version: int) -> str:
    return f"agora:table-change:{table_id}:{version}"


def stage_change_key(workshop_id: int, stage_version: int) -> str:
    """What a move of the workshop's stage changed, when it was the phase banner alone."""
    return f"agora:stage-change:{workshop_id}:{stage_version}"


def stage_banner(workshop_id: int, stage_version: int) -> tuple[str, object]:
    """(the workshop's status, its open phase) at this stage: read once per stage for the whole room
    when a timer moves it (the laptops swap their phase banner alone, workshops.deltas)."""
    key = f"agora:stage-banner:{workshop_id}:{stage_version}"
    found = cache.get(key)
    if found is None:
        workshop = Workshop.objects.only("pk", "status").get(pk=workshop_id)
        found = (workshop.status, open_phase(workshop))
        cache.set(key, found, CHANGE_TIMEOUT)
    return found


def _bump_table(table_id: int) -> int | None:
    """The table's counter, plus one, and its new value in the same query."""
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {Table._meta.db_table} SET version = version + 1 WHERE id = %s RETURNING version", [table_id])
        row = cursor.fetchone()
    return row[0] if row else None


def _roster_key(workshop_id: int) -> str:
    return f"agora:workshop-roster:{workshop_id}"


def roster_changed(workshop_id: int) -> None:
    """Someone joined: only the control room's people and tables show it. No version moves (the
    projector and every laptop's board stay as they are); the roster's token is dropped, now and
    after the commit, so the control room's digests are computed again (control_parts)."""
    cache.delete(_roster_key(workshop_id))
    transaction.on_commit(lambda: cache.delete(_roster_key(workshop_id)))


def _roster(workshop_id: int) -> str:
    """A token that changes whenever the roster may have: a new random one once the old is dropped."""
    token = cache.get(_roster_key(workshop_id))
    if token is None:
        token = secrets.token_hex(4)
        cache.set(_roster_key(workshop_id), token, CONTROL_PARTS_TIMEOUT)
    return token


def _tally_key(ballot_id: int) -> str:
    return f"agora:ballot-tally:{ballot_id}"


def ballot_votes_changed(ballot_id: int) -> None:
    """A vote was cast: only its ballot's tally shows it (the facilitator's projector, voting.selectors.tally_version).

    No row is written for it (a counter row would be a lock every vote of the room queues on, held until
    the commit, which the idempotent view puts after the card's render): the tally's token is dropped,
    now and after the commit, as the roster's is for a join.
    """
    cache.delete(_tally_key(ballot_id))
    transaction.on_commit(lambda: cache.delete(_tally_key(ballot_id)))


def ballot_votes_token(ballot_id: int) -> str:
    """A token that changes whenever a vote may have been cast on the ballot since it was read.

    Read it before the tally: a vote committed in between drops it, so the next poll redraws.
    """
    key = _tally_key(ballot_id)
    token = cache.get(key)
    if token is None:
        token = secrets.token_hex(4)
        # add: two polls refilling at once agree on one token (the second reads the first's).
        if not cache.add(key, token, TALLY_TOKEN_TIMEOUT):
            token = cache.get(key) or token
    return token


def control_parts(workshop_id: int) -> dict[str, str]:
    """The digests of the control room's live parts (selectors.control_parts_state), computed once
    per workshop version and roster: a poll whose part is unchanged costs no query, even after a post-it."""
    version = workshop_version(workshop_id)
    key = f"agora:control-parts:{workshop_id}:{version}:{_roster(workshop_id)}"
    parts = cache.get(key)
    if parts is None:
        # Read after the version: the digests are at least as new as it (a later write bumps it again).
        parts = control_parts_state(workshop_id)
        cache.set(key, parts, CONTROL_PARTS_TIMEOUT)
    return parts


def unchanged(request, workshop_id: int) -> bool:
    """True when the poll's ?v= matches the workshop's version: answer 204 without rendering."""
    return request.GET.get("v") == str(workshop_version(workshop_id))
