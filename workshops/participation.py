"""Participants have no account: their browser session remembers who they are, per workshop."""

from __future__ import annotations

from .models import Participant, Workshop

SESSION_KEY = "agora_participants"  # {workshop_id: participant_id}


def remember_participant(request, participant: Participant) -> None:
    joined = dict(request.session.get(SESSION_KEY, {}))
    joined[str(participant.workshop_id)] = participant.pk
    request.session[SESSION_KEY] = joined


def current_participant(request, workshop: Workshop) -> Participant | None:
    """The participant this browser joined `workshop` as, or None."""
    participant_id = request.session.get(SESSION_KEY, {}).get(str(workshop.pk))
    if participant_id is None:
        return None
    return Participant.objects.select_related("table__scenario").filter(pk=participant_id, workshop=workshop).first()
