"""Participants have no account: their browser session remembers who they are, per workshop."""

from __future__ import annotations

from functools import wraps

from django.shortcuts import get_object_or_404, redirect

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


def participant_required(view):
    """For views under /w/<code>/: resolve the workshop by its join code and the browser's participant.

    A browser that has not joined this workshop is sent to the join page for it.
    The view receives `workshop` and `participant` keyword arguments.
    """

    @wraps(view)
    def wrapper(request, code, *args, **kwargs):
        workshop = get_object_or_404(Workshop, join_code=code.upper())
        participant = current_participant(request, workshop)
        if participant is None:
            return redirect(f"{_join_url()}?code={workshop.join_code}")
        return view(request, *args, workshop=workshop, participant=participant, **kwargs)

    return wrapper


def _join_url() -> str:
    from django.urls import reverse

    return reverse("workshops:join")
