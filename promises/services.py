"""Every write of the promise workshop's artefacts.

Like workshops.services: keyword-only, under a transaction, a `ValidationError` with a readable
message on bad input and nothing written then. The lock order is the workshops app's (see its
docstring), extended below it:

1. the workshop row (`workshops.services.workshop_lock`), always first;
2. a ballot row (a keyword or phrase vote: voting.services' order, the ballot after the workshop);
3. a persona row, then its step rows in position order; or keyword rows in primary-key order;
   or stakeholder rows; or a phrase row;
4. rows hanging off those (entries, commitments, key actions, items), inserted or deleted last;
5. `workshop_bump_version` (the workshop row, held already, then a table's counter).

Who may call what is the rules' business (promises/rules.py, checked by the views); the services
check again, under the workshop lock, what may have changed since the page was drawn: the workshop
closed, the phase changed, the participant moved or lost the scribe's seat.
Participants and scribes cannot write in a closed workshop. The facilitator's writes (the wall's
merges and renames, the promise, key actions, stakeholders) are the report's consolidation, which
goes on after the day: they stay possible once the workshop is closed.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from voting import services as voting_services
from voting import tallies
from voting.models import Ballot, BallotOption, Method
from voting.selectors import ballot_tally

from workshops.audit import Action, Target, audit_record
from workshops.live import workshop_bump_version
from workshops.models import Activity, Participant, Workshop, WorkshopPhase
from workshops.services import workshop_lock

from .keywords import keyword_key, keyword_label
from .selectors import phrase_order
from .models import (
    ACTION_MAX_LENGTH,
    DEFAULT_STAKEHOLDERS,
    PERSONA_MAX_AGE,
    PERSONA_TEXT_MAX_LENGTH,
    Commitment,
    KeyAction,
    Keyword,
    KeywordEntry,
    Persona,
    PersonaStep,
    Phrase,
    Promise,
    PromiseAlternative,
    PromiseBallot,
    PromiseBallotOption,
    Stakeholder,
    StakeholderItem,
)

# Limits read from the models: forms and pages read these, so the page's limit and the server's are one.
PERSONA_NAME_MAX_LENGTH = Persona._meta.get_field("name").max_length
PERSONA_KEYWORDS_MAX_LENGTH = Persona._meta.get_field("keywords").max_length
KEYWORD_MAX_LENGTH = Keyword._meta.get_field("label").max_length
COMMITMENT_MAX_LENGTH = Commitment._meta.get_field("text").max_length
PHRASE_MAX_LENGTH = Promise._meta.get_field("phrase").max_length
STAKEHOLDER_NAME_MAX_LENGTH = Stakeholder._meta.get_field("name").max_length

# --- Checks shared by the services --------------------------------------------------------------


def _text(value, *, field: str, max_length: int, empty_message: str, allow_empty: bool = False) -> str:
    text = (value or "").strip()
    if not text and not allow_empty:
        raise ValidationError({field: empty_message})
    if len(text) > max_length:
        raise ValidationError(
            {field: _("At most %(max)d characters (this one has %(n)d).") % {"max": max_length, "n": len(text)}}
        )
    return text


def _as_pk(value) -> int | None:
    try:
        pk = int(value)
    except (TypeError, ValueError):
        return None
    return pk if 0 < pk < 2**63 else None


def _refuse_if_closed(workshop: Workshop) -> None:
    if workshop.status == Workshop.Status.CLOSED:
        raise ValidationError(_("This workshop is closed: nothing can be changed any more."))


def _participant_now(workshop: Workshop, participant: Participant) -> Participant:
    """The participant re-read under the workshop lock, and only if they belong to this workshop."""
    fresh = Participant.objects.filter(pk=participant.pk, workshop_id=workshop.pk).first()
    if fresh is None:
        raise ValidationError(_("You are not a participant of this workshop."))
    return fresh


def _scribe_now(workshop: Workshop, scribe: Participant) -> Participant:
    scribe = _participant_now(workshop, scribe)
    if not scribe.is_scribe or scribe.table_id is None:
        raise ValidationError(_("Only the table's scribe can do this."))
    return scribe


def _require_open(workshop: Workshop, activity: str, message: str) -> WorkshopPhase:
    phase = WorkshopPhase.objects.filter(workshop_id=workshop.pk, status=WorkshopPhase.Status.OPEN).first()
    if phase is None or phase.activity != activity:
        raise ValidationError(message)
    return phase


def _age(value) -> int | None:
    if value in (None, ""):
        return None
    try:
        age = int(value)
    except (TypeError, ValueError):
        raise ValidationError({"age": _("Give the age as a number of years.")})
    if not 0 <= age <= PERSONA_MAX_AGE:
        raise ValidationError({"age": _("An age between 0 and %(max)d.") % {"max": PERSONA_MAX_AGE}})
    return age


# --- Personas ------------------------------------------------------------------------------------

def _persona_fields(*, name, age, profile, keywords) -> dict:
    return {
        "name": _text(name, field="name", max_length=PERSONA_NAME_MAX_LENGTH, empty_message=_("Give the persona a name.")),
        "age": _age(age),
        "profile": _text(profile, field="profile", max_length=PERSONA_TEXT_MAX_LENGTH, empty_message="", allow_empty=True),
        "keywords": _text(keywords, field="keywords", max_length=PERSONA_KEYWORDS_MAX_LENGTH, empty_message="", allow_empty=True),
    }


def _scribe_writes(workshop_id: int, scribe: Participant) -> tuple[Workshop, Participant]:
    """The workshop locked, open, in a personas phase, and the scribe still holding their seat."""
    workshop = workshop_lock(workshop_id)
    _refuse_if_closed(workshop)
    scribe = _scribe_now(workshop, scribe)
    _require_open(
        workshop, Activity.PERSONAS, _("Personas are written during a personas phase: wait for the facilitator to open one.")
    )
    return workshop, scribe


def _lock_persona(scribe: Participant, persona_id) -> Persona:
    persona = Persona.objects.select_for_update(no_key=True).filter(
        pk=_as_pk(persona_id), workshop_id=scribe.workshop_id
    ).first()
    if persona is None:
        raise ValidationError(_("This persona does not exist in your workshop."), code="not_found")
    if persona.table_id != scribe.table_id:
        raise ValidationError(_("This persona belongs to another table."))
    return persona


@transaction.atomic
def persona_create(*, scribe: Participant, name: str, age=None, profile: str = "", keywords: str = "") -> Persona:
    """The scribe starts a persona card for their table. Locks: the workshop."""
    fields = _persona_fields(name=name, age=age, profile=profile, keywords=keywords)
    workshop, scribe = _scribe_writes(scribe.workshop_id, scribe)
    persona = Persona.objects.create(workshop=workshop, table_id=scribe.table_id, **fields)
    workshop_bump_version(workshop_id=workshop.pk, table_id=scribe.table_id)
    return persona


@transaction.atomic
def persona_update(*, scribe: Participant, persona_id, name: str, age=None, profile: str = "", keywords: str = "") -> Persona:
    """The scribe edits the card's name, age, profile and keywords. Locks: the workshop, then the persona."""
    fields = _persona_fields(name=name, age=age, profile=profile, keywords=keywords)
    workshop, scribe = _scribe_writes(scribe.workshop_id, scribe)
    persona = _lock_persona(scribe, persona_id)
    for field, value in fields.items():
        setattr(persona, field, value)
    persona.save()
    workshop_bump_version(workshop_id=workshop.pk, table_id=persona.table_id)
    return persona


@transaction.atomic
def persona_delete(*, scribe: Participant, persona_id) -> None:
    """The scribe removes a card and its steps. Locks: the workshop, then the persona (its steps go with it)."""
    workshop, scribe = _scribe_writes(scribe.workshop_id, scribe)
    persona = _lock_persona(scribe, persona_id)
    persona.delete()
    workshop_bump_version(workshop_id=workshop.pk, table_id=scribe.table_id)


def _step_text(text) -> str:
    return _text(text, field="text", max_length=PERSONA_TEXT_MAX_LENGTH, empty_message=_("A step cannot be empty."))


def _lock_steps(persona: Persona) -> list[PersonaStep]:
    return list(PersonaStep.objects.select_for_update(no_key=True).filter(persona=persona).order_by("position"))


def _renumber(persona: Persona, ordered: list[PersonaStep]) -> list[PersonaStep]:
    """Write positions 1..n in the given order. Two passes: the unique (persona, position) holds at
    every statement, so the steps first move out of the way, past the highest position in use."""
    offset = max((s.position for s in ordered), default=0) + len(ordered) + 1
    for index, step in enumerate(ordered):
        PersonaStep.objects.filter(pk=step.pk).update(position=offset + index)
    for index, step in enumerate(ordered, start=1):
        PersonaStep.objects.filter(pk=step.pk).update(position=index)
        step.position = index
    return ordered


@transaction.atomic
def persona_step_add(*, scribe: Participant, persona_id, text: str) -> PersonaStep:
    """Add a step at the end of the story. Locks: the workshop, the persona, then its steps."""
    text = _step_text(text)
    workshop, scribe = _scribe_writes(scribe.workshop_id, scribe)
    persona = _lock_persona(scribe, persona_id)
    last = PersonaStep.objects.filter(persona=persona).aggregate(last=Max("position"))["last"] or 0
    step = PersonaStep.objects.create(persona=persona, position=last + 1, text=text)
    workshop_bump_version(workshop_id=workshop.pk, table_id=persona.table_id)
    return step


def _lock_step(scribe: Participant, step_id) -> tuple[Persona, PersonaStep, list[PersonaStep]]:
    step = PersonaStep.objects.filter(pk=_as_pk(step_id), persona__workshop_id=scribe.workshop_id).first()
    if step is None:
        raise ValidationError(_("This step does not exist in your workshop."), code="not_found")
    persona = _lock_persona(scribe, step.persona_id)
    steps = _lock_steps(persona)
    return persona, next(s for s in steps if s.pk == step.pk), steps


@transaction.atomic
def persona_step_update(*, scribe: Participant, step_id, text: str) -> PersonaStep:
    """Rewrite a step. Locks: the workshop, the persona, then its steps."""
    text = _step_text(text)
    workshop, scribe = _scribe_writes(scribe.workshop_id, scribe)
    persona, step, _steps = _lock_step(scribe, step_id)
    step.text = text
    step.save(update_fields=["text"])
    workshop_bump_version(workshop_id=workshop.pk, table_id=persona.table_id)
    return step


@transaction.atomic
def persona_step_delete(*, scribe: Participant, step_id) -> None:
    """Remove a step; the steps after it move up (no gap is left). Locks: the workshop, the persona, its steps."""
    workshop, scribe = _scribe_writes(scribe.workshop_id, scribe)
    persona, step, steps = _lock_step(scribe, step_id)
    step.delete()
    _renumber(persona, [s for s in steps if s.pk != step.pk])
    workshop_bump_version(workshop_id=workshop.pk, table_id=persona.table_id)


@transaction.atomic
def persona_steps_reorder(*, scribe: Participant, persona_id, step_ids: Iterable) -> list[PersonaStep]:
    """Put the persona's steps in the given order and renumber them 1..n on save.

    `step_ids` is the whole story in its new order: positions are never taken from the client, so a
    gap or a repeated position cannot be asked for. A list that is not exactly the persona's steps
    (one missing, one of another persona, one twice) is refused, since it was made from a story that
    has changed since: nothing is written.
    Locks: the workshop, the persona, then its steps in position order.
    """
    workshop, scribe = _scribe_writes(scribe.workshop_id, scribe)
    persona = _lock_persona(scribe, persona_id)
    steps = {s.pk: s for s in _lock_steps(persona)}
    wanted = [_as_pk(pk) for pk in step_ids]
    if len(wanted) != len(set(wanted)) or set(wanted) != set(steps):
        raise ValidationError(
            _("The steps changed meanwhile: reload the persona and order them again."), code="conflict"
        )
    ordered = _renumber(persona, [steps[pk] for pk in wanted])
    workshop_bump_version(workshop_id=workshop.pk, table_id=persona.table_id)
    return ordered


@transaction.atomic
def persona_step_move(*, scribe: Participant, step_id, direction: str) -> list[PersonaStep]:
    """Move a step one place up or down (the buttons of a page without JavaScript), renumbering 1..n.
    Locks: the workshop, the persona, then its steps."""
    if direction not in ("up", "down"):
        raise ValidationError(_("Move a step up or down."))
    workshop, scribe = _scribe_writes(scribe.workshop_id, scribe)
    persona, step, steps = _lock_step(scribe, step_id)
    index = steps.index(step)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(steps):
        steps[index], steps[other] = steps[other], steps[index]
    ordered = _renumber(persona, steps)
    workshop_bump_version(workshop_id=workshop.pk, table_id=persona.table_id)
    return ordered


# --- The keyword wall ----------------------------------------------------------------------------


def _keyword_text(text) -> tuple[str, str]:
    label = keyword_label(text)
    if not label:
        raise ValidationError({"text": _("Write a keyword.")})
    if len(label) > KEYWORD_MAX_LENGTH:
        raise ValidationError(
            {"text": _("A keyword has at most %(max)d characters (this one has %(n)d): a word or two, not a sentence.")
             % {"max": KEYWORD_MAX_LENGTH, "n": len(label)}}
        )
    key = keyword_key(label)
    if not key:
        raise ValidationError({"text": _("A keyword needs at least one letter or digit.")})
    return label, key


@transaction.atomic
def keyword_add(*, workshop: Workshop, participant: Participant, text: str) -> Keyword:
    """A participant puts a keyword on the wall: it joins the keyword with the same key, or starts one.

    Giving the same keyword twice (in any spelling that has its key) is refused: the wall counts people.
    Locks: the workshop (new keywords of a workshop are made under it, so two people typing the same
    new word make one keyword), then inserts the entry.
    """
    label, key = _keyword_text(text)
    workshop = workshop_lock(workshop.pk)
    _refuse_if_closed(workshop)
    participant = _participant_now(workshop, participant)
    _require_open(workshop, Activity.KEYWORDS, _("The keyword wall is closed: wait for the facilitator to open it."))
    keyword, _created = Keyword.objects.get_or_create(workshop=workshop, key=key, defaults={"label": label})
    root_id = keyword.merged_into_id or keyword.pk
    family = Keyword.objects.filter(workshop=workshop, pk=root_id) | Keyword.objects.filter(merged_into_id=root_id)
    if KeywordEntry.objects.filter(keyword__in=family, participant=participant).exists():
        message = _("You already gave “%(keyword)s”: the wall counts each person once.") % {"keyword": label}
        raise ValidationError({"text": ValidationError(message, code="conflict")})
    KeywordEntry.objects.create(keyword=keyword, participant=participant, text=label)
    # The wall is the whole room's: every laptop follows it.
    workshop_bump_version(workshop_id=workshop.pk, stage=True)
    return keyword


def _lock_keywords(workshop: Workshop, keyword_ids) -> dict[int, Keyword]:
    pks = [_as_pk(pk) for pk in keyword_ids]
    found = {
        k.pk: k
        for k in Keyword.objects.select_for_update(no_key=True).filter(pk__in=[p for p in pks if p], workshop=workshop).order_by("pk")
    }
    if None in pks or len(found) != len(set(pks)):
        raise ValidationError(_("This keyword is not on this workshop's wall."), code="not_found")
    return found


@transaction.atomic
def keyword_rename(*, workshop: Workshop, keyword_id, label: str) -> Keyword:
    """The facilitator rewrites how a keyword reads on the wall; what people gave stays as they wrote it.
    Locks: the workshop, then the keyword."""
    label, _key = _keyword_text(label)
    workshop = workshop_lock(workshop.pk)
    keyword = _lock_keywords(workshop, [keyword_id])[_as_pk(keyword_id)]
    keyword.label = label
    keyword.save(update_fields=["label"])
    workshop_bump_version(workshop_id=workshop.pk, stage=True)
    return keyword


@transaction.atomic
def keyword_merge(*, workshop: Workshop, target_id, source_id) -> Keyword:
    """The facilitator folds one keyword into another (synonyms the key cannot see): the source's
    givers count for the target, once each; keywords already merged into the source follow it, so a
    merge is never two hops deep. A kept source keeps the target kept.
    Locks: the workshop, then both keywords in primary-key order."""
    if _as_pk(target_id) is not None and _as_pk(target_id) == _as_pk(source_id):
        raise ValidationError(_("A keyword cannot be merged into itself."))
    workshop = workshop_lock(workshop.pk)
    locked = _lock_keywords(workshop, [target_id, source_id])
    target, source = locked[_as_pk(target_id)], locked[_as_pk(source_id)]
    if target.merged_into_id or source.merged_into_id:
        raise ValidationError(_("This keyword was already merged into another."), code="conflict")
    Keyword.objects.filter(merged_into=source).update(merged_into=target)
    source.merged_into = target
    source.save(update_fields=["merged_into"])
    if source.kept and not target.kept:
        target.kept = True
        target.save(update_fields=["kept"])
    workshop_bump_version(workshop_id=workshop.pk, stage=True)
    return target


@transaction.atomic
def keyword_unmerge(*, workshop: Workshop, keyword_id) -> Keyword:
    """Undo a merge: the keyword stands on its own again. Locks: the workshop, then the keyword."""
    workshop = workshop_lock(workshop.pk)
    keyword = _lock_keywords(workshop, [keyword_id])[_as_pk(keyword_id)]
    keyword.merged_into = None
    keyword.save(update_fields=["merged_into"])
    workshop_bump_version(workshop_id=workshop.pk, stage=True)
    return keyword


# --- Commitments ---------------------------------------------------------------------------------


@transaction.atomic
def commitment_make(*, workshop: Workshop, participant: Participant, text: str, signed: bool) -> Commitment:
    """A participant writes "Je m'engage à…", signed with their display name or anonymous, as they choose.
    Locks: the workshop."""
    text = _text(text, field="text", max_length=COMMITMENT_MAX_LENGTH, empty_message=_("Write what you commit to."))
    workshop = workshop_lock(workshop.pk)
    _refuse_if_closed(workshop)
    participant = _participant_now(workshop, participant)
    _require_open(workshop, Activity.COMMITMENTS, _("Commitments are written during a commitments phase."))
    commitment = Commitment.objects.create(workshop=workshop, participant=participant, text=text, signed=bool(signed))
    workshop_bump_version(workshop_id=workshop.pk, stage=True)
    return commitment


# --- The promise, key actions and stakeholders (the facilitator's consolidation) -----------------


def _phrase(value, field: str = "phrase") -> str:
    return _text(value, field=field, max_length=PHRASE_MAX_LENGTH, empty_message=_("Write the promise's phrase."))


@transaction.atomic
def promise_set_evaluated(*, workshop: Workshop, phrase: str, origin: str = "") -> Promise:
    """The promise the workshop evaluates (set or replaced). Locks: the workshop, then the promise (upsert)."""
    phrase = _phrase(phrase)
    origin = _text(origin, field="origin", max_length=ACTION_MAX_LENGTH, empty_message="", allow_empty=True)
    workshop = workshop_lock(workshop.pk)
    promise, _created = Promise.objects.update_or_create(
        workshop=workshop,
        kind=Promise.Kind.EVALUATED,
        defaults={"phrase": phrase, "origin": origin, "edition_id": workshop.edition_id},
    )
    workshop_bump_version(workshop_id=workshop.pk)
    return promise


@transaction.atomic
def promise_retain(
    *, workshop: Workshop, phrase: str, alternatives: Iterable[str] = (), keyword_ids: Iterable = (), benefits: str = ""
) -> Promise:
    """The promise the workshop produces: the retained phrase, its alternatives in order (replacing any
    before), the kept keywords and the benefits it rests on.
    Locks: the workshop, then the produced promise (upsert); its alternatives are rewritten."""
    phrase = _phrase(phrase)
    alternatives = [_phrase(a, field="alternatives") for a in alternatives if (a or "").strip()]
    if phrase in alternatives:
        raise ValidationError({"alternatives": _("The retained phrase cannot also be an alternative.")})
    benefits = _text(benefits, field="benefits", max_length=ACTION_MAX_LENGTH, empty_message="", allow_empty=True)
    workshop = workshop_lock(workshop.pk)
    keywords = list(_lock_keywords(workshop, keyword_ids).values()) if keyword_ids else []
    promise, _created = Promise.objects.update_or_create(
        workshop=workshop,
        kind=Promise.Kind.PRODUCED,
        defaults={"phrase": phrase, "benefits": benefits, "edition_id": workshop.edition_id},
    )
    promise.alternatives.all().delete()
    PromiseAlternative.objects.bulk_create(
        PromiseAlternative(promise=promise, position=n, phrase=text) for n, text in enumerate(alternatives, start=1)
    )
    promise.keywords.set(keywords)
    workshop_bump_version(workshop_id=workshop.pk)
    return promise


@transaction.atomic
def key_action_add(*, workshop: Workshop, text: str) -> KeyAction:
    """A key action, after the others. Locks: the workshop."""
    text = _text(text, field="text", max_length=ACTION_MAX_LENGTH, empty_message=_("Write the action."))
    workshop = workshop_lock(workshop.pk)
    last = KeyAction.objects.filter(workshop=workshop).aggregate(last=Max("position"))["last"] or 0
    action = KeyAction.objects.create(workshop=workshop, position=last + 1, text=text)
    workshop_bump_version(workshop_id=workshop.pk)
    return action


@transaction.atomic
def key_action_delete(*, workshop: Workshop, action_id) -> None:
    """Remove a key action; those after it move up. Locks: the workshop, then its key actions in order."""
    workshop = workshop_lock(workshop.pk)
    actions = list(KeyAction.objects.select_for_update(no_key=True).filter(workshop=workshop).order_by("position"))
    doomed = next((a for a in actions if a.pk == _as_pk(action_id)), None)
    if doomed is None:
        raise ValidationError(_("This action does not exist in this workshop."), code="not_found")
    doomed.delete()
    for position, action in enumerate((a for a in actions if a.pk != doomed.pk), start=1):
        if action.position != position:
            KeyAction.objects.filter(pk=action.pk).update(position=position)
    workshop_bump_version(workshop_id=workshop.pk)


def _stakeholder_name(name) -> str:
    return _text(name, field="name", max_length=STAKEHOLDER_NAME_MAX_LENGTH, empty_message=_("Name the role."))


def _add_stakeholder(workshop: Workshop, name: str) -> Stakeholder:
    if Stakeholder.objects.filter(workshop=workshop, name__iexact=name).exists():
        raise ValidationError({"name": ValidationError(_("This role is already on the list."), code="conflict")})
    last = Stakeholder.objects.filter(workshop=workshop).aggregate(last=Max("position"))["last"] or 0
    return Stakeholder.objects.create(workshop=workshop, position=last + 1, name=name)


@transaction.atomic
def stakeholders_ensure_defaults(*, workshop: Workshop) -> list[Stakeholder]:
    """Give a workshop the default roles (minister, CEO, research director) if it has no role yet.
    Locks: the workshop."""
    workshop = workshop_lock(workshop.pk)
    if not Stakeholder.objects.filter(workshop=workshop).exists():
        for name in DEFAULT_STAKEHOLDERS:
            _add_stakeholder(workshop, str(name))
        workshop_bump_version(workshop_id=workshop.pk)
    return list(Stakeholder.objects.filter(workshop=workshop))


@transaction.atomic
def stakeholder_add(*, workshop: Workshop, name: str) -> Stakeholder:
    """A role after the others (names are unique in a workshop, whatever their case). Locks: the workshop."""
    name = _stakeholder_name(name)
    workshop = workshop_lock(workshop.pk)
    stakeholder = _add_stakeholder(workshop, name)
    workshop_bump_version(workshop_id=workshop.pk)
    return stakeholder


def _lock_stakeholder(workshop: Workshop, stakeholder_id) -> Stakeholder:
    stakeholder = Stakeholder.objects.select_for_update(no_key=True).filter(pk=_as_pk(stakeholder_id), workshop=workshop).first()
    if stakeholder is None:
        raise ValidationError(_("This role does not exist in this workshop."), code="not_found")
    return stakeholder


@transaction.atomic
def stakeholder_rename(*, workshop: Workshop, stakeholder_id, name: str) -> Stakeholder:
    """Locks: the workshop, then the role."""
    name = _stakeholder_name(name)
    workshop = workshop_lock(workshop.pk)
    stakeholder = _lock_stakeholder(workshop, stakeholder_id)
    if Stakeholder.objects.filter(workshop=workshop, name__iexact=name).exclude(pk=stakeholder.pk).exists():
        raise ValidationError({"name": ValidationError(_("This role is already on the list."), code="conflict")})
    stakeholder.name = name
    stakeholder.save(update_fields=["name"])
    workshop_bump_version(workshop_id=workshop.pk)
    return stakeholder


@transaction.atomic
def stakeholder_delete(*, workshop: Workshop, stakeholder_id) -> None:
    """Remove a role with its obstacles and actions. Locks: the workshop, then the role."""
    workshop = workshop_lock(workshop.pk)
    _lock_stakeholder(workshop, stakeholder_id).delete()
    workshop_bump_version(workshop_id=workshop.pk)


@transaction.atomic
def stakeholder_item_add(*, workshop: Workshop, stakeholder_id, kind: str, text: str) -> StakeholderItem:
    """An obstacle or an action of a role, after the others of its kind. Locks: the workshop, then the role."""
    if kind not in StakeholderItem.Kind.values:
        raise ValidationError({"kind": _("An obstacle or an action.")})
    text = _text(text, field="text", max_length=ACTION_MAX_LENGTH, empty_message=_("Write the obstacle or the action."))
    workshop = workshop_lock(workshop.pk)
    stakeholder = _lock_stakeholder(workshop, stakeholder_id)
    last = stakeholder.items.filter(kind=kind).aggregate(last=Max("position"))["last"] or 0
    item = StakeholderItem.objects.create(stakeholder=stakeholder, kind=kind, position=last + 1, text=text)
    workshop_bump_version(workshop_id=workshop.pk)
    return item


@transaction.atomic
def keyword_set_kept(*, workshop: Workshop, keyword_id, kept: bool, by=None) -> Keyword:
    """The facilitator keeps a keyword, or takes it off the kept ones, by hand (a tie on the vote's
    boundary, a correction). A merged keyword's mark goes to the one it joined.
    Locks: the workshop, then the keyword."""
    workshop = workshop_lock(workshop.pk)
    keyword = _lock_keywords(workshop, [keyword_id])[_as_pk(keyword_id)]
    if keyword.merged_into_id:
        keyword = _lock_keywords(workshop, [keyword.merged_into_id])[keyword.merged_into_id]
    if keyword.kept != bool(kept):
        audit_record(
            workshop_id=workshop.pk, action=Action.KEYWORD_KEPT if kept else Action.KEYWORD_DROPPED, by=by,
            target_type=Target.KEYWORD, target_id=keyword.pk, target_label=keyword.label,
            before={"kept": keyword.kept}, after={"kept": bool(kept)},
        )
    keyword.kept = bool(kept)
    keyword.save(update_fields=["kept"])
    workshop_bump_version(workshop_id=workshop.pk, stage=True)
    return keyword


# --- Phrases: the tables draft the new promise ----------------------------------------------------


def _phrase_text(value) -> str:
    return _text(value, field="text", max_length=PHRASE_MAX_LENGTH, empty_message=_("Write a phrase."))


@transaction.atomic
def phrase_propose(*, workshop: Workshop, participant: Participant, text: str) -> Phrase:
    """A participant of the workshop proposes a phrase for their table. Locks: the workshop.

    Every table reads the others' phrases (panels.phrases): the stage moves, so every laptop
    redraws its panel, not only this table's (so do the scribe's edits and removals)."""
    text = _phrase_text(text)
    workshop = workshop_lock(workshop.pk)
    _refuse_if_closed(workshop)
    participant = _participant_now(workshop, participant)
    if participant.table_id is None:
        raise ValidationError(_("Choose your table first: phrases are drafted by tables."))
    _require_open(workshop, Activity.PHRASES, _("Phrases are drafted during a phrases phase."))
    phrase = Phrase.objects.create(workshop=workshop, table_id=participant.table_id, author=participant, text=text)
    workshop_bump_version(workshop_id=workshop.pk, stage=True, table_id=participant.table_id)
    return phrase


def _lock_phrase(workshop: Workshop, scribe: Participant, phrase_id) -> Phrase:
    phrase = Phrase.objects.select_for_update(no_key=True).filter(pk=_as_pk(phrase_id), workshop=workshop).first()
    if phrase is None:
        raise ValidationError(_("This phrase does not exist in this workshop."), code="not_found")
    if phrase.table_id != scribe.table_id:
        raise ValidationError(_("This phrase belongs to another table."))
    return phrase


def _scribe_of_phrases(scribe: Participant) -> tuple[Workshop, Participant]:
    workshop = workshop_lock(scribe.workshop_id)
    _refuse_if_closed(workshop)
    scribe = _scribe_now(workshop, scribe)
    _require_open(workshop, Activity.PHRASES, _("Phrases are drafted during a phrases phase."))
    return workshop, scribe


@transaction.atomic
def phrase_update(*, scribe: Participant, phrase_id, text: str) -> Phrase:
    """The table's scribe rewrites one of its phrases. Locks: the workshop, then the phrase."""
    text = _phrase_text(text)
    workshop, scribe = _scribe_of_phrases(scribe)
    phrase = _lock_phrase(workshop, scribe, phrase_id)
    phrase.text = text
    phrase.save(update_fields=["text", "updated_at"])
    workshop_bump_version(workshop_id=workshop.pk, stage=True, table_id=phrase.table_id)
    return phrase


@transaction.atomic
def phrase_delete(*, scribe: Participant, phrase_id) -> None:
    """The table's scribe removes one of its phrases. Locks: the workshop, then the phrase."""
    workshop, scribe = _scribe_of_phrases(scribe)
    phrase = _lock_phrase(workshop, scribe, phrase_id)
    table_id = phrase.table_id
    phrase.delete()
    workshop_bump_version(workshop_id=workshop.pk, stage=True, table_id=table_id)


# --- Votes: keeping keywords, retaining a phrase (ballots of the voting app) ---------------------

DEFAULT_KEEP = 7
KEYWORD_METHODS = (Method.APPROVAL, Method.DOTS, Method.RANKING, Method.SCALE, Method.YESNO)


def _keep_count(value, keywords: int) -> int:
    try:
        keep = int(value)
    except (TypeError, ValueError):
        raise ValidationError({"keep": _("Say how many keywords the vote keeps, as a number.")})
    if keywords < 2:
        raise ValidationError({"keep": _("The wall needs at least two keywords for a vote.")})
    if not 1 <= keep < keywords:
        raise ValidationError(
            {"keep": _("Keep between 1 and %(n)d keywords: fewer than the wall has (%(all)d).") % {"n": keywords - 1, "all": keywords}}
        )
    return keep


def _keyword_settings(method: str, keep: int) -> dict:
    """The ballot's settings that make it keep `keep`: that many picks (approval, ranking) or dots."""
    if method in (Method.APPROVAL, Method.RANKING):
        return {"min_choices": 1, "max_choices": keep}
    if method == Method.DOTS:
        return {"budget": keep, "max_per_option": min(3, keep)}
    return {}


def _vote_phase(workshop: Workshop, activity: str) -> WorkshopPhase | None:
    """The phase a promise ballot belongs to: the open one if it is the activity's or a vote, else the
    activity's first phase (None: the voting app's default, the workshop's first vote phase)."""
    open_phase = WorkshopPhase.objects.filter(workshop_id=workshop.pk, status=WorkshopPhase.Status.OPEN).first()
    if open_phase is not None and open_phase.activity in (activity, Activity.VOTE):
        return open_phase
    return WorkshopPhase.objects.filter(workshop_id=workshop.pk, activity=activity).order_by("position").first()


def _link_options(ballot: Ballot, workshop: Workshop, purpose: str, sources: list, keep: int | None) -> PromiseBallot:
    use = PromiseBallot.objects.create(ballot=ballot, workshop=workshop, purpose=purpose, keep=keep)
    options = list(BallotOption.objects.filter(ballot=ballot).order_by("position"))
    field = "keyword" if purpose == PromiseBallot.Purpose.KEYWORDS else "phrase"
    PromiseBallotOption.objects.bulk_create(
        PromiseBallotOption(option=option, **{field: source}) for option, source in zip(options, sources, strict=True)
    )
    return use


@transaction.atomic
def keyword_vote_create(
    *, workshop: Workshop, method: str = Method.APPROVAL, keep=DEFAULT_KEEP, title: str = "", by=None
) -> Ballot:
    """A room-wide ballot over the wall's keywords (the merged ones count as the one they joined),
    opened at once; closing it keeps its `keep` winners (keyword_vote_keep).
    Locks: the workshop, then the voting app's (ballot_create, ballot_open: the new ballot)."""
    if method not in KEYWORD_METHODS:
        raise ValidationError({"method": _("Choose a voting method.")})
    workshop = workshop_lock(workshop.pk)
    _refuse_if_closed(workshop)
    keywords = list(Keyword.objects.filter(workshop=workshop, merged_into__isnull=True).order_by("label", "pk"))
    keep = _keep_count(keep, len(keywords))
    labels = [k.label.casefold() for k in keywords]
    if len(set(labels)) != len(labels):
        raise ValidationError(_("Two keywords of the wall read the same: merge or rename them before the vote."))
    ballot = voting_services.ballot_create(
        workshop=workshop,
        title=(title or "").strip() or _("The keywords to keep"),
        question=ngettext("Which keyword must the promise keep?", "Which %(n)d keywords must the promise keep?", keep) % {"n": keep},
        method=method,
        options=[{"label": k.label} for k in keywords],
        phase=_vote_phase(workshop, Activity.KEYWORDS),
        **_keyword_settings(method, keep),
    )
    _link_options(ballot, workshop, PromiseBallot.Purpose.KEYWORDS, keywords, keep)
    return voting_services.ballot_open(ballot=ballot, by=by)


def _lock_promise_ballot(workshop: Workshop, ballot_id, purpose: str) -> PromiseBallot:
    use = (
        PromiseBallot.objects.select_related("ballot")
        .filter(ballot_id=_as_pk(ballot_id), workshop=workshop, purpose=purpose)
        .first()
    )
    if use is None:
        raise ValidationError(_("This vote does not exist in this workshop."), code="not_found")
    Ballot.objects.select_for_update(no_key=True).filter(pk=use.ballot_id).first()
    use.ballot.refresh_from_db()
    return use


def _sources(use: PromiseBallot) -> dict[int, PromiseBallotOption]:
    return {s.option_id: s for s in PromiseBallotOption.objects.filter(option__ballot_id=use.ballot_id).select_related("keyword", "phrase")}


@transaction.atomic
def keyword_vote_keep(*, workshop: Workshop, ballot_id) -> list[Keyword]:
    """Mark kept the winners of a closed keyword ballot, and only them: the `keep` best, those tied
    on the boundary left for the facilitator to keep by hand (keyword_set_kept). Returns the tied.
    Locks: the workshop, the ballot, then the workshop's keywords in primary-key order."""
    workshop = workshop_lock(workshop.pk)
    use = _lock_promise_ballot(workshop, ballot_id, PromiseBallot.Purpose.KEYWORDS)
    if use.ballot.status != Ballot.Status.CLOSED:
        raise ValidationError(_("Close the vote before keeping its winners."))
    return _apply_keyword_vote(workshop, use)


def _apply_keyword_vote(workshop: Workshop, use: PromiseBallot) -> list[Keyword]:
    """The caller holds the workshop and the ballot."""
    kept, tied = tallies.top_n(ballot_tally(ballot=use.ballot).outcome_scores(), use.keep)
    sources = _sources(use)
    all_keywords = {k.pk: k for k in Keyword.objects.select_for_update(no_key=True).filter(workshop=workshop).order_by("pk")}

    def root(option_id) -> int | None:
        source = sources.get(option_id)
        if source is None:
            return None
        return source.keyword.merged_into_id or source.keyword.pk

    winners = {root(pk) for pk in kept} - {None}
    Keyword.objects.filter(workshop=workshop).exclude(pk__in=winners).update(kept=False)
    Keyword.objects.filter(workshop=workshop, pk__in=winners).update(kept=True)
    use.applied_at = timezone.now()
    use.save(update_fields=["applied_at"])
    workshop_bump_version(workshop_id=workshop.pk, stage=True)
    return [all_keywords[root(pk)] for pk in tied if root(pk) is not None]


def phrase_options(*, workshop: Workshop, phrase_ids: Iterable | None = None) -> list[Phrase]:
    """The phrases a ballot would offer: all the workshop's (or those named, each of this workshop),
    one per wording (two tables writing the same phrase make one option, the first drafted)."""
    found = Phrase.objects.filter(workshop=workshop).order_by("table__number", "created_at", "pk")
    if phrase_ids is not None:
        pks = [_as_pk(pk) for pk in phrase_ids]
        found = found.filter(pk__in=[p for p in pks if p])
        if None in pks or found.count() != len(set(pks)):
            raise ValidationError({"phrases": _("This phrase is not one of this workshop's.")})
    unique: dict[str, Phrase] = {}
    for phrase in found:
        unique.setdefault(" ".join(phrase.text.split()).casefold(), phrase)
    return list(unique.values())


@transaction.atomic
def phrase_vote_create(*, workshop: Workshop, phrase_ids: Iterable | None = None, title: str = "", by=None) -> Ballot:
    """A room-wide ranking ballot (Condorcet winner, Schulze order) over the drafted phrases, opened at
    once; its order makes the produced promise: the first retained, the others its alternatives.
    Locks: the workshop, then the voting app's (ballot_create, ballot_open: the new ballot)."""
    workshop = workshop_lock(workshop.pk)
    _refuse_if_closed(workshop)
    phrases = phrase_options(workshop=workshop, phrase_ids=phrase_ids)
    if len(phrases) < 2:
        raise ValidationError({"phrases": _("A phrase vote needs at least two drafted phrases.")})
    ballot = voting_services.ballot_create(
        workshop=workshop,
        title=(title or "").strip() or _("The promise phrase"),
        question=_("Rank the phrases: 1 for the one the promise should say."),
        method=Method.RANKING,
        options=[{"label": " ".join(p.text.split())} for p in phrases],
        phase=_vote_phase(workshop, Activity.PHRASES),
    )
    _link_options(ballot, workshop, PromiseBallot.Purpose.PHRASES, phrases, None)
    return voting_services.ballot_open(ballot=ballot, by=by)


def phrase_vote_order(ballot: Ballot) -> tuple[list[BallotOption], list[BallotOption]]:
    """The options in the vote's order, and the top tier when tied (selectors.phrase_order)."""
    return phrase_order(ballot_tally(ballot=ballot))


@transaction.atomic
def phrase_vote_retain(*, workshop: Workshop, ballot_id, option_id=None, by=None) -> Promise:
    """The produced promise from a closed phrase ballot: its winner retained, the others its
    alternatives in the vote's order, the kept keywords what it rests on. A tie on first place is
    settled by the facilitator naming one of the tied (`option_id`).
    Locks: the workshop, the ballot, then the produced promise (promise_retain's upsert)."""
    workshop = workshop_lock(workshop.pk)
    use = _lock_promise_ballot(workshop, ballot_id, PromiseBallot.Purpose.PHRASES)
    if use.ballot.status != Ballot.Status.CLOSED:
        raise ValidationError(_("Close the vote before retaining its phrase."))
    return _apply_phrase_vote(workshop, use, option_id, by=by)


def _apply_phrase_vote(workshop: Workshop, use: PromiseBallot, option_id=None, *, by=None) -> Promise:
    """Retain the vote's phrase; `by` is who settled it (None: the close applied it, whose own entry names who closed)."""
    ordered, tied = phrase_vote_order(use.ballot)
    if option_id is not None:
        chosen = next((o for o in (tied or ordered[:1]) if o.pk == _as_pk(option_id)), None)
        if chosen is None:
            raise ValidationError(_("Retain one of the phrases tied in first place."))
    elif tied:
        raise ValidationError(
            _("%(phrases)s tie in first place: retain one of them.") % {"phrases": ", ".join(f"“{o.label}”" for o in tied)},
            code="conflict",
        )
    else:
        chosen = ordered[0]
    # The options' labels are the phrases as the room ranked them: a phrase its table rewrote or
    # removed during the vote does not change what was voted on.
    texts = [o.label for o in [chosen] + [o for o in ordered if o.pk != chosen.pk]]
    existing = Promise.objects.filter(workshop=workshop, kind=Promise.Kind.PRODUCED).first()
    kept = list(Keyword.objects.filter(workshop=workshop, kept=True, merged_into__isnull=True).values_list("pk", flat=True))
    promise = promise_retain(
        workshop=workshop,
        phrase=texts[0],
        alternatives=texts[1:],
        keyword_ids=kept,
        benefits=existing.benefits if existing else "",
    )
    use.applied_at = timezone.now()
    use.save(update_fields=["applied_at"])
    audit_record(
        workshop_id=workshop.pk, action=Action.PROMISE_RETAINED, by=by, target_type=Target.PROMISE, target_id=promise.pk,
        target_label=texts[0], before={"phrase": existing.phrase if existing else None},
        after={"phrase": texts[0], "alternatives": texts[1:]},
    )
    return promise


def apply_closed_ballot(ballot: Ballot) -> None:
    """voting.signals.ballot_closed: a keyword ballot keeps its winners; a phrase ballot retains its
    winner unless first place is tied (then the facilitator settles it on the promise page).
    The caller (voting.services.ballot_close) holds the workshop and the ballot."""
    use = PromiseBallot.objects.filter(ballot_id=ballot.pk).first()
    if use is None:
        return
    use.ballot = ballot
    workshop = Workshop.objects.get(pk=ballot.workshop_id)
    if use.purpose == PromiseBallot.Purpose.KEYWORDS:
        _apply_keyword_vote(workshop, use)
    elif not phrase_vote_order(ballot)[1]:
        _apply_phrase_vote(workshop, use)


# --- Key actions and stakeholders: the rest of the facilitator's consolidation --------------------


def _lock_key_actions(workshop: Workshop) -> list[KeyAction]:
    return list(KeyAction.objects.select_for_update(no_key=True).filter(workshop=workshop).order_by("position"))


@transaction.atomic
def key_action_update(*, workshop: Workshop, action_id, text: str) -> KeyAction:
    """Rewrite a key action. Locks: the workshop, then its key actions."""
    text = _text(text, field="text", max_length=ACTION_MAX_LENGTH, empty_message=_("Write the action."))
    workshop = workshop_lock(workshop.pk)
    action = next((a for a in _lock_key_actions(workshop) if a.pk == _as_pk(action_id)), None)
    if action is None:
        raise ValidationError(_("This action does not exist in this workshop."), code="not_found")
    action.text = text
    action.save(update_fields=["text"])
    workshop_bump_version(workshop_id=workshop.pk)
    return action


@transaction.atomic
def key_action_move(*, workshop: Workshop, action_id, direction: str) -> list[KeyAction]:
    """Move a key action one place up or down; positions stay 1..n.
    Locks: the workshop, then its key actions in order."""
    if direction not in ("up", "down"):
        raise ValidationError(_("Move an action up or down."))
    workshop = workshop_lock(workshop.pk)
    actions = _lock_key_actions(workshop)
    index = next((i for i, a in enumerate(actions) if a.pk == _as_pk(action_id)), None)
    if index is None:
        raise ValidationError(_("This action does not exist in this workshop."), code="not_found")
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(actions):
        actions[index], actions[other] = actions[other], actions[index]
        # Two passes, so the unique (workshop, position) never sees two actions in one place.
        top = len(actions)
        for n, action in enumerate(actions, start=1):
            KeyAction.objects.filter(pk=action.pk).update(position=top + n)
        for n, action in enumerate(actions, start=1):
            KeyAction.objects.filter(pk=action.pk).update(position=n)
            action.position = n
    workshop_bump_version(workshop_id=workshop.pk)
    return actions


@transaction.atomic
def stakeholder_item_delete(*, workshop: Workshop, item_id) -> None:
    """Remove an obstacle or an action of a role; those after it of its kind move up.
    Locks: the workshop, then the role, then its items of that kind."""
    workshop = workshop_lock(workshop.pk)
    item = StakeholderItem.objects.filter(pk=_as_pk(item_id), stakeholder__workshop=workshop).first()
    if item is None:
        raise ValidationError(_("This obstacle or action does not exist in this workshop."), code="not_found")
    stakeholder = _lock_stakeholder(workshop, item.stakeholder_id)
    items = list(
        StakeholderItem.objects.select_for_update(no_key=True).filter(stakeholder=stakeholder, kind=item.kind).order_by("position")
    )
    StakeholderItem.objects.filter(pk=item.pk).delete()
    for position, other in enumerate((i for i in items if i.pk != item.pk), start=1):
        if other.position != position:
            StakeholderItem.objects.filter(pk=other.pk).update(position=position)
    workshop_bump_version(workshop_id=workshop.pk)
