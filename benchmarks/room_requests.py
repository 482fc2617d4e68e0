"""What each request of a live room costs the server: the joins, the canvas page and the writes.

benchmarks/room_production.py measures a whole room; this one takes its requests one kind at a
time, in-process (Django's test Client: no network, no server, no CSRF round trip), so that a
change to one of them shows in milliseconds and queries:

- join: the join form (GET) and the name and table sent (POST, redirect);
- canvas page: a participant's page, post-its of the whole table on it;
- post, +1, vote: each by a different participant (no rate limit reached), as htmx sends them.

    .venv/bin/python benchmarks/room_requests.py
    .venv/bin/python benchmarks/room_requests.py --repeat 100 --profile post   # cProfile of one kind
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/agora REDIS_URL=redis://127.0.0.1:6379/0 \\
        .venv/bin/python benchmarks/room_requests.py

It runs on whatever DATABASE_URL and REDIS_URL say, in a throw-away test database it creates and
drops (board_polls.py's set-up: tables of participants with post-its, and an open ballot).
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import board_polls as polls  # noqa: E402  (sets Django up)

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_databases, setup_test_environment, teardown_databases  # noqa: E402

HTMX = {"HX-Request": "true"}
SORT = "cumulative"


def cases(workshop, participants, ballot, options):
    """Each kind: a function of the request's number answering one response (one request measured)."""
    from workshops.models import Contribution

    code = workshop.join_code
    handler = Client().handler  # one handler, as a server process has: the middleware is loaded once
    clients = [with_handler(polls.participant_client(p), handler) for p in participants]
    sections = {}
    for participant in participants:
        note = Contribution.objects.filter(table_id=participant.table_id).exclude(participant=participant).order_by("pk").first()
        sections[participant.pk] = (note.section_id, note.axis, note.pk)
    tables = list(workshop.tables.order_by("number").values_list("pk", flat=True))
    counter = itertools.count()

    def join(n):
        client = with_handler(Client(), handler)
        client.get(f"/w/{code}/join/")
        return client.post(f"/w/{code}/join/", {"display_name": f"Nouvelle {next(counter)}", "table": tables[n % len(tables)]})

    def page(n):
        return clients[n % len(clients)].get(f"/w/{code}/")

    def post(n):
        participant = participants[n % len(participants)]
        section, axis, _note = sections[participant.pk]
        return clients[n % len(clients)].post(f"/w/{code}/post/", {"section": section, "axis": axis, "text": f"Une idée {n}"}, headers=HTMX)

    def plus_one(n):
        participant = participants[n % len(participants)]
        return clients[n % len(clients)].post(f"/w/{code}/plus-one/{sections[participant.pk][2]}/", headers=HTMX)

    def vote(n):
        return clients[n % len(clients)].post(f"/w/{code}/vote/{ballot.pk}/", {"choice": options[:2], "revision": 0}, headers=HTMX)

    return {"join": (join, 302), "page": (page, 200), "post": (post, 200), "plus_one": (plus_one, 200), "vote": (vote, 200)}


def with_handler(client, handler):
    client.handler = handler
    return client


def measure(request, expected, repeat, profile=None, sql=False):
    timings, queries, statuses = [], [], set()
    captured = None
    for n in range(repeat):
        # The log keeps the last 9,000 queries: once full, CaptureQueriesContext would count none.
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            if profile is not None:
                profile.enable()
            response = request(n)
            if profile is not None:
                profile.disable()
            timings.append((time.perf_counter() - start) * 1000)
        queries.append(len(captured))
        statuses.add(response.status_code)
    timings.sort()
    if sql and captured is not None:
        for query in captured.captured_queries:
            print(f"  {query['time']}  {query['sql']}")
    return {
        "ok": statuses == {expected},
        "statuses": statuses,
        "median_ms": statistics.median(timings),
        "p95_ms": timings[min(len(timings) - 1, int(len(timings) * 0.95))],
        "queries": statistics.median(queries),
        "max_queries": max(queries),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=10)
    parser.add_argument("--people", type=int, default=25, help="participants per table")
    parser.add_argument("--postits", type=int, default=3, help="post-its per participant")
    parser.add_argument("--repeat", type=int, default=100, help="requests per kind (at most tables x people)")
    parser.add_argument("--profile", default=None, help="a kind to profile with cProfile (its top 25 functions)")
    parser.add_argument("--sql", default=None, help="a kind whose last request's queries are printed")
    args = parser.parse_args(argv)
    repeat = min(args.repeat, args.tables * args.people)

    # Each request by another participant: no rate limit is reached; the joins all come from one address.
    settings.AGORA_RATE_LIMITS = {**settings.AGORA_RATE_LIMITS, "join_code": "100000/m"}
    setup_test_environment()
    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = f"benchmark_requests_{database['NAME']}"
    old_config = setup_databases(verbosity=0, interactive=False)
    try:
        from tests.voting.factories import make_ballot, option_ids
        from workshops.models import Participant

        workshop, _facilitator, _participant, _phase = polls.build_workshop(tables=args.tables, people=args.people, postits=args.postits)
        workshop.tables.update(capacity=args.people * 10)
        ballot = make_ballot(workshop, "approval", max_choices=2)
        participants = list(Participant.objects.filter(workshop=workshop).order_by("pk"))
        db = connection.settings_dict["ENGINE"].rsplit(".", 1)[-1]
        cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
        print(f"{args.tables} tables x {args.people} people x {args.postits} post-its; database {db}, cache {cache}; {repeat} requests per kind\n")
        print(f"{'kind':<10} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'max q':>6}")
        failures = 0
        profile = None
        for kind, (request, expected) in cases(workshop, participants, ballot, option_ids(ballot)).items():
            profile = cProfile.Profile() if kind == args.profile else None
            figures = measure(request, expected, repeat, profile, sql=kind == args.sql)
            failures += not figures["ok"]
            flag = "" if figures["ok"] else f"  <- statuses {sorted(figures['statuses'])}, expected {expected}"
            print(f"{kind:<10} {figures['median_ms']:>10.2f} {figures['p95_ms']:>8.2f} {figures['queries']:>8.0f} {figures['max_queries']:>6}{flag}")
            if profile is not None:
                pstats.Stats(profile, stream=sys.stdout).sort_stats(SORT).print_stats(40)
        return 1 if failures else 0
    finally:
        teardown_databases(old_config, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())
