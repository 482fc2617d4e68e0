"""A small, bounded, short-lived memo shared by the threads of one process.

One post-it wakes the open streams of its 25-40 table-mates at once (workshops.views.stream): each
would read the same versions and changes from Redis and render the same fragments. Kept here, the
first stream of the table computes them and the others, woken with it, wait for its answer and reuse
it: one computation per process, not one per laptop.

Only what cannot change under its key is kept (the changes between two versions, rendered in one
language), or what is valid for one delivered message (the versions read after it): a short lifetime
and a bounded size keep it from growing with the workshops a process has served.
"""

import threading
import time
from collections import OrderedDict


class _Entry:
    __slots__ = ("expires", "done", "value", "failed")

    def __init__(self, expires):
        self.expires = expires
        self.done = threading.Event()
        self.value = None
        self.failed = False


_all: list["Memo"] = []


def clear_all() -> None:
    """Forget everything every memo holds (tests: the cache emptied, the memos follow)."""
    for memo in _all:
        memo.clear()


class Memo:
    def __init__(self, *, size: int, ttl: float):
        self.size, self.ttl = size, ttl
        self._lock = threading.Lock()
        self._entries: OrderedDict = OrderedDict()
        _all.append(self)

    def get(self, key, compute):
        """compute()'s value for this key: computed by the first caller, the callers meanwhile wait
        for it. None is handed to those waiting but not kept: the next caller computes again."""
        now = time.monotonic()
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or (entry.done.is_set() and entry.expires <= now):
                entry = self._entries[key] = _Entry(now + self.ttl)
                self._entries.move_to_end(key)
                while len(self._entries) > self.size:
                    self._entries.popitem(last=False)
                owner = True
            else:
                owner = False
        if not owner:
            entry.done.wait()
            if not entry.failed:
                return entry.value
            return compute()  # the first caller failed: its error is its own, this one tries again
        try:
            entry.value = compute()
        except BaseException:
            entry.failed = True
            self._drop(key, entry)
            raise
        finally:
            entry.done.set()
        if entry.value is None:
            self._drop(key, entry)
        return entry.value

    def _drop(self, key, entry):
        with self._lock:
            if self._entries.get(key) is entry:
                del self._entries[key]

    def clear(self):
        with self._lock:
            self._entries.clear()
