"""Load the Questions Numériques seed data into the database.

Every function is idempotent: rows are looked up by their natural key (slug, or
position inside their parent) and only written when a field differs, so a
second run neither duplicates nor touches anything.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction

from cahiers.models import Cahier
from core.models import Canvas, CanvasSection, Edition
from core.roles import EDITORS, FACILITATORS
from scenarios.models import Scenario, SectionEntry, Tag, TimelineEvent
from workshops import services
from workshops.models import Activity, Format, FormatPhase, Workshop, WorkshopPhase

from ..ballot import demo_ballot_load, demo_map_load
from . import promesse
from . import questions_numeriques as seed
from .promise_load import demo_workshops_titled, promise_demo_workshops, promise_workshop_load


@dataclass
class DemoResult:
    facilitator: object
    editor: object
    workshop: Workshop
    workshop_created: bool
    # The promise workshop of 24 October 2012, at its restitution.
    promise_workshop: Workshop | None = None


def _upsert(model, lookup: dict, values: dict):
    """get_or_create, then save only the fields that differ (update_or_create would rewrite auto_now fields)."""
    obj, created = model.objects.get_or_create(**lookup, defaults=values)
    if created:
        return obj
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save(update_fields=changed)
    return obj


def canvas_load(data: dict) -> Canvas:
    canvas = _upsert(Canvas, {"slug": data["slug"]}, {"name": data["name"], "description": data["description"]})
    for position, section in enumerate(data["sections"], start=1):
        _upsert(
            CanvasSection,
            {"canvas": canvas, "slug": section["slug"]},
            {"position": position, "title": section["title"], "prompt": section["prompt"], "axes": list(section["axes"])},
        )
    return canvas


def format_load(data: dict, canvases: dict[str, Canvas]) -> Format:
    format = _upsert(Format, {"slug": data["slug"]}, {"name": data["name"], "description": data["description"]})
    for position, phase in enumerate(data["phases"], start=1):
        canvas = canvases[phase["canvas"]] if phase["canvas"] else None
        row = _upsert(
            FormatPhase,
            {"format": format, "position": position},
            {
                "name": phase["name"],
                "activity": phase["activity"],
                "canvas": canvas,
                "duration_seconds": phase["duration_seconds"],
            },
        )
        _sections_load(row, canvas, phase.get("sections", []))
    # Phases dropped from the data go away too; workshops keep their own copies.
    format.phases.filter(position__gt=len(data["phases"])).delete()
    return format


def _sections_load(phase, canvas: Canvas | None, slugs: list[str]) -> None:
    """The sections a phase works on, by slug (none: the whole canvas); written only when they differ."""
    wanted = set(canvas.sections.filter(slug__in=slugs).values_list("pk", flat=True)) if canvas else set()
    if len(wanted) != len(slugs):
        raise ValidationError(f"The phase “{phase.name}” names a section its canvas does not have: {slugs}.")
    if set(phase.sections.values_list("pk", flat=True)) != wanted:
        phase.sections.set(wanted)


def edition_load(data: dict) -> Edition:
    return _upsert(Edition, {"slug": data["slug"]}, {"title": data["title"], "description": data["description"]})


def _timeline_load(scenario: Scenario, events: list[dict]) -> None:
    kept = []
    for year in sorted({event["year"] for event in events}):
        for position, event in enumerate((e for e in events if e["year"] == year), start=1):
            kept.append(
                _upsert(
                    TimelineEvent,
                    {"scenario": scenario, "year": year, "position": position},
                    {"title": event["title"], "text": event["text"]},
                ).pk
            )
    scenario.timeline.exclude(pk__in=kept).delete()


def _entries_by_axis(value) -> dict[str, list[str]]:
    # A section without axes is a plain list; one with axes is {axis: [entries]}.
    return value if isinstance(value, dict) else {"": value}


def _entries_load(scenario: Scenario, sections: dict, canvas: Canvas) -> None:
    by_slug = {section.slug: section for section in canvas.sections.all()}
    kept = []
    for slug, value in sections.items():
        section = by_slug[slug]
        for axis, texts in _entries_by_axis(value).items():
            for position, text in enumerate(texts, start=1):
                kept.append(
                    _upsert(
                        SectionEntry,
                        {"scenario": scenario, "section": section, "axis": axis, "position": position},
                        {"text": text},
                    ).pk
                )
    scenario.entries.exclude(pk__in=kept).delete()


def scenario_load(edition: Edition, data: dict, canvas: Canvas) -> Scenario:
    scenario = _upsert(
        Scenario,
        {"edition": edition, "slug": data["slug"]},
        {
            "title": data["title"],
            "summary": data["summary"],
            "narrative": "\n\n".join(data["narrative"]),
            "status": data["status"],
        },
    )
    tags = [Tag.objects.get_or_create(name=name)[0] for name in data["tags"]]
    if set(scenario.tags.all()) != set(tags):
        scenario.tags.set(tags)
    _timeline_load(scenario, data["timeline"])
    _entries_load(scenario, data.get("sections", {}), canvas)
    return scenario


def user_load(*, username: str, password: str, group_name: str, first_name: str = "", email: str = ""):
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(username=username, password=password, first_name=first_name, email=email)
    elif not user.check_password(password):
        user.set_password(password)
        user.save(update_fields=["password"])
    user.groups.add(Group.objects.get_or_create(name=group_name)[0])
    return user


def seed_load() -> tuple[Edition, dict[str, Format], list[Scenario]]:
    """Canvases, formats, the edition and its 19 scenarios."""
    canvases = {data["slug"]: canvas_load(data) for data in seed.CANVASES}
    formats = {data["slug"]: format_load(data, canvases) for data in seed.FORMATS}
    edition = edition_load(seed.EDITION)
    rupture_canvas = canvases[seed.RUPTURE_CANVAS["slug"]]
    scenarios = [scenario_load(edition, data, rupture_canvas) for data in seed.SCENARIOS]
    return edition, formats, scenarios


def _demo_workshop_create(*, edition, format, facilitator, scenarios) -> Workshop:
    data = seed.DEMO_WORKSHOP
    workshop = services.workshop_create(
        edition=edition,
        format=format,
        title=data["title"],
        user=facilitator,
        date=datetime.date.fromisoformat(data["date"]),
        place=data["place"],
    )
    for scenario in scenarios:
        services.table_create(workshop=workshop, name=scenario.title, scenario=scenario)
    # Its join code is the random one every workshop gets: a demo served to a room must not open to
    # whoever read this repository.
    phase = workshop.phases.get(name=data["open_phase"], activity=Activity.POSTITS)
    services.phase_open(phase=phase)
    workshop.refresh_from_db()
    return workshop


def _phases_follow_format(workshop: Workshop) -> None:
    """A demo loaded before the format changed (the restitution and the discovery became activities
    of their own, phases name their sections) catches up.

    Only phases not yet opened, with the same name at the same position, take the format's
    activity and sections: a phase the room has run keeps what it was run as. Running it again
    changes nothing.
    """
    planned = {(p.position, p.name): p for p in workshop.format.phases.prefetch_related("sections")}
    for phase in workshop.phases.filter(status=WorkshopPhase.Status.PENDING).prefetch_related("sections"):
        plan = planned.get((phase.position, phase.name))
        if plan is None:
            continue
        if plan.activity != phase.activity:
            WorkshopPhase.objects.filter(pk=phase.pk).update(activity=plan.activity)
        sections = {s.pk for s in plan.sections.all()}
        if plan.canvas_id == phase.canvas_id and {s.pk for s in phase.sections.all()} != sections:
            phase.sections.set(sections)


def demo_workshop_load(*, edition, format, facilitator, scenarios) -> tuple[Workshop, bool]:
    """The live demo workshop; an existing one is left as it is, so a running demo is never reset."""
    existing = ruptures_demo_workshops().first()
    if existing is not None:
        _phases_follow_format(existing)
        return existing, False
    return _demo_workshop_create(edition=edition, format=format, facilitator=facilitator, scenarios=scenarios), True


@transaction.atomic
def demo_load(*, password: str) -> DemoResult:
    """Everything a fresh machine needs for a demo: seed data, two staff users and a live workshop."""
    edition, formats, scenarios = seed_load()
    users = seed.DEMO_USERS
    facilitator = user_load(password=password, group_name=FACILITATORS, **users["facilitator"])
    editor = user_load(password=password, group_name=EDITORS, **users["editor"])
    developed = [s for s in scenarios if s.status == Scenario.Status.DEVELOPED]
    workshop, created = demo_workshop_load(
        edition=edition,
        format=formats[seed.DEMO_WORKSHOP["format"]],
        facilitator=facilitator,
        scenarios=developed,
    )
    demo_ballot_load(workshop=workshop)
    demo_map_load(workshop=workshop)
    promise_workshop, _created = promise_workshop_load(
        edition=edition, format=formats[promesse.WORKSHOP["format"]], facilitator=facilitator
    )
    return DemoResult(
        facilitator=facilitator, editor=editor, workshop=workshop, workshop_created=created, promise_workshop=promise_workshop
    )


def ruptures_demo_workshops():
    """The ruptures' demo workshop: the seed's title and date, run by the demo's facilitator (its join
    code is random: a workshop of that title someone else runs is theirs, never touched)."""
    data = seed.DEMO_WORKSHOP
    return demo_workshops_titled(data["title"], data["date"])


def demo_workshops():
    """The demo's workshops (the ruptures' and the promise's)."""
    return ruptures_demo_workshops() | promise_demo_workshops()


@transaction.atomic
def demo_reset(*, password: str) -> DemoResult:
    """The demo back to its start: its workshops are deleted with everything that happened in them
    (phases, tables, participants, post-its, outputs, syntheses, ballots and votes), then the demo is
    loaded again, as on a fresh machine (the seed's scenarios get their statuses back); the edition's
    cahier is deleted too (load_demo drafts and publishes it again). Staff users,
    formats, canvases and the library stay; running it twice gives the same start."""
    for workshop in demo_workshops():
        workshop.delete()
    # Its chapters are keyed by the deleted workshops' ids: load_demo drafts it again from the new ones.
    Cahier.objects.filter(edition__slug=seed.EDITION["slug"]).delete()
    return demo_load(password=password)
