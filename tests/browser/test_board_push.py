"""The board pushed to laptops served by two web processes (uvicorn), and the poll as the fallback.

Two uvicorn processes on the test database and the run's Redis: a post-it posted through one
reaches, through Redis publish/subscribe, a laptop whose stream the other one serves. A laptop
whose stream cannot open polls instead, and catches up after a network loss.
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.browser.conftest import watch_context, watch_page
from tests.browser.test_live_workshop import post
from tests.celery_worker import _database_url, _redis_answers
from tests.conftest import require_service
from workshops import services
from tests.processes import stop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUSHED = 1500  # ms: pushed, a post-it does not wait for a poll cycle


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port, process, log, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"uvicorn exited: {open(log.name).read()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"uvicorn did not listen on {port}: {open(log.name).read()[-2000:]}")


@pytest.fixture
def web_processes(live_server):
    """Two uvicorn processes serving foresight.asgi on the test database and the run's Redis."""
    from django.db import connection

    require_service(_redis_answers(), "Redis (REDIS_URL) for the streams' publish/subscribe")
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(connection.settings_dict),
        "REDIS_URL": settings.REDIS_URL,
        "DJANGO_SETTINGS_MODULE": "foresight.settings.test",
        "PYTHONUNBUFFERED": "1",
    }
    servers = []
    try:
        for _ in range(2):
            port = _free_port()
            log = tempfile.NamedTemporaryFile(prefix="uvicorn-", suffix=".log", delete=False)
            process = subprocess.Popen(
                [sys.executable, "-m", "uvicorn", "tests.asgi_test_app:application", "--host", "127.0.0.1",
                 "--port", str(port), "--log-level", "warning"],
                env=env, stdout=log, stderr=subprocess.STDOUT,
            )
            servers.append((process, log))
            _wait_for(port, process, log)
            # The first request loads the whole project: not within a page's 5 s.
            urllib.request.urlopen(f"http://127.0.0.1:{port}/w/join/", timeout=60).read()
            servers[-1] = (process, log, f"http://127.0.0.1:{port}")
        yield [server[2] for server in servers]
    finally:
        for server in servers:
            stop(server[0])


@pytest.fixture
def workshop(facilitator):
    from tests.factories import WorkshopFactory

    workshop = WorkshopFactory(facilitator=facilitator, join_code="QN2012", title="Atelier des ruptures")
    services.phase_open(phase=workshop.phases.order_by("position").first())
    return workshop


@pytest.fixture
def laptop(browser_instance, console_problems):
    """A participant's laptop on the given web process, joined at Table 1."""
    from tests.browser.conftest import pick_table

    contexts = []

    def join(base_url, name, block_stream=False):
        context = browser_instance.new_context(base_url=base_url, locale="fr-FR", viewport={"width": 1280, "height": 800})
        contexts.append(context)
        watch_context(context, console_problems)
        if block_stream:
            # A venue's proxy that will not pass a stream.
            context.route("**/stream/**", lambda route: route.abort())
        page = context.new_page()
        watch_page(page, console_problems)
        page.set_default_timeout(5000)
        page.goto("/w/join/?code=QN2012")
        page.fill("input[name=display_name]", name)
        pick_table(page, "Table 1")
        page.click("main form button[type=submit]")
        expect(page.locator("h1.who")).to_contain_text(name)
        return page

    yield join
    for context in contexts:
        context.close()


def test_a_postit_through_one_web_process_is_pushed_to_a_laptop_of_the_other(web_processes, workshop, laptop, screenshot, axe_clean):
    first, second = web_processes
    amina = laptop(first, "Amina")
    bruno = laptop(second, "Bruno")
    for page in (amina, bruno):
        expect(page.locator("html")).to_have_attribute("data-live", "stream")
    polls = []
    bruno.on("request", lambda request: polls.append(request.url) if "/live/" in request.url else None)
    amina.on("request", lambda request: polls.append(request.url) if "/live/" in request.url else None)
    post(amina, "Signes avant-coureurs", "Poussé d'un processus à l'autre")
    expect(bruno.locator(".postit", has_text="Poussé d'un processus à l'autre")).to_be_visible(timeout=PUSHED)
    # The +1 moves the figure on the other laptop, pushed as well.
    bruno.locator(".postit", has_text="Poussé d'un processus à l'autre").get_by_role("button").click()
    expect(amina.locator(".postit", has_text="Poussé d'un processus à l'autre").locator(".plus-count")).to_have_text("1", timeout=PUSHED)
    assert polls == []  # while the stream is open, the page does not poll
    screenshot(bruno, "board-pushed")
    axe_clean(bruno, "the canvas with a pushed post-it")


@pytest.mark.console_allows(r"net::ERR_FAILED", r"net::ERR_INTERNET_DISCONNECTED")
def test_a_laptop_whose_stream_is_cut_polls_and_catches_up_after_a_network_loss(web_processes, workshop, laptop):
    first, second = web_processes
    amina = laptop(first, "Amina")
    bruno = laptop(second, "Bruno")
    expect(bruno.locator("html")).to_have_attribute("data-live", "stream")
    # Asleep, or off the network, while the table writes on; and back behind a proxy that cuts streams.
    bruno.context.route("**/stream/**", lambda route: route.abort())
    bruno.context.set_offline(True)
    expect(bruno.locator("html")).to_have_attribute("data-live", "poll", timeout=10000)
    post(amina, "Signes avant-coureurs", "Coupure, un")
    post(amina, "Signes avant-coureurs", "Coupure, deux")
    bruno.context.set_offline(False)
    for text in ("Coupure, un", "Coupure, deux"):
        expect(bruno.locator(".postit", has_text=text)).to_be_visible(timeout=5000)
    # From now on the poll alone keeps it up to date.
    post(amina, "Signes avant-coureurs", "Par le sondage")
    expect(bruno.locator(".postit", has_text="Par le sondage")).to_be_visible(timeout=3500)
    expect(bruno.locator("html")).to_have_attribute("data-live", "poll")


@pytest.mark.console_allows(r"net::ERR_FAILED")
def test_a_laptop_behind_a_proxy_that_blocks_streams_polls_from_the_start(web_processes, workshop, laptop):
    first, second = web_processes
    amina = laptop(first, "Amina")
    bruno = laptop(second, "Bruno", block_stream=True)
    expect(bruno.locator("html")).to_have_attribute("data-live", "poll")
    post(amina, "Signes avant-coureurs", "Par le sondage")
    expect(bruno.locator(".postit", has_text="Par le sondage")).to_be_visible(timeout=3500)


def test_a_timer_started_reaches_the_laptops_as_its_banner_alone_and_a_draft_stays(web_processes, workshop, laptop):
    first, second = web_processes
    amina = laptop(first, "Amina")
    expect(amina.locator("html")).to_have_attribute("data-live", "stream")
    draft = amina.locator("section.canvas-section").first.locator("textarea")
    draft.fill("En train d'écrire")
    draft.focus()
    # Marks the board as it stands: a redrawn board would lose the mark, a swapped banner keeps it.
    amina.evaluate("document.querySelector('ul.notes').dataset.mark = 'kept'")
    phase = workshop.phases.get(status="open")
    assert phase.duration_seconds
    services.timer_start(phase=phase)
    expect(amina.locator("#phase-banner .timer.running")).to_be_visible(timeout=PUSHED)
    expect(amina.locator("ul.notes").first).to_have_attribute("data-mark", "kept")
    expect(draft).to_have_value("En train d'écrire")
    expect(draft).to_be_focused()
