"""The participant page's panels for this app's activities (registered in apps.py, drawn by workshops).

Each returns the context its template reads, in a fixed number of queries.
"""

from __future__ import annotations

from core.guards import allows

from . import selectors, services

LIMITS = {
    "name_max": services.PERSONA_NAME_MAX_LENGTH,
    "text_max": services.PERSONA_TEXT_MAX_LENGTH,
    "persona_keywords_max": services.PERSONA_KEYWORDS_MAX_LENGTH,
    "keyword_max": services.KEYWORD_MAX_LENGTH,
    "commitment_max": services.COMMITMENT_MAX_LENGTH,
    "max_age": services.PERSONA_MAX_AGE,
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
    """The room's wall and what this participant gave (3 queries)."""
    return {
        "wall": selectors.keyword_wall(workshop=workshop),
        "mine": selectors.keywords_given_by(participant=participant),
        "may_add": allows("promises.add_keyword", participant, workshop),
        "limits": LIMITS,
    }


def commitments(*, workshop, participant, phase) -> dict:
    """The room's commitments (1 query)."""
    return {
        "commitments": selectors.commitments(workshop=workshop),
        "may_commit": allows("promises.make_commitment", participant, workshop),
        "limits": LIMITS,
    }
