"""Forced interleavings on PostgreSQL: two services of one workshop, each on its own connection.

`interleave` lets the first service take its first row lock, then starts the second while the
first still holds that lock, then lets the first go on. Services that lock in different orders
deadlock there every time; with one lock order the second waits and both finish.
Used by tests/workshops/test_lock_order.py and tests/voting/test_lock_order.py.
"""

import re
import threading
import time

from django.core.exceptions import ValidationError
from django.db import connection

ROW_LOCK = re.compile(r"\bFOR (NO KEY UPDATE|UPDATE|KEY SHARE|SHARE)\b")  # exclusive, or shared (a vote's)
HOLD = 0.5  # seconds the first service keeps its first lock while the second runs into it


def interleave(first, second):
    """Run `first` up to its first row lock, `second` while that lock is held, then the rest of `first`.

    Returns {"first": result or exception, "second": result or exception}.
    """
    start = threading.Barrier(2)
    first_locked = threading.Event()
    outcomes = {}

    def hold_first_lock(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if not first_locked.is_set() and ROW_LOCK.search(sql):
            first_locked.set()
            time.sleep(HOLD)
        return result

    def run_first():
        try:
            start.wait()
            with connection.execute_wrapper(hold_first_lock):
                outcomes["first"] = first()
        except Exception as error:  # collected and asserted on by the test
            outcomes["first"] = error
        finally:
            first_locked.set()
            connection.close()

    def run_second():
        try:
            start.wait()
            first_locked.wait(timeout=10)
            outcomes["second"] = second()
        except Exception as error:  # collected and asserted on by the test
            outcomes["second"] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run_first), threading.Thread(target=run_second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads), "a service never finished"
    return outcomes


def assert_no_database_error(outcomes):
    """Each service either did its work or refused with a readable message: no deadlock, no 500."""
    for name, outcome in outcomes.items():
        if isinstance(outcome, Exception):
            assert isinstance(outcome, ValidationError), f"{name} failed with {outcome!r}"
            assert "deadlock" not in str(outcome)


def pair(first, second, swap):
    """`interleave` with the services in either order; outcomes returned in the (first, second) order given."""
    if not swap:
        outcomes = interleave(first, second)
        return outcomes["first"], outcomes["second"]
    outcomes = interleave(second, first)
    return outcomes["second"], outcomes["first"]
