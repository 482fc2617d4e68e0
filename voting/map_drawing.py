"""Drawing the map of scenarios from plain points (pure: no ORM), for the voting pages and the cahier.

A point is a title at its mean on two scale questions; an axis is a question's title and range.
The voting pages build them from two ballots (`voting.cartography`); the cahier's drafting gets
them as plain data, so the figure it stores is drawn the same way and from numbers only. Every
title reaches the SVG through the template's escaping: the SVG is generated, never copied markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.template.loader import render_to_string

from .labels import Box, Point, place_labels

WIDTH, HEIGHT, MARGIN = 960, 640, 70
LABEL_SIZE = 13  # px, in the SVG's own units
DOT_RADIUS = 6
LABEL_MAX = 42  # characters: a longer title is cut with "…" (the dot's tooltip has it whole)


@dataclass(frozen=True)
class Axis:
    """A scale question: its title and its range of answers."""

    title: str
    minimum: int
    maximum: int

    @property
    def values(self) -> list[int]:
        return list(range(self.minimum, self.maximum + 1))


@dataclass(frozen=True)
class PlotPoint:
    label: str  # the whole title
    x: float  # mean answer on the horizontal question
    y: float
    retained: bool = False  # retained for development: written in capitals, placed first


@dataclass
class Dot:
    label: str  # the whole title (tooltip)
    text: str  # what is written beside the dot: cut if long, in capitals when retained
    retained: bool
    x: str  # SVG coordinates, as strings with a dot whatever the locale
    y: str
    value_x: str
    value_y: str
    text_x: str | None  # None: no room left for the title (the tooltip still has it)
    text_y: str | None
    leader: tuple[str, str, str, str] | None


def short(title: str) -> str:
    return title if len(title) <= LABEL_MAX else title[: LABEL_MAX - 1].rstrip() + "…"


def written_label(point: PlotPoint) -> str:
    """The title as the map writes it: the seed cahier writes the retained scenarios in capitals."""
    text = short(point.label)
    return text.upper() if point.retained else text


def _fmt(value: float) -> str:
    return f"{value:.1f}"


def _tick(value: int) -> str:
    # A true minus sign: "-2" in a small font reads like a dash next to the axis.
    return f"{value}".replace("-", "\u2212")


def map_context(*, points: Sequence[PlotPoint], x_axis: Axis, y_axis: Axis) -> dict:
    """What the SVG template draws: dots, labels placed without overlap, ticks and axis titles."""
    plot_w, plot_h = WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN

    def px(value: float) -> float:
        return MARGIN + (value - x_axis.minimum) / (x_axis.maximum - x_axis.minimum) * plot_w

    def py(value: float) -> float:
        return HEIGHT - MARGIN - (value - y_axis.minimum) / (y_axis.maximum - y_axis.minimum) * plot_h

    places = [Point(x=px(p.x), y=py(p.y), text=written_label(p), first=p.retained) for p in points]
    labels = place_labels(places, area=Box(MARGIN, MARGIN, plot_w, plot_h), size=LABEL_SIZE, dot_radius=DOT_RADIUS)
    dots = [
        Dot(
            label=point.label,
            text=place.text,
            retained=place.first,
            x=_fmt(place.x),
            y=_fmt(place.y),
            value_x=f"{point.x:.2f}",
            value_y=f"{point.y:.2f}",
            text_x=_fmt(label.text_x) if label else None,
            text_y=_fmt(label.text_y) if label else None,
            leader=tuple(_fmt(v) for v in label.leader) if label and label.leader else None,
        )
        for point, place, label in zip(points, places, labels)
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": MARGIN,
        "right": WIDTH - MARGIN,
        "top": MARGIN,
        "bottom": HEIGHT - MARGIN,
        "mid_x": _fmt(px((x_axis.minimum + x_axis.maximum) / 2)),
        "mid_y": _fmt(py((y_axis.minimum + y_axis.maximum) / 2)),
        "dots": dots,
        "ticks_x": [(_fmt(px(v)), _tick(v)) for v in x_axis.values],
        "ticks_y": [(_fmt(py(v)), _tick(v)) for v in y_axis.values],
        "x_title": x_axis.title,
        "y_title": y_axis.title,
        "label_x_pos": _fmt(WIDTH / 2),
        "label_y_pos": _fmt(HEIGHT / 2),
        "tick_label_y": HEIGHT - MARGIN + 20,
        "tick_label_x": MARGIN - 10,
        "axis_label_y": HEIGHT - 15,
    }


def map_svg(*, points: Sequence[PlotPoint], x_axis: Axis, y_axis: Axis, standalone: bool = True) -> str:
    """The map as an SVG document. `standalone` adds a <style> for a file opened on its own; without
    it the SVG relies on its presentation attributes only, so a page whose CSP forbids inline
    styles (the cahier's pages) and WeasyPrint draw it the same."""
    context = map_context(points=points, x_axis=x_axis, y_axis=y_axis)
    return render_to_string("voting/cartography.svg", {**context, "standalone": standalone}).strip()
