"""A room on the embedded default: N laptops join, poll every 2 s, post, +1 and vote, over real HTTP.

`make demo` serves a workshop from SQLite with Django's threaded server. This starts that same
server (migrate + load_demo on a throw-away SQLite file, then `manage.py serve_room --noreload`
on a free port of 127.0.0.1, DEBUG=true as `make demo` has it), opens an approval ballot on the
demo workshop, then plays a room for a fixed time:

- every participant joins through the join form (CSRF token and all), loads its canvas page and
  polls the board every 2 s as the page does (204 while nothing changed, fragments otherwise);
- `--posters` of them post a post-it every 5-15 s;
- everyone gives a +1 to a post-it of its table every 10-20 s, and votes once during the run.

It prints the requests per kind, the errors (status >= 500, connection errors and time-outs),
p50/p95/p99 latencies per kind, then counts in the database what was written and checks that
every accepted write is there exactly once: participants, post-its, +1s, ballot papers and their
choices. It exits non-zero on any error or mismatch, so CI can run it as a smoke test.

    .venv/bin/python benchmarks/room.py                       # 100 participants, 25 posting, 60 s
    .venv/bin/python benchmarks/room.py --participants 20 --seconds 15

Only loopback traffic; the server and its database are removed at the end, whatever happens.
The client is the standard library (urllib), one thread per participant.
"""

from __future__ import annotations

import argparse
import html
import http.cookiejar
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, defaultdict
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
POLL_EVERY = 2.0
REQUEST_TIMEOUT = 30
KINDS = ["join", "page", "poll", "post", "plus_one", "vote"]

# Run in the server's environment before it starts: the demo workshop, and a ballot open on it.
SETUP = """
import json, django
django.setup()
from demo.seed.load import ruptures_demo_workshops
from voting.models import Method
from voting.services import ballot_create, ballot_open, options_from_scenarios

workshop = ruptures_demo_workshops().get()  # its join code is random: read, never assumed
options = options_from_scenarios(workshop=workshop)
ballot = ballot_create(workshop=workshop, title="Benchmark", question="Which ones?", method=Method.APPROVAL,
                       options=options, min_choices=1, max_choices=3)
ballot_open(ballot=ballot)
print(json.dumps({
    "code": workshop.join_code,
    "ballot": ballot.pk,
    "options": list(ballot.options.values_list("pk", flat=True)),
    "max_choices": ballot.max_choices,
}))
"""

# Run after the server stopped: what the database holds.
COUNT = """
import json, sys, django
django.setup()
from voting.models import Allocation, BallotPaper
from workshops.models import Contribution, Participant, PlusOne

code, ballot, prefix = sys.argv[1], int(sys.argv[2]), sys.argv[3]
participants = Participant.objects.filter(workshop__join_code=code, display_name__startswith=prefix)
print(json.dumps({
    "join": participants.count(),
    "post": Contribution.objects.filter(participant__in=participants).count(),
    "plus_one": PlusOne.objects.filter(participant__in=participants).count(),
    "vote": BallotPaper.objects.filter(ballot_id=ballot, participant__in=participants).count(),
    "choices": Allocation.objects.filter(paper__ballot_id=ballot, paper__participant__in=participants).count(),
}))
"""

NAME_PREFIX = "Bench "
WORDS = (
    "usage propriété partage location plateforme voiture permis données école entreprise acteur public "
    "rupture signal tendance réparation quartier énergie santé travail confiance ville mobilité"
).split()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is the answer (302 after a form), not something to follow."""

    def redirect_request(self, *args, **kwargs):
        return None


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = defaultdict(list)
        self.statuses = defaultdict(lambda: defaultdict(int))
        self.errors = []
        self.accepted = defaultdict(int)

    def record(self, kind, status, seconds, detail=""):
        with self.lock:
            self.latencies[kind].append(seconds)
            self.statuses[kind][status] += 1
            if status == "error" or (isinstance(status, int) and status >= 500):
                self.errors.append(f"{kind}: {status} {detail}".strip())

    def accept(self, kind, count=1):
        with self.lock:
            self.accepted[kind] += count


class Participant:
    """One laptop: its own cookies, its own thread, the requests a browser on the canvas page sends."""

    def __init__(self, *, number, base, code, ballot, stats, rng, poster, options, max_choices):
        self.number = number
        self.base = base
        self.code = code
        self.ballot = ballot
        self.stats = stats
        self.rng = rng
        self.poster = poster
        self.options = options
        self.max_choices = max_choices
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect)
        self.csrf = ""
        self.poll_url = ""
        self.sections: list[tuple[str, str]] = []
        self.plus_one_ids: set[int] = set()
        self.joined = False

    # --- HTTP ---

    def request(self, kind, path, data=None, htmx=False):
        """(status, body) or (None, "") after a connection error; every request is timed and recorded."""
        headers = {"Accept-Language": "fr"}
        if htmx:
            headers["HX-Request"] = "true"
        if data is not None:
            data = urllib.parse.urlencode(data, doseq=True).encode()
            headers["X-CSRFToken"] = self.csrf
        req = urllib.request.Request(self.base + path, data=data, headers=headers)
        start = time.monotonic()
        try:
            with self.opener.open(req, timeout=REQUEST_TIMEOUT) as response:
                status, body = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read().decode(errors="replace")
        except (OSError, urllib.error.URLError) as error:
            self.stats.record(kind, "error", time.monotonic() - start, f"{type(error).__name__}: {error}")
            return None, ""
        detail = ""
        if status >= 500:
            # DEBUG=true: Django's error page names the exception ("OperationalError at /w/…/post/").
            title = re.search(r"<title>(.*?)</title>", body, re.S)
            value = re.search(r'class="exception_value">(.*?)<', body, re.S)
            detail = ": ".join(" ".join(html.unescape(m.group(1)).split())[:100] for m in (title, value) if m)
            detail = re.sub(r"/\d+/", "/<id>/", detail)
        self.stats.record(kind, status, time.monotonic() - start, detail)
        return status, body

    def read_page(self, body):
        """What the page tells the browser: its CSRF token, its poll URL, its forms and +1 buttons."""
        if token := re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body):
            self.csrf = token.group(1)
        if poller := re.search(r'id="poller"[^>]*hx-get="([^"]+)"', body):
            self.poll_url = html.unescape(poller.group(1))
        forms = re.findall(r'name="section" value="(\d+)">(.*?)</form>', body, re.S)
        if forms:
            self.sections = [(section, (re.findall(r'name="axis" value="([^"]*)"', rest) or [""])[0]) for section, rest in forms]
        # A page or a changed poll renders the table's lists: its +1 buttons are those still to give.
        if "notes-" in body:
            self.plus_one_ids = {int(pk) for pk in re.findall(r"/plus-one/(\d+)/", body)}

    # --- What a participant does ---

    def join(self):
        status, body = self.request("join", f"/w/{self.code}/join/")
        if status != 200:
            return
        self.read_page(body)
        tables = re.findall(r'<option value="(\d+)"', body)
        status, _ = self.request(
            "join",
            f"/w/{self.code}/join/",
            {"csrfmiddlewaretoken": self.csrf, "display_name": f"{NAME_PREFIX}{self.number:03d}", "table": tables[self.number % len(tables)]},
        )
        if status == 302:
            self.stats.accept("join")
            self.joined = True
            self.page()

    def page(self):
        status, body = self.request("page", f"/w/{self.code}/")
        if status == 200:
            self.read_page(body)

    def poll(self):
        if not self.poll_url:
            return
        status, body = self.request("poll", self.poll_url, htmx=True)
        if status == 200:
            self.read_page(body)

    def post(self):
        if not self.sections:
            return
        section, axis = self.rng.choice(self.sections)
        text = " ".join(self.rng.choices(WORDS, k=self.rng.randint(3, 9)))
        status, _ = self.request(
            "post", f"/w/{self.code}/post/", {"csrfmiddlewaretoken": self.csrf, "section": section, "axis": axis, "text": text}, htmx=True
        )
        if status == 200:
            self.stats.accept("post")

    def plus_one(self):
        if not self.plus_one_ids:
            return
        pk = self.rng.choice(sorted(self.plus_one_ids))
        self.plus_one_ids.discard(pk)
        status, body = self.request("plus_one", f"/w/{self.code}/plus-one/{pk}/", {"csrfmiddlewaretoken": self.csrf}, htmx=True)
        if status == 200:
            self.stats.accept("plus_one")

    def vote(self):
        choices = self.rng.sample(self.options, self.rng.randint(1, self.max_choices))
        status, _ = self.request(
            "vote",
            f"/w/{self.code}/vote/{self.ballot}/",
            {"csrfmiddlewaretoken": self.csrf, "choice": choices, "revision": 0},
            htmx=True,
        )
        if status == 200:
            self.stats.accept("vote")
            self.stats.accept("choices", len(choices))

    def run(self, *, start, end, join_within):
        rng = self.rng
        wait_until(start + rng.uniform(0, join_within), end)
        if time.monotonic() >= end:
            return
        self.join()
        if not self.joined:
            return
        now = time.monotonic()
        due = {
            "poll": now + rng.uniform(0, POLL_EVERY),
            "plus_one": now + rng.uniform(5, 20),
            "vote": now + rng.uniform(0, max(end - now, 0) * 0.8),
        }
        if self.poster:
            due["post"] = now + rng.uniform(0, 10)
        while due:
            kind = min(due, key=due.get)
            if not wait_until(due[kind], end):
                return
            getattr(self, kind)()
            now = time.monotonic()
            if kind == "poll":
                due[kind] = max(due[kind] + POLL_EVERY, now)
            elif kind == "post":
                due[kind] = now + rng.uniform(5, 15)
            elif kind == "plus_one":
                due[kind] = now + rng.uniform(10, 20)
            else:
                del due[kind]


def wait_until(moment, end) -> bool:
    """Sleep until `moment`; False when the run ends first."""
    delay = min(moment, end) - time.monotonic()
    if delay > 0:
        time.sleep(delay)
    return time.monotonic() < end and moment < end


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def server_environment(database: Path) -> dict:
    """The embedded default (no Redis, Celery eager), on a SQLite file of its own."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "DEBUG"}}
    return {
        **env,
        "DJANGO_SETTINGS_MODULE": "foresight.settings.base",  # manage.py's default
        "DATABASE_URL": f"sqlite:///{database}",
        "DEBUG": "true",
        "PYTHONUNBUFFERED": "1",
    }


def run_django(command: str, env: dict, *, script: str = "", args=(), timeout=600) -> str:
    """`manage.py <command>`, or with `script` a Python snippet in the project's Django; its stdout."""
    argv = [sys.executable, "-c", script, *args] if script else [sys.executable, "manage.py", *command.split()]
    result = subprocess.run(argv, cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        sys.exit(f"{command} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def wait_for_server(base, server, log: Path, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("The server stopped before answering:\n" + log.read_text(errors="replace")[-3000:])
        try:
            with urllib.request.urlopen(base + "/w/join/", timeout=2):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"The server did not answer within {timeout} s.")


def stop(server):
    if server.poll() is None:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def report(stats, counted, *, seconds, participants, posters) -> bool:
    print(f"\n{participants} participants ({posters} posting), {seconds:.0f} s, polling every {POLL_EVERY:.0f} s")
    print(f"{'kind':<10}{'requests':>9}{'5xx+err':>9}{'4xx':>6}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}   statuses")
    for kind in KINDS:
        values = stats.latencies.get(kind, [])
        if not values:
            continue
        statuses = stats.statuses[kind]
        failed = sum(n for s, n in statuses.items() if s == "error" or s >= 500)
        refused = sum(n for s, n in statuses.items() if s != "error" and 400 <= s < 500)
        shown = " ".join(f"{s}:{n}" for s, n in sorted(statuses.items(), key=lambda item: str(item[0])))
        ms = [1000 * percentile(values, f) for f in (0.5, 0.95, 0.99)] + [1000 * max(values)]
        print(f"{kind:<10}{len(values):>9}{failed:>9}{refused:>6}" + "".join(f"{m:>9.0f}" for m in ms) + f"   {shown}")
    total = sum(len(v) for v in stats.latencies.values())
    print(f"{'all':<10}{total:>9}{len(stats.errors):>9}   ({total / seconds:.1f} requests/s)")
    for error, count in Counter(stats.errors).most_common(10):
        print(f"  {count:>5} x {error}")
    print("\nAccepted writes against the database (each must be there exactly once):")
    ok = not stats.errors
    for kind in ["join", "post", "plus_one", "vote", "choices"]:
        accepted, stored = stats.accepted.get(kind, 0), counted[kind]
        same = accepted == stored
        ok &= same
        print(f"  {kind:<9} accepted {accepted:>6}   in the database {stored:>6}   {'ok' if same else 'MISMATCH'}")
    print("\nOK: no error, every accepted write stored once." if ok else "\nFAILED.")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--participants", type=int, default=100, help="laptops in the room (default 100)")
    parser.add_argument("--seconds", type=float, default=60, help="how long the room runs, joins included (default 60)")
    parser.add_argument("--posters", type=int, default=None, help="how many of them post post-its (default: a quarter)")
    parser.add_argument("--server", default="serve_room", help="the manage.py command serving (default: serve_room, as `make demo`)")
    parser.add_argument("--seed", type=int, default=2012, help="random seed of the participants' behaviour")
    args = parser.parse_args()
    posters = args.participants // 4 if args.posters is None else min(args.posters, args.participants)
    if args.participants < 1 or args.seconds < 5:
        parser.error("at least 1 participant and 5 seconds")

    workdir = Path(tempfile.mkdtemp(prefix="agora-room-"))
    server = None
    try:
        env = server_environment(workdir / "db.sqlite3")
        print(f"Setting up the demo on {workdir / 'db.sqlite3'} ...", flush=True)
        run_django("migrate --noinput", env)
        run_django("load_demo", env)
        setup = json.loads(run_django("opening a ballot", env, script=SETUP).strip().splitlines()[-1])

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = workdir / "server.log"
        with log.open("w") as output:
            server = subprocess.Popen(
                [sys.executable, "manage.py", args.server, "--noreload", f"127.0.0.1:{port}"],
                cwd=BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT,
            )
        wait_for_server(base, server, log)
        print(f"Server on {base}; {args.participants} participants for {args.seconds:.0f} s ...", flush=True)

        stats = Stats()
        rng = random.Random(args.seed)
        posting = set(rng.sample(range(args.participants), posters))
        people = [
            Participant(
                number=n, base=base, code=setup["code"], ballot=setup["ballot"], stats=stats, rng=random.Random(rng.random()),
                poster=n in posting, options=setup["options"], max_choices=setup["max_choices"],
            )
            for n in range(args.participants)
        ]
        start = time.monotonic() + 0.5
        end = start + args.seconds
        # A room joins over its first minute: here over the first fifth of the run, at most 10 s.
        join_within = min(10.0, args.seconds / 5)
        threads = [threading.Thread(target=p.run, kwargs={"start": start, "end": end, "join_within": join_within}, daemon=True) for p in people]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=max(end - time.monotonic(), 0) + REQUEST_TIMEOUT + 5)
        elapsed = time.monotonic() - start
        stop(server)
        counted = json.loads(run_django("counting", env, script=COUNT, args=(setup["code"], str(setup["ballot"]), NAME_PREFIX)).strip().splitlines()[-1])
        ok = report(stats, counted, seconds=elapsed, participants=args.participants, posters=posters)
        return 0 if ok else 1
    finally:
        if server is not None:
            stop(server)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
