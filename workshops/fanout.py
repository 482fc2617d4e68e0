"""Telling the open board streams of a workshop that something changed, in every web process.

A write publishes, after its commit, which table changed or that the stage did (workshops.live).
With REDIS_URL, the message goes through Redis publish/subscribe: each web process keeps one
subscription (a pattern over all workshops) and hands the messages to the streams it serves, so a
post-it through one process reaches the laptops of all the others. Without Redis (the embedded
default) the process hands them over itself: one process, one room.

Each stream subscribes to its workshop's stage and its own table: a post-it wakes the streams of
its table only, not the whole room's. Each message delivered in a process gets a number ("n"):
the streams it wakes read the versions once for all of them (views.stream).

A lost message costs a delay, not a change: each stream also looks at the versions every few
seconds (views.stream), and a laptop whose stream fails polls instead.
"""

import asyncio
import itertools
import json
import logging
import threading

from django.conf import settings

logger = logging.getLogger(__name__)

CHANNEL_PREFIX = "agora:board:"
CLOSED = object()  # tells the streams to end: their laptops fall back to polling, then reconnect

_lock = threading.Lock()
# workshop id -> table id (None: no table) -> the (loop, queue) of each open stream
_queues: dict[int, dict[int | None, set[tuple[asyncio.AbstractEventLoop, asyncio.Queue]]]] = {}
_numbers = itertools.count(1)
_listeners: dict[asyncio.AbstractEventLoop, asyncio.Task] = {}
_publisher = None


def publish(workshop_id: int, *, table_id: int | None = None, stage: bool = False) -> None:
    message = {"w": workshop_id, "t": table_id, "s": stage}
    if settings.REDIS_URL:
        try:
            _redis().publish(f"{CHANNEL_PREFIX}{workshop_id}", json.dumps(message))
        except Exception:  # noqa: BLE001 - the write is committed; the streams' own checks catch up
            logger.warning("Could not publish a board change of workshop %s", workshop_id, exc_info=True)
        return
    deliver(message)


def _redis():
    global _publisher
    if _publisher is None:
        import redis

        _publisher = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1)
    return _publisher


def deliver(message) -> None:
    """Hand a message (or CLOSED, to every stream) to the streams of this process; any thread.
    A stage change goes to all the workshop's streams, a table's change to that table's only."""
    with _lock:
        if message is CLOSED:
            targets = [t for tables in _queues.values() for queues in tables.values() for t in queues]
        else:
            tables = _queues.get(message["w"], {})
            if message.get("s"):
                targets = [t for queues in tables.values() for t in queues]
            else:
                targets = list(tables.get(message.get("t"), ()))
            message = {**message, "n": next(_numbers)}
    for loop, queue in targets:
        try:
            loop.call_soon_threadsafe(queue.put_nowait, message)
        except RuntimeError:  # that loop is closed: its stream is gone
            pass


class subscription:
    """`async with subscription(workshop_id, table_id) as queue:` the messages of the workshop's stage
    and of that table while it is open."""

    def __init__(self, workshop_id: int, table_id: int | None = None):
        self.workshop_id, self.table_id = workshop_id, table_id
        self.entry = None

    async def __aenter__(self) -> asyncio.Queue:
        loop = asyncio.get_running_loop()
        self.entry = (loop, asyncio.Queue())
        with _lock:
            _queues.setdefault(self.workshop_id, {}).setdefault(self.table_id, set()).add(self.entry)
        if settings.REDIS_URL:
            _ensure_listener(loop)
        return self.entry[1]

    async def __aexit__(self, *exc):
        with _lock:
            tables = _queues.get(self.workshop_id, {})
            queues = tables.get(self.table_id, set())
            queues.discard(self.entry)
            if not queues:
                tables.pop(self.table_id, None)
            if not tables:
                _queues.pop(self.workshop_id, None)


def _ensure_listener(loop) -> None:
    task = _listeners.get(loop)
    if task is None or task.done():
        _listeners[loop] = loop.create_task(_listen())


async def _listen() -> None:
    """This process's one Redis subscription, handing each message to the streams it serves."""
    import redis.asyncio as aredis

    client = aredis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2)
    pubsub = client.pubsub(ignore_subscribe_messages=True)
    try:
        await pubsub.psubscribe(f"{CHANNEL_PREFIX}*")
        async for item in pubsub.listen():
            try:
                deliver(json.loads(item["data"]))
            except (KeyError, TypeError, ValueError):
                continue
    except asyncio.CancelledError:
        raise
    except Exception:  # noqa: BLE001 - Redis gone: the streams end and their laptops poll meanwhile
        logger.warning("The board subscription to Redis failed", exc_info=True)
        deliver(CLOSED)
    finally:
        try:
            await pubsub.aclose()
            await client.aclose()
        except Exception:  # noqa: BLE001
            pass
