"""Who may do what with the promise workshop's artefacts, and when (django-rules, as workshops/rules.py).

Targets: a Persona and a Table give their workshop and table; a Keyword and a Workshop give their
workshop. Each rule is access & timing (core.rules.add_action): the pages' guards enforce the access
part; the timing part (the right phase open) is checked again by the service under the workshop lock.
"""

from __future__ import annotations

import rules

from core.rules import add_action, is_editor
from workshops.models import Activity, WorkshopPhase
from workshops.rules import (
    facilitates_workshop,
    is_participant,
    is_scribe_of_table,
    is_seated_at_table,
    workshop_id_of,
    workshop_is_closed,
)


def _phase_open(activity: str):
    @rules.predicate(name=f"promises:{activity}_phase_open")
    def phase_open(_actor, target) -> bool:
        workshop_id = workshop_id_of(target)
        if workshop_id is None:
            return False
        return WorkshopPhase.objects.filter(
            workshop_id=workshop_id, status=WorkshopPhase.Status.OPEN, activity=activity
        ).exists()

    return phase_open


personas_phase_open = _phase_open(Activity.PERSONAS)
keywords_phase_open = _phase_open(Activity.KEYWORDS)
commitments_phase_open = _phase_open(Activity.COMMITMENTS)
phrases_phase_open = _phase_open(Activity.PHRASES)

writable = ~workshop_is_closed  # a closed workshop is read-only for participants and scribes

# Personas (target: the table, or a persona of it). The table sees its cards live; the scribe writes.
add_action("promises.view_personas", is_seated_at_table | facilitates_workshop | is_editor)
add_action("promises.write_persona", is_scribe_of_table & writable, personas_phase_open)

# The keyword wall (target: the workshop, or a keyword of it): the whole room reads and adds to it.
add_action("promises.view_keywords", is_participant | facilitates_workshop | is_editor)
add_action("promises.add_keyword", is_participant & writable, keywords_phase_open)
# Merging and renaming is the facilitator's, also after the day (the report is consolidated then).
add_action("promises.curate_keywords", facilitates_workshop)
# The keyword and phrase votes: ballots for the room, so not once the workshop is closed.
add_action("promises.run_votes", facilitates_workshop & writable)

# Commitments (target: the workshop): one wall for the room, each signed or anonymous.
add_action("promises.view_commitments", is_participant | facilitates_workshop | is_editor)
add_action("promises.make_commitment", is_participant & writable, commitments_phase_open)

# Phrases (target: the table, or a phrase of it): those seated there propose, the scribe edits.
add_action("promises.propose_phrase", is_seated_at_table & writable, phrases_phase_open)
add_action("promises.edit_phrase", is_scribe_of_table & writable, phrases_phase_open)

# The promise, its key actions and the stakeholders: the facilitator consolidates them.
add_action("promises.edit_promise", facilitates_workshop)
# The report: its facilitator and the editors (who draft the cahier from it), at any time.
add_action("promises.view_report", facilitates_workshop | is_editor)
