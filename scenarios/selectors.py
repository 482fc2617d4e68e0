"""Reads of the scenario library (every library view reads scenarios through `scenario_visible_to`),
and the catalogue a workshop's participants discover (`scenario_catalogue`)."""

from __future__ import annotations

import unicodedata

from django.db.models import Prefetch, Q, QuerySet

from core.models import Edition

from .models import Scenario, SectionEntry, Tag, TimelineEvent


def scenario_visible_to(*, user) -> QuerySet[Scenario]:
    """The one place that says which scenarios a user may see in the library.

    Facilitators and editors (and superusers) see every scenario of every edition;
    anyone else sees none, so a forged id answers 404 rather than leaking a title.
    """
    if not user.is_authenticated or not user.has_perm("scenarios.view_library"):
        return Scenario.objects.none()
    return Scenario.objects.all()


def scenario_list(
    *,
    user,
    edition_id: int | None = None,
    status: str = "",
    tag: str = "",
    q: str = "",
) -> QuerySet[Scenario]:
    """The library: filtered, with edition and tags loaded up front (a fixed number of queries)."""
    scenarios = scenario_visible_to(user=user).select_related("edition").prefetch_related(
        Prefetch("tags", queryset=Tag.objects.order_by("name"))
    )
    if edition_id:
        scenarios = scenarios.filter(edition_id=edition_id)
    if status:
        scenarios = scenarios.filter(status=status)
    if tag:
        scenarios = scenarios.filter(tags__name=tag.strip().lower())
    q = (q or "").strip()
    if q:
        scenarios = scenarios.filter(
            Q(title__icontains=q) | Q(summary__icontains=q) | Q(narrative__icontains=q)
        )
    return scenarios.order_by("edition__title", "title")


def scenario_get(*, user, pk: int) -> Scenario:
    """One scenario the user may see, or Scenario.DoesNotExist."""
    return scenario_visible_to(user=user).select_related("edition").get(pk=pk)


def scenario_get_detailed(*, user, pk: int) -> Scenario:
    """A scenario with its tags and canvas entries (by section) loaded; the timeline is read apart."""
    return (
        scenario_visible_to(user=user)
        .select_related("edition")
        .prefetch_related(
            Prefetch("tags", queryset=Tag.objects.order_by("name")),
            Prefetch(
                "entries",
                queryset=SectionEntry.objects.select_related("section", "section__canvas").order_by(
                    "section__canvas__name", "section__position", "section_id", "axis", "position", "pk"
                ),
            ),
        )
        .get(pk=pk)
    )


def timeline_ordered(*, scenario: Scenario) -> QuerySet[TimelineEvent]:
    return TimelineEvent.objects.filter(scenario=scenario).order_by("year", "position", "pk")


def timeline_event_get(*, scenario: Scenario, pk: int) -> TimelineEvent:
    """An event of this scenario only: another scenario's event is TimelineEvent.DoesNotExist."""
    return TimelineEvent.objects.get(scenario=scenario, pk=pk)


def editions_for_library() -> QuerySet[Edition]:
    return Edition.objects.order_by("title")


def tags_in_use() -> QuerySet[Tag]:
    return Tag.objects.filter(scenarios__isnull=False).distinct().order_by("name")


def timeline_by_year(events) -> list[tuple[int, list[TimelineEvent]]]:
    """[(2013, [event, ...]), (2016, [...])] from events already ordered by year."""
    years: dict[int, list[TimelineEvent]] = {}
    for event in events:
        years.setdefault(event.year, []).append(event)
    return list(years.items())


def entries_by_section(entries) -> list[dict]:
    """Canvas entries grouped by section, then by axis, in the canvas's order (axes as the section lists them).

    [{"section": CanvasSection, "axes": [("", [entry, ...]), ("Pour une entreprise", [...])]}, ...]
    """
    sections: dict[int, dict] = {}
    for entry in entries:
        group = sections.setdefault(entry.section_id, {"section": entry.section, "axes": {}})
        group["axes"].setdefault(entry.axis, []).append(entry)

    def axis_order(section):
        known = list(section.axes or [])
        # No axis first, then the section's axes in their order, then any other axis by name.
        return lambda item: (item[0] != "", known.index(item[0]) if item[0] in known else len(known), item[0])

    return [
        {"section": g["section"], "axes": sorted(g["axes"].items(), key=axis_order(g["section"]))}
        for g in sections.values()
    ]


def _folded(text: str) -> str:
    """Lower case without accents: "Éducation" and "education" read the same to a search."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def scenario_catalogue(*, edition_id: int, q: str = "") -> list[Scenario]:
    """The scenarios a workshop's room discovers: every one of its edition, with tags and timeline
    loaded (3 queries), in title order regardless of accents.

    `q` keeps those where each of its words appears in the title, summary, narrative, a tag or the
    timeline, ignoring case and accents ("education" finds "Éducation"). An edition holds tens of
    scenarios, so the match is made here rather than in SQL: the same on PostgreSQL and on the
    demo's SQLite, which has no accent folding.
    Participants have no account: this is not the library (`scenario_visible_to`), and it says
    nothing of who wrote a scenario.
    """
    scenarios = list(
        Scenario.objects.filter(edition_id=edition_id).prefetch_related(
            Prefetch("tags", queryset=Tag.objects.order_by("name")),
            Prefetch("timeline", queryset=TimelineEvent.objects.order_by("year", "position", "pk")),
        )
    )
    words = _folded(q or "").split()
    if words:
        def matches(scenario: Scenario) -> bool:
            text = _folded(" ".join([
                scenario.title, scenario.summary, scenario.narrative,
                *(tag.name for tag in scenario.tags.all()),
                *(f"{event.year} {event.title} {event.text}" for event in scenario.timeline.all()),
            ]))  # fmt: skip
            return all(word in text for word in words)

        scenarios = [s for s in scenarios if matches(s)]
    return sorted(scenarios, key=lambda s: (_folded(s.title), s.pk))
