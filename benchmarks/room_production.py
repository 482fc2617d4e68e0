"""The room on a production-like stack: PostgreSQL, Redis, a Celery worker and gunicorn, on loopback.

One command starts the stack, plays the room of benchmarks/room.py against it, measures the
ceiling, checks the database and takes everything down again:

- a throw-away PostgreSQL database on the server of `--postgres` (default: the local one,
  127.0.0.1:5432, user postgres, trust), created with a unique name and dropped at the end;
- a redis-server of its own on a free port (or `--redis-url`, e.g. a db number of a running one);
- `celery -A foresight worker` and the app server (`--server`: gunicorn's sync workers on
  foresight.wsgi, as production serves the pages; `uvicorn` for gunicorn with uvicorn workers on
  foresight.asgi; or any
  command, with {port} and {workers}), with production settings: DEBUG off, a generated
  SECRET_KEY, ALLOWED_HOSTS=127.0.0.1. The laptops speak to it as through a TLS proxy
  (X-Forwarded-Proto: https), so secure cookies, HSTS and CSRF's Referer check are on;
- N laptops at T tables join through the join form, keep their board open and poll it every
  2 s, post about once a minute, +1 about once a minute and vote in a burst of 5 s; hostile
  laptops mixed in send oversized bodies, wrong codes, forged ids and a flood of post-its, each
  of which must get a 4xx;
- then, on the same server, the ceiling: a do-nothing view and a one-INSERT view
  (foresight/benchmark_views.py, routed only with BENCHMARK_VIEWS=true), closed loop.

It prints per kind of request the rate, p50/p95/p99 and errors, the time from a post to its
table-mates' screens, the CPU per request of the web server's processes (and of PostgreSQL's
backends, the worker and Redis), the same for the ceiling, then checks that every accepted write
is in the database exactly once (and no post-it twice). It exits non-zero on any error, any
hostile request not refused with a 4xx, or any mismatch.

    .venv/bin/python benchmarks/room_production.py                                 # 300 laptops, 10 tables, 120 s
    .venv/bin/python benchmarks/room_production.py --participants 30 --seconds 20  # CI's smoke test
    .venv/bin/python benchmarks/room_production.py --participants 1000 --tables 40 --server sync

The client is the standard library (urllib), a thread per laptop with a small stack; on a small
machine it shares the cores with the server: its own CPU is printed too.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import psutil
import psycopg2

sys.path.insert(0, str(Path(__file__).resolve().parent))
import room as shared  # noqa: E402  (benchmarks/room.py: the room, its laptops and its report)

BASE_DIR = shared.BASE_DIR
SERVERS = {
    "uvicorn": "{python} -m gunicorn foresight.asgi:application -k uvicorn.workers.UvicornWorker "
    "--workers {workers} --bind 127.0.0.1:{port} --backlog 2048 --timeout 60",
    "sync": "{python} -m gunicorn foresight.wsgi:application --workers {workers} --bind 127.0.0.1:{port} --backlog 2048 --timeout 60",
}
# Beside the sync workers, as production runs them (README, "Push"): uvicorn serves the board streams
# alone, the proxy sending /w/<code>/stream/ there.
STREAM_SERVER = SERVERS["uvicorn"]
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}


def default_server() -> str:
    # As production serves the pages: gunicorn's sync workers on WSGI; uvicorn serves only the board
    # streams there (README, "Push"), started beside them (--stream-workers).
    return "sync"


class Database:
    """A database of its own on a PostgreSQL server, dropped at the end."""

    def __init__(self, admin_url: str):
        self.admin_url = admin_url
        self.name = f"agora_room_{os.getpid()}_{secrets.token_hex(3)}"

    def _run(self, sql):
        connection = psycopg2.connect(self.admin_url)
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql)
        finally:
            connection.close()

    def create(self) -> str:
        self._run(f'CREATE DATABASE "{self.name}"')
        return urllib.parse.urlparse(self.admin_url)._replace(path="/" + self.name).geturl()

    def drop(self):
        self._run(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


class CPU:
    """CPU seconds of groups of processes, each process's last reading kept after it exits."""

    def __init__(self, groups):
        self.groups = groups  # name -> callable returning the processes of the group now
        self.last = {name: {} for name in groups}
        self.lock = threading.Lock()
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True)

    def sample(self) -> dict[str, float]:
        with self.lock:
            for name, processes in self.groups.items():
                for process in processes():
                    try:
                        times = process.cpu_times()
                        self.last[name][process.pid] = times.user + times.system
                    except psutil.Error:
                        pass
            return {name: sum(readings.values()) for name, readings in self.last.items()}

    def _loop(self):
        while not self.stopped.wait(1.0):
            self.sample()

    def start(self):
        self.thread.start()

    def stop(self):
        self.stopped.set()


def tree(process: subprocess.Popen):
    def processes():
        try:
            parent = psutil.Process(process.pid)
            return [parent, *parent.children(recursive=True)]
        except psutil.Error:
            return []

    return processes


def backends(database: str):
    """PostgreSQL's backends serving this database (their title names it)."""

    def processes():
        found = []
        for process in psutil.process_iter(["name", "cmdline"]):
            cmdline = " ".join(process.info["cmdline"] or [])
            if cmdline.startswith("postgres: ") and f" {database} " in cmdline:
                found.append(process)
        return found

    return processes


def environment(*, database_url, redis_url, media) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "DEBUG"}}
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "foresight.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "MEDIA_ROOT": str(media),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "BENCHMARK_VIEWS": "true",
        "PYTHONUNBUFFERED": "1",
    }


CEILING_TABLE = """
import django
django.setup()
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE benchmark_ceiling (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())")
"""


def static_files_stale() -> bool:
    """Production's pages need collected static files (a manifest): collect them again only when a
    source file is newer than the manifest (a minute or more on a busy machine)."""
    manifest = BASE_DIR / "staticfiles" / "staticfiles.json"
    if not manifest.exists():
        return True
    collected = manifest.stat().st_mtime
    sources = [BASE_DIR / "static", *BASE_DIR.glob("*/static")]
    return any(path.stat().st_mtime > collected for source in sources for path in source.rglob("*") if path.is_file())


def ceiling(room, stats, *, kind, path, threads, seconds, post):
    """Closed loop on one of the benchmark views: `threads` laptops, each sending as soon as answered."""
    end = time.monotonic() + seconds

    def loop():
        laptop = shared.Laptop(number=0, room=room, stats=stats, rng=None)
        while time.monotonic() < end:
            status, _ = laptop.request(kind, path, {} if post else None)
            if post and status == 200:
                stats.accept("insert")
            elif post and status is None:
                stats.unanswered("insert")

    workers = [threading.Thread(target=loop, daemon=True) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


def print_cpu(label, before, after, requests, client=None):
    used = {name: after[name] - before[name] for name in after}
    per = lambda seconds: f"{1000 * seconds / requests:.2f}" if requests else "-"  # noqa: E731
    parts = "  ".join(f"{name} {per(seconds)}" for name, seconds in used.items())
    line = f"  {label:<8} {requests:>7} requests  CPU ms per request: {parts}"
    if client is not None:
        line += f"  (client {per(client)})"
    print(line)
    return used


def client_cpu() -> float:
    times = os.times()
    return times.user + times.system


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--participants", type=int, default=300, help="laptops in the room (default 300)")
    parser.add_argument("--tables", type=int, default=10, help="tables they sit at (default 10)")
    parser.add_argument("--seconds", type=float, default=120, help="how long the room runs, joins included (default 120)")
    parser.add_argument("--posters", type=int, default=None, help="how many of them post (default: all)")
    parser.add_argument("--post-every", type=float, default=60, help="seconds between a laptop's post-its, on average (default 60)")
    parser.add_argument("--hostile", type=int, default=None, help="hostile laptops mixed in (default: 1 per 50 laptops, at least 2)")
    parser.add_argument("--join-within", type=float, default=None, help="seconds over which the room joins (default: a fifth of the run, at most 30)")
    parser.add_argument("--server", default=default_server(), help=f"sync, uvicorn, or a command with {{port}} and {{workers}} (default here: {default_server()})")
    parser.add_argument("--boards", choices=("push", "poll"), default=None,
                        help="push: laptops keep the board's stream open and poll only while it is down, as the page does "
                             "(default); poll: every 2 s, as a page whose stream is blocked")
    parser.add_argument("--stream-workers", type=int, default=1,
                        help="with --server sync and pushed boards: uvicorn workers serving the streams beside it (default 1)")
    parser.add_argument("--workers", type=int, default=2 * os.cpu_count() + 1, help="web worker processes (default 2 x cores + 1)")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/postgres", help="a PostgreSQL server to create the throw-away database on")
    parser.add_argument("--redis-url", default=None, help="a running Redis to use (default: a redis-server of its own on a free port)")
    parser.add_argument("--ceiling-seconds", type=float, default=5, help="seconds of closed loop on each ceiling view (default 5)")
    parser.add_argument("--ceiling-threads", type=int, default=16, help="laptops in the ceiling's closed loop (default 16)")
    parser.add_argument("--seed", type=int, default=2012, help="random seed of the laptops' behaviour")
    args = parser.parse_args()
    posters = args.participants if args.posters is None else min(args.posters, args.participants)
    hostile = max(2, args.participants // 50) if args.hostile is None else args.hostile
    if args.participants < 1 or args.seconds < 5:
        parser.error("at least 1 participant and 5 seconds")
    command = SERVERS.get(args.server, args.server)

    workdir = Path(tempfile.mkdtemp(prefix="agora-room-production-"))
    database = Database(args.postgres)
    processes: list[subprocess.Popen] = []
    created = False
    try:
        redis_url = args.redis_url
        if redis_url is None:
            redis_port = shared.free_port()
            processes.append(subprocess.Popen(
                ["redis-server", "--bind", "127.0.0.1", "--port", str(redis_port), "--save", "", "--appendonly", "no", "--dir", str(workdir)],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            ))
            redis_url = f"redis://127.0.0.1:{redis_port}/0"
        database_url = database.create()
        created = True
        env = environment(database_url=database_url, redis_url=redis_url, media=workdir / "media")
        print(f"Setting up the demo in PostgreSQL database {database.name}, Redis {redis_url} ...", flush=True)
        started = time.monotonic()
        setup = shared.set_up_room(env, tables=args.tables, seats=args.participants + hostile + 200)
        if static_files_stale():
            shared.run_django("collectstatic --noinput", env)
        shared.run_django("ceiling table", env, script=CEILING_TABLE)
        print(f"  ready in {time.monotonic() - started:.0f} s", flush=True)

        worker_log = (workdir / "worker.log").open("w")
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "foresight", "worker", "--loglevel=WARNING", "--concurrency=1"],
            cwd=BASE_DIR, env=env, stdout=worker_log, stderr=subprocess.STDOUT,
        )
        processes.append(worker)
        def serve(label, template, workers):
            """Start an app server on a free port; (its process, its base URL) once it answers."""
            port = shared.free_port()
            argv = template.format(python=sys.executable, port=port, workers=workers).split()
            log_path = workdir / f"{label.lower()}.log"
            process = subprocess.Popen(argv, cwd=BASE_DIR, env=env, stdout=log_path.open("w"), stderr=subprocess.STDOUT)
            processes.append(process)
            # gunicorn imports Django in every worker: on a busy machine that takes a while.
            shared.wait_for_server(f"http://127.0.0.1:{port}", process, log_path, timeout=300, headers=PROXY_HEADERS)
            time.sleep(1)  # every worker process up, not only the first
            print(f"{label}: {' '.join(argv[1:] if argv[0] == sys.executable else argv)}", flush=True)
            return process, f"http://127.0.0.1:{port}"

        server, base = serve("Server", command, args.workers)
        push = (args.boards or "push") == "push"
        stream_base = ""
        if push and args.server == "sync" and args.stream_workers:
            stream_server, stream_base = serve("Streams", STREAM_SERVER, args.stream_workers)

        groups = {"web": tree(server), "postgres": backends(database.name), "worker": tree(worker)}
        if stream_base:
            groups["streams"] = tree(stream_server)
        if args.redis_url is None:
            groups["redis"] = tree(processes[0])
        cpu = CPU(groups)
        cpu.start()
        room = shared.Room(base=base, proxy_headers=PROXY_HEADERS, stream_base=stream_base, **setup)
        cadence = shared.Cadence(
            post_every=(args.post_every / 2, args.post_every * 1.5),
            plus_one_every=(30, 90),
            vote_burst=(0.6, 5.0),
            push=push,
        )
        join_within = args.join_within if args.join_within is not None else min(30.0, args.seconds / 5)
        print(f"{args.participants} laptops at {len(setup['tables'])} tables and {hostile} hostile ones for {args.seconds:.0f} s ...", flush=True)
        before, client_before = cpu.sample(), client_cpu()
        stats, screens, elapsed = shared.play(
            room, participants=args.participants, posters=posters, seconds=args.seconds, hostile=hostile,
            cadence=cadence, seed=args.seed, join_within=join_within,
        )
        after, client_after = cpu.sample(), client_cpu()
        room_requests = stats.requests()

        print(f"The ceiling: {args.ceiling_threads} laptops in a closed loop, {args.ceiling_seconds:.0f} s per view ...", flush=True)
        ceilings = {}
        for kind, path, post in (("nothing", "/_benchmark/nothing/", False), ("insert", "/_benchmark/insert/", True)):
            ceiling_stats = shared.Stats()
            start_cpu, start_client, start = cpu.sample(), client_cpu(), time.monotonic()
            ceiling(room, ceiling_stats, kind=kind, path=path, threads=args.ceiling_threads, seconds=args.ceiling_seconds, post=post)
            ceilings[kind] = (ceiling_stats, start_cpu, cpu.sample(), client_cpu() - start_client, time.monotonic() - start)
            for name, values in ceiling_stats.latencies.items():
                stats.latencies[name] = values
                stats.statuses[name] = ceiling_stats.statuses[name]
            stats.errors += ceiling_stats.errors
            stats.accepted["insert"] += ceiling_stats.accepted.get("insert", 0)
            stats.late["insert"] += ceiling_stats.late.get("insert", 0)
        cpu.stop()

        shared.stop(server, signal.SIGTERM)
        shared.stop(worker, signal.SIGTERM)
        counted = shared.last_json(shared.run_django("counting", env, script=shared.COUNT, args=(setup["code"], str(setup["ballot"]), shared.NAME_PREFIX)))
        ok = shared.report(stats, screens, counted, seconds=elapsed, participants=args.participants, posters=posters, hostile=hostile, push=cadence.push)

        print(f"\nThe ceiling on the same server ({args.ceiling_threads} laptops, closed loop):")
        shared.print_latencies(stats, ["nothing", "insert"], args.ceiling_seconds)
        print(f"\nServer CPU ({args.workers} web workers: {args.server}):")
        used = print_cpu("room", before, after, room_requests, client_after - client_before)
        for kind, (ceiling_stats, start_cpu, end_cpu, client_used, _seconds) in ceilings.items():
            print_cpu(kind, start_cpu, end_cpu, ceiling_stats.requests(), client_used)
        total = sum(used.values())
        print(f"  the room used {total:.1f} CPU s of the stack in {elapsed:.0f} s: {total / elapsed:.2f} cores"
              f" (client {(client_after - client_before) / elapsed:.2f} cores), on a machine of {os.cpu_count()}")
        return 0 if ok else 1
    finally:
        for process in reversed(processes):
            shared.stop(process, signal.SIGTERM)
        if created:
            database.drop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
