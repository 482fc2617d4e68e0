"""The limits hold across web processes: two gunicorn servers on the same PostgreSQL and Redis,
hit at once, count the same requests (workshops.limits counts in Redis, not in a process).

The servers run on the test database (rows must be committed: transaction=True) with the rates
set through their environment, as a deployment sets them.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import string
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.db import connection

from tests.celery_worker import _database_url, _redis_answers
from tests.conftest import require_service
from workshops.models import Contribution
from tests.processes import stop

pytestmark = pytest.mark.django_db(transaction=True)

POSTS = 10
GUESSES = 4
START_TIMEOUT = 60


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _request(url, *, data=None, headers=None):
    request = urllib.request.Request(url, data=data, headers=headers or {}, method="POST" if data is not None else "GET")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture
def two_servers(live_workshop):
    """Two gunicorn processes (one worker, four threads each) on the test database and the run's Redis."""
    require_service(bool(settings.REDIS_URL) and _redis_answers(), "Redis (the limits are shared through it)")
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(connection.settings_dict),
        "REDIS_URL": settings.REDIS_URL,
        "DJANGO_SETTINGS_MODULE": "foresight.settings.test",
        "RATE_LIMIT_POST": f"{POSTS}/h",
        "RATE_LIMIT_JOIN_CODE": f"{GUESSES}/h",
        "PYTHONUNBUFFERED": "1",
    }
    servers, logs = [], []
    try:
        for _ in range(2):
            port = _free_port()
            log = tempfile.NamedTemporaryFile(prefix="gunicorn-", suffix=".log", delete=False)
            logs.append(log)
            process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "foresight.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1", "--threads", "4"],
                cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
            servers.append((process, f"http://127.0.0.1:{port}"))
        for process, base in servers:
            deadline = time.monotonic() + START_TIMEOUT
            while True:
                try:
                    if _request(base + "/w/join/")[0] == 200:
                        break
                except OSError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    logs[servers.index((process, base))].flush()
                    with open(logs[servers.index((process, base))].name, errors="replace") as output:
                        pytest.fail(f"gunicorn did not start:\n{output.read()[-3000:]}")
                time.sleep(0.3)
        yield [base for _process, base in servers]
    finally:
        for process, _base in servers:
            stop(process)
        for log in logs:
            log.close()
            os.unlink(log.name)


def test_postits_sent_at_once_to_two_processes_are_limited_as_one(two_servers, client, join_as, live_workshop, participant_factory):
    from django.core.cache import cache

    cache.clear()
    daniel = participant_factory(workshop=live_workshop, display_name="Daniel")
    join_as(client, daniel)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    csrf = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
    section = live_workshop.phases.get(position=1).canvas.sections.get(position=1)
    headers = {
        # English by the language cookie: the browser's Accept-Language never switches the UI (French first).
        "Cookie": f"{settings.SESSION_COOKIE_NAME}={session}; {settings.CSRF_COOKIE_NAME}={csrf}; {settings.LANGUAGE_COOKIE_NAME}=en",
        "X-CSRFToken": csrf,
        "Content-Type": "application/json",
    }

    def post(n):
        base = two_servers[n % 2]
        body = json.dumps({"section": section.pk, "text": f"Idée {n}"}).encode()
        return _request(f"{base}/api/w/{live_workshop.join_code}/contributions/", data=body, headers=headers)

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(post, range(4 * POSTS)))

    statuses = sorted(status for status, _headers, _body in answers)
    assert statuses == [201] * POSTS + [429] * (3 * POSTS), statuses
    assert Contribution.objects.filter(participant=daniel).count() == POSTS
    refused = next((h, b) for s, h, b in answers if s == 429)
    assert int(refused[0]["Retry-After"]) >= 1
    assert json.loads(refused[1])["detail"].startswith("You are posting very fast")


def test_wrong_codes_guessed_on_two_processes_are_counted_together(two_servers, live_workshop):
    from django.core.cache import cache

    cache.clear()
    for n in range(GUESSES):
        status, _headers, _body = _request(f"{two_servers[n % 2]}/w/ZZZZ{n:02d}/join/")
        assert status == 404
    for base in two_servers:
        status, headers, _body = _request(f"{base}/w/{live_workshop.join_code}/join/")
        assert status == 429 and int(headers["Retry-After"]) >= 1
