"""The participant page's panels for this app's activities (registered in apps.py, drawn by workshops).

Each returns the context its template reads, in a fixed number of queries.
"""

from __future__ import annotations

from core.guards import allows

from . import forms, selectors


def personas(*, workshop, participant, phase) -> dict:
    """The cards of the participant's table; the scribe's forms to write them."""
    if participant.table_id is None:
        return {"personas": [], "may_write": False}
    return {
        "personas": selectors.personas(workshop=workshop, table_id=participant.table_id),
        "may_write": allows("promises.write_persona", participant, participant.table),
        "persona_form": forms.PersonaForm(),
        "step_form": forms.StepForm(),
    }


def keywords(*, workshop, participant, phase) -> dict:
    return {
        "wall": selectors.keyword_wall(workshop=workshop),
        "mine": selectors.keywords_given_by(participant=participant),
        "keyword_form": forms.KeywordForm(),
    }


def commitments(*, workshop, participant, phase) -> dict:
    return {
        "commitments": selectors.commitments(workshop=workshop),
        "commitment_form": forms.CommitmentForm(),
    }
