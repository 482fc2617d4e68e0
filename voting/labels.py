"""Where to write each scenario's title on the map so that no two titles overlap (pure: no Django).

The seed cahier's map prints 19 titles beside their dots; printed naively beside each dot, a dozen
of them fall on top of each other where the scenarios cluster. Each label is placed in turn (the
retained scenarios first, then left to right), at the first free spot of a fixed sequence: the
eight spots touching its dot, then rings further and further out, where a leader line joins it to its
dot. A spot is free when its box stays inside the plot and meets no label already placed and no dot.
The sequence is fixed, so the same map always comes out the same.

Text is measured with a table of glyph widths that errs on the wide side (DejaVu Sans, the widest of
the usual sans-serif fonts, bold for capitals), so the boxes hold the real text in a browser.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

PAD = 2.0  # around the text, inside its box
GAP = 3.0  # between a dot's edge and a label touching it
RING_STEP = 12.0
ANGLES = 24  # spots per ring

# Advance widths in em, on the wide side of DejaVu Sans (bold for capitals).
_NARROW = set("iljtfrI!.,;:'’|()[]") | {" "}
_WIDE = set("mwMWÆŒ@%")


def text_width(text: str, size: float) -> float:
    """An upper bound of the width of `text` at `size` px."""
    em = 0.0
    for ch in text:
        if ch in _NARROW:
            em += 0.42
        elif ch in _WIDE:
            em += 1.08
        elif ch.isupper():
            em += 0.84
        elif ch.isdigit():
            em += 0.7
        else:
            em += 0.66
    return em * size + 2 * PAD


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def intersects(self, other: Box) -> bool:
        return self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom

    def inside(self, area: Box) -> bool:
        return self.x >= area.x and self.y >= area.y and self.right <= area.right and self.bottom <= area.bottom


@dataclass(frozen=True)
class Label:
    """Where one title goes: its box, where its text starts (baseline), and a leader line when it
    does not touch its dot."""

    box: Box
    text_x: float
    text_y: float
    leader: tuple[float, float, float, float] | None


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    text: str
    first: bool = False  # placed before the others (the retained scenarios)


def _touching(px: float, py: float, w: float, h: float, r: float):
    """The eight spots around a dot: right, left, above and below it, then the corners."""
    d = r + GAP
    yield Box(px + d, py - h / 2, w, h)  # right
    yield Box(px - d - w, py - h / 2, w, h)  # left
    yield Box(px - w / 2, py - d - h, w, h)  # above
    yield Box(px - w / 2, py + d, w, h)  # below
    yield Box(px + d * 0.7, py - d * 0.7 - h, w, h)  # above right
    yield Box(px - d * 0.7 - w, py - d * 0.7 - h, w, h)  # above left
    yield Box(px + d * 0.7, py + d * 0.7, w, h)  # below right
    yield Box(px - d * 0.7 - w, py + d * 0.7, w, h)  # below left


def _rings(px: float, py: float, w: float, h: float, reach: float):
    """Spots further out, ring after ring: the box's nearest side faces the dot."""
    ring = 1
    while ring * RING_STEP <= reach:
        radius = ring * RING_STEP
        for k in range(ANGLES):
            angle = 2 * math.pi * k / ANGLES
            cx, cy = px + radius * math.cos(angle), py - radius * math.sin(angle)
            # Hang the box from the point on its side towards the dot.
            x = cx if math.cos(angle) >= 0 else cx - w
            y = cy - h / 2 if abs(math.sin(angle)) < 0.5 else (cy - h if math.sin(angle) > 0 else cy)
            yield Box(x, y, w, h)
        ring += 1


def _leader(px: float, py: float, box: Box) -> tuple[float, float, float, float]:
    """From the dot to the nearest point of the box."""
    nx = min(max(px, box.x), box.right)
    ny = min(max(py, box.y), box.bottom)
    return (px, py, nx, ny)


def place_labels(points: list[Point], *, area: Box, size: float, dot_radius: float) -> list[Label | None]:
    """A label for each point, in the order given; None for a label that fits nowhere in `area`
    (only when the plot is full: the map then shows that dot's title on hover only)."""
    height = size * 1.25 + 2 * PAD
    dots = [Box(p.x - dot_radius, p.y - dot_radius, 2 * dot_radius, 2 * dot_radius) for p in points]
    placed: list[Box] = []
    labels: list[Label | None] = [None] * len(points)
    order = sorted(range(len(points)), key=lambda i: (not points[i].first, points[i].x, points[i].y, i))
    reach = math.hypot(area.w, area.h)
    for i in order:
        p = points[i]
        w = text_width(p.text, size)
        for n, box in enumerate(_spots(p, w, height, dot_radius, reach)):
            if box.inside(area) and not any(box.intersects(b) for b in placed) and not any(box.intersects(d) for d in dots):
                placed.append(box)
                leader = None if n < 8 else _leader(p.x, p.y, box)
                labels[i] = Label(box=box, text_x=box.x + PAD, text_y=box.y + PAD + size, leader=leader)
                break
    return labels


def _spots(p: Point, w: float, h: float, r: float, reach: float):
    yield from _touching(p.x, p.y, w, h, r)
    yield from _rings(p.x, p.y, w, h, reach)
