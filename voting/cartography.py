"""The cahier's "cartographie des scénarios": scenarios placed on two scale questions, drawn as SVG.

The drawing itself is `voting.map_drawing` (plain points); this module reads the points from two ballots.
"""

from __future__ import annotations

from scenarios.models import Scenario

from .map_drawing import Axis, PlotPoint, map_context, map_svg
from .models import Ballot
from .selectors import cartography


def _retained(option) -> bool:
    """A scenario retained for development: the seed cahier writes its title in capitals."""
    return option.scenario_id is not None and option.scenario.status != Scenario.Status.PROPOSED


def ballot_axis(ballot: Ballot) -> Axis:
    return Axis(title=ballot.title, minimum=ballot.scale_min, maximum=ballot.scale_max)


def map_points(*, x_ballot: Ballot, y_ballot: Ballot) -> list[PlotPoint]:
    """Each scenario (or label) at its mean on the two ballots, retained ones marked."""
    return [
        PlotPoint(label=p.option.label, x=p.x, y=p.y, retained=_retained(p.option))
        for p in cartography(x_ballot=x_ballot, y_ballot=y_ballot)
    ]


def cartography_context(*, x_ballot: Ballot, y_ballot: Ballot) -> dict:
    return {
        **map_context(points=map_points(x_ballot=x_ballot, y_ballot=y_ballot), x_axis=ballot_axis(x_ballot), y_axis=ballot_axis(y_ballot)),
        "x_ballot": x_ballot,
        "y_ballot": y_ballot,
    }


def cartography_svg(*, x_ballot: Ballot, y_ballot: Ballot) -> str:
    """A standalone SVG document, for exports."""
    return map_svg(points=map_points(x_ballot=x_ballot, y_ballot=y_ballot), x_axis=ballot_axis(x_ballot), y_axis=ballot_axis(y_ballot))
