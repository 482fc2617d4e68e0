"""The live board's answer to a laptop: only what changed on its table since the version it holds.

A write records what it changed under the table's new version (workshops.live, board_changes).
A laptop at "<stage>.<table>" is sent the fragments of the changes after its table version, as
htmx out-of-band swaps: a new post-it appended to its section, a +1 count, a post-it removed.
A new post-it is rendered once per language for the whole table (for its author, and for the
others), then read from the cache by every laptop: a changed poll costs about an unchanged one.
In each process, the changes between two versions, read and rendered, are also kept a short while
(workshops.memo): the streams of a table, woken together by one post-it, read and render them once.

Whenever that is not possible, the answer is None and the caller redraws the board as a page
load would (resynchronisation): the stage changed (phase, seats...), the laptop is too far
behind or its changes are gone from the cache, or a change was a "redraw". A timer's start,
pause or reset moves the stage too, but only the phase banner follows: it is sent alone.
"""

from django.core import signing
from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import get_language

from . import live
from .memo import Memo

MAX_CHANGES = 50  # further behind, redrawing the board is cheaper than replaying it
_SIGNER = signing.Signer(salt="agora.board-delta")


def board_key(participant_id, table_id) -> str:
    """Signs which table this participant's page shows: only their own table's changes are sent."""
    return _SIGNER.signature(f"{participant_id}.{table_id}")


def key_matches(key, participant_id, table_id) -> bool:
    return bool(key) and signing.constant_time_compare(key, board_key(participant_id, table_id))


def parse_version(value) -> tuple[int, int] | None:
    try:
        stage, table = str(value).split(".")
        return int(stage), int(table)
    except (TypeError, ValueError):
        return None


def participant_delta(
    *, workshop_id: int, table_id: int | None, viewer_id: int, held, current: str | None = None, banner=None
) -> tuple[str, str] | None:
    """(fragments, version now) for a laptop at version `held`; ("", version) when nothing changed;
    None when it must redraw. Reads the cache only, but for `banner()`, called when the stage moved
    by the phase banner alone (a timer started, paused or reset): its fragment, rendered for this
    laptop. `current`: the participant's version, when the caller has it already (a stream's, read
    once for all the streams woken by the same message)."""
    if current is None:
        current = live.participant_version(workshop_id, table_id)
    if held == current:
        return "", current
    held_at, now = parse_version(held), parse_version(current)
    if table_id is None or held_at is None or now is None:
        return None
    fragments = ""
    if held_at[0] != now[0]:
        if banner is None or not banner_moved_alone(workshop_id, held_at[0], now[0]):
            return None
        fragments = banner()
    delta = table_delta(table_id, held_at[1], now[1])
    if delta is None:
        return None
    return fragments + "".join(_variant(item, viewer_id) for item in delta), current


def banner_moved_alone(workshop_id: int, since: int, until: int) -> bool:
    """True when every move of the stage since+1..until changed the phase banner alone."""
    if not 0 < until - since <= MAX_CHANGES:
        return False
    keys = [live.stage_change_key(workshop_id, version) for version in range(since + 1, until + 1)]
    found = cache.get_many(keys)
    return all(found.get(key, {}).get("kind") == "banner" for key in keys)


# A few seconds are enough for a table's streams woken by one change; each key is immutable (the
# changes of versions since..until), the lifetime only bounds the memory.
_table_deltas = Memo(size=512, ttl=30)


def table_delta(table_id: int, since: int, until: int) -> tuple | None:
    """The fragments of the changes since..until, each a string, or for a new post-it (its author's
    id, its author's variant, the others' variant); None when the board must be redrawn. Read and
    rendered once per process and language for all the laptops of the table."""
    language = get_language()

    def compute():
        changes = table_changes(table_id, since, until)
        if changes is None:
            return None
        return tuple(_fragments(table_id, change) for change in changes)

    return _table_deltas.get((table_id, since, until, language), compute)


def _variant(item, viewer_id) -> str:
    if isinstance(item, str):
        return item
    author_id, for_author, for_others = item
    return for_author if viewer_id == author_id else for_others


def behind(version, held) -> bool:
    """True when `version` is older than the laptop's `held` one (a version read before the laptop's
    own, kept for the streams woken by the same message): it says nothing about what is new."""
    version_at, held_at = parse_version(version), parse_version(held)
    if version_at is None or held_at is None:
        return False
    return version_at[0] < held_at[0] or (version_at[0] == held_at[0] and version_at[1] < held_at[1])


def table_changes(table_id: int, since: int, until: int) -> list[dict] | None:
    """The changes of versions since+1..until, or None if one is missing or asks for a redraw."""
    if not 0 <= until - since <= MAX_CHANGES:
        return None
    keys = [live.change_key(table_id, version) for version in range(since + 1, until + 1)]
    found = cache.get_many(keys)
    changes = [found.get(key) for key in keys]
    if any(change is None or change.get("kind") not in ("add", "count", "remove") for change in changes):
        return None
    return changes


def _fragments(table_id: int, change: dict):
    """A change's fragment, or for a new post-it (author id, author's variant, others' variant)."""
    kind = change["kind"]
    if kind == "count":
        # innerHTML: the figure changes, the element keeps its place and class on the viewer's page.
        return format_html('<span id="plus-count-{}" hx-swap-oob="innerHTML">{}</span>', change["id"], change["plus_ones"])
    if kind == "remove":
        return format_html('<li id="note-{}" hx-swap-oob="delete"></li>', change["id"])
    key = f"agora:table-fragment:{table_id}:{change['v']}:{get_language()}"
    rendered = cache.get(key)
    if rendered is None:
        rendered = {"author": _render_added(change, for_author=True), "others": _render_added(change, for_author=False)}
        cache.set(key, rendered, live.CHANGE_TIMEOUT)
    return change["author_id"], rendered["author"], rendered["others"]


def _render_added(change: dict, *, for_author: bool) -> str:
    note = {
        "pk": change["id"],
        "section_id": change["section"],
        "participant_id": change["author_id"],
        "participant": {"display_name": change["author"]},
        "text": change["text"],
        "axis": change["axis"],
        "group_label": change["group"],
        "plus_ones": change["plus_ones"],
    }
    context = {
        "note": note,
        "participant": {"pk": change["author_id"] if for_author else None},
        "workshop": {"join_code": change["code"], "allow_self_plus_one": change["allow_self_plus_one"]},
        "plus_oned": (),
        # Shared by the table: no one's CSRF token in it (htmx sends it in a header, see base.html).
        "csrf_token": "",
    }
    return render_to_string("workshops/canvas.html#delta-add", context)


def poller(*, code: str, version: str, table_id, stage_key: str, key: str) -> str:
    """The poller with the laptop's new version: its next poll (or reconnection) starts from there.
    The same markup as canvas.html's "poller" partial with poller_oob (tests/workshops/test_board_deltas.py
    compares them), built without a template: every laptop of a table builds its own at each change."""
    return format_html(
        '<div id="poller" hidden hx-get="{}?v={}&amp;t={}&amp;s={}&amp;k={}" hx-trigger="every 2s" hx-swap="none" '
        'data-stream="{}" hx-swap-oob="true"></div>',
        reverse("workshops:canvas_live", args=[code]), version, table_id or "", stage_key, key,
        reverse("workshops:canvas_stream", args=[code]),
    )
