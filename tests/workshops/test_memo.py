"""The per-process memo the streams of a table share (workshops.memo)."""

import threading
import time

import pytest

from workshops.memo import Memo


def test_callers_arriving_while_the_first_computes_wait_for_its_value():
    memo, calls, started, release = Memo(size=8, ttl=30), [], threading.Event(), threading.Event()

    def compute():
        calls.append(1)
        started.set()
        release.wait(5)
        return "value"

    results = []
    first = threading.Thread(target=lambda: results.append(memo.get("k", compute)))
    first.start()
    started.wait(5)
    others = [threading.Thread(target=lambda: results.append(memo.get("k", compute))) for _ in range(5)]
    for thread in others:
        thread.start()
    time.sleep(0.1)
    release.set()
    for thread in [first, *others]:
        thread.join(5)
    assert results == ["value"] * 6 and len(calls) == 1


def test_none_is_not_kept_and_an_entry_expires():
    memo, calls = Memo(size=8, ttl=0.05), []

    def compute(value):
        def run():
            calls.append(value)
            return value
        return run

    assert memo.get("k", compute(None)) is None
    assert memo.get("k", compute("a")) == "a"  # None was not kept
    assert memo.get("k", compute("b")) == "a"
    time.sleep(0.1)
    assert memo.get("k", compute("c")) == "c"  # expired
    assert calls == [None, "a", "c"]


def test_it_is_bounded_and_a_failure_is_not_kept():
    memo = Memo(size=2, ttl=30)
    for key in "abc":
        memo.get(key, lambda key=key: key)
    assert list(memo._entries) == ["b", "c"]  # the oldest dropped

    def fail():
        raise RuntimeError("Redis is gone")

    with pytest.raises(RuntimeError):
        memo.get("d", fail)
    assert memo.get("d", lambda: "back") == "back"
