"""What aggregating a phase costs, and what the room waits meanwhile.

For each size (1,000, 10,000 and 100,000 post-its by default) it builds a closed post-it phase
(bulk_create; ideas cut from the seed documents' sentences, 40 % of post-its near-duplicates of an
earlier one at their table: case, punctuation, accents, a typo, a filler word), then:
- aggregates it from scratch, timed, with the time of each step (snapshot, clustering, write);
- aggregates it again from scratch in a process of its own, as a Celery worker would, for that
  process's peak resident memory (printed with, in brackets, its resident memory before the run:
  Python, Django and the connection);
- rebuilds it with nothing changed (what the sweeper or a second close costs);
while another thread, on its own connection, votes and starts/pauses the next phase's timer
every 20 ms: each of those takes the workshop row, and their waits are printed (max, p99).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/agora .venv/bin/python benchmarks/aggregation.py
    .venv/bin/python benchmarks/aggregation.py --sizes 1000 10000

It runs on DATABASE_URL (PostgreSQL is what it is meant for; SQLite works) in a throw-away test
database it creates and drops.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
import random
import re
import resource
import statistics
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "foresight.settings.test")

import django  # noqa: E402

django.setup()

if os.environ.get("AGORA_BENCH_DB"):
    # The probe process: the benchmark's throw-away database, already created by its parent.
    from django.conf import settings as _settings  # noqa: E402

    _settings.DATABASES["default"]["NAME"] = os.environ["AGORA_BENCH_DB"]

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.test.utils import setup_databases, setup_test_environment, teardown_databases  # noqa: E402

SEEDS = ROOT.parent.parent / "shared" / "seeds"
FALLBACK = (
    "Les jeunes ne passent plus le permis de conduire. Essor des plateformes de location entre particuliers. "
    "Les imprimantes 3D entrent dans les foyers. Les constructeurs automobiles vendent des kilomètres."
)
FILLERS = ["les", "de", "la", "et", "des", "un"]


def seed_sentences() -> list[list[str]]:
    """Sentences of 4 words or more from the seed documents (the real workshop and cahier)."""
    folder = Path(os.environ.get("AGORA_SEEDS", SEEDS))
    text = " ".join(p.read_text(encoding="utf-8", errors="ignore") for p in sorted(folder.glob("*.txt"))) if folder.is_dir() else ""
    sentences = [s.split() for s in re.split(r"[.;:!?\n«»()]+", text or FALLBACK)]
    return [s for s in sentences if len(s) >= 4] or [s.split() for s in FALLBACK.split(".") if s.strip()]


def idea(rng: random.Random, sentences: list[list[str]]) -> str:
    """A post-it's wording: a window of 3 to 10 words of a seed sentence."""
    words = rng.choice(sentences)
    length = rng.randint(3, min(10, len(words)))
    start = rng.randrange(len(words) - length + 1)
    return " ".join(words[start : start + length])


def near_duplicate(rng: random.Random, text: str) -> str:
    """What a table-mate types for the same idea."""
    words = text.split()
    kind = rng.randrange(5)
    if kind == 0:
        return text.lower()
    if kind == 1:
        return text + rng.choice([" !", ".", " ...", " ?"])
    if kind == 2:
        return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    if kind == 3:
        long_words = [i for i, w in enumerate(words) if len(w) >= 6]
        if long_words:
            i = rng.choice(long_words)
            j = rng.randrange(1, len(words[i]) - 1)
            words[i] = words[i][:j] + words[i][j + 1 :]
        return " ".join(words)
    words.insert(rng.randrange(len(words) + 1), rng.choice(FILLERS))
    return " ".join(words)


def build_phase(size: int, tables: int, rng: random.Random, one_board: bool = False):
    """A workshop whose first phase holds `size` post-its at `tables` tables, closed; the second one open."""
    from tests.factories import FacilitatorFactory, WorkshopFactory
    from voting.services import ballot_create, ballot_open, options_from_lines
    from workshops import services
    from workshops.models import Contribution, Participant, WorkshopPhase

    sentences = seed_sentences()
    workshop = WorkshopFactory(facilitator=FacilitatorFactory(), table_count=tables)
    phase = services.phase_open(phase=workshop.phases.order_by("position").first())
    sections = list(phase.canvas.sections.order_by("position"))
    if one_board:
        # Every post-it at one table in one section: the case the quadratic version took minutes on.
        sections = [next(s for s in sections if not s.axes)]
    people = Participant.objects.bulk_create(
        Participant(workshop=workshop, display_name=f"Personne {t.number}-{n}", table=t) for t in workshop.tables.all() for n in range(25)
    )
    by_table: dict[int, list[tuple]] = {}
    batch = []
    for _ in range(size):
        person = rng.choice(people)
        posted = by_table.setdefault(person.table_id, [])
        if posted and rng.random() < 0.4:
            # The same idea again, in the same section and axis as the post-it it echoes.
            text, section, axis = rng.choice(posted)
            text = near_duplicate(rng, text)
        else:
            section = rng.choice(sections)
            text, axis = idea(rng, sentences), rng.choice(section.axes) if section.axes else ""
        posted.append((text, section, axis))
        batch.append(
            Contribution(
                workshop=workshop, phase=phase, table_id=person.table_id, participant=person, section=section,
                axis=axis, text=text, plus_ones=0,
            )  # fmt: skip
        )
    Contribution.objects.bulk_create(batch, batch_size=5000)
    # Closed by hand: phase_close would queue the aggregation, which runs eagerly here.
    WorkshopPhase.objects.filter(pk=phase.pk).update(status=WorkshopPhase.Status.CLOSED, closed_at=timezone.now())
    following = services.phase_open(phase=workshop.phases.get(position=2))
    ballot = ballot_open(ballot=ballot_create(workshop=workshop, title="Priorités", method="approval", options=options_from_lines("Un\nDeux\nTrois")))
    return workshop, phase, following, ballot, people[0]


def probe_room(workshop_id: int, phase_id: int, ballot_id: int, voter_id: int, stop_file: str) -> dict:
    """In a process of its own (as a web worker is): vote, then start or pause the open phase's
    timer, every 20 ms until `stop_file` exists. Each opens a transaction and first takes the
    workshop row, as the services do: the time that takes is its wait on the workshop row."""
    from voting.services import vote_cast
    from workshops import services
    from django.db import DatabaseError
    from workshops.models import Participant, Workshop, WorkshopPhase
    from voting.models import BallotOption

    voter = Participant.objects.get(pk=voter_id)
    options = list(BallotOption.objects.filter(ballot_id=ballot_id).values_list("pk", flat=True))
    waits: dict[str, list[float]] = {"vote": [], "phase change": []}
    totals: dict[str, list[float]] = {"vote": [], "phase change": []}
    blocked = {"vote": 0, "phase change": 0}  # how many found the workshop row locked by someone else
    running = False
    print("ready", flush=True)
    parent = os.getppid()
    while not os.path.exists(stop_file) and os.getppid() == parent:
        for kind in waits:
            started = time.perf_counter()
            with transaction.atomic():
                try:
                    # First without waiting: tells a wait on a lock apart from a wait for the CPU.
                    with transaction.atomic():
                        Workshop.objects.select_for_update(no_key=True, nowait=True).filter(pk=workshop_id).exists()
                except DatabaseError:
                    blocked[kind] += 1
                services.workshop_lock(workshop_id)
                locked = time.perf_counter()
                if kind == "vote":
                    vote_cast(participant=voter, ballot_id=ballot_id, choices=[random.choice(options)])
                else:
                    phase = WorkshopPhase.objects.get(pk=phase_id)
                    (services.timer_pause if running else services.timer_start)(phase=phase)
                    running = not running
            waits[kind].append((locked - started) * 1000)
            totals[kind].append((time.perf_counter() - started) * 1000)
        time.sleep(0.02)
    return {"waits": waits, "totals": totals, "blocked": blocked}


def start_probe(workshop, following, ballot, voter, stop_file: Path) -> subprocess.Popen:
    settings_dict = connection.settings_dict
    env = {**os.environ, "AGORA_BENCH_DB": settings_dict["NAME"]}
    command = [sys.executable, __file__, "--probe", str(workshop.pk), str(following.pk), str(ballot.pk), str(voter.pk), str(stop_file)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "ready"
    return process


def stop_probe(process: subprocess.Popen, stop_file: Path) -> dict:
    stop_file.touch()
    out, _ = process.communicate(timeout=60)
    stop_file.unlink()
    return json.loads(out.strip().splitlines()[-1])


def aggregate_as_worker(phase_id: int) -> dict:
    """In a process of its own (as a Celery worker is): build the phase, report the process's peak RSS."""
    from workshops.aggregation import phase_aggregate

    connection.ensure_connection()
    rss_before = peak_rss_kb()
    started = time.perf_counter()
    phase_aggregate(phase_id=phase_id)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "peak_kb": peak_rss_kb(), "before_kb": rss_before}


def peak_rss_kb() -> int:
    """This process's peak resident memory. Linux's VmHWM starts again at exec; ru_maxrss would carry
    the parent's peak over (the set-up's) into the child."""
    try:
        status = Path("/proc/self/status").read_text()
        return int(re.search(r"^VmHWM:\s+(\d+) kB", status, re.M).group(1))
    except (OSError, AttributeError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def worker_peak(phase) -> dict:
    env = {**os.environ, "AGORA_BENCH_DB": connection.settings_dict["NAME"]}
    out = subprocess.run([sys.executable, __file__, "--aggregate", str(phase.pk)], env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def timed_steps():
    """Wrap the aggregation's steps to time them; returns the dict the timings land in."""
    from workshops import aggregation

    steps: dict[str, float] = {}

    def wrap(name, function):
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                steps[name] = steps.get(name, 0.0) + time.perf_counter() - started

        return timed

    aggregation.plan = wrap("cluster", aggregation.plan)
    aggregation._snapshot = wrap("snapshot+cluster", aggregation._snapshot)
    aggregation._write = wrap("write", aggregation._write)
    return steps


def from_scratch(phase):
    from workshops.models import TableOutput, WorkshopPhase

    TableOutput.objects.filter(phase=phase).delete()
    WorkshopPhase.objects.filter(pk=phase.pk).update(aggregated_at=None)


def before_aggregate():
    """The aggregation as it was before issue 11 (workshop row locked, every pair compared), from git."""
    import types

    source = subprocess.run(["git", "show", f"{BEFORE}:workshops/aggregation.py"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    module = types.ModuleType("workshops._aggregation_before")
    module.__package__ = "workshops"
    exec(compile(source, "aggregation_before.py", "exec"), module.__dict__)
    return module.phase_aggregate


BEFORE = "fc21638"  # the last commit with the quadratic aggregation


def run_size(size: int, tables: int, steps: dict, one_board: bool = False, before: bool = False) -> dict:
    from workshops.aggregation import phase_aggregate
    from workshops.models import TableOutputLine

    if before:
        phase_aggregate = before_aggregate()
    rng = random.Random(size)
    started = time.perf_counter()
    workshop, phase, following, ballot, voter = build_phase(size, 1 if one_board else tables, rng, one_board)
    setup = time.perf_counter() - started

    from_scratch(phase)
    stop_file = Path(tempfile.gettempdir()) / f"agora-bench-probe-{os.getpid()}"
    # The room alone first (its own cost on this machine), then the room while the phase is aggregated.
    quiet = start_probe(workshop, following, ballot, voter, stop_file)
    time.sleep(2)
    quiet = stop_probe(quiet, stop_file)
    probe = start_probe(workshop, following, ballot, voter, stop_file)
    time.sleep(1)
    steps.clear()
    started, cpu = time.perf_counter(), time.process_time()
    lines = phase_aggregate(phase_id=phase.pk)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    timing = dict(steps)

    unchanged, peak = 0.0, {"peak_kb": 0, "before_kb": 0}
    if not before:  # the quadratic version would take as long again, twice
        started = time.perf_counter()
        assert phase_aggregate(phase_id=phase.pk) == lines
        unchanged = time.perf_counter() - started
    probe = stop_probe(probe, stop_file)

    if not before:
        from_scratch(phase)
        peak = worker_peak(phase)
    assert TableOutputLine.objects.filter(output__phase=phase).count() == lines

    def worst(figures, kind):
        waits, totals = sorted(figures["waits"][kind]), figures["totals"][kind]
        if not waits:
            return (0, 0, 0, 0, 0)
        return (max(waits), waits[min(len(waits) - 1, int(len(waits) * 0.99))], statistics.median(totals), len(waits), figures["blocked"][kind])

    return {
        "size": size, "tables": tables, "setup": setup, "seconds": seconds, "cpu": cpu, "lines": lines, "unchanged": unchanged,
        "snapshot": timing.get("snapshot+cluster", 0) - timing.get("cluster", 0), "cluster": timing.get("cluster", 0),
        "write": timing.get("write", 0), "peak_mb": peak["peak_kb"] / 1024, "base_mb": peak["before_kb"] / 1024, "vote": worst(probe, "vote"), "phase": worst(probe, "phase change"),
        "quiet_vote": worst(quiet, "vote"), "quiet_phase": worst(quiet, "phase change"),
    }  # fmt: skip


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--tables", type=int, default=40, help="tables of the room (fewer for a small phase)")
    parser.add_argument("--one-board", action="store_true", help="every post-it at one table, in one section")
    parser.add_argument("--before", action="store_true", help=f"time the quadratic aggregation of {BEFORE} instead")
    parser.add_argument("--probe", nargs=5, help=argparse.SUPPRESS)
    parser.add_argument("--aggregate", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.aggregate:
        print(json.dumps(aggregate_as_worker(args.aggregate)))
        return 0
    if args.probe:
        *ids, stop_file = args.probe
        print(json.dumps(probe_room(*map(int, ids), stop_file)))
        return 0

    setup_test_environment()
    database = django.conf.settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = f"benchmark_aggregation_{database['NAME']}"
    old_config = setup_databases(verbosity=0, interactive=False)
    steps = timed_steps()
    try:
        print(
            f"database {connection.vendor}; {os.cpu_count()} CPUs; another process votes and starts/pauses a timer every 20 ms.\n"
            "wait: ms to get the workshop row (max/p99), then the median ms of the whole vote or timer change,\n"
            "the number of samples and how many of them found the row locked (the rest waited for the CPU alone);\n"
            "'alone': the same with no aggregation running. CPU s: this process's (Python's) share of the total.\n"
            f"load average when it started: {os.getloadavg()[0]:.1f}\n"
        )
        print(
            f"{'post-its':>9} {'tables':>6} {'lines':>7} {'total s':>8} {'CPU s':>6} {'snapshot':>9} {'cluster':>8} {'write':>7} "
            f"{'rebuild s':>9} {'worker RSS MB':>13}  {'vote wait max/p99, p50':<28} {'phase change wait max/p99, p50':<30} {'alone: vote, phase change':<26}"
        )
        for size in args.sizes:
            tables = 1 if args.one_board else min(args.tables, max(size // 100, 1))
            r = run_size(size, tables, steps, args.one_board, args.before)
            def fmt(w):
                return f"{w[0]:.1f}/{w[1]:.1f}, {w[2]:.1f} (n={w[3]}, {w[4]} locked)"

            print(
                f"{r['size']:>9} {r['tables']:>6} {r['lines']:>7} {r['seconds']:>8.2f} {r['cpu']:>6.2f} {r['snapshot']:>9.2f} {r['cluster']:>8.2f} "
                f"{r['write']:>7.2f} {r['unchanged']:>9.2f} {r['peak_mb']:>7.0f} ({r['base_mb']:>3.0f})  {fmt(r['vote']):<28} {fmt(r['phase']):<30} "
                f"{fmt(r['quiet_vote'])}; {fmt(r['quiet_phase'])}",
                flush=True,
            )
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\npeak RSS of the whole process (set-up included): {rss:.0f} MB; load average now {os.getloadavg()[0]:.1f}")
        return 0
    finally:
        teardown_databases(old_config, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())
