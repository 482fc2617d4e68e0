"""tests/servers.py: a run starts the servers it was not given, and stops those and only those."""

import socket

import pytest
import redis
from django.conf import settings
from django.db import connection

from tests.servers import ThrowawayServers, description_key, provide_servers


class RunConfig:
    """What provide_servers uses of pytest's Config: its cleanups (run at the end) and its stash."""

    def __init__(self):
        self.cleanups = []
        self.stash = pytest.Stash()

    def add_cleanup(self, cleanup):
        self.cleanups.append(cleanup)

    def end(self):
        while self.cleanups:
            self.cleanups.pop()()


def answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


def redis_answers(url: str) -> bool:
    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=2).ping())
    except redis.RedisError:
        return False


def test_given_urls_start_nothing():
    environ = {"DATABASE_URL": "postgres://agora@db.invalid:5432/agora", "REDIS_URL": "redis://redis.invalid:6379/0"}
    config = RunConfig()

    servers = provide_servers(config, environ=environ)

    assert servers.executors == []
    assert servers.directory is None
    assert environ == {"DATABASE_URL": "postgres://agora@db.invalid:5432/agora", "REDIS_URL": "redis://redis.invalid:6379/0"}
    config.end()


def test_a_database_url_that_is_not_postgresql_is_refused_before_anything_starts():
    environ = {"DATABASE_URL": "sqlite:///db.sqlite3"}
    config = RunConfig()

    with pytest.raises(pytest.UsageError, match="PostgreSQL only"):
        provide_servers(config, environ=environ)

    assert environ == {"DATABASE_URL": "sqlite:///db.sqlite3"}
    assert config.cleanups == []


@pytest.mark.django_db
def test_only_the_missing_server_is_started_and_the_end_of_the_run_stops_it_alone():
    environ = {"DATABASE_URL": "postgres://agora@db.invalid:5432/agora"}
    config = RunConfig()

    servers = provide_servers(config, environ=environ)
    started_url = environ["REDIS_URL"]
    [executor] = servers.executors
    directory = servers.directory
    assert started_url != settings.REDIS_URL
    assert redis_answers(started_url)

    config.end()

    assert not redis_answers(started_url)
    assert not answers(executor.host, executor.port)
    assert not directory.exists()
    assert environ == {"DATABASE_URL": "postgres://agora@db.invalid:5432/agora"}
    # The servers this test run itself uses (given, or started for it) were not touched.
    assert redis_answers(settings.REDIS_URL)
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


@pytest.mark.django_db
def test_a_throwaway_postgresql_serves_its_database_until_stopped():
    import psycopg2

    servers = ThrowawayServers()
    try:
        url = servers.start_postgresql()
        [executor] = servers.executors
        with psycopg2.connect(url) as own, own.cursor() as cursor:
            cursor.execute("SELECT current_database(), current_setting('fsync')")
            assert cursor.fetchone() == ("agora", "off")
        own.close()
    finally:
        servers.stop()

    assert not answers(executor.host, executor.port)
    with pytest.raises(psycopg2.OperationalError):
        psycopg2.connect(url, connect_timeout=2)
    # The run's own database still answers.
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


def test_stopping_twice_is_harmless():
    servers = ThrowawayServers()
    url = servers.start_redis()

    servers.stop()
    servers.stop()

    assert not redis_answers(url)


def test_without_a_redis_to_start_the_run_goes_on_and_says_the_worker_tests_are_skipped(monkeypatch):
    monkeypatch.setattr("tests.servers.find_redis_server", lambda: None)
    environ = {"DATABASE_URL": "postgres://agora@db.invalid:5432/agora"}
    config = RunConfig()

    servers = provide_servers(config, environ=environ)

    assert "REDIS_URL" not in environ
    assert servers.executors == []
    assert any("worker tests are skipped" in line and "redis-server" in line for line in config.stash[description_key])
    config.end()


def test_on_ci_without_a_redis_to_start_the_run_stops(monkeypatch):
    monkeypatch.setattr("tests.servers.find_redis_server", lambda: None)
    environ = {"DATABASE_URL": "postgres://agora@db.invalid:5432/agora", "CI": "true"}
    config = RunConfig()

    with pytest.raises(pytest.UsageError, match="CI=true: no REDIS_URL and no Redis server to start"):
        provide_servers(config, environ=environ)

    assert "REDIS_URL" not in environ
    config.end()
