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
CELL_CM = 4.0
LEADER_END_CM = 6.0  # the leader's last stretch, over the leg it names
MAX_TRIED = 150  # places whose leaders are checked, cheapest first
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
    grid = _Occupancy((x0 - width - 4, y0 - height - 4), (x1 + width + 4, y1 + 2 * height + 4))
    for a, b, r in segments:
        grid.mark_segment(a, b, r + CLEARANCE_CM)
    for box in blocked:
        grid.mark_rect(box, CLEARANCE_CM)
    span = (math.ceil(width / CELL_CM), math.ceil(height / CELL_CM))
    candidates: list[tuple[float, Rect, int, tuple[Point, ...]]] = []
    for left, bottom in grid.free_places(span):
        rect = (left, bottom, left + width, bottom + height)
        grown = (max(0.0, x0 - rect[0]) + max(0.0, rect[2] - x1)) * 2.0 + (
            max(0.0, y0 - rect[1]) + max(0.0, rect[3] - y1)
        ) * 3.0
        for index in range(len(targets[0])):
            starts = tuple(_closest_in_rect(leg[index], rect) for leg in targets)
            cost = grown + sum(math.dist(start, leg[index]) for start, leg in zip(starts, targets, strict=True))
            candidates.append((cost, rect, index, starts))
    candidates.sort(key=lambda c: c[0])
    best: tuple[float, LabelPlace] | None = None
    for cost, rect, index, starts in candidates[:MAX_TRIED]:  # cheapest first, until nothing can do better
        if best is not None and cost >= best[0]:
            break
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


class _Occupancy:
    """A grid of ``CELL_CM`` cells over the picture: which cells something occupies, with a table
    of running sums so that whether a box is clear is one look-up."""

    def __init__(self, low: Point, high: Point):
        self.x0, self.y0 = low
        self.nx = max(1, math.ceil((high[0] - low[0]) / CELL_CM))
        self.ny = max(1, math.ceil((high[1] - low[1]) / CELL_CM))
        self.cells = [[0] * self.nx for _ in range(self.ny)]

    def _range(self, lo: float, hi: float, origin: float, count: int) -> range:
        return range(max(0, int((lo - origin) // CELL_CM)), min(count, int((hi - origin) // CELL_CM) + 1))

    def mark_segment(self, a: Point, b: Point, distance: float) -> None:
        """Every cell whose square comes within ``distance`` of the segment."""
        reach = distance + CELL_CM * 0.71  # from a cell's centre to its corner
        xs = self._range(min(a[0], b[0]) - reach, max(a[0], b[0]) + reach, self.x0, self.nx)
        for j in self._range(min(a[1], b[1]) - reach, max(a[1], b[1]) + reach, self.y0, self.ny):
            cy = self.y0 + (j + 0.5) * CELL_CM
            row = self.cells[j]
            for i in xs:
                centre = (self.x0 + (i + 0.5) * CELL_CM, cy)
                if math.dist(centre, _closest_on_segment(centre, a, b)) < reach:
                    row[i] = 1

    def mark_rect(self, rect: Rect, margin: float) -> None:
        for j in self._range(rect[1] - margin, rect[3] + margin, self.y0, self.ny):
            for i in self._range(rect[0] - margin, rect[2] + margin, self.x0, self.nx):
                self.cells[j][i] = 1

    def free_places(self, span: tuple[int, int]) -> list[Point]:
        """The lower left corners of every clear box ``span`` cells wide and high."""
        w, h = span
        sums = [[0] * (self.nx + 1) for _ in range(self.ny + 1)]
        for j in range(self.ny):
            running = 0
            for i in range(self.nx):
                running += self.cells[j][i]
                sums[j + 1][i + 1] = sums[j][i + 1] + running
        places = []
        for j in range(self.ny - h + 1):
            for i in range(self.nx - w + 1):
                if sums[j + h][i + w] - sums[j][i + w] - sums[j + h][i] + sums[j][i] == 0:
                    places.append((self.x0 + i * CELL_CM, self.y0 + j * CELL_CM))
        return places


def _passes_near(start: Point, end: Point, a: Point, b: Point, r: float) -> bool:
    """Whether the leader from ``start`` to ``end`` runs within ``r`` of segment ``a``-``b``
    before its last few centimetres (where it meets the leg it names)."""
    length = math.dist(start, end)
    if length <= LEADER_END_CM:
        return False
    t = 1.0 - LEADER_END_CM / length
    stop = (start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t)
    if (
        min(a[0], b[0]) - r > max(start[0], stop[0])
        or max(a[0], b[0]) + r < min(start[0], stop[0])
        or min(a[1], b[1]) - r > max(start[1], stop[1])
        or max(a[1], b[1]) + r < min(start[1], stop[1])
    ):
        return False
    if _cross(start, stop, a, b):
        return True
    return (
        min(
            math.dist(start, _closest_on_segment(start, a, b)),
            math.dist(stop, _closest_on_segment(stop, a, b)),
            math.dist(a, _closest_on_segment(a, start, stop)),
            math.dist(b, _closest_on_segment(b, start, stop)),
        )
        < r
    )
