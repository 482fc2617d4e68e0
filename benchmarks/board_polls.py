"""What a board poll costs: an unchanged poll (204) next to a changed poll and the full page.

Every laptop and the projector poll their board every 2 s, so with 100 people the
unchanged poll is by far the most frequent request: it must cost almost nothing.

    .venv/bin/python benchmarks/board_polls.py                  # 10 tables x 10 people x 30 post-its each
    .venv/bin/python benchmarks/board_polls.py --postits 3 --repeat 200
    .venv/bin/python benchmarks/board_polls.py --tables 40 --people 25 --postits 1 --repeat 5   # 1,000 people
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/agora REDIS_URL=redis://127.0.0.1:6379/0 \\
        .venv/bin/python benchmarks/board_polls.py

It runs on whatever DATABASE_URL and REDIS_URL say (SQLite and an in-memory cache
without them), in a throw-away test database it creates and drops, and requests
go through Django's test Client (no network, no server): the figures are the
application's own cost per request, time and SQL queries.

The post-its are written with bulk_create, not one service call each, so that the
set-up takes seconds; what is measured is only the read side. To measure another
URL, add a line to CASES in main().
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "foresight.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from workshops import live  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_databases, setup_test_environment, teardown_databases  # noqa: E402

WORDS = (
    "usage propriété partage location plateforme voiture permis données école entreprise "
    "acteur public rupture signal tendance imprimante réparation quartier énergie santé "
    "travail contrat formation confiance algorithme ville campagne mobilité"
).split()


@dataclass
class Case:
    name: str
    url: str
    client: Client
    expected_status: int
    htmx: bool = False


def build_workshop(*, tables: int, people: int, postits: int):
    """A live workshop: `tables` tables of `people` participants, each with `postits` post-its."""
    from tests.factories import FacilitatorFactory, WorkshopFactory
    from workshops import services
    from workshops.live import workshop_bump_version
    from workshops.models import Contribution, Participant, Workshop

    rng = random.Random(2012)
    facilitator = FacilitatorFactory(username="bench-facilitator")
    workshop = WorkshopFactory(facilitator=facilitator, table_count=tables)
    phase = services.phase_open(phase=workshop.phases.order_by("position").first())
    sections = list(phase.canvas.sections.order_by("position"))
    participants = Participant.objects.bulk_create(
        Participant(workshop=workshop, display_name=f"Personne {t.number}-{n}", table=t)
        for t in workshop.tables.all()
        for n in range(1, people + 1)
    )
    Contribution.objects.bulk_create(
        Contribution(
            workshop=workshop,
            phase=phase,
            table_id=p.table_id,
            participant=p,
            section=(section := rng.choice(sections)),
            axis=rng.choice(section.axes) if section.axes else "",
            text=" ".join(rng.choices(WORDS, k=rng.randint(4, 14))).capitalize(),
            plus_ones=rng.randint(0, 5),
        )
        for p in participants
        for _ in range(postits)
    )
    workshop_bump_version(workshop_id=workshop.pk)
    return Workshop.objects.get(pk=workshop.pk), facilitator, participants[0], phase


def participant_client(participant) -> Client:
    from workshops.participation import SESSION_KEY

    client = Client()
    session = client.session
    session[SESSION_KEY] = {str(participant.workshop_id): participant.pk}
    session.save()
    client.cookies["sessionid"] = session.session_key
    return client


def measure(case: Case, repeat: int) -> dict:
    headers = {"HX-Request": "true"} if case.htmx else {}
    case.client.get(case.url, headers=headers)  # warm: caches, session, template loading
    timings, queries, status, size = [], [], None, 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = case.client.get(case.url, headers=headers)
            timings.append((time.perf_counter() - start) * 1000)
        queries.append(len(captured))
        status, size = response.status_code, len(response.content)
    timings.sort()
    return {
        "status": status,
        "median_ms": statistics.median(timings),
        "p95_ms": timings[min(len(timings) - 1, int(len(timings) * 0.95))],
        "queries": max(queries),
        "bytes": size,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=10)
    parser.add_argument("--people", type=int, default=10, help="participants per table")
    parser.add_argument("--postits", type=int, default=30, help="post-its per participant")
    parser.add_argument("--repeat", type=int, default=50, help="requests per case")
    args = parser.parse_args(argv)

    setup_test_environment()
    database = django.conf.settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        # A name of its own, so a test run going on beside it keeps test_<name>.
        database.setdefault("TEST", {})["NAME"] = f"benchmark_{database['NAME']}"
    old_config = setup_databases(verbosity=0, interactive=False)
    try:
        started = time.perf_counter()
        workshop, facilitator, participant, phase = build_workshop(tables=args.tables, people=args.people, postits=args.postits)
        setup_seconds = time.perf_counter() - started
        version = workshop.version
        stage = f"{phase.pk}-{participant.table_id}-0"
        # A laptop polls with its stage and table versions (workshops.live.participant_version).
        laptop_version = live.participant_version(workshop.pk, participant.table_id)
        laptop_poll = f"/w/{workshop.join_code}/live/?t={participant.table_id}&s={stage}&v="
        laptop = participant_client(participant)
        projector = Client()
        projector.force_login(facilitator)
        code, pk = workshop.join_code, workshop.pk

        CASES = [
            Case("participant poll, unchanged", laptop_poll + laptop_version, laptop, 204, htmx=True),
            Case("participant poll, changed", laptop_poll + "0.0", laptop, 200, htmx=True),
            Case("participant canvas page", f"/w/{code}/", laptop, 200),
            Case("projector poll, unchanged", f"/facilitate/{pk}/projector/live/?v={version}", projector, 204, htmx=True),
            Case("projector poll, changed", f"/facilitate/{pk}/projector/live/?v={version - 1}", projector, 200, htmx=True),
            Case("projector page", f"/facilitate/{pk}/projector/", projector, 200),
            # The control room's parts as a join or a seat redraws them: every participant's seat menu.
            Case("control room people, changed", f"/facilitate/{pk}/live/people/?h=stale", projector, 200, htmx=True),
            Case("control room tables, changed", f"/facilitate/{pk}/live/tables/?h=stale", projector, 200, htmx=True),
        ]

        db = connection.settings_dict["ENGINE"].rsplit(".", 1)[-1]
        cache = django.conf.settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
        total = args.tables * args.people * args.postits
        print(
            f"{args.tables} tables x {args.people} people x {args.postits} post-its = {total} post-its "
            f"(set up in {setup_seconds:.1f} s); database {db}, cache {cache}; {args.repeat} requests per case\n"
        )
        print(f"{'case':<30} {'status':>6} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'bytes':>9}")
        failures = 0
        for case in CASES:
            figures = measure(case, args.repeat)
            flag = "" if figures["status"] == case.expected_status else f"  <- expected {case.expected_status}"
            failures += bool(flag)
            print(
                f"{case.name:<30} {figures['status']:>6} {figures['median_ms']:>10.2f} {figures['p95_ms']:>8.2f} "
                f"{figures['queries']:>8} {figures['bytes']:>9}{flag}"
            )
        return 1 if failures else 0
    finally:
        teardown_databases(old_config, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())
