"""Sessions that stay closed, whatever Redis does (issue 12, item 2).

Each test starts a Redis of its own on a free port (never the run's), points the cache at it with
the real settings (`foresight.cache.redis_cache`), and pauses that process with SIGSTOP, as a Redis
that hangs (not down: its port still accepts connections, nothing answers). It stops only what it
started.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from dataclasses import dataclass

import port_for
import pytest
import redis
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

from foresight.cache import forget_failures, redis_cache
from tests.conftest import require_service
from tests.servers import HOST, find_redis_server
from tests.processes import stop

pytestmark = pytest.mark.django_db


@dataclass
class OwnRedis:
    process: subprocess.Popen
    url: str

    @contextlib.contextmanager
    def paused(self):
        os.kill(self.process.pid, signal.SIGSTOP)
        try:
            yield
        finally:
            os.kill(self.process.pid, signal.SIGCONT)
            forget_failures()

    def cache_settings(self, timeout: float = 0.5) -> dict:
        return {"default": redis_cache(self.url, timeout=timeout)}


@pytest.fixture
def own_redis(tmp_path):
    server = find_redis_server()
    require_service(server is not None, "redis-server (Debian's redis-server package)")
    port = port_for.select_random()
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", HOST, "--save", "", "--appendonly", "no", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        probe = redis.Redis(host=HOST, port=port, socket_timeout=1)
        for _ in range(200):
            with contextlib.suppress(redis.ConnectionError):
                if probe.ping():
                    break
            time.sleep(0.05)
        else:
            pytest.fail(f"the test's own redis-server on port {port} did not answer")
        probe.close()
        yield OwnRedis(process, f"redis://{HOST}:{port}/0")
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(process.pid, signal.SIGCONT)
        stop(process)
        forget_failures()


def a_browser_with(cookie: str) -> Client:
    browser = Client()
    browser.cookies[settings.SESSION_COOKIE_NAME] = cookie
    return browser


def test_a_logout_while_redis_hangs_stays_a_logout(client, facilitator, own_redis):
    dashboard = reverse("workshops:dashboard")
    with override_settings(CACHES=own_redis.cache_settings()):
        response = client.post(reverse("account_login"), {"username": "alice", "password": "password"})
        assert response.status_code == 302
        assert client.get(dashboard).status_code == 200
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value

        with own_redis.paused():
            started = time.monotonic()
            assert client.post(reverse("account_logout")).status_code == 302
            assert time.monotonic() - started < 3  # a hung Redis is skipped, not waited on
        time.sleep(0.2)  # the resumed Redis runs whatever reached it meanwhile

        response = a_browser_with(cookie).get(dashboard)
        assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
        assert client.get(dashboard).status_code == 302


def test_a_password_change_closes_the_other_sessions(client, facilitator, own_redis):
    dashboard = reverse("workshops:dashboard")
    with override_settings(CACHES=own_redis.cache_settings()):
        laptop = Client()
        assert laptop.post(reverse("account_login"), {"username": "alice", "password": "password"}).status_code == 302
        assert client.post(reverse("account_login"), {"username": "alice", "password": "password"}).status_code == 302
        response = client.post(
            reverse("account_change_password"),
            {"oldpassword": "password", "password1": "a new Passw0rd for alice", "password2": "a new Passw0rd for alice"},
        )
        assert response.status_code == 302
        # What the session says, not what a cache remembers: with Redis hung and once it answers again.
        with own_redis.paused():
            assert laptop.get(dashboard).status_code == 302  # the other browser is signed out
            assert client.get(dashboard).status_code == 200  # the one that changed it stays signed in
        assert laptop.get(dashboard).status_code == 302


def test_a_poll_while_redis_hangs_does_not_wait_on_every_call(client, join_as, live_workshop, participant_factory, own_redis):
    daniel = participant_factory(workshop=live_workshop)
    with override_settings(CACHES=own_redis.cache_settings()):
        join_as(client, daniel)
        version = client.get(reverse("workshops:canvas", args=["QN2012"])).context["version"]
        poll = reverse("workshops:canvas_live", args=["QN2012"]) + f"?v={version}&t={daniel.table_id}"
        assert client.get(poll).status_code == 204

        with own_redis.paused():
            started = time.monotonic()
            statuses = [client.get(poll).status_code for _ in range(3)]
            elapsed = time.monotonic() - started
        # Six cache calls a poll, 0.5 s each if every one waited: 9 s for three polls. One timeout
        # marks the server silent, and the rest go to the database at once.
        assert statuses == [204, 204, 204]
        assert elapsed < 2.5, f"three polls took {elapsed:.1f} s against a hung Redis"
        assert client.get(poll).status_code == 204  # and once it answers again


def test_publishing_a_task_to_a_hung_broker_gives_up_quickly(own_redis):
    from celery import Celery
    from kombu.exceptions import OperationalError

    from foresight.celery import QuickPublishAMQP

    app = Celery("probe", set_as_current=False, amqp=QuickPublishAMQP)
    app.config_from_object("django.conf:settings", namespace="CELERY")
    app.conf.broker_url = own_redis.url
    app.conf.task_always_eager = False
    try:
        app.send_task("workshops.tasks.aggregate_pending")  # a pooled connection, as a web process has
        with own_redis.paused():
            started = time.monotonic()
            with pytest.raises((OperationalError, redis.RedisError)):
                app.send_task("workshops.tasks.aggregate_pending")
            elapsed = time.monotonic() - started
        # Two tries of at most 2 x REDIS_TIMEOUT (1 s) each, and the 0.2 s between them.
        assert elapsed < 3.5, f"publishing waited {elapsed:.1f} s on a hung broker"
    finally:
        app.close()
