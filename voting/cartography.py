"""The cahier's "cartographie des scénarios": scenarios placed on two scale questions, drawn as SVG."""

from __future__ import annotations

from dataclasses import dataclass

from django.template.loader import render_to_string

from scenarios.models import Scenario

from .labels import Box, Point, place_labels
from .models import Ballot
from .selectors import cartography

WIDTH, HEIGHT, MARGIN = 960, 640, 70
LABEL_SIZE = 13  # px, in the SVG's own units
DOT_RADIUS = 6
LABEL_MAX = 42  # characters: a longer title is cut with "…" (the dot's tooltip has it whole)


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


def _short(title: str) -> str:
    return title if len(title) <= LABEL_MAX else title[: LABEL_MAX - 1].rstrip() + "…"


def _retained(option) -> bool:
    """A scenario retained for development: the seed cahier writes its title in capitals."""
    return option.scenario_id is not None and option.scenario.status != Scenario.Status.PROPOSED


def _fmt(value: float) -> str:
    return f"{value:.1f}"


def _tick(value: int) -> str:
    # A true minus sign: "-2" in a small font reads like a dash next to the axis.
    return f"{value}".replace("-", "\u2212")


def cartography_context(*, x_ballot: Ballot, y_ballot: Ballot) -> dict:
    plot_w, plot_h = WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN

    def px(value, ballot):
        return MARGIN + (value - ballot.scale_min) / (ballot.scale_max - ballot.scale_min) * plot_w

    def py(value, ballot):
        return HEIGHT - MARGIN - (value - ballot.scale_min) / (ballot.scale_max - ballot.scale_min) * plot_h

    points = cartography(x_ballot=x_ballot, y_ballot=y_ballot)
    places = []
    for point in points:
        retained = _retained(point.option)
        text = _short(point.option.label)
        places.append(
            Point(x=px(point.x, x_ballot), y=py(point.y, y_ballot), text=text.upper() if retained else text, first=retained)
        )
    area = Box(MARGIN, MARGIN, plot_w, plot_h)
    labels = place_labels(places, area=area, size=LABEL_SIZE, dot_radius=DOT_RADIUS)
    dots = []
    for point, place, label in zip(points, places, labels):
        dots.append(
            Dot(
                label=point.option.label,
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
        )
    ticks_x = [(_fmt(px(v, x_ballot)), _tick(v)) for v in x_ballot.scale_values]
    ticks_y = [(_fmt(py(v, y_ballot)), _tick(v)) for v in y_ballot.scale_values]
    mid_x = _fmt(px((x_ballot.scale_min + x_ballot.scale_max) / 2, x_ballot))
    mid_y = _fmt(py((y_ballot.scale_min + y_ballot.scale_max) / 2, y_ballot))
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": MARGIN,
        "right": WIDTH - MARGIN,
        "top": MARGIN,
        "bottom": HEIGHT - MARGIN,
        "mid_x": mid_x,
        "mid_y": mid_y,
        "dots": dots,
        "ticks_x": ticks_x,
        "ticks_y": ticks_y,
        "x_ballot": x_ballot,
        "y_ballot": y_ballot,
        "label_x_pos": _fmt(WIDTH / 2),
        "label_y_pos": _fmt(HEIGHT / 2),
        "tick_label_y": HEIGHT - MARGIN + 20,
        "tick_label_x": MARGIN - 10,
        "axis_label_y": HEIGHT - 15,
    }


def cartography_svg(*, x_ballot: Ballot, y_ballot: Ballot) -> str:
    """A standalone SVG document, for exports."""
    return render_to_string("voting/cartography.svg", {**cartography_context(x_ballot=x_ballot, y_ballot=y_ballot), "standalone": True})
