"""The map's titles never overlap: voting/labels.py places them, deterministically (pure tests)."""

import itertools
import random

import pytest

from demo.seed import questions_numeriques as seed
from voting.map_drawing import HEIGHT, LABEL_SIZE, MARGIN, WIDTH
from voting.map_drawing import short as _short
from voting.labels import Box, Point, place_labels, text_width

AREA = Box(MARGIN, MARGIN, WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN)
TITLES = [_short(s["title"]) for s in seed.SCENARIOS]
DEVELOPED = {s["title"] for s in seed.SCENARIOS if s.get("status") == "developed"}


def demo_points(spread: float, seed_value: int = 2012) -> list[Point]:
    """The 19 demo scenarios around three clusters, as a room's votes bunch them (spread: px around each)."""
    rng = random.Random(seed_value)
    centres = [(0.7, 0.3), (0.55, 0.45), (0.3, 0.7)]
    points = []
    for i, (scenario, title) in enumerate(zip(seed.SCENARIOS, TITLES)):
        cx, cy = centres[i % 3]
        x = AREA.x + cx * AREA.w + rng.uniform(-spread, spread)
        y = AREA.y + cy * AREA.h + rng.uniform(-spread, spread)
        retained = scenario["title"] in DEVELOPED
        points.append(Point(x=x, y=y, text=title.upper() if retained else title, first=retained))
    return points


def place(points):
    return place_labels(points, area=AREA, size=LABEL_SIZE, dot_radius=6)


@pytest.mark.parametrize("spread", [0, 8, 40, 120])
def test_no_two_titles_of_the_19_demo_scenarios_overlap(spread):
    points = demo_points(spread)
    assert len(points) == 19
    labels = place(points)
    assert all(labels), "every title found a place"
    for a, b in itertools.combinations(labels, 2):
        assert not a.box.intersects(b.box), (a, b)
    dots = [Box(p.x - 6, p.y - 6, 12, 12) for p in points]
    for label in labels:
        assert label.box.inside(AREA)
        assert not any(label.box.intersects(d) for d in dots)


def test_a_lone_dot_gets_its_title_beside_it_without_a_leader():
    [label] = place([Point(x=300, y=300, text="Posséder, c'est dépassé")])
    assert label.leader is None
    assert label.box.x == pytest.approx(300 + 6 + 3)  # right of the dot
    assert label.box.y < 300 < label.box.bottom


def test_a_title_pushed_away_is_joined_to_its_dot_by_a_leader():
    points = [Point(x=300, y=300, text=f"Scénario {n}") for n in range(12)]
    labels = place(points)
    assert sum(label.leader is None for label in labels) <= 8
    far = [label for label in labels if label.leader]
    assert far and all(label.leader[:2] == (300, 300) for label in far)


def test_the_retained_scenarios_are_placed_first_nearest_their_dots():
    points = [Point(x=300, y=300, text=f"Proposé {n}") for n in range(10)] + [Point(x=300, y=300, text="RETENU", first=True)]
    labels = place(points)
    assert labels[-1].leader is None and labels[-1].box.x == pytest.approx(309)


def test_the_placement_is_the_same_every_time():
    points = demo_points(40)
    assert place(points) == place(list(points))


def test_a_title_at_the_edge_stays_inside_the_plot():
    [label] = place([Point(x=AREA.right - 2, y=AREA.y + 2, text="Vers l'industrie de proximité")])
    assert label.box.inside(AREA)


def test_capitals_are_measured_wider_than_small_letters():
    assert text_width("CDI C'EST FINI !", 13) > text_width("CDI c'est fini !", 13)
