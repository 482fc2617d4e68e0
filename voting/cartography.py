"""The cahier's "cartographie des scénarios": scenarios placed on two scale questions, drawn as SVG."""

from __future__ import annotations

from dataclasses import dataclass

from django.template.loader import render_to_string

from .models import Ballot
from .selectors import cartography

WIDTH, HEIGHT, MARGIN = 720, 540, 70


@dataclass
class Dot:
    label: str
    x: str  # SVG coordinates, as strings with a dot whatever the locale
    y: str
    anchor: str
    value_x: str
    value_y: str


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

    dots = []
    for point in cartography(x_ballot=x_ballot, y_ballot=y_ballot):
        x, y = px(point.x, x_ballot), py(point.y, y_ballot)
        dots.append(
            Dot(
                label=point.option.label,
                x=_fmt(x),
                y=_fmt(y),
                anchor="end" if x > WIDTH / 2 else "start",
                value_x=f"{point.x:.2f}",
                value_y=f"{point.y:.2f}",
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
