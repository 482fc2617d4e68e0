"""Participants have no account: their browser session remembers who they are, per workshop."""

from __future__ import annotations

from .models import Participant, Workshop

SESSION_KEY = "agora_participants"  # {workshop_id: participant_id}


def remember_participant(request, participant: Participant) -> None:
    joined = dict(request.session.get(SESSION_KEY, {}))
    joined[str(participant.workshop_id)] = participant.pk
    request.session[SESSION_KEY] = joined


def forget_participant(request, workshop_id: int) -> None:
    joined = dict(request.session.get(SESSION_KEY, {}))
    if joined.pop(str(workshop_id), None) is not None:
        request.session[SESSION_KEY] = joined


def current_participant(request, workshop: Workshop) -> Participant | None:
    """The participant this browser joined `workshop` as, or None.

    A participant whose row is gone (removed from the workshop) is forgotten by the session for
    good, in the database where sessions live: from then on even an unchanged poll of that laptop,
    which looks only at the session, is refused. Whatever removes a participant bumps the
    workshop's stage version, so that the laptop's next poll comes here.
    """
    participant_id = request.session.get(SESSION_KEY, {}).get(str(workshop.pk))
    if participant_id is None:
        return None
    participant = Participant.objects.select_related("table__scenario").filter(pk=participant_id, workshop=workshop).first()
    if participant is None:
        forget_participant(request, workshop.pk)
    return participant
