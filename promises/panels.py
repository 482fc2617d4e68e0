"""The participant page's panels for this app's activities (registered in apps.py, drawn by workshops).

Each returns the context its template reads, in a fixed number of queries.
"""

from __future__ import annotations

from core.guards import allows

from . import selectors
from .models import PERSONA_MAX_AGE, PERSONA_TEXT_MAX_LENGTH, Commitment, Keyword, Persona, Phrase, PromiseBallot

# The same limits as the services' (read from the same model fields). Not imported from services:
# this module loads at start-up (apps.ready), and the services would pull workshops.services in
# with it, which the aggregation worker must not import (tests/workshops/test_lock_order.py).
LIMITS = {
    "name_max": Persona._meta.get_field("name").max_length,
    "text_max": PERSONA_TEXT_MAX_LENGTH,
    "persona_keywords_max": Persona._meta.get_field("keywords").max_length,
    "keyword_max": Keyword._meta.get_field("label").max_length,
    "commitment_max": Commitment._meta.get_field("text").max_length,
    "phrase_max": Phrase._meta.get_field("text").max_length,
    "max_age": PERSONA_MAX_AGE,
}


def personas(*, workshop, participant, phase) -> dict:
    """The cards of the participant's table; the scribe writes them (2 queries, 3 for the rule)."""
    if participant.table_id is None:
        return {"personas": [], "may_write": False, "limits": LIMITS}
    return {
        "personas": selectors.personas(workshop=workshop, table_id=participant.table_id),
        "may_write": allows("promises.write_persona", participant, participant.table),
        "limits": LIMITS,
    }


def keywords(*, workshop, participant, phase) -> dict:
    """The room's wall, what this participant gave, and the keyword vote when open (4 queries)."""
    return {
        "wall": selectors.keyword_wall(workshop=workshop),
        "vote": selectors.open_vote(workshop=workshop, purpose=PromiseBallot.Purpose.KEYWORDS),
        "mine": selectors.keywords_given_by(participant=participant),
        "may_add": allows("promises.add_keyword", participant, workshop),
        "limits": LIMITS,
    }


def phrases(*, workshop, participant, phase) -> dict:
    """The table's phrases (its scribe edits them), the other tables', and the phrase vote when open (3 queries, 4 for the rules)."""
    if participant.table_id is None:
        return {"mine": [], "others": [], "may_propose": False, "may_edit": False, "limits": LIMITS}
    phrases = selectors.phrases(workshop=workshop)
    return {
        "mine": [p for p in phrases if p.table_id == participant.table_id],
        "others": [p for p in phrases if p.table_id != participant.table_id],
        "vote": selectors.open_vote(workshop=workshop, purpose=PromiseBallot.Purpose.PHRASES),
        "may_propose": allows("promises.propose_phrase", participant, participant.table),
        "may_edit": allows("promises.edit_phrase", participant, participant.table),
        "limits": LIMITS,
    }


def commitments(*, workshop, participant, phase) -> dict:
    """The room's commitments (1 query)."""
    return {
        "commitments": selectors.commitments(workshop=workshop),
        "may_commit": allows("promises.make_commitment", participant, workshop),
        "limits": LIMITS,
    }
