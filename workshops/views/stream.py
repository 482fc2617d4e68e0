"""The canvas page's stream: its board's changes pushed as Server-Sent Events as they happen.

Served by Django's ASGI application (foresight.asgi, under uvicorn): an open stream is a few
kilobytes waiting on a queue, not a worker. Each message of the workshop (workshops.fanout) wakes
the streams of its table; each sends what the poll would have answered (participant.board_changes_since:
the fragments of the changes, from the cache) or, when that is not possible, the board redrawn.
The event id is the laptop's version: a reconnection sends it back (Last-Event-ID) and resumes
from there. Under WSGI (runserver, gunicorn) the stream is refused at once: the page polls.

One post-it wakes its table's 25-40 streams at once: the first of them reads the versions (after
the message arrived, so they include its change) and the others reuse them (keyed by the message's
number in this process); the changes and their fragments are read and rendered once too
(deltas.table_delta). A laptop's own part is only its variant of the fragments and its poller.
"""

import asyncio

from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIRequest
from django.db import close_old_connections, connection
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import translation
from django.views.decorators.http import require_GET

from .. import deltas, fanout, live
from ..memo import Memo
from ..participation import SESSION_KEY
from .participant import board_changes_since, board_redrawn

HEARTBEAT = 10  # seconds: a ping keeps proxies from closing the stream, and the versions are checked anyway
LIFETIME = 15 * 60  # seconds: then the stream ends and the browser opens a new one (fresh session checks)

# The participant versions read by the first stream a message woke, for the others it woke: valid
# for that message only (its number), a few seconds at most.
_versions_after = Memo(size=1024, ttl=5)
# Read at a heartbeat, for the other streams of the table whose heartbeat falls within a second:
# a change in between wakes them with its own message anyway.
_versions_at_heartbeat = Memo(size=1024, ttl=1)


@require_GET
async def canvas_stream(request, code):
    if not isinstance(request, ASGIRequest):
        # A WSGI worker would be held for the stream's life: no stream here, the page polls.
        return HttpResponse(status=204)
    # In the request's own thread (thread-sensitive), where the middleware read the session and the
    # user: its database connection is closed there before the stream starts. Left open, it would be
    # held for the stream's life (Django closes it when the response ends): one per laptop.
    workshop_id, viewer_id = await sync_to_async(_viewer)(request, code)
    if workshop_id is None:
        return HttpResponse(status=404)
    if viewer_id is None:
        return HttpResponse(status=403)
    params = {key: request.GET.get(key, "") for key in ("v", "t", "s", "k")}
    if not deltas.key_matches(params["k"], viewer_id, _int(params["t"])):
        return HttpResponse(status=403)
    # A reconnection resumes from the last event the browser received.
    params["v"] = request.headers.get("Last-Event-ID") or params["v"]
    board = Board(request, code, workshop_id, viewer_id, params, translation.get_language())
    response = StreamingHttpResponse(board.events(), content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"  # nginx: pass each event on at once
    return response


class Board:
    """One laptop's open stream."""

    def __init__(self, request, code, workshop_id, viewer_id, params, language):
        self.request, self.code, self.workshop_id, self.viewer_id = request, code, workshop_id, viewer_id
        self.params, self.language = params, language
        self.table_id = _int(params["t"])

    async def events(self):
        async with fanout.subscription(self.workshop_id, self.table_id) as queue:
            # Subscribed before the first look: no change falls between the two.
            yield "retry: 2000\n\n"
            loop = asyncio.get_running_loop()
            ends_at = loop.time() + LIFETIME
            message = {"s": True}
            while loop.time() < ends_at:
                if message is fanout.CLOSED:
                    return
                if message is None or message.get("s") or message.get("t") == self.table_id:
                    event, go_on = await sync_to_async(self.answer, thread_sensitive=False)(message)
                    if event:
                        yield event
                    if not go_on:
                        return  # the browser reconnects with what its page holds now
                try:
                    message = await asyncio.wait_for(queue.get(), HEARTBEAT)
                except TimeoutError:
                    message = None  # nothing heard: look at the versions anyway, and ping
                    yield "event: ping\ndata:\n\n"

    def answer(self, message=None) -> tuple[str, bool]:
        """The next event for this laptop ("" when it is up to date), and whether the stream goes on,
        after `message` (None: a heartbeat; without a number: the stream's first look).

        Runs in the event loop's default thread pool (thread_sensitive=False, min(32, cores + 4)
        threads): a few database connections for all the streams, not one per stream; closed or kept
        as after a request (CONN_MAX_AGE)."""
        close_old_connections()
        try:
            with translation.override(self.language):
                return self._answer(message)
        finally:
            close_old_connections()

    def _current(self, message) -> str | None:
        """The participant's version, read once for the streams of the table woken with this one;
        None (read it afresh) at the first look, or when the laptop already holds a newer one."""
        if message is None:
            memo, key = _versions_at_heartbeat, (self.workshop_id, self.table_id)
        elif "n" in message:
            memo, key = _versions_after, (message["n"], self.workshop_id, self.table_id)
        else:
            return None  # the first look: what the page holds may be older than any message since
        current = memo.get(key, lambda: live.participant_version(self.workshop_id, self.table_id))
        # Read before this laptop's own version (another message's answer): it says nothing new.
        return None if deltas.behind(current, self.params["v"]) else current

    def _answer(self, message=None) -> tuple[str, bool]:
        current = self._current(message)
        changes = board_changes_since(self.params, self.code, self.workshop_id, self.viewer_id, current=current)
        if changes is not None:
            html, version = changes
            self.params["v"] = version
            return (_event(version, html) if html else ""), True
        redrawn = board_redrawn(self.request, self.code, stage_key=self.params["s"])
        if redrawn is None:
            return "", False  # no longer a participant: the page's next poll says so
        html, context = redrawn
        self.params.update(v=context["version"], s=context["stage_key"], k=context["board_key"])
        # At another table now, the page opens a new stream for it (its key is in the new poller).
        return _event(context["version"], html), context["participant"].table_id == self.table_id


def _viewer(request, code) -> tuple[int | None, int | None]:
    """(workshop id, the browser's participant id in it), then every connection of this thread closed."""
    try:
        workshop_id = live.workshop_id_for_code(code)
        if workshop_id is None:
            return None, None
        return workshop_id, request.session.get(SESSION_KEY, {}).get(str(workshop_id))
    finally:
        connection.close()


def _event(version: str, html: str) -> str:
    data = "".join(f"data: {line}\n" for line in html.splitlines() or [""])
    return f"id: {version}\n{data}\n"


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
