"""Every write of the voting app: ballots, their life cycle, votes and outcomes.

Services validate first and write nothing on bad input: they raise Django's ValidationError
with a readable message (the API answers it as a 400, the pages as a form error).

Lock order: the one of workshops.services, with the ballot's place in it. Every write here locks

1. the workshop row first (`workshop_lock`, FOR NO KEY UPDATE), like every write of the workshop;
   a vote takes it FOR SHARE only (`_shared`): votes do not queue behind one another there, yet
   a seat change, a ballot's or the workshop's close, any other write of the workshop waits for them;
2. then the ballot row (`_lock_ballot`): FOR UPDATE to change its status; a vote takes it FOR KEY
   SHARE, which a close's or a reveal's FOR UPDATE excludes and other votes do not;
3. then scenario rows (a retain ballot's outcome), then table rows (their capacity), then participant rows;
4. then the participant's paper row; allocations hang off it and are written last.

So a vote either lands before a close or sees the ballot closed, sees a closed workshop or lands
before workshop_close, and the database's unique constraint (one paper per participant and ballot)
has the last word when two first votes race. As in workshops.services, the last write is
`workshop_bump_version` (the workshop row, held already) and the ballot's version counter (held too).
A vote writes neither: it holds the workshop and the ballot shared, and two votes each holding them
could not both then update them (each would wait for the other: a deadlock). Nothing but the ballot's
tally shows a vote, and the tally follows a token in the cache instead (live.ballot_votes_changed).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from scenarios.models import Scenario
from scenarios.services import scenarios_retain
from workshops.models import Activity, Contribution, Participant, Table, TableOutputLine, Workshop, WorkshopPhase
from workshops.selectors import latest_closed_postit_phase
from workshops.audit import Action, Target, audit_record
from workshops import live
from workshops.live import workshop_bump_version
# The workshop lock of workshops.services: one helper, so the first lock of every write is the same one.
from workshops.services import participant_set_table, table_create, workshop_lock

from . import signals, tallies
from .methods import ALL_SETTINGS, COMMON_SETTINGS, method_of
from .models import Allocation, Ballot, BallotOption, BallotPaper, Method
from .selectors import ballot_tally, own_option_ids

# Length limits read from the models: the ballot form reads these too, so the page's limit is the server's.
LABEL_MAX_LENGTH = BallotOption._meta.get_field("label").max_length
TITLE_MAX_LENGTH = Ballot._meta.get_field("title").max_length
SCALE_LABEL_MAX_LENGTH = Ballot._meta.get_field("scale_min_label").max_length


def _shorten(text: str) -> str:
    """A label for a text longer than an option's label: cut at a word, with a visible ellipsis.

    The option keeps its source (the post-it, the table output line), whose full text the vote page shows.
    """
    text = " ".join(text.split())
    if len(text) <= LABEL_MAX_LENGTH:
        return text
    cut = text[: LABEL_MAX_LENGTH - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.") + "…"


class VoteConflict(ValidationError):
    """The paper changed since the client read it: a double send or a second tab. Answered with a 409."""


# --- Options -------------------------------------------------------------------------------------


def options_from_scenarios(*, workshop: Workshop, statuses: Iterable[str] | None = None) -> list[dict]:
    """One option per scenario of the workshop's edition, e.g. the 19 ruptures."""
    qs = Scenario.objects.filter(edition_id=workshop.edition_id).order_by("title", "pk")
    if statuses:
        qs = qs.filter(status__in=list(statuses))
    return [{"label": s.title, "scenario": s} for s in qs]


def options_from_contributions(*, workshop: Workshop, phase_id: int | None = None, table_id: int | None = None) -> list[dict]:
    """One option per visible post-it of the workshop (of a phase, of a table), most +1'd first."""
    qs = Contribution.objects.visible().filter(workshop=workshop)
    if phase_id:
        qs = qs.filter(phase_id=phase_id)
    if table_id:
        qs = qs.filter(table_id=table_id)
    return [{"label": _shorten(c.text), "contribution": c} for c in qs.order_by("-plus_ones", "created_at")]


def options_from_table_outputs(*, workshop: Workshop, section_id: int | None = None, table_id: int | None = None) -> list[dict]:
    """One option per line of the table outputs of the last closed post-it phase (of one section, of one table).

    Each label starts with its table's label ("Table 2 · …"): two tables often write the same idea.
    """
    phase = latest_closed_postit_phase(workshop)
    if phase is None:
        return []
    qs = TableOutputLine.objects.filter(output__phase=phase).select_related("output__table")
    if section_id:
        qs = qs.filter(output__section_id=section_id)
    if table_id:
        qs = qs.filter(output__table_id=table_id)
    options = []
    for line in qs.order_by("output__table__number", "output__section__position", "position"):
        text = " ".join(line.text.split())
        if line.axis:
            text = f"{text} ({line.axis})"
        label = _shorten(f"{line.output.table.label} · {text}")
        options.append({"label": label, "output_line": line})
    return options


def options_from_lines(text: str) -> list[dict]:
    """Options typed by the facilitator, one per line."""
    return [{"label": line} for line in (" ".join(raw.split()) for raw in (text or "").splitlines()) if line]


# --- Ballots -------------------------------------------------------------------------------------


def _check_settings(ballot: Ballot, option_count: int) -> None:
    """The checks every ballot passes, then its method's (methods.py); all the errors at once."""
    errors = {}
    if not ballot.title:
        errors["title"] = _("Give the ballot a title.")
    elif len(ballot.title) > TITLE_MAX_LENGTH:
        errors["title"] = _("A title has at most %(max)d characters (this one has %(n)d).") % {"max": TITLE_MAX_LENGTH, "n": len(ballot.title)}
    for name in ("scale_min_label", "scale_max_label"):
        value = getattr(ballot, name) or ""
        if len(value) > SCALE_LABEL_MAX_LENGTH:
            errors[name] = _("At most %(max)d characters (this one has %(n)d).") % {"max": SCALE_LABEL_MAX_LENGTH, "n": len(value)}
    if ballot.method not in Method.values:
        raise ValidationError({**errors, "method": _("Choose a voting method.")})
    method = ballot.voting_method
    if option_count == 0:
        errors["options"] = _("A ballot needs at least one option.")
    elif option_count < method.min_options:
        errors["options"] = method.too_few_options_message()
    errors |= method.check_settings(ballot, option_count)
    if ballot.retain_count is not None:
        if not 1 <= ballot.retain_count < max(option_count, 2):
            errors["retain_count"] = _("Retain fewer scenarios than there are options.")
    if errors:
        raise ValidationError(errors)


def _clean_options(*, workshop: Workshop, options: Iterable[Mapping]) -> list[BallotOption]:
    """The options of a new ballot, unsaved: one source each, of this workshop, labelled, none twice."""
    cleaned = []
    for spec in options:
        label = " ".join(str(spec.get("label") or "").split())
        scenario, contribution, line = spec.get("scenario"), spec.get("contribution"), spec.get("output_line")
        if sum(source is not None for source in (scenario, contribution, line)) > 1:
            raise ValidationError({"options": _("An option comes from one source only.")})
        if scenario is not None:
            if scenario.edition_id != workshop.edition_id:
                raise ValidationError({"options": _("This scenario belongs to another edition.")})
            label = label or scenario.title
        if contribution is not None and contribution.workshop_id != workshop.pk:
            raise ValidationError({"options": _("This post-it belongs to another workshop.")})
        if line is not None and not TableOutputLine.objects.filter(pk=line.pk, output__phase__workshop=workshop).exists():
            raise ValidationError({"options": _("This table output belongs to another workshop.")})
        if not label:
            continue
        if len(label) > LABEL_MAX_LENGTH:
            raise ValidationError({"options": _("An option has at most %(max)d characters.") % {"max": LABEL_MAX_LENGTH}})
        cleaned.append(BallotOption(label=label, scenario=scenario, contribution=contribution, output_line=line))
    keys = {
        (o.scenario_id or o.contribution_id or o.output_line_id or o.label.lower(), bool(o.scenario_id), bool(o.contribution_id), bool(o.output_line_id))
        for o in cleaned
    }
    if len(keys) != len(cleaned):
        raise ValidationError({"options": _("An option appears twice.")})
    return cleaned


@transaction.atomic
def ballot_create(
    *,
    workshop: Workshop,
    title: str,
    method: str,
    options: list[Mapping],
    phase: WorkshopPhase | None = None,
    table: Table | None = None,
    question: str = "",
    **settings,
) -> Ballot:
    """Create a draft ballot with its options (see options_from_*); settings are Ballot fields.

    Locks: the workshop (its version is bumped); every other row it writes is new.
    """
    unknown = set(settings) - set(ALL_SETTINGS)
    if unknown:
        raise TypeError(f"Unknown ballot settings: {sorted(unknown)}")
    if phase is None:
        phase = workshop.phases.filter(activity=Activity.VOTE).order_by("position").first()
    elif phase.workshop_id != workshop.pk:
        raise ValidationError({"phase": _("This phase belongs to another workshop.")})
    if table is not None and table.workshop_id != workshop.pk:
        raise ValidationError({"table": _("This table belongs to another workshop.")})
    ballot = Ballot(
        workshop=workshop,
        phase=phase,
        table=table,
        title=" ".join((title or "").split()),
        question=(question or "").strip(),
        method=method,
        **settings,
    )
    if method in Method.values:
        ballot.voting_method.complete(ballot)
    cleaned = _clean_options(workshop=workshop, options=options)
    _check_settings(ballot, len(cleaned))
    if ballot.retain_count is not None and any(o.scenario is None for o in cleaned):
        raise ValidationError({"retain_count": _("Only a ballot over scenarios can retain scenarios.")})
    workshop_lock(workshop.pk)
    ballot.save()
    for position, option in enumerate(cleaned, start=1):
        option.ballot = ballot
        option.position = position
    BallotOption.objects.bulk_create(cleaned)
    workshop_bump_version(workshop_id=workshop.pk)
    return ballot


def _options_of_source(*, workshop: Workshop, source: str, table_id: int | None, section_id: int | None, lines: str) -> list[dict]:
    """The options of one of the ballot form's sources (forms.BallotForm.SOURCES)."""
    if source == "scenarios":
        return options_from_scenarios(workshop=workshop)
    if source == "postits":
        return options_from_contributions(workshop=workshop, table_id=table_id)
    if source == "outputs":
        options = options_from_table_outputs(workshop=workshop, section_id=section_id, table_id=table_id)
        if not options:
            raise ValidationError({"source": _("No table output yet: close a post-it phase and wait for its aggregation.")})
        return options
    if source == "lines":
        return options_from_lines(lines)
    raise ValidationError({"source": _("Choose where the options come from.")})


@transaction.atomic
def ballot_prepare(
    *,
    workshop: Workshop,
    title: str,
    method: str,
    source: str,
    question: str = "",
    table_id: int | None = None,
    section_id: int | None = None,
    lines: str = "",
    settings: Mapping | None = None,
) -> Ballot:
    """A draft ballot as the facilitator's form describes it: its options taken from a source, its method's settings.

    `settings` may hold every method's settings (the form shows them all): only the chosen method's
    and the common ones are kept, and a blank one of the method takes the method's default.
    Locks: none of its own; ballot_create then locks the workshop and writes the ballot.
    """
    if method not in Method.values:
        raise ValidationError({"method": _("Choose a voting method.")})
    table = None
    if table_id is not None:
        table = Table.objects.filter(pk=table_id, workshop=workshop).first()
        if table is None:
            raise ValidationError({"table": _("This table belongs to another workshop.")})
    options = _options_of_source(workshop=workshop, source=source, table_id=table_id, section_id=section_id, lines=lines)
    settings = settings or {}
    chosen = method_of(method).settings_from(settings)
    chosen |= {name: settings[name] for name in COMMON_SETTINGS if name in settings}
    return ballot_create(workshop=workshop, title=title, question=question, method=method, options=options, table=table, **chosen)


def _lock_ballot(ballot: Ballot) -> tuple[Workshop, Ballot]:
    """The workshop row, then the ballot's (FOR UPDATE: its status changes): the first two locks of a ballot action."""
    workshop = workshop_lock(ballot.workshop_id)
    return workshop, Ballot.objects.select_for_update().get(pk=ballot.pk)


def _audit(ballot: Ballot, action: str, *, by, before: dict, after: dict) -> None:
    """The ballot's act in the workshop's audit trail (the caller holds the workshop and the ballot)."""
    audit_record(
        workshop_id=ballot.workshop_id, action=action, by=by, target_type=Target.BALLOT, target_id=ballot.pk,
        target_label=ballot.title, before=before, after=after,
    )


def _retained_labels(ballot: Ballot) -> list[str]:
    return list(BallotOption.objects.filter(ballot=ballot, retained=True).order_by("position", "pk").values_list("label", flat=True))


def _changed(ballot: Ballot, *, stage: bool) -> None:
    """Bump the ballot's version (the projector's tally) and the workshop's.

    `stage`: the participants' vote pages must follow (opened, closed, revealed, settled), which
    their poll reads from the stage version (live.participant_version). A vote calls neither
    (vote_cast: it moves only its ballot's tally token), so it costs the others' polls nothing.
    """
    Ballot.objects.filter(pk=ballot.pk).update(version=F("version") + 1)
    workshop_bump_version(workshop_id=ballot.workshop_id, stage=stage)


@transaction.atomic
def ballot_open(*, ballot: Ballot, by=None) -> Ballot:
    """Open a draft ballot for votes. Locks: the workshop, then the ballot."""
    workshop, ballot = _lock_ballot(ballot)
    if ballot.status != Ballot.Status.DRAFT:
        raise ValidationError(_("Only a draft ballot can be opened."))
    if workshop.status == Workshop.Status.CLOSED:
        raise ValidationError(_("This workshop is closed."))
    ballot.status = Ballot.Status.OPEN
    ballot.opened_at = timezone.now()
    ballot.save(update_fields=["status", "opened_at"])
    _audit(ballot, Action.BALLOT_OPENED, by=by, before={"status": Ballot.Status.DRAFT}, after={"status": ballot.status})
    _changed(ballot, stage=True)
    ballot.refresh_from_db()
    return ballot


@transaction.atomic
def ballot_close(*, ballot: Ballot, open_assignment: bool = True, by=None) -> Ballot:
    """Close the ballot; a retain ballot retains its top scenarios, or waits for a tie to be settled.

    With open_assignment, the retained scenarios get a table each and participants pick their seat.
    Locks: the workshop, then the ballot, then (retaining) the scenarios and the tables (_apply_retain).
    """
    _workshop, ballot = _lock_ballot(ballot)
    if not ballot.is_open:
        raise ValidationError(_("This ballot is not open."))
    ballot.status = Ballot.Status.CLOSED
    ballot.closed_at = timezone.now()
    ballot.save(update_fields=["status", "closed_at"])
    if ballot.retain_count:
        retained, tied = tallies.top_n(ballot_tally(ballot=ballot).outcome_scores(), ballot.retain_count)
        BallotOption.objects.filter(ballot=ballot, pk__in=retained).update(retained=True)
        if tied:
            ballot.outcome_pending = True
            ballot.save(update_fields=["outcome_pending"])
        else:
            _apply_retain(ballot, open_assignment=open_assignment)
    _audit(
        ballot, Action.BALLOT_CLOSED, by=by, before={"status": Ballot.Status.OPEN},
        after={"status": ballot.status, "retained": _retained_labels(ballot)},
    )
    # Apps above this one apply what the outcome means to them (voting/signals.py).
    signals.ballot_closed.send(sender=Ballot, ballot=ballot)
    _changed(ballot, stage=True)
    ballot.refresh_from_db()
    return ballot


def ballot_tied_options(*, ballot: Ballot) -> list[BallotOption]:
    """The options tied on the retain boundary, for the facilitator to settle."""
    if not ballot.outcome_pending:
        return []
    tally = ballot_tally(ballot=ballot)
    retained, tied = tallies.top_n(tally.outcome_scores(), ballot.retain_count)
    by_id = {row.option.pk: row.option for row in tally.rows}
    return [by_id[pk] for pk in tied]


@transaction.atomic
def ballot_settle_tie(*, ballot: Ballot, option_ids: Iterable, by=None) -> Ballot:
    """The facilitator picks, among the tied options, the ones that fill the remaining places.

    Locks: the workshop, then the ballot, then the scenarios and the tables (_apply_retain).
    """
    _workshop, ballot = _lock_ballot(ballot)
    if not ballot.outcome_pending:
        raise ValidationError(_("There is no tie to settle on this ballot."))
    tied = {o.pk for o in ballot_tied_options(ballot=ballot)}
    try:
        chosen = {int(pk) for pk in option_ids}
    except (TypeError, ValueError):
        chosen = None
    places = ballot.retain_count - ballot.options.filter(retained=True).count()
    if chosen is None or not chosen <= tied:
        raise ValidationError(_("Pick among the tied options."))
    if len(chosen) != places:
        raise ValidationError(
            ngettext(
                "Pick exactly %(n)d option among the tied ones.", "Pick exactly %(n)d options among the tied ones.", places
            )
            % {"n": places}
        )
    before = {"retained": _retained_labels(ballot)}
    BallotOption.objects.filter(ballot=ballot, pk__in=chosen).update(retained=True)
    _audit(ballot, Action.BALLOT_TIE_SETTLED, by=by, before=before, after={"retained": _retained_labels(ballot)})
    ballot.outcome_pending = False
    ballot.save(update_fields=["outcome_pending"])
    _apply_retain(ballot)
    _changed(ballot, stage=True)
    ballot.refresh_from_db()
    return ballot


def _apply_retain(ballot: Ballot, *, open_assignment: bool = True) -> None:
    """Retained scenarios move on (proposed → retained) and get a table each, capacities balanced.

    A scenario keeps the table it already has; the others fill, in number order, the tables that
    have no scenario yet (where the room may already sit), and only then are new tables added.
    A table never gets fewer seats than the people sitting there.
    The caller holds the workshop and ballot rows; this locks the scenario rows, then the table rows.
    """
    options = list(ballot.options.filter(retained=True, scenario__isnull=False).select_related("scenario"))
    scenario_ids = [o.scenario_id for o in options]
    scenarios_retain(scenario_ids=scenario_ids)
    if not open_assignment:
        return
    workshop = Workshop.objects.get(pk=ballot.workshop_id)
    people = Participant.objects.filter(workshop=workshop).count()
    capacity = max(math.ceil(people / max(len(options), 1)), 1)
    tables = list(
        Table.objects.select_for_update(no_key=True, of=("self",))
        .filter(Q(scenario_id__in=scenario_ids) | Q(scenario__isnull=True), workshop=workshop)
        .order_by("number")
    )
    seated = dict(
        Participant.objects.filter(table__in=tables).values("table_id").annotate(n=Count("pk")).values_list("table_id", "n")
    )
    existing = {t.scenario_id: t for t in tables if t.scenario_id}
    free = [t for t in tables if not t.scenario_id]
    for option in options:
        table = existing.get(option.scenario_id) or (free.pop(0) if free else None)
        if table is None:
            table_create(workshop=workshop, name=option.scenario.title, scenario=option.scenario, capacity=capacity)
            continue
        table.scenario = option.scenario
        table.name = table.name or option.scenario.title
        table.capacity = max(capacity, seated.get(table.pk, 0))
        table.save(update_fields=["scenario", "name", "capacity"])
    ballot.assignment_open = True
    ballot.save(update_fields=["assignment_open"])


@transaction.atomic
def ballot_reveal(*, ballot: Ballot, revealed: bool = True, by=None) -> Ballot:
    """Show the results to the room (or hide them again). Locks: the workshop, then the ballot."""
    _workshop, ballot = _lock_ballot(ballot)
    if ballot.status == Ballot.Status.DRAFT:
        raise ValidationError(_("Open the ballot before revealing its results."))
    if ballot.revealed != revealed:
        _audit(
            ballot, Action.BALLOT_REVEALED if revealed else Action.BALLOT_HIDDEN, by=by,
            before={"revealed": ballot.revealed}, after={"revealed": revealed},
        )
    ballot.revealed = revealed
    ballot.save(update_fields=["revealed"])
    _changed(ballot, stage=True)
    ballot.refresh_from_db()
    return ballot


# --- Votes ---------------------------------------------------------------------------------------


def _as_int(value, message) -> int:
    """A whole number from a form field or JSON (1, "1", true); anything else (1.5, [1], "1e3") is refused."""
    if isinstance(value, bool):
        return int(value)
    if not isinstance(value, (int, str)):
        raise ValidationError(message)
    try:
        # A string of thousands of digits is a ValueError too (Python's int_max_str_digits).
        return int(str(value).strip())
    except (TypeError, ValueError):
        raise ValidationError(message)


def clean_choices(*, ballot: Ballot, options: Mapping[int, BallotOption], participant: Participant, choices) -> list[tuple]:
    """Check a ballot paper against the ballot's method and rules: [(option_id, value, rank)].

    What every method shares is checked here (the paper names options of this ballot, each once,
    with whole numbers; none is the participant's own post-it when forbidden); the rest by the method.
    """
    method = ballot.voting_method
    pairs = method.pairs(choices)
    # A paper names each option at most once: anything longer is refused before it is read.
    if len(pairs) > len(options):
        raise ValidationError(_("Your vote names more options than this ballot has."))
    parsed: dict[int, int] = {}
    seen: set[int] = set()
    for key, value in pairs:
        # An id is a number or its digits; true/false are values, not ids.
        option_id = None if isinstance(key, bool) else _as_int(key, _("This option is not part of this ballot."))
        if option_id not in options:
            raise ValidationError(_("This option is not part of this ballot."))
        if option_id in seen:
            raise ValidationError(_("An option appears twice in your vote."))
        seen.add(option_id)
        if value is None or value == "":
            continue
        parsed[option_id] = _as_int(value, _("Enter whole numbers only."))
    rows = method.clean_paper(ballot, parsed, len(options))
    if ballot.forbid_own:
        # A post-it option, or a table-output line one of whose sources is the participant's post-it.
        own = own_option_ids(ballot=ballot, participant_id=participant.pk, options=list(options.values()))
        if any(option_id in own for option_id, _value, _rank in rows):
            raise ValidationError(_("You cannot vote for your own post-it on this ballot."))
    return rows


def _shared(mode: str) -> str:
    """The clause of a shared row lock (Django's select_for_update has no shared mode) on PostgreSQL.

    SQLite, the embedded default, serialises every write transaction anyway (BEGIN IMMEDIATE): a plain read there.
    """
    assert mode in {"SHARE", "KEY SHARE"}
    return f" FOR {mode}" if connection.vendor == "postgresql" else ""


def _paper_revised(*, ballot: Ballot, participant: Participant) -> BallotPaper:
    """The participant's paper, its revision moved on by one (1 for a new paper), locked: one statement.

    An upsert, where get_or_create then a locking read took five: the unique constraint's row lock
    queues the same vote sent twice at once, which then finds the revision it was sent with stale.
    """
    table = connection.ops.quote_name(BallotPaper._meta.db_table)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    sql = (
        f"INSERT INTO {table} (ballot_id, participant_id, revision, cast_at, updated_at) VALUES (%s, %s, 1, %s, %s) "
        f"ON CONFLICT (ballot_id, participant_id) DO UPDATE SET revision = {table}.revision + 1, updated_at = EXCLUDED.updated_at "
        f"RETURNING *"
    )
    paper = next(iter(BallotPaper.objects.raw(sql, [ballot.pk, participant.pk, now, now])))
    paper.ballot, paper.participant = ballot, participant
    return paper


@transaction.atomic
def vote_cast(*, participant: Participant, ballot_id, choices, revision: int | None = None) -> BallotPaper:
    """Record the participant's vote, replacing their previous one on this ballot, all or nothing.

    `revision` is the paper revision the client saw (0 before a first vote): when given and
    stale, the vote is refused with VoteConflict, so the same vote sent twice at once counts once.
    Locks (the order above): the workshop FOR SHARE, the ballot FOR KEY SHARE, then the paper. The
    room's votes run side by side; what must not overlap one (a seat change, the ballot's or the
    workshop's close, a reveal) waits for it. Writes no workshop or ballot row (live.ballot_votes_changed).

    Returns the paper with what the vote's card shows, read here under the locks: `paper.ballot`
    (its options as `option_list`) and the paper's allocations as `allocation_list`.
    """
    try:
        ballot_pk = int(ballot_id)
    except (TypeError, ValueError):
        ballot_pk = None
    if ballot_pk is not None and not 0 < ballot_pk < 2**63:
        ballot_pk = None  # no such id; the raw query below would not take it (the ORM answers "none" for it)
    # The workshop row first (the documented order), shared: under it the seat and the workshop's
    # status read below cannot change until the vote commits, yet other votes are not held up.
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT status FROM {connection.ops.quote_name(Workshop._meta.db_table)} WHERE id = %s{_shared('SHARE')}",
            [participant.workshop_id],
        )
        workshop_status = cursor.fetchone()[0]
    ballot = None
    if ballot_pk:
        table = connection.ops.quote_name(Ballot._meta.db_table)
        sql = f"SELECT * FROM {table} WHERE id = %s AND workshop_id = %s{_shared('KEY SHARE')}"
        ballot = next(iter(Ballot.objects.raw(sql, [ballot_pk, participant.workshop_id])), None)
    if ballot is None:
        raise ValidationError(_("This ballot does not exist in your workshop."))
    # The seat as it is now, not as the caller read it: a table's ballot is for those seated there
    # (selectors.counted_papers drops the papers of those who have left since).
    if ballot.table_id and ballot.table_id != Participant.objects.filter(pk=participant.pk).values_list("table_id", flat=True).first():
        raise ValidationError(_("This ballot is for another table."))
    if ballot.status != Ballot.Status.OPEN:
        raise ValidationError(_("This ballot is closed: votes are no longer accepted."))
    if workshop_status == Workshop.Status.CLOSED:
        raise ValidationError(_("This workshop is closed: votes are no longer accepted."))
    # With their scenarios, in their order: the card the view answers shows them (views._card_context).
    ballot.option_list = list(ballot.options.select_related("scenario").order_by("position", "pk"))
    options = {o.pk: o for o in ballot.option_list}
    rows = clean_choices(ballot=ballot, options=options, participant=participant, choices=choices)

    paper = _paper_revised(ballot=ballot, participant=participant)
    # The revision before this vote; a stale one rolls the upsert back with the rest.
    if revision is not None and paper.revision - 1 != revision:
        raise VoteConflict(_("Your vote was already recorded from another request: check it below and vote again to change it."))
    Allocation.objects.filter(paper=paper).delete()
    paper.allocation_list = Allocation.objects.bulk_create(
        Allocation(paper=paper, option_id=pk, value=value, rank=rank) for pk, value, rank in rows
    )
    live.ballot_votes_changed(ballot.pk)
    return paper


# --- Table assignment ----------------------------------------------------------------------------


def assignment_tables(*, workshop_id: int):
    """Tables open for picking: those of scenarios retained by a ballot whose assignment is open."""
    scenario_ids = BallotOption.objects.filter(
        ballot__workshop_id=workshop_id, ballot__assignment_open=True, retained=True, scenario__isnull=False
    ).values("scenario_id")
    return (
        Table.objects.filter(workshop_id=workshop_id, scenario_id__in=scenario_ids)
        .select_related("scenario")
        .annotate(seated=Count("participants"))
        .order_by("number")
    )


@transaction.atomic
def table_pick(*, participant: Participant, table_id) -> Participant:
    """A participant takes a seat at a retained scenario's table, if one is left.

    Locks: the workshop, then the participant (participant_set_table, which also checks the seat
    left under the workshop lock, so two people taking the last seat queue there).
    """
    try:
        table_pk = int(table_id)
    except (TypeError, ValueError):
        table_pk = None
    workshop_lock(participant.workshop_id)
    allowed = assignment_tables(workshop_id=participant.workshop_id).values("pk")
    if not table_pk or not Table.objects.filter(pk=table_pk, pk__in=allowed).exists():
        raise ValidationError({"table": _("Choose one of the tables of the retained scenarios.")})
    return participant_set_table(participant=participant, table_id=table_pk)
