"""Shared fixtures: fixed actors, services that must be there on CI, and the browser."""

import contextlib
import os
import shutil

import pytest
from django.conf import settings
from django.db import connections
from django.utils import translation
from pytest_factoryboy import register

from tests import factories
from workshops.participation import SESSION_KEY

# PostgreSQL and Redis (given by DATABASE_URL / REDIS_URL, or started for the run) come from
# tests/servers.py, loaded with `-p` in pyproject.toml because it must act before the settings load.
pytest_plugins = ["tests.celery_worker"]

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls there are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ON_CI = os.environ.get("CI", "").lower() == "true"
CHROMIUM = "/usr/bin/chromium"

register(factories.UserFactory)
register(factories.EditionFactory)
register(factories.CanvasFactory)
register(factories.FormatFactory)
register(factories.WorkshopFactory)
register(factories.TableFactory)
register(factories.ParticipantFactory)
register(factories.ContributionFactory)
register(factories.ScenarioFactory)
register(factories.TagFactory)
register(factories.TimelineEventFactory)


def require_service(available: bool, what: str):
    """Skip locally when a service is missing; fail on CI, where it must be there."""
    if available:
        return
    if ON_CI:
        pytest.fail(f"{what} is required on CI")
    pytest.skip(f"{what} is not available here")


@pytest.fixture(autouse=True)
def empty_cache():
    """The cache outlives a test's rolled-back rows: start each test with none of it."""
    from django.core.cache import cache

    from workshops import memo  # what each process keeps of the cache a short while

    cache.clear()
    memo.clear_all()
    yield
    cache.clear()
    memo.clear_all()


@pytest.fixture
def join_as():
    """Bind a test client's session to a participant, as the join form does."""

    def bind(client, participant):
        session = client.session
        joined = dict(session.get(SESSION_KEY, {}))
        joined[str(participant.workshop_id)] = participant.pk
        session[SESSION_KEY] = joined
        session.save()
        return client

    return bind


@pytest.fixture
def only_session_reads(django_assert_num_queries):
    """An unchanged poll reads its session and nothing else: one primary-key read of django_session
    per request (sessions live in the database alone, so that a logout is final; README, "Sessions")."""

    @contextlib.contextmanager
    def check(requests=1):
        with django_assert_num_queries(requests) as captured:
            yield captured
        tables = [q["sql"].split(" FROM ")[1].split()[0] for q in captured.captured_queries]
        assert tables == ['"django_session"'] * requests, tables

    return check


@pytest.fixture(autouse=True)
def default_language():
    """Services raise messages in the active language: a request in English (the `english` fixture)
    leaves English active in this thread, so each test starts from the default (French) again."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def english(client):
    """The test client with English chosen in the FR/EN switch (French is the default)."""
    from django.conf import settings as django_settings

    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def facilitator(db):
    return factories.FacilitatorFactory(username="alice")


@pytest.fixture
def other_facilitator(db):
    return factories.FacilitatorFactory(username="bob")


@pytest.fixture
def editor(db):
    return factories.EditorFactory(username="eve")


@pytest.fixture
def outsider(db):
    return factories.UserFactory(username="charlie")


@pytest.fixture
def live_workshop(db, facilitator):
    """A workshop run by alice, with two tables and its first post-it phase open."""
    workshop = factories.WorkshopFactory(facilitator=facilitator, join_code="QN2012")
    from workshops.services import phase_open

    phase_open(phase=workshop.phases.order_by("position").first())
    workshop.refresh_from_db()
    return workshop


@pytest.fixture
def browser_instance():
    require_service(shutil.which(CHROMIUM) is not None, "Debian's Chromium (/usr/bin/chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser_instance, live_server):
    """Open a page in a fresh browser context (its own cookies: another person at another laptop)."""
    contexts = []

    def open_page(path="/", locale="fr-FR"):
        context = browser_instance.new_context(base_url=live_server.url, locale=locale, viewport={"width": 1280, "height": 800})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(5000)
        if path is not None:
            page.goto(path)
        return page

    yield open_page
    for context in contexts:
        context.close()
    # While Playwright runs, the test body's ORM calls get a connection of their own (another
    # context for asgiref's Local): close it, or the test database cannot be dropped at the end.
    connections.close_all()


@pytest.fixture
def login(new_page):
    """A browser page already logged in as the given user (password 'password')."""

    def log_in(user, path="/"):
        page = new_page("/accounts/login/")
        page.fill("input[name=username]", user.username)
        page.fill("input[name=password]", "password")
        page.click("main form button[type=submit]")
        page.wait_for_url(lambda url: "/accounts/login/" not in url)
        page.goto(path)
        return page

    return log_in


SCREENSHOTS = settings.BASE_DIR / "artifacts" / "screenshots"


@pytest.fixture
def screenshot():
    """Save a screenshot under artifacts/screenshots/ so a person can look at the page."""

    def take(page, name):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)

    return take
