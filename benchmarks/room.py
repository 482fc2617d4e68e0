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
p50/p95/p99 latencies per kind, the time from a post to its table-mates' screens (a table-mate's
poll that returns the new post-it), then counts in the database what was written and checks that
every accepted write is there exactly once: participants, post-its, +1s, ballot papers and their
choices. It exits non-zero on any error or mismatch, so CI can run it as a smoke test.

    .venv/bin/python benchmarks/room.py                       # 100 participants, 25 posting, 60 s
    .venv/bin/python benchmarks/room.py --participants 20 --seconds 15

Only loopback traffic; the server and its database are removed at the end, whatever happens.
The client is the standard library (urllib), one thread per participant. The room itself
(participants, hostile laptops, the report) is shared with benchmarks/room_production.py, which
plays it against PostgreSQL, Redis, a Celery worker and gunicorn.
"""

from __future__ import annotations

import argparse
import html
import http.client
import http.cookiejar
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
REQUEST_TIMEOUT = 30
KINDS = ["join", "page", "poll", "stream", "post", "plus_one", "vote", "control", "projector", "hostile", "nothing", "insert"]
DEMO_PASSWORD = "agora-demo"  # load_demo's
# A thread per laptop: a small stack keeps 1,000 of them in a few hundred MB.
THREAD_STACK_SIZE = 512 * 1024

# Run in the server's environment before it starts: the demo workshop with `tables` tables (each
# seating everyone), and a ballot open on it.
SETUP = """
import json, sys, django
django.setup()
from demo.seed.load import ruptures_demo_workshops
from voting.models import Method
from voting.services import ballot_create, ballot_open, options_from_scenarios
from workshops.models import Table, Workshop
from workshops.selectors import open_phase, phase_sections
from workshops.services import table_create

tables, seats = int(sys.argv[1]), int(sys.argv[2])
workshop = ruptures_demo_workshops().get()  # its join code is random: read, never assumed
while workshop.tables.count() < tables:
    table_create(workshop=workshop, capacity=seats)
# Set-up only (no participant polls yet): every table seats the whole room.
Table.objects.filter(workshop=workshop).update(capacity=seats)
options = options_from_scenarios(workshop=workshop)
ballot = ballot_create(workshop=workshop, title="Benchmark", question="Which ones?", method=Method.APPROVAL,
                       options=options, min_choices=1, max_choices=3)
ballot_open(ballot=ballot)
print(json.dumps({
    "code": workshop.join_code,
    "ballot": ballot.pk,
    "options": list(ballot.options.values_list("pk", flat=True)),
    "max_choices": ballot.max_choices,
    "tables": list(workshop.tables.order_by("number").values_list("pk", flat=True)[:tables]),
    "section": phase_sections(open_phase(workshop))[0].pk,
    "workshop": workshop.pk,
    "facilitator": workshop.facilitators.order_by("pk").first().username,
}))
"""

# Run after the server stopped: what the database holds.
COUNT = """
import json, sys, django
django.setup()
from django.db import connection
from voting.models import Allocation, BallotPaper
from workshops.models import Contribution, Participant, PlusOne

code, ballot, prefix = sys.argv[1], int(sys.argv[2]), sys.argv[3]
participants = Participant.objects.filter(workshop__join_code=code, display_name__startswith=prefix)
posts = Contribution.objects.filter(participant__in=participants)
counted = {
    "join": participants.count(),
    "post": posts.count(),
    # A post-it's text carries a token of its own: one stored twice is a doubled write.
    "post_doubled": posts.values("text").order_by().annotate(n=django.db.models.Count("pk")).filter(n__gt=1).count(),
    "plus_one": PlusOne.objects.filter(participant__in=participants).count(),
    "vote": BallotPaper.objects.filter(ballot_id=ballot, participant__in=participants).count(),
    "choices": Allocation.objects.filter(paper__ballot_id=ballot, paper__participant__in=participants).count(),
}
if "benchmark_ceiling" in connection.introspection.table_names():
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM benchmark_ceiling")
        counted["insert"] = cursor.fetchone()[0]
print(json.dumps(counted))
"""

NAME_PREFIX = "Bench "
WORDS = (
    "usage propriété partage location plateforme voiture permis données école entreprise acteur public "
    "rupture signal tendance réparation quartier énergie santé travail confiance ville mobilité"
).split()


@dataclass
class Cadence:
    """How often a laptop does what, in seconds."""

    poll_every: float = 2.0
    post_every: tuple[float, float] = (5, 15)
    plus_one_every: tuple[float, float] = (10, 20)
    # None: each laptop votes at a moment of its own during the run; (at, within): all of them
    # in a burst of `within` seconds starting `at` (a fraction of the run) in.
    vote_burst: tuple[float, float] | None = None
    # True: the board is pushed (the page's Server-Sent Events stream, as static/js/live.js opens
    # it); the laptop polls only while its stream is down, as the page does.
    push: bool = False


@dataclass
class Room:
    """Where the laptops go and what they send along (behind a TLS proxy: its headers)."""

    base: str
    code: str
    ballot: int
    options: list[int]
    max_choices: int
    tables: list[int]
    section: int
    workshop: int
    facilitator: str
    proxy_headers: dict = field(default_factory=dict)
    # Where the board streams are served, when not by `base` (production: a proxy routes them to uvicorn).
    stream_base: str = ""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is the answer (302 after a form), not something to follow."""

    def redirect_request(self, *args, **kwargs):
        return None


class BehindTLS(http.cookiejar.DefaultCookiePolicy):
    """Production's cookies are Secure: the laptop speaks to a TLS proxy, which here is the
    X-Forwarded-Proto header on loopback, so it sends them back as a browser would."""

    def return_ok_secure(self, cookie, request):
        return True


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = defaultdict(list)
        self.statuses = defaultdict(lambda: defaultdict(int))
        self.errors = []
        self.accepted = defaultdict(int)
        self.late = defaultdict(int)
        self.hostile = defaultdict(lambda: defaultdict(int))  # attack -> status -> count
        self.hostile_failures = []
        self.events = 0  # pushed events the laptops read

    def record(self, kind, status, seconds, detail=""):
        with self.lock:
            self.latencies[kind].append(seconds)
            self.statuses[kind][status] += 1
            if status == "error" or (isinstance(status, int) and status >= 500):
                self.errors.append(f"{kind}: {status} {detail}".strip())

    def accept(self, kind, count=1):
        with self.lock:
            self.accepted[kind] += count

    def unanswered(self, kind, count=1):
        """A write sent whose answer never came (time-out, reset): the server may have stored it."""
        with self.lock:
            self.late[kind] += count

    def attack(self, name, status, ok):
        with self.lock:
            self.hostile[name][status] += 1
            if not ok:
                self.hostile_failures.append(f"{name}: {status}")

    def requests(self) -> int:
        return sum(len(v) for v in self.latencies.values())


class Screens:
    """When each post-it reaches its table-mates' screens: a table-mate's poll (or page) that
    returns the post-it's text, measured from the moment the post was sent."""

    def __init__(self):
        self.lock = threading.Lock()
        self.posts = defaultdict(list)  # table -> [(token, sent at, poster)]
        self.delays = []

    def posted(self, table, token, sent_at, poster):
        with self.lock:
            self.posts[table].append((token, sent_at, poster))

    def look(self, laptop, body, now):
        with self.lock:
            posts = self.posts[laptop.table][laptop.screen_index:]
        for token, sent_at, poster in posts:
            if poster is laptop or sent_at < laptop.joined_at or token in laptop.seen:
                continue
            if token in body:
                laptop.seen.add(token)
                with self.lock:
                    self.delays.append(now - sent_at)


def new_opener():
    jar = http.cookiejar.CookieJar(policy=BehindTLS())
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect), jar


class Laptop:
    """One browser: its own cookies, its own thread, the requests a browser sends."""

    def __init__(self, *, number, room: Room, stats: Stats, rng):
        self.number = number
        self.room = room
        self.stats = stats
        self.rng = rng
        self.opener, self.jar = new_opener()
        self.csrf = ""
        # Behind a TLS proxy the browser's pages are https: Django's CSRF check wants such a Referer.
        scheme = room.proxy_headers.get("X-Forwarded-Proto", "http")
        self.origin = scheme + "://" + room.base.split("://", 1)[1]
        self.referer = self.origin + "/"

    def request(self, kind, path, data=None, htmx=False, body: bytes | None = None, csrf=True):
        """(status, body) or (None, "") after a connection error; every request is timed and recorded."""
        headers = {"Accept-Language": "fr", **self.room.proxy_headers}
        if htmx:
            headers["HX-Request"] = "true"
        if data is not None or body is not None:
            if body is None:
                body = urllib.parse.urlencode(data, doseq=True).encode()
            if csrf:
                headers["X-CSRFToken"] = self.csrf
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            # Over HTTPS, Django's CSRF check wants a Referer of the same origin.
            headers["Referer"] = self.referer
        req = urllib.request.Request(self.room.base + path, data=body, headers=headers)
        start = time.monotonic()
        try:
            with self.opener.open(req, timeout=REQUEST_TIMEOUT) as response:
                status, text = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode(errors="replace")
        except (OSError, urllib.error.URLError) as error:
            self.stats.record(kind, "error", time.monotonic() - start, f"{type(error).__name__}: {error}")
            return None, ""
        detail = ""
        if status >= 500:
            # DEBUG=true: Django's error page names the exception ("OperationalError at /w/…/post/").
            title = re.search(r"<title>(.*?)</title>", text, re.S)
            value = re.search(r'class="exception_value">(.*?)<', text, re.S)
            detail = ": ".join(" ".join(html.unescape(m.group(1)).split())[:100] for m in (title, value) if m)
            detail = re.sub(r"/\d+/", "/<id>/", detail)
        self.stats.record(kind, status, time.monotonic() - start, detail)
        return status, text

    def send_oversized(self, path, form, size) -> int | None:
        """A body past the server's limit: the server answers its 4xx and closes the connection
        without reading the rest, so the send may break (EPIPE, reset) while the answer is there
        to read. urllib gives up at the broken send; this reads the answer as a browser would."""
        body = urllib.parse.urlencode({**form, "text": "x" * size}).encode()
        request = urllib.request.Request(self.room.base + path, data=body)
        self.jar.add_cookie_header(request)
        parsed = urllib.parse.urlsplit(self.room.base)
        connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=REQUEST_TIMEOUT)
        headers = {"Accept-Language": "fr", "HX-Request": "true", "X-CSRFToken": self.csrf, "Referer": self.referer,
                   "Content-Type": "application/x-www-form-urlencoded", "Content-Length": str(len(body)),
                   "Cookie": request.get_header("Cookie", ""), **self.room.proxy_headers}
        start = time.monotonic()
        try:
            connection.putrequest("POST", path)
            for name, value in headers.items():
                connection.putheader(name, value)
            connection.endheaders()
            try:
                connection.send(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # refused before the end of the body: its answer follows
            status = connection.getresponse().status
        except OSError as error:
            self.stats.record("hostile", "error", time.monotonic() - start, f"{type(error).__name__}: {error}")
            return None
        finally:
            connection.close()
        self.stats.record("hostile", status, time.monotonic() - start)
        return status

    def read_token(self, body):
        if token := re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body):
            self.csrf = token.group(1)

    def join(self, name, table) -> bool:
        """The join flow: the code's page, then the name and table form; True once joined."""
        status, body = self.request("join", f"/w/{self.room.code}/join/")
        if status != 200:
            return False
        self.read_token(body)
        self.referer = f"{self.origin}/w/{self.room.code}/join/"
        status, _ = self.request(
            "join", f"/w/{self.room.code}/join/", {"csrfmiddlewaretoken": self.csrf, "display_name": name, "table": table}
        )
        if status is None:
            self.stats.unanswered("join")
        if status == 302:
            self.stats.accept("join")
            self.referer = f"{self.origin}/w/{self.room.code}/"
            return True
        return False


class Participant(Laptop):
    """A laptop on the canvas page: polls its board, posts, +1s, votes."""

    def __init__(self, *, number, room, stats, rng, poster, cadence: Cadence, screens: Screens):
        super().__init__(number=number, room=room, stats=stats, rng=rng)
        self.poster = poster
        self.cadence = cadence
        self.screens = screens
        self.table = room.tables[number % len(room.tables)]
        self.poll_url = ""
        self.sections: list[tuple[str, str]] = []
        self.plus_one_ids: set[int] = set()
        self.joined = False
        self.joined_at = float("inf")
        self.seen: set[str] = set()
        self.screen_index = 0
        self.stream_url = ""
        self.streaming = False

    def read_page(self, body):
        """What the page tells the browser: its CSRF token, its poll URL, its forms and +1 buttons."""
        self.read_token(body)
        if poller := re.search(r'id="poller"[^>]*hx-get="([^"]+)"', body):
            self.poll_url = html.unescape(poller.group(1))
        if stream := re.search(r'id="poller"[^>]*data-stream="([^"]+)"', body):
            self.stream_url = html.unescape(stream.group(1))
        forms = re.findall(r'name="section" value="(\d+)">(.*?)</form>', body, re.S)
        if forms:
            self.sections = [(section, (re.findall(r'name="axis" value="([^"]*)"', rest) or [""])[0]) for section, rest in forms]
        # A page or a changed poll renders the table's lists: its +1 buttons are those still to give.
        if "notes-" in body:
            self.plus_one_ids = {int(pk) for pk in re.findall(r"/plus-one/(\d+)/", body)}
        self.screens.look(self, body, time.monotonic())

    def join_room(self):
        if self.join(f"{NAME_PREFIX}{self.number:04d}", self.table):
            self.joined = True
            self.joined_at = time.monotonic()
            self.page()

    def page(self):
        status, body = self.request("page", f"/w/{self.room.code}/")
        if status == 200:
            self.read_page(body)

    def poll(self):
        if not self.poll_url or self.streaming:
            return
        status, body = self.request("poll", self.poll_url, htmx=True)
        if status == 200:
            self.read_page(body)

    def stream(self, end):
        """The board's stream, as static/js/live.js keeps it: each event fed to the page; reopened
        from the last event's id when it ends or fails (backing off), polling meanwhile."""
        failures, opened, last_id = 0, False, ""
        while time.monotonic() < end and self.stream_url:
            query = self.poll_url[self.poll_url.index("?"):] if "?" in self.poll_url else ""
            headers = {"Accept": "text/event-stream", "Accept-Language": "fr", **self.room.proxy_headers}
            if last_id:
                headers["Last-Event-ID"] = last_id
            start = time.monotonic()
            try:
                response = self.opener.open(urllib.request.Request((self.room.stream_base or self.room.base) + self.stream_url + query, headers=headers), timeout=REQUEST_TIMEOUT)
            except urllib.error.HTTPError as error:
                self.stats.record("stream", error.code, time.monotonic() - start)
                response = None
            except (OSError, urllib.error.URLError) as error:
                self.stats.record("stream", "error", time.monotonic() - start, f"{type(error).__name__}: {error}")
                response = None
            if response is not None and response.status == 200:
                self.stats.record("stream", 200, time.monotonic() - start)
                self.streaming, opened, failures = True, True, 0
                last_id = self._events(response, end, last_id)
            elif response is not None:
                self.stats.record("stream", response.status, time.monotonic() - start)
            self.streaming = False
            failures += 1
            if not opened and failures >= 3:
                return  # never opened: the page polls for good
            if not wait_until(time.monotonic() + min(60.0, 2 ** (failures - 1)), end):
                return

    def _events(self, response, end, last_id) -> str:
        data = []
        try:
            with response:
                for raw in response:
                    if time.monotonic() >= end:
                        break
                    line = raw.decode().rstrip("\r\n")
                    if line.startswith("data:"):
                        data.append(line[6:] if line.startswith("data: ") else line[5:])
                    elif line.startswith("id:"):
                        last_id = line[3:].strip()
                    elif not line:
                        if data:
                            with self.stats.lock:
                                self.stats.events += 1
                            self.read_page("\n".join(data))
                        data = []
        except (OSError, ValueError) as error:
            if time.monotonic() < end:
                self.stats.record("stream", "error", 0, f"cut: {type(error).__name__}")
        return last_id

    def post(self):
        if not self.sections:
            return
        section, axis = self.rng.choice(self.sections)
        # A token of its own: its table-mates' screens are watched for it, the database for doubles.
        token = f"zq{self.number}x{secrets.token_hex(4)}"
        text = " ".join(self.rng.choices(WORDS, k=self.rng.randint(3, 9))) + " " + token
        sent_at = time.monotonic()
        status, _ = self.request(
            "post", f"/w/{self.room.code}/post/", {"csrfmiddlewaretoken": self.csrf, "section": section, "axis": axis, "text": text}, htmx=True
        )
        if status is None:
            self.stats.unanswered("post")
        if status == 200:
            self.stats.accept("post")
            self.screens.posted(self.table, token, sent_at, self)

    def plus_one(self):
        if not self.plus_one_ids:
            return
        pk = self.rng.choice(sorted(self.plus_one_ids))
        self.plus_one_ids.discard(pk)
        status, body = self.request("plus_one", f"/w/{self.room.code}/plus-one/{pk}/", {"csrfmiddlewaretoken": self.csrf}, htmx=True)
        if status is None:
            self.stats.unanswered("plus_one")
        if status == 200:
            self.stats.accept("plus_one")

    def vote(self):
        choices = self.rng.sample(self.room.options, self.rng.randint(1, self.room.max_choices))
        status, _ = self.request(
            "vote",
            f"/w/{self.room.code}/vote/{self.room.ballot}/",
            {"csrfmiddlewaretoken": self.csrf, "choice": choices, "revision": 0},
            htmx=True,
        )
        if status is None:
            self.stats.unanswered("vote")
            self.stats.unanswered("choices", len(choices))
        if status == 200:
            self.stats.accept("vote")
            self.stats.accept("choices", len(choices))

    def run(self, *, start, end, join_within):
        rng, cadence = self.rng, self.cadence
        wait_until(start + rng.uniform(0, join_within), end)
        if time.monotonic() >= end:
            return
        self.join_room()
        if not self.joined:
            return
        if cadence.push:
            threading.Thread(target=self.stream, args=(end,), daemon=True).start()
        now = time.monotonic()
        if cadence.vote_burst:
            at, within = cadence.vote_burst
            vote_at = start + at * (end - start) + rng.uniform(0, within)
        else:
            vote_at = now + rng.uniform(0, max(end - now, 0) * 0.8)
        due = {
            "poll": now + rng.uniform(0, cadence.poll_every),
            "plus_one": now + rng.uniform(*cadence.plus_one_every) / 2,
            "vote": max(vote_at, now),
        }
        if self.poster:
            due["post"] = now + rng.uniform(0, sum(cadence.post_every) / 2)
        while due:
            kind = min(due, key=due.get)
            if not wait_until(due[kind], end):
                return
            getattr(self, kind)()
            now = time.monotonic()
            if kind == "poll":
                due[kind] = max(due[kind] + cadence.poll_every, now)
            elif kind == "post":
                due[kind] = now + rng.uniform(*cadence.post_every)
            elif kind == "plus_one":
                due[kind] = now + rng.uniform(*cadence.plus_one_every)
            else:
                del due[kind]


class Facilitator(Laptop):
    """The facilitator's laptop with the control room open, and the projector's: both poll every 2 s."""

    PART = re.compile(r'id="(control-\w+|projector-live)"[^>]*?hx-get="([^"]+)"')

    def __init__(self, *, room, stats, rng, poll_every):
        super().__init__(number=0, room=room, stats=stats, rng=rng)
        self.poll_every = poll_every
        self.polls: dict[str, str] = {}

    def read_parts(self, body):
        for part, url in self.PART.findall(body):
            self.polls[part] = html.unescape(url)

    def sign_in(self) -> bool:
        status, body = self.request("control", "/accounts/login/")
        self.read_token(body)
        self.referer = f"{self.origin}/accounts/login/"
        status, _ = self.request(
            "control", "/accounts/login/", {"csrfmiddlewaretoken": self.csrf, "username": self.room.facilitator, "password": DEMO_PASSWORD}
        )
        return status == 302

    def run(self, *, start, end, join_within):
        wait_until(start, end)
        if not self.sign_in():
            self.stats.record("control", "error", 0, "the facilitator could not sign in")
            return
        for kind, path in (("control", f"/facilitate/{self.room.workshop}/"), ("projector", f"/facilitate/{self.room.workshop}/projector/")):
            status, body = self.request(kind, path)
            if status == 200:
                self.read_parts(body)
        due = time.monotonic()
        while wait_until(due, end):
            for part, url in list(self.polls.items()):
                status, body = self.request("projector" if part == "projector-live" else "control", url, htmx=True)
                if status == 200:
                    self.read_parts(body)
            due = max(due + self.poll_every, time.monotonic())


class Hostile(Laptop):
    """A laptop that sends what no page sends: each attack must be refused with a 4xx, writing nothing."""

    FLOOD = 70  # post-its sent back to back, once per run: more than two minutes' allowance

    def __init__(self, *, number, room, stats, rng, section):
        super().__init__(number=number, room=room, stats=stats, rng=rng)
        self.section = section
        self.table = room.tables[number % len(room.tables)]

    def expect(self, name, status, *allowed):
        ok = status is not None and 400 <= status < 500 and (not allowed or status in allowed)
        self.stats.attack(name, status, ok)

    def attacks(self):
        code = self.room.code
        form = {"csrfmiddlewaretoken": self.csrf}
        return [
            ("wrong code", lambda: self.request("hostile", "/w/ZZZZZZ/join/")[0]),
            ("wrong code typed", lambda: self.request("hostile", "/w/join/", {**form, "code": "NOPE99"})[0]),
            # Above DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB): refused before any view runs.
            ("oversized body", lambda: self.send_oversized(f"/w/{code}/post/", {**form, "section": self.section}, 3_000_000)),
            ("post-it too long", lambda: self.request("hostile", f"/w/{code}/post/", {**form, "section": self.section, "text": "x" * 20_000}, htmx=True)[0]),
            ("forged section", lambda: self.request("hostile", f"/w/{code}/post/", {**form, "section": "987654321", "text": "forged"}, htmx=True)[0]),
            ("forged post-it id", lambda: self.request("hostile", f"/w/{code}/plus-one/987654321/", form, htmx=True)[0]),
            ("forged ballot id", lambda: self.request("hostile", f"/w/{code}/vote/987654321/", {**form, "choice": "1", "revision": 0}, htmx=True)[0]),
            ("forged option id", lambda: self.request("hostile", f"/w/{code}/vote/{self.room.ballot}/", {**form, "choice": "987654321", "revision": 0}, htmx=True)[0]),
            ("no CSRF token", lambda: self.request("hostile", f"/w/{code}/post/", {"section": self.section, "text": "no token"}, csrf=False)[0]),
        ]

    def flood(self, end):
        """Post-its back to back from one laptop: past the allowance, each is refused (429)."""
        refused = 0
        for n in range(self.FLOOD):
            if time.monotonic() >= end:
                return  # the room is over: a flood cut short proves nothing either way
            status, _ = self.request(
                "hostile", f"/w/{self.room.code}/post/",
                {"csrfmiddlewaretoken": self.csrf, "section": self.section, "text": f"flood {n} zq{self.number}f{secrets.token_hex(4)}"}, htmx=True,
            )
            if status == 200:
                self.stats.accept("post")
            elif status is None:
                self.stats.unanswered("post")
            else:
                refused += 1
                self.expect("flood of post-its", status, 429)
        if refused == 0:
            self.stats.attack("flood of post-its", "none refused", False)

    def run(self, *, start, end, join_within):
        rng = self.rng
        wait_until(start + rng.uniform(0, join_within), end)
        if time.monotonic() >= end or not self.join(f"{NAME_PREFIX}h{self.number:04d}", self.table):
            return
        status, body = self.request("page", f"/w/{self.room.code}/")
        self.read_token(body)
        attacks = self.attacks()
        flood_at = time.monotonic() + rng.uniform(0, max(end - time.monotonic(), 0) * 0.5)
        flooded = False
        while wait_until(time.monotonic() + rng.uniform(0.5, 1.5), end):
            if not flooded and time.monotonic() >= flood_at:
                self.flood(end)
                flooded = True
                continue
            name, attack = rng.choice(attacks)
            self.expect(name, attack())


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


def last_json(output: str):
    return json.loads(output.strip().splitlines()[-1])


def set_up_room(env, *, tables, seats) -> dict:
    """migrate, load_demo (the room alone), then the tables and an open ballot; what SETUP prints."""
    run_django("migrate --noinput", env)
    run_django("load_demo --without-cahier", env)
    return last_json(run_django("opening a ballot", env, script=SETUP, args=(str(tables), str(seats))))


def wait_for_server(base, server, log: Path, timeout=60, headers=None):
    deadline = time.monotonic() + timeout
    opener = urllib.request.build_opener(NoRedirect)
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("The server stopped before answering:\n" + log.read_text(errors="replace")[-3000:])
        try:
            with opener.open(urllib.request.Request(base + "/w/join/", headers=headers or {}), timeout=2):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"The server did not answer within {timeout} s.")


def stop(process, sig=signal.SIGINT):
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def play(room: Room, *, participants, posters, seconds, hostile=0, cadence=None, seed=2012, join_within=None):
    """Play the room: every laptop in its thread until the time is up; (stats, screens, elapsed)."""
    cadence = cadence or Cadence()
    stats, screens = Stats(), Screens()
    rng = random.Random(seed)
    posting = set(rng.sample(range(participants), min(posters, participants)))
    laptops = [
        Participant(number=n, room=room, stats=stats, rng=random.Random(rng.random()), poster=n in posting, cadence=cadence, screens=screens)
        for n in range(participants)
    ]
    laptops.append(Facilitator(room=room, stats=stats, rng=random.Random(rng.random()), poll_every=cadence.poll_every))
    laptops += [Hostile(number=participants + n, room=room, stats=stats, rng=random.Random(rng.random()), section=str(room.section)) for n in range(hostile)]
    start = time.monotonic() + 0.5
    end = start + seconds
    # A room joins over its first minute: here over the first fifth of the run, at most 10 s (unless told).
    if join_within is None:
        join_within = min(10.0, seconds / 5)
    threading.stack_size(THREAD_STACK_SIZE)
    threads = [threading.Thread(target=p.run, kwargs={"start": start, "end": end, "join_within": join_within}, daemon=True) for p in laptops]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(end - time.monotonic(), 0) + REQUEST_TIMEOUT + 5)
    return stats, screens, max(time.monotonic(), end) - start


def print_latencies(stats, kinds, seconds):
    print(f"{'kind':<10}{'requests':>9}{'/s':>7}{'5xx+err':>9}{'4xx':>6}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}   statuses")
    for kind in kinds:
        values = stats.latencies.get(kind, [])
        if not values:
            continue
        statuses = stats.statuses[kind]
        failed = sum(n for s, n in statuses.items() if s == "error" or s >= 500)
        refused = sum(n for s, n in statuses.items() if s != "error" and 400 <= s < 500)
        shown = " ".join(f"{s}:{n}" for s, n in sorted(statuses.items(), key=lambda item: str(item[0])))
        ms = [1000 * percentile(values, f) for f in (0.5, 0.95, 0.99)] + [1000 * max(values)]
        print(f"{kind:<10}{len(values):>9}{len(values) / seconds:>7.1f}{failed:>9}{refused:>6}" + "".join(f"{m:>9.0f}" for m in ms) + f"   {shown}")


def report(stats, screens, counted, *, seconds, participants, posters, hostile=0, poll_every=2.0, push=False) -> bool:
    boards = f"boards pushed ({stats.events} events; polling every {poll_every:.0f} s while a stream is down)" if push else f"polling every {poll_every:.0f} s"
    print(f"\n{participants} participants ({posters} posting), {hostile} hostile, {seconds:.0f} s, {boards}")
    print_latencies(stats, [k for k in KINDS if k not in ("nothing", "insert")], seconds)
    room_requests = sum(len(stats.latencies.get(k, [])) for k in KINDS if k not in ("nothing", "insert"))
    print(f"{'all':<10}{room_requests:>9}{room_requests / seconds:>7.1f}{len(stats.errors):>9}")
    for error, count in Counter(stats.errors).most_common(10):
        print(f"  {count:>5} x {error}")
    if screens.delays:
        ms = [1000 * percentile(screens.delays, f) for f in (0.5, 0.95, 0.99)] + [1000 * max(screens.delays)]
        print(f"\nA post on its table-mates' screens ({len(screens.delays)} screens): p50 {ms[0]:.0f} ms, p95 {ms[1]:.0f} ms, p99 {ms[2]:.0f} ms, max {ms[3]:.0f} ms")
    ok = not stats.errors
    # A laptop the room's own pages refuse (a 403 from a CSRF check, a 404) is a failure too.
    refused = Counter()
    for kind in ("join", "page", "poll", "stream"):
        refused[kind] = sum(n for status, n in stats.statuses[kind].items() if status != "error" and 400 <= status < 500)
    refused = {kind: n for kind, n in refused.items() if n}
    if refused:
        ok = False
        print(f"\nREFUSED: {refused}")
    if hostile:
        print("\nHostile laptops (each attack must get a 4xx):")
        for name, statuses in sorted(stats.hostile.items()):
            print(f"  {name:<20} " + " ".join(f"{s}:{n}" for s, n in sorted(statuses.items(), key=lambda item: str(item[0]))))
        for failure, count in Counter(stats.hostile_failures).most_common(10):
            print(f"  NOT REFUSED {count:>4} x {failure}")
        ok &= not stats.hostile_failures
    print("\nAccepted writes against the database (each must be there exactly once):")
    for kind in ["join", "post", "plus_one", "vote", "choices"] + (["insert"] if "insert" in counted else []):
        accepted, stored, late = stats.accepted.get(kind, 0), counted[kind], stats.late.get(kind, 0)
        # A write whose answer never came may be stored or not; an accepted one must be, once.
        same = accepted <= stored <= accepted + late
        ok &= same
        print(f"  {kind:<9} accepted {accepted:>6}   in the database {stored:>6}   {'ok' if same else 'MISMATCH'}"
              + (f"   ({late} sent without an answer, {stored - accepted} of them stored)" if late else ""))
    if counted.get("post_doubled"):
        ok = False
        print(f"  {counted['post_doubled']} post-its stored twice: DOUBLED")
    print("\nOK: no error, every accepted write stored once." if ok else "\nFAILED.")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--participants", type=int, default=100, help="laptops in the room (default 100)")
    parser.add_argument("--seconds", type=float, default=60, help="how long the room runs, joins included (default 60)")
    parser.add_argument("--posters", type=int, default=None, help="how many of them post post-its (default: a quarter)")
    parser.add_argument("--tables", type=int, default=7, help="tables the room sits at (default 7, the demo's)")
    parser.add_argument("--hostile", type=int, default=0, help="hostile laptops mixed in (default 0): each attack must get a 4xx")
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
        setup = set_up_room(env, tables=args.tables, seats=args.participants + 200)

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
        room = Room(base=base, **setup)
        stats, screens, elapsed = play(room, participants=args.participants, posters=posters, seconds=args.seconds, hostile=args.hostile, seed=args.seed)
        stop(server)
        counted = last_json(run_django("counting", env, script=COUNT, args=(setup["code"], str(setup["ballot"]), NAME_PREFIX)))
        ok = report(stats, screens, counted, seconds=elapsed, participants=args.participants, posters=posters, hostile=args.hostile)
        return 0 if ok else 1
    finally:
        if server is not None:
            stop(server)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
