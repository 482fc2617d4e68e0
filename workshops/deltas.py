"""The live board's answer to a laptop: only what changed on its table since the version it holds.

A write records what it changed under the table's new version (workshops.live, board_changes).
A laptop at "<stage>.<table>" is sent the fragments of the changes after its table version, as
htmx out-of-band swaps: a new post-it appended to its section, a +1 count, a post-it removed.
A new post-it is rendered once per language for the whole table (for its author, and for the
others), then read from the cache by every laptop: a changed poll costs about an unchanged one.

Whenever that is not possible, the answer is None and the caller redraws the board as a page
load would (resynchronisation): the stage changed (phase, seats...), the laptop is too far
behind or its changes are gone from the cache, or a change was a "redraw". A timer's start,
pause or reset moves the stage too, but only the phase banner follows: it is sent alone.
"""

from django.core import signing
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import get_language

from . import live

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


def participant_delta(*, workshop_id: int, table_id: int | None, viewer_id: int, held, banner=None) -> tuple[str, str] | None:
    """(fragments, version now) for a laptop at version `held`; ("", version) when nothing changed;
    None when it must redraw. Reads the cache only, but for `banner()`, called when the stage moved
    by the phase banner alone (a timer started, paused or reset): its fragment, rendered for this laptop."""
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
    changes = table_changes(table_id, held_at[1], now[1])
    if changes is None:
        return None
    return fragments + "".join(fragment(table_id, change, viewer_id) for change in changes), current


def banner_moved_alone(workshop_id: int, since: int, until: int) -> bool:
    """True when every move of the stage since+1..until changed the phase banner alone."""
    if not 0 < until - since <= MAX_CHANGES:
        return False
    keys = [live.stage_change_key(workshop_id, version) for version in range(since + 1, until + 1)]
    found = cache.get_many(keys)
    return all(found.get(key, {}).get("kind") == "banner" for key in keys)


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


def fragment(table_id: int, change: dict, viewer_id: int) -> str:
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
    return rendered["author" if viewer_id == change["author_id"] else "others"]


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
    """The poller with the laptop's new version: its next poll (or reconnection) starts from there."""
    context = {"workshop": {"join_code": code}, "version": version, "participant": {"table_id": table_id},
               "stage_key": stage_key, "board_key": key, "poller_oob": True}
    return render_to_string("workshops/canvas.html#poller", context)
