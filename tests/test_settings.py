"""Settings: read strictly from the environment, embedded by default, secure in production, spelt right."""

import json
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from foresight.settings.env import strict_bool

BASE_DIR = settings.BASE_DIR
# Variables that would change what the settings read; every subprocess below starts without them.
SETTINGS_VARIABLES = {"DATABASE_URL", "REDIS_URL", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE", "CI", "DB_CONN_MAX_AGE", "DB_POOL_SIZE",
                      "DJANGO_ALLOW_ASYNC_UNSAFE"}  # conftest sets this one for Playwright


def clean_environment(**extra):
    env = {key: value for key, value in os.environ.items() if key not in SETTINGS_VARIABLES}
    return {**env, **extra}


def run_python(code, **env):
    return subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=clean_environment(**env), capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("raw", ["true", "True", "TRUE", "1", "yes", "on", " true "])
def test_strict_bool_reads_true(monkeypatch, raw):
    monkeypatch.setenv("AGORA_TEST_FLAG", raw)
    assert strict_bool("AGORA_TEST_FLAG", default=False) is True


@pytest.mark.parametrize("raw", ["false", "False", "0", "no", "off"])
def test_strict_bool_reads_false(monkeypatch, raw):
    monkeypatch.setenv("AGORA_TEST_FLAG", raw)
    assert strict_bool("AGORA_TEST_FLAG", default=True) is False


@pytest.mark.parametrize("raw", ["maybe", "ture", "flase", "2", "enabled"])
def test_strict_bool_refuses_anything_else(monkeypatch, raw):
    monkeypatch.setenv("AGORA_TEST_FLAG", raw)
    with pytest.raises(ImproperlyConfigured, match="AGORA_TEST_FLAG"):
        strict_bool("AGORA_TEST_FLAG", default=False)


@pytest.mark.parametrize("default", [True, False])
def test_strict_bool_falls_back_to_its_default_when_unset_or_empty(monkeypatch, default):
    monkeypatch.delenv("AGORA_TEST_FLAG", raising=False)
    assert strict_bool("AGORA_TEST_FLAG", default=default) is default
    monkeypatch.setenv("AGORA_TEST_FLAG", "")
    assert strict_bool("AGORA_TEST_FLAG", default=default) is default


def test_a_misspelt_debug_stops_the_settings_from_loading():
    result = run_python("import django; django.setup()", DJANGO_SETTINGS_MODULE="foresight.settings.base", DEBUG="maybe")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "DEBUG='maybe'" in result.stderr


def test_without_database_url_nor_redis_url_agora_runs_embedded():
    code = (
        "import json, django; django.setup(); from django.conf import settings; from foresight import celery_app;"
        "print(json.dumps({'engine': settings.DATABASES['default']['ENGINE'], 'eager': settings.CELERY_TASK_ALWAYS_EAGER,"
        " 'app_eager': celery_app.conf.task_always_eager, 'broker': settings.CELERY_BROKER_URL,"
        " 'cache': settings.CACHES['default']['BACKEND'], 'debug': settings.DEBUG}))"
    )
    result = run_python(code, DJANGO_SETTINGS_MODULE="foresight.settings.base")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "engine": "django.db.backends.sqlite3",
        "eager": True,
        "app_eager": True,
        "broker": "memory://",
        "cache": "django.core.cache.backends.locmem.LocMemCache",
        "debug": False,
    }


def test_with_database_url_and_redis_url_agora_uses_the_services():
    code = (
        "import json, django; django.setup(); from django.conf import settings; from foresight import celery_app;"
        "print(json.dumps({'engine': settings.DATABASES['default']['ENGINE'], 'name': settings.DATABASES['default']['NAME'],"
        " 'app_eager': celery_app.conf.task_always_eager, 'broker': celery_app.conf.broker_url}))"
    )
    result = run_python(
        code,
        DJANGO_SETTINGS_MODULE="foresight.settings.base",
        DATABASE_URL="postgres://agora@db.invalid:5432/agora",
        REDIS_URL="redis://redis.invalid:6379/0",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "engine": "django.db.backends.postgresql",
        "name": "agora",
        "app_eager": False,
        "broker": "redis://redis.invalid:6379/0",
    }


def test_production_settings_pass_the_deploy_checks():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=clean_environment(DJANGO_SETTINGS_MODULE="foresight.settings.production", SECRET_KEY=secrets.token_urlsafe(64)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = run_python("import django; django.setup()", DJANGO_SETTINGS_MODULE="foresight.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.parametrize(
    "key",
    [
        pytest.param("dev-only-insecure-key-change-me-in-production-0123456789", id="the development key"),
        pytest.param("change-me", id="short"),
        pytest.param("ab" * 40, id="two characters repeated"),
        pytest.param("django-insecure-" + secrets.token_urlsafe(50), id="startproject's insecure key"),
    ],
)
def test_production_refuses_to_start_with_a_weak_secret_key(key):
    result = run_python("import django; django.setup()", DJANGO_SETTINGS_MODULE="foresight.settings.production", SECRET_KEY=key)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "SECRET_KEY is" in result.stderr
    assert key not in result.stderr  # the message names the problem, never the key


def test_production_starts_with_a_generated_secret_key():
    from foresight.settings.env import strong_secret_key

    key = secrets.token_urlsafe(64)
    assert strong_secret_key(key, refused=settings.DEVELOPMENT_SECRET_KEY) == key


def test_every_celery_setting_is_one_celery_knows():
    """A misspelt CELERY_* name is silently ignored by Celery: this is the only place it shows."""
    from celery.app.defaults import DEFAULTS

    names = [name for name in dir(settings) if name.startswith("CELERY_")]
    assert "CELERY_TASK_ALWAYS_EAGER" in names
    assert [name for name in names if name.removeprefix("CELERY_").lower() not in DEFAULTS] == []


def test_the_celery_app_reads_django_settings():
    from foresight import celery_app

    assert celery_app.conf.task_acks_late is settings.CELERY_TASK_ACKS_LATE is True
    assert celery_app.conf.task_serializer == "json"
    assert celery_app.conf.broker_url == settings.CELERY_BROKER_URL


def test_content_security_policy_allows_only_our_own_scripts():
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    assert directives["script-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "csp.middleware.CSPMiddleware" in settings.MIDDLEWARE


def test_french_is_the_default_language_and_english_is_offered():
    assert settings.LANGUAGE_CODE == "fr"
    assert [code for code, _ in settings.LANGUAGES] == ["fr", "en"]
    assert "django.middleware.locale.LocaleMiddleware" in settings.MIDDLEWARE


def test_htmx_is_served_by_django_htmx_not_a_cdn():
    assert "django_htmx" in settings.INSTALLED_APPS
    assert "django_htmx.middleware.HtmxMiddleware" in settings.MIDDLEWARE


def test_whitenoise_serves_static_files_right_after_security():
    middleware = settings.MIDDLEWARE
    assert middleware.index("whitenoise.middleware.WhiteNoiseMiddleware") == middleware.index(
        "django.middleware.security.SecurityMiddleware"
    ) + 1
    assert settings.INSTALLED_APPS.index("whitenoise.runserver_nostatic") < settings.INSTALLED_APPS.index(
        "django.contrib.staticfiles"
    )


# --- The embedded default holds a room: SQLite in WAL mode, writes that queue instead of failing ---

SQLITE_ROOM_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
}


def test_the_embedded_sqlite_takes_the_write_lock_first_and_waits_for_it():
    code = (
        "import json, django; django.setup(); from django.conf import settings;"
        "print(json.dumps(settings.DATABASES['default'].get('OPTIONS')))"
    )
    result = run_python(code, DJANGO_SETTINGS_MODULE="foresight.settings.base")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == SQLITE_ROOM_OPTIONS


@pytest.mark.parametrize("module", ["foresight.settings.base", "foresight.settings.production"])
def test_postgresql_gets_none_of_the_sqlite_options(module):
    code = (
        "import json, django; django.setup(); from django.conf import settings;"
        "print(json.dumps(settings.DATABASES['default'].get('OPTIONS', {})))"
    )
    result = run_python(
        code, DJANGO_SETTINGS_MODULE=module, DATABASE_URL="postgres://agora@db.invalid:5432/agora", SECRET_KEY=secrets.token_urlsafe(64)
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {}


def test_sqlite_for_a_room_leaves_other_engines_and_explicit_options_alone():
    from foresight.settings.base import sqlite_for_a_room

    postgres = {"ENGINE": "django.db.backends.postgresql", "NAME": "agora", "OPTIONS": {"sslmode": "require"}}
    assert sqlite_for_a_room(postgres) == postgres
    sqlite = sqlite_for_a_room({"ENGINE": "django.db.backends.sqlite3", "NAME": "x.sqlite3", "OPTIONS": {"timeout": 5}})
    assert sqlite["OPTIONS"] == {**SQLITE_ROOM_OPTIONS, "timeout": 5}


# Runs in a subprocess on a throw-away SQLite file: the suite's own database is PostgreSQL.
# One thread holds a write transaction for WAIT seconds; meanwhile another thread reads (WAL:
# not blocked) and a third writes after having read in its transaction (IMMEDIATE + timeout: it
# waits its turn; a deferred transaction would fail at once with "database is locked").
SQLITE_ROOM_CHECK = """
import json, threading, time, django
django.setup()
from django.db import connection, transaction

WAIT = 0.6
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)")
    cursor.execute("PRAGMA journal_mode")
    journal_mode = cursor.fetchone()[0]
    cursor.execute("PRAGMA synchronous")
    synchronous = cursor.fetchone()[0]
holding, result = threading.Event(), {}

def hold_the_write_lock():
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("INSERT INTO note (text) VALUES ('first')")
        holding.set()
        time.sleep(WAIT)
    connection.close()

def read_meanwhile():
    holding.wait()
    start = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM note")
        result["read"] = [cursor.fetchone()[0], time.monotonic() - start]
    connection.close()

def read_then_write():
    holding.wait()
    start = time.monotonic()
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM note")
            cursor.execute("INSERT INTO note (text) VALUES ('second')")
    except Exception as error:
        result["write_error"] = str(error)
    result["write"] = time.monotonic() - start
    connection.close()

threads = [threading.Thread(target=f) for f in (hold_the_write_lock, read_meanwhile, read_then_write)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT text FROM note ORDER BY id")
    texts = [row[0] for row in cursor.fetchall()]
print(json.dumps({"journal_mode": journal_mode, "synchronous": synchronous, "texts": texts, **result, "wait": WAIT}))
"""


def test_the_embedded_sqlite_reads_during_a_write_and_queues_a_second_write(tmp_path):
    result = run_python(
        SQLITE_ROOM_CHECK, DJANGO_SETTINGS_MODULE="foresight.settings.base", DATABASE_URL=f"sqlite:///{tmp_path / 'room.sqlite3'}"
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["journal_mode"] == "wal"
    assert report["synchronous"] == 1  # NORMAL
    # The read saw the last commit (none yet) without waiting for the writer.
    read_count, read_seconds = report["read"]
    assert read_count == 0 and read_seconds < report["wait"] / 2
    # The second write waited for the first one instead of failing, and both are stored.
    assert "write_error" not in report, report["write_error"]
    assert report["write"] >= report["wait"] / 2
    assert report["texts"] == ["first", "second"]


PRINT_CONNECTION = (
    "import django, json; django.setup(); from django.conf import settings; d = settings.DATABASES['default']; "
    "print(json.dumps([d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS']]))"
)


def production_settings() -> dict:
    return {"DJANGO_SETTINGS_MODULE": "foresight.settings.production", "SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": "postgres://agora@127.0.0.1:5432/agora"}  # fmt: skip


def test_production_keeps_database_connections_a_minute_and_checks_them():
    production = production_settings()
    assert json.loads(run_python(PRINT_CONNECTION, **production).stdout) == [60, True]
    assert json.loads(run_python(PRINT_CONNECTION, **production, DB_CONN_MAX_AGE="0").stdout) == [0, True]


PRINT_POOL = (
    "import django, json; django.setup(); from django.conf import settings; d = settings.DATABASES['default']; "
    "print(json.dumps([d['CONN_MAX_AGE'], d.get('OPTIONS', {}).get('pool')]))"
)


def test_a_pool_of_connections_replaces_persistent_ones_when_asked_and_under_asgi():
    production = production_settings()
    assert json.loads(run_python(PRINT_POOL, **production).stdout) == [60, None]
    pooled = json.loads(run_python(PRINT_POOL, **production, DB_POOL_SIZE="5").stdout)
    assert pooled == [0, {"min_size": 1, "max_size": 5, "timeout": 10}]
    # The ASGI entry point (uvicorn: a thread per synchronous request) turns the pool on by itself.
    under_asgi = run_python("import foresight.asgi; " + PRINT_POOL.replace("django.setup(); ", ""), **production)
    assert json.loads(under_asgi.stdout.strip().splitlines()[-1]) == [0, {"min_size": 1, "max_size": 8, "timeout": 10}]
    # SQLite (the embedded default) has no pool.
    assert json.loads(run_python(PRINT_POOL, DJANGO_SETTINGS_MODULE="foresight.settings.base", DB_POOL_SIZE="5").stdout) == [0, None]


def test_elsewhere_a_connection_lasts_one_request():
    assert json.loads(run_python(PRINT_CONNECTION, DJANGO_SETTINGS_MODULE="foresight.settings.base").stdout) == [0, True]
