"""Activities whose pages live in an app above this one: a registry of their participant panels.

The participant page (`/w/<code>/`) dispatches on the open phase's activity. Post-its, the vote, the
synthesis and the restitution are this app's own; the promise workshop's activities (personas,
keyword wall, commitments) are the `promises` app's, which sits above workshops in the layers and
may not be imported from here. So that app registers, in its `AppConfig.ready()`, a panel for each:
a template and a callable that reads what it shows. The page includes the template in its stage and,
on a live poll that found something changed, again with `panel_oob` set, so the panel re-renders its
live parts out of band (the forms it renders only when `panel_oob` is unset, so nothing typed is
redrawn).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from django.urls import reverse


@dataclass(frozen=True)
class Panel:
    # Included inside the stage of workshops/canvas.html, with the page's context and `panel`.
    template: str
    # (workshop, participant, phase) -> the panel's own context, as a dict: a fixed number of queries.
    context: Callable[..., dict]
    # The facilitator's page for this activity, if it has one: (URL name taking the workshop's pk, its label).
    control_link: tuple[str, str] | None = None


_PANELS: dict[str, Panel] = {}


@dataclass(frozen=True)
class WorkshopPage:
    # A URL name taking the workshop's pk, and the label of its link in the control room.
    url_name: str
    label: str
    # The page is linked when one of the workshop's phases has one of these activities.
    activities: frozenset[str]


_PAGES: list[WorkshopPage] = []


def register_page(url_name: str, label: str, *, activities) -> None:
    """A facilitator's page about the whole workshop (the promise, the report), linked from the control
    room of the workshops having one of `activities` (called from an app's ready(); again replaces)."""
    _PAGES[:] = [p for p in _PAGES if p.url_name != url_name]
    _PAGES.append(WorkshopPage(url_name=url_name, label=label, activities=frozenset(activities)))


def workshop_pages(workshop, phases) -> list[tuple[str, str]]:
    """(url, label) of the registered pages for this workshop, given its phases (no query)."""
    present = {phase.activity for phase in phases}
    return [(reverse(p.url_name, args=[workshop.pk]), p.label) for p in _PAGES if p.activities & present]


def register(
    activity: str, *, template: str, context: Callable[..., dict], control_link: tuple[str, str] | None = None
) -> None:
    """Give an activity its participant panel (called from an app's ready(); registering again replaces)."""
    _PANELS[activity] = Panel(template=template, context=context, control_link=control_link)


def control_link(workshop, phase) -> tuple[str, str] | None:
    """(url, label) of the facilitator's page for this phase's activity, for the control room."""
    panel = panel_for(phase.activity)
    if panel is None or panel.control_link is None:
        return None
    name, label = panel.control_link
    return reverse(name, args=[workshop.pk]), label


def panel_for(activity: str | None) -> Panel | None:
    return _PANELS.get(activity) if activity else None


def panel_context(workshop, participant, phase) -> dict | None:
    """The open phase's panel as the page includes it: its template and its context, or None."""
    panel = panel_for(phase.activity if phase is not None else None)
    if panel is None:
        return None
    return {"template": panel.template, **panel.context(workshop=workshop, participant=participant, phase=phase)}


@dataclass(frozen=True)
class RestitutionPart:
    # Included in the restitution of workshops/canvas.html, with the page's context and `part`.
    template: str
    # (workshop) -> the part's context as a dict, or None when this workshop has nothing of it.
    context: Callable[..., dict | None]


_RESTITUTION: list[RestitutionPart] = []


def register_restitution(template: str, *, context: Callable[..., dict | None]) -> None:
    """Add a part to the restitution phase's page (the promise workshop's report), before the tables'
    work (called from an app's ready(); registering a template again replaces it)."""
    _RESTITUTION[:] = [p for p in _RESTITUTION if p.template != template]
    _RESTITUTION.append(RestitutionPart(template=template, context=context))


def restitution_parts(workshop) -> list[dict]:
    """The registered parts this workshop has, each as {"template": …, **its context}."""
    parts = []
    for part in _RESTITUTION:
        context = part.context(workshop=workshop)
        if context is not None:
            parts.append({"template": part.template, **context})
    return parts
