"""Every write to the scenario library goes through these functions.

They validate, write under a transaction and raise django.core.exceptions.ValidationError
with a readable message (keyed by field where there is one) on bad input, writing nothing then.

Lock order: the edition row (`_lock_edition`, when a slug is made), then the scenario row, then its
timeline events. The library knows nothing of workshops: it never locks a workshop or a ballot, so
a vote retaining scenarios (voting.services: workshop, ballot, then `scenarios_retain`'s scenario
rows) and these services only ever meet on scenario rows, which both take last.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import Edition
from core.slugs import unique_slug

from .models import Scenario, Tag, TimelineEvent

TITLE_MAX_LENGTH = Scenario._meta.get_field("title").max_length
SUMMARY_MAX_LENGTH = 2_000
NARRATIVE_MAX_LENGTH = 20_000
TAG_MAX_LENGTH = Tag._meta.get_field("name").max_length
TAGS_MAX_COUNT = 20
EVENT_TITLE_MAX_LENGTH = TimelineEvent._meta.get_field("title").max_length
EVENT_TEXT_MAX_LENGTH = 1_000
YEAR_MIN = 1900
YEAR_MAX = 2100

# The workflow, in order: the status buttons move one step along it, either way.
STATUS_ORDER = [
    Scenario.Status.PROPOSED,
    Scenario.Status.RETAINED,
    Scenario.Status.DEVELOPED,
    Scenario.Status.PUBLISHED,
]


def tags_parse(raw: str | Iterable[str]) -> list[str]:
    """'Énergie, ville ,énergie,,' -> ['énergie', 'ville']: trimmed, lower-cased, de-duplicated, in order."""
    parts = raw.split(",") if isinstance(raw, str) else list(raw)
    names: list[str] = []
    for part in parts:
        name = " ".join(str(part).split()).lower()
        if name and name not in names:
            names.append(name)
    return names


def _validate_tags(names: list[str]) -> None:
    too_long = [name for name in names if len(name) > TAG_MAX_LENGTH]
    if too_long:
        raise ValidationError(
            {
                "tags": _("A tag has at most %(max)d characters: “%(tag)s…” is too long.")
                % {"max": TAG_MAX_LENGTH, "tag": too_long[0][:20]}
            }
        )
    if len(names) > TAGS_MAX_COUNT:
        raise ValidationError({"tags": _("Give at most %(max)d tags.") % {"max": TAGS_MAX_COUNT}})


def _clean_scenario_fields(*, title: str, summary: str, narrative: str, status: str) -> tuple[str, str, str]:
    title = " ".join((title or "").split())
    summary = (summary or "").strip()
    narrative = (narrative or "").strip()
    errors: dict[str, str] = {}
    if not title:
        errors["title"] = _("Give the scenario a title.")
    elif len(title) > TITLE_MAX_LENGTH:
        errors["title"] = _("A title has at most %(max)d characters.") % {"max": TITLE_MAX_LENGTH}
    if len(summary) > SUMMARY_MAX_LENGTH:
        errors["summary"] = _("A summary has at most %(max)d characters.") % {"max": SUMMARY_MAX_LENGTH}
    if len(narrative) > NARRATIVE_MAX_LENGTH:
        errors["narrative"] = _("A narrative has at most %(max)d characters.") % {"max": NARRATIVE_MAX_LENGTH}
    if status not in Scenario.Status.values:
        errors["status"] = _("Choose a status from the list.")
    if errors:
        raise ValidationError(errors)
    return title, summary, narrative


def _unique_slug(*, edition_id: int, title: str, exclude_pk: int | None = None) -> str:
    """slugify(title), with -2, -3... appended when the edition already has it."""
    others = Scenario.objects.filter(edition_id=edition_id).exclude(pk=exclude_pk)
    return unique_slug(queryset=others, text=title, fallback="scenario")


def _lock_edition(edition_id: int) -> Edition:
    # Slugs are unique per edition: creating or renaming serialises on the edition row,
    # so two people saving the same title at once get -2 rather than an IntegrityError.
    return Edition.objects.select_for_update().get(pk=edition_id)


def _set_tags(*, scenario: Scenario, names: list[str]) -> None:
    # Match existing tags whatever their case, so "Énergie" from an older import is reused, not doubled.
    existing = {tag.lname: tag for tag in Tag.objects.annotate(lname=Lower("name")).filter(lname__in=names)}
    tags = []
    for name in names:
        tag = existing.get(name)
        if tag is None:
            tag, _created = Tag.objects.get_or_create(name=name)
        tags.append(tag)
    scenario.tags.set(tags)


@transaction.atomic
def scenario_create(
    *,
    edition: Edition,
    title: str,
    summary: str = "",
    narrative: str = "",
    status: str = Scenario.Status.PROPOSED,
    tags: str | Iterable[str] = (),
    user=None,
) -> Scenario:
    """Create a scenario in an edition, its slug made from the title, its tags created as needed.

    Locks: the edition (its slugs).
    """
    title, summary, narrative = _clean_scenario_fields(title=title, summary=summary, narrative=narrative, status=status)
    names = tags_parse(tags)
    _validate_tags(names)
    _lock_edition(edition.pk)
    scenario = Scenario.objects.create(
        edition=edition,
        title=title,
        slug=_unique_slug(edition_id=edition.pk, title=title),
        summary=summary,
        narrative=narrative,
        status=status,
        created_by=user if user is not None and user.is_authenticated else None,
    )
    _set_tags(scenario=scenario, names=names)
    return scenario


@transaction.atomic
def scenario_update(
    *,
    scenario: Scenario,
    edition: Edition,
    title: str,
    summary: str,
    narrative: str,
    status: str,
    tags: str | Iterable[str],
) -> Scenario:
    """Replace a scenario's fields and tags; the slug follows a new title or edition.

    Locks: the edition, then the scenario.
    """
    title, summary, narrative = _clean_scenario_fields(title=title, summary=summary, narrative=narrative, status=status)
    names = tags_parse(tags)
    _validate_tags(names)
    _lock_edition(edition.pk)
    scenario = Scenario.objects.select_for_update().get(pk=scenario.pk)
    if title != scenario.title or edition.pk != scenario.edition_id:
        scenario.slug = _unique_slug(edition_id=edition.pk, title=title, exclude_pk=scenario.pk)
    scenario.edition = edition
    scenario.title = title
    scenario.summary = summary
    scenario.narrative = narrative
    scenario.status = status
    scenario.save()
    _set_tags(scenario=scenario, names=names)
    return scenario


def status_neighbours(status: str) -> tuple[str | None, str | None]:
    """(previous, next) status in the workflow, None at either end."""
    index = STATUS_ORDER.index(status)
    previous = STATUS_ORDER[index - 1] if index > 0 else None
    following = STATUS_ORDER[index + 1] if index + 1 < len(STATUS_ORDER) else None
    return previous, following


@transaction.atomic
def scenario_set_status(*, scenario: Scenario, status: str, expected_status: str | None = None) -> Scenario:
    """Move a scenario along proposed → retained → developed → published, or back.

    With expected_status, the change happens only if nobody moved the scenario meanwhile:
    two people pressing "next" at once advance it one step, not two.
    Locks: the scenario.
    """
    if status not in Scenario.Status.values:
        raise ValidationError({"status": _("Choose a status from the list.")})
    locked = Scenario.objects.select_for_update().get(pk=scenario.pk)
    if expected_status is not None and locked.status != expected_status:
        raise ValidationError(
            {
                "status": ValidationError(
                    _("Someone changed this scenario's status meanwhile: it is now “%(status)s”."),
                    code="conflict",
                    params={"status": locked.get_status_display()},
                )
            }
        )
    if locked.status != status:
        locked.status = status
        locked.save(update_fields=["status", "updated_at"])
    scenario.status = locked.status
    return locked


@transaction.atomic
def scenarios_retain(*, scenario_ids) -> int:
    """A vote retained these scenarios: proposed ones become retained; none moves backwards.

    Locks: those scenario rows (by the update); the voting caller holds its workshop and ballot rows.
    """
    return Scenario.objects.filter(pk__in=list(scenario_ids), status=Scenario.Status.PROPOSED).update(
        status=Scenario.Status.RETAINED, updated_at=timezone.now()
    )


def _clean_event_fields(*, year, title: str, text: str) -> tuple[int, str, str]:
    errors: dict[str, str] = {}
    try:
        year = int(year)
    except (TypeError, ValueError):
        errors["year"] = _("Give a year, e.g. 2016.")
    else:
        if not YEAR_MIN <= year <= YEAR_MAX:
            errors["year"] = _("Give a year between %(min)d and %(max)d.") % {"min": YEAR_MIN, "max": YEAR_MAX}
    title = " ".join((title or "").split())
    text = (text or "").strip()
    if len(title) > EVENT_TITLE_MAX_LENGTH:
        errors["title"] = _("A title has at most %(max)d characters.") % {"max": EVENT_TITLE_MAX_LENGTH}
    if not text:
        errors["text"] = _("Say what happens that year.")
    elif len(text) > EVENT_TEXT_MAX_LENGTH:
        errors["text"] = _("An event has at most %(max)d characters.") % {"max": EVENT_TEXT_MAX_LENGTH}
    if errors:
        raise ValidationError(errors)
    return year, title, text


@transaction.atomic
def timeline_event_add(*, scenario: Scenario, year: int, text: str, title: str = "") -> TimelineEvent:
    """Add a dated event at the end of its year. Locks: the scenario."""
    year, title, text = _clean_event_fields(year=year, title=title, text=text)
    # Lock the scenario so two events added to the same year at once get distinct positions.
    Scenario.objects.select_for_update().filter(pk=scenario.pk).exists()
    last = TimelineEvent.objects.filter(scenario=scenario, year=year).aggregate(last=Max("position"))["last"]
    return TimelineEvent.objects.create(
        scenario=scenario, year=year, title=title, text=text, position=0 if last is None else last + 1
    )


@transaction.atomic
def timeline_event_update(
    *, scenario: Scenario, event_id: int, year: int, text: str, title: str = ""
) -> TimelineEvent:
    """Change an event of this scenario; another scenario's event is refused. Locks: the event."""
    year, title, text = _clean_event_fields(year=year, title=title, text=text)
    event = _event_of(scenario=scenario, event_id=event_id, lock=True)
    if event.year != year:
        last = TimelineEvent.objects.filter(scenario=scenario, year=year).aggregate(last=Max("position"))["last"]
        event.position = 0 if last is None else last + 1
    event.year, event.title, event.text = year, title, text
    event.save()
    return event


@transaction.atomic
def timeline_event_delete(*, scenario: Scenario, event_id: int) -> None:
    """Remove an event of this scenario; another scenario's event is refused. Locks: the event."""
    _event_of(scenario=scenario, event_id=event_id, lock=True).delete()


def _event_of(*, scenario: Scenario, event_id: int, lock: bool = False) -> TimelineEvent:
    events = TimelineEvent.objects.filter(scenario=scenario)
    if lock:
        events = events.select_for_update()
    try:
        return events.get(pk=event_id)
    except (TimelineEvent.DoesNotExist, ValueError, TypeError):
        raise ValidationError(_("This event is not part of this scenario's timeline.")) from None
