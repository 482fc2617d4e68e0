"""A real Celery worker on Redis, for integration tests (marker `worker`).

The worker runs as a subprocess on pytest-django's test database and on the
run's Redis: REDIS_URL as given, or the throwaway Redis that tests/servers.py
started (it sets REDIS_URL before the settings load, so settings.REDIS_URL is
that one). Tests that use it need @pytest.mark.django_db(transaction=True): the
worker only sees committed rows. Where no Redis could be had, they are skipped
locally and fail on CI.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from urllib.parse import quote

import pytest
from django.conf import settings

from foresight import celery_app
from tests.conftest import require_service
from tests.processes import stop

PING_TIMEOUT_SECONDS = 20


def _database_url(settings_dict: dict) -> str:
    user = quote(settings_dict.get("USER") or "", safe="")
    password = quote(settings_dict.get("PASSWORD") or "", safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{credentials}{host}{port}/{quote(settings_dict['NAME'], safe='')}"


def _redis_answers() -> bool:
    if not settings.REDIS_URL:
        return False
    import redis

    try:
        return bool(redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2).ping())
    except redis.RedisError:
        return False


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup):
    """Start `celery -A foresight worker` on the test database once per session; stop it at the end.

    It depends on django_db_setup, so the test database exists (and its name is known)
    before the worker starts, and the worker is gone before the database is dropped.
    """
    from django.db import connection

    require_service(
        bool(settings.REDIS_URL),
        "a Redis broker for the Celery worker: set REDIS_URL, or install Debian's redis-server for the run to start one",
    )
    require_service(_redis_answers(), f"Redis at {settings.REDIS_URL}")

    # A name of our own, so the ping below hears this worker and not one a developer left running.
    hostname = f"pytest-{os.getpid()}@localhost"
    env = {
        **os.environ,
        # After django_db_setup, NAME is the test database ("test_<name>"), not the real one.
        "DATABASE_URL": _database_url(connection.settings_dict),
        "REDIS_URL": settings.REDIS_URL,
        "DJANGO_SETTINGS_MODULE": "foresight.settings.test",
        "PYTHONUNBUFFERED": "1",
    }
    # Messages left by earlier runs point at rows of a database that no longer exists.
    celery_app.control.purge()
    log = tempfile.NamedTemporaryFile(prefix="celery-worker-", suffix=".log", delete=False)
    process = subprocess.Popen(
        [
            sys.executable, "-m", "celery", "-A", "foresight", "worker",
            "--pool=solo", "--concurrency=1", "-l", "info", "-n", hostname, "--without-gossip", "--without-mingle",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + PING_TIMEOUT_SECONDS
        while not celery_app.control.ping(destination=[hostname], timeout=1):
            if process.poll() is not None or time.monotonic() > deadline:
                log.flush()
                with open(log.name, encoding="utf-8", errors="replace") as output:
                    tail = output.read()[-4000:]
                pytest.fail(f"The Celery worker did not answer a ping within {PING_TIMEOUT_SECONDS} s:\n{tail}")
        yield process
    finally:
        stop(process)
        log.close()
        os.unlink(log.name)


@pytest.fixture
def celery_worker(celery_worker_process):
    """While a test uses this, tasks go to Redis and the real worker runs them (not eagerly in-process)."""
    was_eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    try:
        yield celery_worker_process
    finally:
        celery_app.conf.task_always_eager = was_eager


def wait_for(condition, timeout: float = 15, interval: float = 0.2):
    """Poll `condition` until it returns something truthy; return it, or fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"Nothing came within {timeout} s")
        time.sleep(interval)
