"""The PostgreSQL and Redis that a test run was not given: throwaway servers of its own.

`make test` (or `pytest`) with no DATABASE_URL starts a PostgreSQL, and with no REDIS_URL a Redis,
from Debian's packages (pg_ctl under /usr/lib/postgresql/<version>/bin, redis-server), on free
ports of 127.0.0.1, in one temporary directory; when the run ends it stops them and removes the
directory. A URL that is given (.ci/run gives both) is used as it is and nothing is started for it.

Why a plugin loaded with `-p tests.servers` (pyproject's addopts) and not pytest-postgresql's
`postgresql_proc` / pytest-redis's `redis_proc` fixtures: Django reads DATABASE_URL and REDIS_URL
once, when pytest-django imports the settings in its `pytest_load_initial_conftests` hook, before
any conftest.py or fixture runs, and the settings build the cache and the Celery broker from
REDIS_URL there and then (the Celery worker subprocess inherits the same variables). So the servers
must answer, and the variables be set, before that hook: ours wraps it. The processes themselves
are those plugins' executors (PostgreSQLExecutor: initdb and pg_ctl; RedisExecutor), on mirakuru,
which waits for the port, stops them, and kills whatever is left of what it started, which it
recognises by a variable it puts in their environment, also when the interpreter exits. Their
fixtures are switched off (`-p no:pytest_postgresql -p no:pytest_redis`): nothing uses them, and
pytest-postgresql's would import psycopg 3, which needs a libpq, on every run.

The suite runs on PostgreSQL only: row locks, concurrent writers and accent-insensitive search are
what it tests, and SQLite would fail or fake them. A DATABASE_URL that names another database is
refused before anything runs. Redis is needed only by the Celery worker tests: where no Redis can be
had they are skipped locally, saying why, and on CI (CI=true) the run stops, as it does for Chromium.
"""

from __future__ import annotations

import glob
import os
import pwd
import shlex
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

DATABASE_NAME = "agora"
HOST = "127.0.0.1"
# A throwaway cluster need not survive a crash: not syncing to disk makes the suite faster.
POSTGRES_OPTIONS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
# A free port can be taken by another process between choosing it and binding it: choose again.
START_ATTEMPTS = 3
POSTGRES_SCHEMES = {"postgres", "postgresql", "pgsql", "psql", "postgis"}

description_key = pytest.StashKey[list[str]]()


class ServerUnavailable(Exception):
    """A server could not be started; the message says why and what to do."""


def find_pg_ctl() -> str | None:
    """pg_ctl on PATH, else the newest of Debian's, which keeps server binaries off PATH."""
    on_path = shutil.which("pg_ctl")
    if on_path:
        return on_path
    debian = glob.glob("/usr/lib/postgresql/*/bin/pg_ctl")

    def version(path: str) -> tuple[int, ...]:
        return tuple(int(part) for part in Path(path).parts[-3].split(".") if part.isdigit())

    return max(debian, key=version) if debian else None


def find_redis_server() -> str | None:
    return shutil.which("redis-server") or next(
        (path for path in ("/usr/bin/redis-server", "/usr/sbin/redis-server") if os.access(path, os.X_OK)), None
    )


class ThrowawayServers:
    """Servers started for one run. `stop()` ends these and only these, and removes their directory."""

    def __init__(self) -> None:
        self.directory: Path | None = None
        self.executors: list = []

    def _workdir(self) -> Path:
        if self.directory is None:
            self.directory = Path(tempfile.mkdtemp(prefix="agora-test-servers-"))
        return self.directory

    def _pg_ctl_as_postgres(self, pg_ctl: str) -> str:
        """PostgreSQL refuses to run as root (initdb and pg_ctl say so), and pytest-postgresql runs
        pg_ctl as whoever runs pytest. As root, hand it a pg_ctl that runs the real one as the
        `postgres` user that Debian's package creates, and give that user the run's directory."""
        try:
            postgres = pwd.getpwnam("postgres")
        except KeyError:
            raise ServerUnavailable(
                "PostgreSQL will not run as root and there is no `postgres` user to run it as: "
                "install Debian's postgresql (apt-get install postgresql), or set DATABASE_URL"
            ) from None
        runuser = shutil.which("runuser") or "/usr/sbin/runuser"
        directory = self._workdir()
        os.chown(directory, postgres.pw_uid, postgres.pw_gid)
        wrapper = directory / "pg_ctl"
        wrapper.write_text(f'#!/bin/sh\nexec {shlex.quote(runuser)} -u postgres -- {shlex.quote(pg_ctl)} "$@"\n')
        wrapper.chmod(0o755)
        return str(wrapper)

    def start_postgresql(self) -> str:
        """Start a PostgreSQL cluster with a database `agora`; return its URL (superuser postgres, trust)."""
        pg_ctl = find_pg_ctl()
        if pg_ctl is None:
            raise ServerUnavailable(
                "no DATABASE_URL and no PostgreSQL server to start: install Debian's postgresql "
                "(apt-get install postgresql; `make test` does it when run as root), or set DATABASE_URL "
                "to a PostgreSQL database"
            )
        import port_for
        from mirakuru.exceptions import AlreadyRunning, ProcessExitedWithError, TimeoutExpired
        from pytest_postgresql.executors import PostgreSQLExecutor
        from pytest_postgresql.janitor import DatabaseJanitor

        directory = self._workdir()
        executable = self._pg_ctl_as_postgres(pg_ctl) if os.geteuid() == 0 else pg_ctl
        for attempt in range(1, START_ATTEMPTS + 1):
            port = port_for.select_random()
            executor = PostgreSQLExecutor(
                executable=executable,
                host=HOST,
                port=port,
                datadir=str(directory / f"postgresql-{port}"),
                unixsocketdir=str(directory),
                logfile=str(directory / f"postgresql-{port}.log"),
                startparams="-w",
                dbname=DATABASE_NAME,
                user="postgres",
                postgres_options=POSTGRES_OPTIONS,
            )
            # Known before it starts, so that a run interrupted while it starts still stops it.
            self.executors.append(executor)
            try:
                executor.start()
            except (AlreadyRunning, ProcessExitedWithError, TimeoutExpired, subprocess.CalledProcessError) as error:
                self.executors.remove(executor)
                executor.kill()
                if attempt < START_ATTEMPTS:
                    continue
                raise ServerUnavailable(
                    f"PostgreSQL ({pg_ctl}) did not start: {error}\n{_tail(directory / f'postgresql-{port}.log')}"
                ) from error
            break
        DatabaseJanitor(user="postgres", host=HOST, port=port, dbname=DATABASE_NAME).init()
        return f"postgres://postgres@{HOST}:{port}/{DATABASE_NAME}"

    def start_redis(self) -> str:
        """Start a Redis server; return the URL of its database 0."""
        redis_server = find_redis_server()
        if redis_server is None:
            raise ServerUnavailable(
                "no REDIS_URL and no Redis server to start: install Debian's redis-server "
                "(apt-get install redis-server; `make test` does it when run as root), or set REDIS_URL"
            )
        import port_for
        from mirakuru.exceptions import AlreadyRunning, ProcessExitedWithError, TimeoutExpired
        from pytest_redis.executor import RedisExecutor

        directory = self._workdir()
        for attempt in range(1, START_ATTEMPTS + 1):
            port = port_for.select_random()
            executor = RedisExecutor(
                executable=redis_server,
                databases=16,
                redis_timeout=30,
                loglevel="notice",
                host=HOST,
                port=port,
                datadir=directory,
                startup_timeout=30,
            )
            self.executors.append(executor)
            try:
                executor.start()
            except (AlreadyRunning, ProcessExitedWithError, TimeoutExpired) as error:
                self.executors.remove(executor)
                executor.kill()
                if attempt < START_ATTEMPTS:
                    continue
                raise ServerUnavailable(
                    f"Redis ({redis_server}) did not start: {error}\n{_tail(directory / f'redis-server.{port}.log')}"
                ) from error
            return f"redis://{HOST}:{port}/0"
        raise AssertionError("unreachable")

    def stop(self) -> None:
        """Stop what this object started, newest first, and remove its directory. Safe to call twice."""
        while self.executors:
            executor = self.executors.pop()
            try:
                executor.stop()
            except Exception:  # noqa: BLE001 - whatever went wrong, the process must not outlive the run
                executor.kill()
        if self.directory is not None:
            shutil.rmtree(self.directory, ignore_errors=True)
            self.directory = None


def _tail(log: Path, size: int = 2000) -> str:
    try:
        return log.read_text(errors="replace")[-size:]
    except OSError:
        return ""


def provide_servers(config: pytest.Config, environ=os.environ) -> ThrowawayServers:
    """Check the URLs the run was given, start the servers it was not, and point `environ` at them."""
    on_ci = environ.get("CI", "").lower() == "true"
    database_url = environ.get("DATABASE_URL", "")
    scheme = urlsplit(database_url).scheme
    if database_url and scheme not in POSTGRES_SCHEMES:
        # The scheme alone: the URL may carry a password.
        raise pytest.UsageError(
            f"DATABASE_URL ({scheme}://…) is not PostgreSQL, and the test suite runs on PostgreSQL only "
            "(locks, concurrency, accent-insensitive search): unset it, and the run starts a PostgreSQL "
            "of its own, or point it at a PostgreSQL database"
        )
    servers = ThrowawayServers()
    # Registered before anything starts: a failure or an interruption halfway still stops what started.
    config.add_cleanup(servers.stop)
    if not (database_url and environ.get("REDIS_URL")):
        _end_cleanly_on_sigterm(config)
    description = []
    started = {}
    if database_url:
        description.append("PostgreSQL: DATABASE_URL, as given")
    else:
        try:
            started["DATABASE_URL"] = servers.start_postgresql()
        except ServerUnavailable as error:
            raise pytest.UsageError(str(error)) from error
        description.append(f"PostgreSQL: {started['DATABASE_URL']}, started for this run")
    if environ.get("REDIS_URL"):
        description.append("Redis: REDIS_URL, as given")
    else:
        try:
            started["REDIS_URL"] = servers.start_redis()
        except ServerUnavailable as error:
            if on_ci:
                raise pytest.UsageError(f"CI=true: {error}") from error
            description.append(f"Redis: none, the worker tests are skipped ({error})")
        else:
            description.append(f"Redis: {started['REDIS_URL']}, started for this run")

    def forget_urls() -> None:
        for name in started:
            environ.pop(name, None)

    config.add_cleanup(forget_urls)
    environ.update(started)
    config.stash[description_key] = description
    return servers


def _end_cleanly_on_sigterm(config: pytest.Config) -> None:
    """A run ended by SIGTERM (a time limit, `timeout`, `kill`) would run no cleanup and leave its
    servers running: make it the KeyboardInterrupt on which pytest tears everything down."""
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt("SIGTERM")

    signal.signal(signal.SIGTERM, interrupt)
    config.add_cleanup(lambda: signal.signal(signal.SIGTERM, signal.SIG_DFL))


@pytest.hookimpl(wrapper=True)
def pytest_load_initial_conftests(early_config: pytest.Config, parser: pytest.Parser, args: list[str]):
    # A wrapper runs before every plain implementation, pytest-django's (which reads the settings) included.
    options = parser.parse_known_args(args)
    if not (options.help or options.version):
        provide_servers(early_config)
    return (yield)


def pytest_report_header(config: pytest.Config) -> list[str]:
    return config.stash.get(description_key, [])
