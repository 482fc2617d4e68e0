"""The cache's Redis connection: a Redis that stops answering is skipped for a moment, not waited on.

django-redis reads a failed call as a miss (IGNORE_EXCEPTIONS), and every cached value has its
copy in PostgreSQL (sessions are not cached at all: `SESSION_ENGINE` is the database). A Redis that
is down refuses the connection at once; one that hangs (paused, swapping, a full disk under its
AOF) answers nothing, and each call would wait its whole socket timeout. A board's poll makes up to
six cache calls: six timeouts. So the first call that times out marks that server as silent for
`SILENT_SECONDS`, and meanwhile every call to it fails at once (and django-redis goes to the
database): a hung Redis costs one timeout per process every few seconds, never one per call.
"""

from __future__ import annotations

import threading
import time

from redis.connection import Connection
from redis.exceptions import ConnectionError, TimeoutError

SILENT_SECONDS = 5.0

_silent_until: dict[tuple[str, int], float] = {}
_lock = threading.Lock()


def _failures(method):
    def watched(self, *args, **kwargs):
        address = (self.host, self.port)
        if time.monotonic() < _silent_until.get(address, 0.0):
            raise ConnectionError(f"Redis {self.host}:{self.port} timed out a moment ago: skipped for now")
        try:
            return method(self, *args, **kwargs)
        except (TimeoutError, ConnectionError):
            with _lock:
                _silent_until[address] = time.monotonic() + SILENT_SECONDS
            raise

    return watched


class FailFastConnection(Connection):
    """A redis-py connection that gives up on a server for SILENT_SECONDS after it timed out or failed.

    Set as the connection class of django-redis's pool (OPTIONS CONNECTION_POOL_KWARGS)."""

    connect_check_health = _failures(Connection.connect_check_health)
    send_packed_command = _failures(Connection.send_packed_command)
    read_response = _failures(Connection.read_response)


def forget_failures() -> None:
    """Trust every server again (tests, after resuming a paused Redis)."""
    with _lock:
        _silent_until.clear()


def redis_cache(url: str, *, timeout: float) -> dict:
    """The settings of the cache on Redis at `url`: errors read as misses, `timeout` seconds at most per call."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": timeout,
            "SOCKET_TIMEOUT": timeout,
            "CONNECTION_POOL_KWARGS": {"connection_class": FailFastConnection},
        },
    }
