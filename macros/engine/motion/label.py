"""Where a figure's label goes: a free place near the leg it names, clear of the body in every key
frame and of every prop, with a leader line to the leg. Pure functions, stdlib only; picture
centimetres (x right, y up).

``place_label(size, targets, segments, blocked)`` tries places on a grid around the figure and
keeps the one with the shortest leaders that overlaps nothing; the label then stays put while
the figure moves, and only the leader's far end follows the leg.
"""

import math
from dataclasses import dataclass

from .rig import Point

Rect = tuple[float, float, float, float]  # x0, y0, x1, y1
Segment = tuple[Point, Point, float]  # two ends and the half-width of the stroke
GRID_CM = 6.0
CLEARANCE_CM = 2.5
CROSSING_COST = 80.0  # a leader that crosses the body, in centimetres of leader


@dataclass(frozen=True)
class LabelPlace:
    rect: Rect  # where the text's box is
    starts: tuple[Point, ...]  # each leader's start on the box's edge (one per target)
    target: int  # which of the candidate target points was chosen (the same index for every leg)


def _closest_on_segment(p: Point, a: Point, b: Point) -> Point:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length))
    return a[0] + dx * t, a[1] + dy * t


def _closest_in_rect(p: Point, rect: Rect) -> Point:
    return min(max(p[0], rect[0]), rect[2]), min(max(p[1], rect[1]), rect[3])


def rect_segment_distance(rect: Rect, a: Point, b: Point) -> float:
    """The distance between a box and a segment (0 when they touch)."""
    if _segments_cross_rect(rect, a, b):
        return 0.0
    best = math.inf
    for p in (a, b):
        q = _closest_in_rect(p, rect)
        best = min(best, math.dist(p, q))
    x0, y0, x1, y1 = rect
    for corner in ((x0, y0), (x1, y0), (x1, y1), (x0, y1)):
        best = min(best, math.dist(corner, _closest_on_segment(corner, a, b)))
    return best


def _inside(p: Point, rect: Rect) -> bool:
    return rect[0] <= p[0] <= rect[2] and rect[1] <= p[1] <= rect[3]


def _cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    def orient(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    return orient(a, b, c) * orient(a, b, d) < 0 and orient(c, d, a) * orient(c, d, b) < 0


def _segments_cross_rect(rect: Rect, a: Point, b: Point) -> bool:
    if _inside(a, rect) or _inside(b, rect):
        return True
    x0, y0, x1, y1 = rect
    edges = (((x0, y0), (x1, y0)), ((x1, y0), (x1, y1)), ((x1, y1), (x0, y1)), ((x0, y1), (x0, y0)))
    return any(_cross(a, b, c, d) for c, d in edges)


def rects_overlap(a: Rect, b: Rect, margin: float = 0.0) -> bool:
    return a[0] < b[2] + margin and b[0] < a[2] + margin and a[1] < b[3] + margin and b[1] < a[3] + margin


def place_label(
    size: tuple[float, float],
    targets: list[list[Point]],
    segments: list[Segment],
    blocked: list[Rect],
    area: Rect,
    still: list[Segment] | None = None,
) -> LabelPlace:
    """The best place for a label of ``size`` (width, height).

    ``targets[i]`` are the candidate points on each named leg (one list per leg, the same number
    of candidates each, as in the still frame); ``segments`` the body's strokes in every key
    frame, ``still`` those of the still frame (which the leaders must not cross); ``blocked`` the
    props' boxes; ``area`` the figure's own extent: places outside it cost the room they add."""
    still = segments if still is None else still
    width, height = size
    x0, y0, x1, y1 = area
    candidates: list[tuple[float, Rect, int, tuple[Point, ...]]] = []
    steps_x = int((x1 - x0 + 2 * width) / GRID_CM) + 1
    steps_y = int((y1 - y0 + 3 * height) / GRID_CM) + 1
    for i in range(steps_x):
        left = x0 - width - 4 + i * GRID_CM
        for j in range(steps_y):
            bottom = y0 - height - 4 + j * GRID_CM
            rect = (left, bottom, left + width, bottom + height)
            grown = (max(0.0, x0 - rect[0]) + max(0.0, rect[2] - x1)) * 2.0 + (
                max(0.0, y0 - rect[1]) + max(0.0, rect[3] - y1)
            ) * 3.0
            for index in range(len(targets[0])):
                ends = [leg[index] for leg in targets]
                starts = tuple(_closest_in_rect(end, rect) for end in ends)
                cost = grown + sum(math.dist(s, e) for s, e in zip(starts, ends, strict=True))
                candidates.append((cost, rect, index, starts))
    candidates.sort(key=lambda c: c[0])
    best: tuple[float, LabelPlace] | None = None
    for cost, rect, index, starts in candidates:  # cheapest first: stop once nothing can do better
        if best is not None and cost >= best[0]:
            break
        if any(rects_overlap(rect, box, CLEARANCE_CM) for box in blocked):
            continue
        if any(_near(rect, a, b, r + CLEARANCE_CM) for a, b, r in segments):
            continue
        for start, leg in zip(starts, targets, strict=True):
            end = leg[index]
            # A leader that runs over other parts of the body reads as pointing at them.
            crossings = sum(
                1
                for a, b, r in still
                if math.dist(end, _closest_on_segment(end, a, b)) > r and _passes_near(start, end, a, b, r)
            )
            cost += CROSSING_COST * crossings
        if best is None or cost < best[0]:
            best = (cost, LabelPlace(rect, starts, index))
    if best is None:  # nowhere free: above the figure
        rect = (x0, y1 + 4, x0 + width, y1 + 4 + height)
        ends = [leg[0] for leg in targets]
        return LabelPlace(rect, tuple(_closest_in_rect(end, rect) for end in ends), 0)
    return best[1]


def _near(rect: Rect, a: Point, b: Point, distance: float) -> bool:
    """Whether the segment comes within ``distance`` of the box (a quick test of extents first)."""
    if (
        min(a[0], b[0]) - distance > rect[2]
        or max(a[0], b[0]) + distance < rect[0]
        or min(a[1], b[1]) - distance > rect[3]
        or max(a[1], b[1]) + distance < rect[1]
    ):
        return False
    return rect_segment_distance(rect, a, b) < distance


def _passes_near(start: Point, end: Point, a: Point, b: Point, r: float) -> bool:
    """Whether the leader from ``start`` to ``end`` runs within ``r`` of segment ``a``-``b``
    somewhere before its last few centimetres."""
    length = math.dist(start, end)
    if length < 1e-6:
        return False
    stop = max(0.0, 1.0 - 6.0 / length)
    for k in range(1, 9):
        t = stop * k / 8
        p = (start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t)
        if math.dist(p, _closest_on_segment(p, a, b)) < r:
            return True
    return False
