"""One renderer for every figure that moves: a frame of picture points becomes an SVG, and a run of
frames becomes the data a small player swaps in (no drawing in JavaScript: each SVG element names
the points it joins, and the player only writes their new coordinates).

Pure functions, stdlib only. The course's figure style: a grey body with a dark outline on a light
card, the parts farther from the reader a lighter grey; the working leg hatched and outlined in
black; the label beside the figure with a line to the leg it names; props in light grey with their
top lit; the pelvis as a dashed line when the figure is seen from behind.

- ``Drawing``: what to draw for an animation (working legs, props, label, the parts' order) and its
  frame size; ``arrange(drawing, frames, depths, keys, still)`` works out the order, the label's
  place and the frame box from the frames themselves.
- ``frame_svg(drawing, points, element_id, title)``: one frame as a standalone SVG.
- ``frames_svg(drawing, frames, element_id, title)``: several frames side by side in one SVG (the
  small figure of the program and the exercise library).
- ``frames_data(drawing, frames, durations)``: the player's data (point names, one row of
  rounded coordinates per frame, the time to the next frame).

Every element that follows the body carries ``data-p`` (the point names of a polyline or polygon,
in order) or ``data-c`` (the point at a circle's or an ellipse's centre).
"""

import math
from dataclasses import dataclass, replace
from html import escape
from itertools import pairwise

from .label import LabelPlace, Rect, Segment, place_label
from .rig import Point
from .scene import Box, Props, Setting, View, project_point, toward_reader

PX_PER_CM = 1.6
MARGIN = 8.0
CARD = "#fbfaf7"
INK = "#1a1a1a"
NEAR = "#8d8d8d"
FAR = "#bdbdbd"
OUTLINE = "#454545"
HATCH = ("#f8d2b4", "#b4470f")
LABEL_PX = 17.0
DISPLAY_SCALE = 1.25  # screen pixels per SVG unit when there is room
LABEL_CM = (LABEL_PX * 0.6 / PX_PER_CM, LABEL_PX * 1.05 / PX_PER_CM)  # a character's width, the line's height
LABEL_MARGIN_CM = 6.0  # room between the label and the figure's edge (about 10 px at full size)

# Body parts: the points each joins and its stroke width (cm). The torso is a filled outline.
PARTS = {
    "leg_s": (("hip_s", "knee_s", "ankle_s", "toe_s"), 11.0),
    "leg_f": (("hip_f", "knee_f", "ankle_f", "toe_f"), 11.0),
    "arm_s": (("shoulder_s", "elbow_s", "hand_s"), 8.0),
    "arm_f": (("shoulder_f", "elbow_f", "hand_f"), 8.0),
    "torso": (("shoulder_s", "shoulder_f", "hip_f", "hip_s"), 9.0),
    "neck": (("neck", "head"), 8.0),
}
SPINE = (("mid_hip", "neck"), 24.0)  # the torso's thickness, seen from any side (square ends)
HEAD_R = 11.0
OUTLINE_CM = 2.4  # added to a part's width for its outline
WORKING_OUTLINE_CM = 4.0
# Ties between parts as deep as each other (a figure seen square from behind): legs first, then
# the torso, arms over it.
DEPTH_BIAS = {"leg_s": -1.0, "leg_f": -1.0, "torso": 0.0, "neck": 0.2, "head": 0.3, "arm_s": 1.0, "arm_f": 1.0}
FAR_CM = 6.0  # a part this much farther than the torso is drawn in the far grey
# Where a label's leader may end on a leg: (from, to, fraction of the way).
LEADER_SPOTS = (("hip", "knee", 0.55), ("knee", "ankle", 0.45), ("hip", "knee", 0.3), ("knee", "ankle", 0.75))


@dataclass(frozen=True)
class Drawing:
    setting: Setting
    props: Props
    working: tuple[str, ...]  # "s", "f" or both: the legs drawn hatched
    label: str  # "working leg", "both legs work"... ("" for none)
    box: tuple[float, float, float, float] = (0, 0, 1, 1)  # x, y (bottom), width, height in cm: every frame
    show_pelvis: bool = True
    show_trunk_line: bool = False
    cane: bool = False
    pressing: tuple[str, ...] = ("f",)  # the knees that push outward when a frame presses
    press: bool = False  # whether any frame presses (the arrows are drawn)
    shadow: bool = False  # a shadow on the floor under the feet (hops)
    order: tuple[str, ...] = ("leg_s", "leg_f", "torso", "neck", "head", "arm_s", "arm_f")
    far: tuple[str, ...] = ()  # parts drawn in the lighter grey
    label_place: LabelPlace | None = None
    leader_spot: int = 0


def _n(value: float) -> str:
    text = f"{value:.1f}"
    return "0" if text in ("-0.0", "0.0") else text.removesuffix(".0")


def _unit(x: float, y: float) -> tuple[float, float]:
    n = math.hypot(x, y) or 1.0
    return x / n, y / n


def _along(p: dict[str, Point], a: str, b: str, t: float) -> Point:
    return p[a][0] + (p[b][0] - p[a][0]) * t, p[a][1] + (p[b][1] - p[a][1]) * t


def leader_spot(points: dict[str, Point], leg: str, spot: int) -> Point:
    start, end, t = LEADER_SPOTS[spot]
    return _along(points, f"{start}_{leg}", f"{end}_{leg}", t)


def derived(points: dict[str, Point], drawing: Drawing) -> dict[str, Point]:
    """Points that annotations follow: the pelvis and trunk guide lines, the leaders' ends, the
    knees' press arrows (``press`` is carried in the point ``press`` as (amount, 0)), the band,
    the weights and the shadow."""
    p = dict(points)
    press = p.pop("press", (0.0, 0.0))[0]
    if drawing.show_pelvis:
        (sx, sy), (fx, fy) = p["hip_s"], p["hip_f"]
        p["pelvis_a"] = (sx - (fx - sx) * 0.7, sy - (fy - sy) * 0.7)
        p["pelvis_b"] = (fx + (fx - sx) * 0.7, fy + (fy - sy) * 0.7)
    if drawing.show_trunk_line:
        (mx, my), (nx, ny) = p["mid_hip"], p["neck"]
        p["trunk_a"] = (mx - (nx - mx) * 0.25, my - (ny - my) * 0.25)
        p["trunk_b"] = (mx + (nx - mx) * 1.75, my + (ny - my) * 1.75)
    if drawing.label:
        for leg in drawing.working:
            p[f"lead_{leg}"] = leader_spot(p, leg, drawing.leader_spot)
        if drawing.label_place is not None:  # the leaders start on the label, which stays put
            for index, start in enumerate(drawing.label_place.starts):
                p[f"leader_{index}"] = start
    if drawing.press:
        for side, other in (("s", "f"), ("f", "s")):
            knee = p[f"knee_{side}"]
            dx, dy = _unit(p[f"hip_{side}"][0] - p[f"hip_{other}"][0], p[f"hip_{side}"][1] - p[f"hip_{other}"][1])
            amount = press if side in drawing.pressing else 0.0
            base = (knee[0] + dx * 9, knee[1] + dy * 9)
            length = 22 * amount
            tip = (base[0] + dx * length, base[1] + dy * length)
            neck = (tip[0] - dx * 8 * amount, tip[1] - dy * 8 * amount)
            wing = 5.5 * amount
            p[f"arrow_{side}0"], p[f"arrow_{side}1"] = base, neck
            p[f"arrow_{side}2"], p[f"arrow_{side}3"] = (neck[0] - dy * wing, neck[1] + dx * wing), tip
            p[f"arrow_{side}4"] = (neck[0] + dy * wing, neck[1] - dx * wing)
    if drawing.setting.band == "knees":
        p["band_s"], p["band_f"] = _along(p, "hip_s", "knee_s", 0.82), _along(p, "hip_f", "knee_f", 0.82)
    elif drawing.setting.band == "ankles":
        p["band_s"], p["band_f"] = _along(p, "knee_s", "ankle_s", 0.85), _along(p, "knee_f", "ankle_f", 0.85)
    for side in _weight_hands(drawing):
        hand = p[f"hand_{side}"]
        p[f"weight_{side}a"], p[f"weight_{side}b"] = (hand[0] - 7, hand[1] - 2), (hand[0] + 7, hand[1] - 2)
    if drawing.shadow:
        p["shadow"] = ((p["ankle_s"][0] + p["ankle_f"][0]) / 2, 0.0)
    return p


def _weight_hands(drawing: Drawing) -> tuple[str, ...]:
    """The hands that hold a weight: "free", "stance" or "both" in the setting."""
    return {"free": ("f",), "stance": ("s",), "both": ("s", "f")}.get(drawing.setting.weight, ())


# --- the props, drawn once ------------------------------------------------------------------

BOX_STYLE = {
    "prop": ("#e9e9e9", "#d6d6d6", "#c4c4c4", "#5c5c5c"),  # top, front, side, edge
    "box": ("#efe7d9", "#ddd2bf", "#c9bca6", "#6b6256"),
    "wall": ("#e6e2db", "#d8d3ca", "#cdc7bc", "#7a746a"),
}
FACES = (  # (axis, end): the face at the low (0) or high (1) end of that axis
    (1, 1),
    (2, 1),
    (2, 0),
    (0, 0),
    (0, 1),
    (1, 0),
)


def box_faces(box: Box, view: View) -> list[tuple[str, list[Point]]]:
    """The faces of a box that the reader sees, each with its shade ("top", "front" or "side")
    and its corners in the picture."""
    toward = toward_reader(view)
    out = []
    for axis, end in FACES:
        normal = [0.0, 0.0, 0.0]
        normal[axis] = 1.0 if end else -1.0
        if sum(normal[i] * toward[i] for i in range(3)) <= 1e-6:
            continue
        corners3 = []
        others = [i for i in range(3) if i != axis]
        for a, b in ((0, 0), (1, 0), (1, 1), (0, 1)):
            corner = [0.0, 0.0, 0.0]
            corner[axis] = (box.high if end else box.low)[axis]
            corner[others[0]] = (box.high if a else box.low)[others[0]]
            corner[others[1]] = (box.high if b else box.low)[others[1]]
            corners3.append(tuple(corner))
        shade = "top" if axis == 1 else "front" if axis == 2 else "side"
        out.append((shade, [project_point(c, view)[:2] for c in corners3]))  # type: ignore[arg-type]
    return out


def prop_rects(props: Props, view: View) -> list[Rect]:
    """Each prop's extent in the picture (what a label must keep clear of)."""
    rects = []
    for box in props.boxes:
        corners = [c for _, face in box_faces(box, view) for c in face]
        if corners:
            xs, ys = [c[0] for c in corners], [c[1] for c in corners]
            rects.append((min(xs), min(ys), max(xs), max(ys)))
    return rects


def mat_corners(props: Props, view: View) -> list[Point]:
    if props.mat is None:
        return []
    (x0, _, z0), (x1, _, z1) = props.mat
    return [project_point(c, view)[:2] for c in ((x0, 0.0, z0), (x1, 0.0, z0), (x1, 0.0, z1), (x0, 0.0, z1))]


# --- the frame box, the parts' order and the label --------------------------------------------


def segments(points: dict[str, Point], parts: tuple[str, ...] = tuple(PARTS)) -> list[Segment]:
    """The body's strokes in one frame, as segments with their half-widths (the head as a dot)."""
    out: list[Segment] = []
    for name in parts:
        names, width = PARTS[name]
        loop = (*names, names[0]) if name == "torso" else names
        for a, b in pairwise(loop):
            out.append((points[a], points[b], width / 2 + OUTLINE_CM / 2))
    out.append((points["head"], points["head"], HEAD_R + OUTLINE_CM / 2))
    if "torso" in parts:  # its inside too: the spine and the diagonals
        out.append((points["mid_hip"], points["neck"], SPINE[1] / 2 + OUTLINE_CM / 2))
        out.append((points["shoulder_s"], points["hip_f"], OUTLINE_CM))
        out.append((points["shoulder_f"], points["hip_s"], OUTLINE_CM))
    return out


def _order(depths: list[dict[str, float]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Parts from back to front by their average depth over the frames, and the far ones."""

    def depth(part: str) -> float:
        names = PARTS[part][0] if part != "head" else ("head",)
        return sum(d[n] for d in depths for n in names) / (len(names) * len(depths))

    parts = [*PARTS, "head"]
    mean = {part: depth(part) for part in parts}
    order = tuple(sorted(parts, key=lambda part: mean[part] + DEPTH_BIAS[part]))
    far = tuple(part for part in parts if part != "torso" and mean[part] < mean["torso"] - FAR_CM)
    return order, far


def arrange(
    drawing: Drawing,
    frames: list[dict[str, Point]],
    depths: list[dict[str, float]] | None,
    keys: list[int],
    still: int,
) -> Drawing:
    """The drawing with its parts' order, its label's place and a frame box that holds every frame."""
    if depths:
        order, far = _order(depths)
        drawing = replace(
            drawing,
            order=order,
            far=tuple(part for part in far if part[-1:] not in drawing.working or not part.startswith("leg")),
        )
    view = drawing.setting.camera
    blocked = prop_rects(drawing.props, view)
    area = _extent(drawing, frames)
    if drawing.label:
        size = (len(drawing.label) * LABEL_CM[0], LABEL_CM[1])
        key_frames = [frames[k] for k in keys]
        body = [segment for frame in key_frames for segment in segments(frame)]
        targets = [
            [leader_spot(frames[still], leg, spot) for spot in range(len(LEADER_SPOTS))] for leg in drawing.working
        ]
        place = place_label(size, targets, body, blocked, area, segments(frames[still]))
        drawing = replace(drawing, label_place=place, leader_spot=place.target)
        x0, y0, x1, y1 = area
        r = place.rect
        m = LABEL_MARGIN_CM
        area = (min(x0, r[0] - m), min(y0, r[1] - m), max(x1, r[2] + m), max(y1, r[3] + m))
    x0, y0, x1, y1 = area
    return replace(drawing, box=(x0, y0, x1 - x0, y1 - y0))


def _extent(drawing: Drawing, frames: list[dict[str, Point]]) -> Rect:
    """Everything but the label, in every frame: body, annotations, props, floor."""
    xs: list[float] = []
    ys: list[float] = []
    for points in frames:
        p = derived(points, replace(drawing, label=""))
        for name, (x, y) in p.items():
            pad = HEAD_R + 2 if name == "head" else 8
            xs += [x - pad, x + pad]
            ys += [y - pad, y + pad]
    view = drawing.setting.camera
    for rect in prop_rects(drawing.props, view):
        xs += [rect[0], rect[2]]
        ys += [rect[1], rect[3]]
    for x, y in mat_corners(drawing.props, view):
        xs.append(x)
        ys.append(y)
    if drawing.setting.layout.facing == "away" or not drawing.setting.layout.lying:
        ys.append(-2.0)  # the floor line
    return min(xs) - 4, min(ys), max(xs) + 4, max(ys) + 2


# --- the SVG --------------------------------------------------------------------------------


def _stroke(color: str, width_cm: float, cap: str = "round") -> str:
    return (
        f'fill="none" stroke="{color}" stroke-width="{_n(width_cm * PX_PER_CM)}" '
        f'stroke-linecap="{cap}" stroke-linejoin="round"'
    )


def _elements(drawing: Drawing, pattern: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(tag, attributes, point names) of everything that follows the body, from back to front."""
    out: list[tuple[str, str, tuple[str, ...]]] = []
    if drawing.shadow:
        out.append(
            (
                "ellipse",
                f'rx="{_n(20 * PX_PER_CM)}" ry="{_n(3 * PX_PER_CM)}" fill="#000" fill-opacity="0.16"',
                ("shadow",),
            )
        )
    for part in drawing.order:
        leg = part.startswith("leg") and part[-1] in drawing.working
        fill = FAR if part in drawing.far else NEAR
        if part == "head":
            out.append(
                (
                    "circle",
                    f'r="{_n(HEAD_R * PX_PER_CM)}" fill="{fill}" stroke="{OUTLINE}" '
                    f'stroke-width="{_n(OUTLINE_CM / 2 * PX_PER_CM)}"',
                    ("head",),
                )
            )
            continue
        names, width = PARTS[part]
        if leg:
            out.append(("polyline", _stroke(INK, width + WORKING_OUTLINE_CM), names))
            out.append(("polyline", _stroke(f"url(#{pattern})", width), names))
        elif part == "torso":  # the shoulders-to-hips outline filled, over a thick spine
            spine, thickness = SPINE
            out.append(
                ("polygon", _stroke(OUTLINE, width + OUTLINE_CM).replace('fill="none"', f'fill="{OUTLINE}"'), names)
            )
            out.append(("polyline", _stroke(OUTLINE, thickness + OUTLINE_CM, "butt"), spine))
            out.append(("polygon", _stroke(fill, width).replace('fill="none"', f'fill="{fill}"'), names))
            out.append(("polyline", _stroke(fill, thickness, "butt"), spine))
        else:
            out.append(("polyline", _stroke(OUTLINE, width + OUTLINE_CM), names))
            out.append(("polyline", _stroke(fill, width), names))
    if drawing.setting.band:
        out.append(("polyline", _stroke("#1f7a45", 3.2), ("band_s", "band_f")))
    for side in _weight_hands(drawing):
        out.append(("polyline", _stroke(INK, 7.0), (f"weight_{side}a", f"weight_{side}b")))
    if drawing.cane:
        out.append(("polyline", _stroke("#5a4632", 3.6, "butt"), ("hand_f", "cane_tip")))
    if drawing.show_trunk_line:
        out.append(
            (
                "polyline",
                f'fill="none" stroke="{INK}" stroke-width="2.5" stroke-dasharray="2 4"',
                ("trunk_a", "trunk_b"),
            )
        )
    if drawing.show_pelvis:
        out.append(
            (
                "polyline",
                f'fill="none" stroke="{INK}" stroke-width="2.5" stroke-dasharray="7 5"',
                ("pelvis_a", "pelvis_b"),
            )
        )
    if drawing.press:
        for side in drawing.pressing:
            arrow = f"arrow_{side}"
            out.append(("polyline", f'fill="none" stroke="{INK}" stroke-width="4"', (f"{arrow}0", f"{arrow}1")))
            out.append(("polygon", f'fill="{INK}"', (f"{arrow}2", f"{arrow}3", f"{arrow}4")))
    if drawing.label and drawing.label_place is not None:
        for index, named in enumerate(drawing.working):
            out.append(
                (
                    "polyline",
                    f'fill="none" stroke="{INK}" stroke-width="1.8"',
                    (f"leader_{index}", f"lead_{named}"),
                )
            )
    return out


class _Canvas:
    """Picture centimetres -> the SVG's pixels for one drawing (``dx`` shifts it right)."""

    def __init__(self, drawing: Drawing, dx: float = 0.0):
        self.bx, self.by, self.bw, self.bh = drawing.box
        self.dx = dx

    def __call__(self, pt: Point) -> tuple[float, float]:
        return (pt[0] - self.bx) * PX_PER_CM + MARGIN + self.dx, (self.by + self.bh - pt[1]) * PX_PER_CM + MARGIN

    @property
    def size(self) -> tuple[float, float]:
        return self.bw * PX_PER_CM + 2 * MARGIN, self.bh * PX_PER_CM + 2 * MARGIN


def _poly(points: list[Point]) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in points)


def _scenery(drawing: Drawing, to_px: _Canvas) -> list[str]:
    """The mat, the floor and the props (static)."""
    view = drawing.setting.camera
    out = []
    mat = mat_corners(drawing.props, view)
    if mat:
        out.append(
            f'<polygon points="{_poly([to_px(c) for c in mat])}" fill="#e3eaf2" stroke="#9aa8b8" '
            'stroke-width="1.5" stroke-linejoin="round"/>'
        )
    else:
        width, _ = to_px.size
        _, floor = to_px((0, 0))
        out.append(
            f'<line x1="{_n(to_px.dx + 4)}" y1="{_n(floor)}" x2="{_n(to_px.dx + width - 4)}" y2="{_n(floor)}" '
            'stroke="#666" stroke-width="2.5"/>'
        )
    for box in drawing.props.boxes:
        top, front, side, edge = BOX_STYLE[box.css]
        shades = {"top": top, "front": front, "side": side}
        for shade, corners in box_faces(box, view):
            out.append(
                f'<polygon points="{_poly([to_px(c) for c in corners])}" fill="{shades[shade]}" '
                f'stroke="{edge}" stroke-width="1.5" stroke-linejoin="round"/>'
            )
    return out


def _body_svg(drawing: Drawing, points: dict[str, Point], pattern: str, to_px: _Canvas, live: bool) -> list[str]:
    """The body and its annotations; ``live``: with the names the player follows."""
    p = derived(points, drawing)
    out = []
    for tag, attributes, names in _elements(drawing, pattern):
        coords = [to_px(p[name]) for name in names]
        if tag in ("circle", "ellipse"):
            ((cx, cy),) = coords
            mark = f' data-c="{names[0]}"' if live else ""
            out.append(f'<{tag}{mark} cx="{_n(cx)}" cy="{_n(cy)}" {attributes}/>')
        else:
            mark = f' data-p="{" ".join(names)}"' if live else ""
            out.append(f'<{tag}{mark} points="{_poly(coords)}" {attributes}/>')
    return out


def _label_svg(drawing: Drawing, to_px: _Canvas) -> str:
    place = drawing.label_place
    if not drawing.label or place is None:
        return ""
    x0, y0, x1, y1 = place.rect
    # The text hangs from the edge its leaders leave from (the box is an estimate of its width).
    start = place.starts[0][0]
    anchor, x = (
        ("end", x1) if start >= x1 - 1e-6 else ("start", x0) if start <= x0 + 1e-6 else ("middle", (x0 + x1) / 2)
    )
    left, bottom = to_px((x, y0))
    baseline = bottom - (y1 - y0) * PX_PER_CM * 0.24
    return (
        f'<text x="{_n(left)}" y="{_n(baseline)}" text-anchor="{anchor}" font-size="{_n(LABEL_PX)}" '
        f'font-weight="700" fill="{INK}">{escape(drawing.label)}</text>'
    )


def _pattern(pattern: str) -> str:
    return (
        f'<pattern id="{pattern}" width="7" height="7" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="7" height="7" fill="{HATCH[0]}"/>'
        f'<line x1="0" y1="0" x2="0" y2="7" stroke="{HATCH[1]}" stroke-width="3.5"/></pattern>'
    )


def _svg(width: float, height: float, element_id: str, title: str, body: str, extra: str = "") -> str:
    """The SVG element: its width and height attributes are its size on a wide screen (the page's
    CSS shrinks it to fit, keeping its shape)."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="hd-fig-svg" viewBox="0 0 {_n(width)} {_n(height)}" '
        f'width="{_n(width * DISPLAY_SCALE)}" height="{_n(height * DISPLAY_SCALE)}" role="img" '
        f'aria-labelledby="{element_id}-title" '
        f'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"{extra}>'
        f'<title id="{element_id}-title">{escape(title)}</title>' + body + "</svg>"
    )


def frame_svg(drawing: Drawing, points: dict[str, Point], element_id: str, title: str) -> str:
    """One frame of the animation as an SVG (``points``: picture points, ``press`` included)."""
    to_px = _Canvas(drawing)
    width, height = to_px.size
    pattern = f"{element_id}-hatch"
    out = [
        f"<defs>{_pattern(pattern)}</defs>",
        f'<rect x="1" y="1" width="{_n(width - 2)}" height="{_n(height - 2)}" rx="10" fill="{CARD}" '
        'stroke="#c8c8c8" stroke-width="1.5"/>',
        *_scenery(drawing, to_px),
        *_body_svg(drawing, points, pattern, to_px, live=True),
        _label_svg(drawing, to_px),
    ]
    return _svg(width, height, element_id, title, "".join(out))


FRAME_GAP_PX = 14.0


def frames_size(drawing: Drawing, count: int) -> tuple[float, float]:
    """The size of ``frames_svg`` for ``count`` frames, in the SVG's units."""
    one_width, height = _Canvas(drawing).size
    return one_width * count + FRAME_GAP_PX * (count - 1), height


def frames_svg(drawing: Drawing, frames: list[dict[str, Point]], element_id: str, title: str) -> str:
    """Several frames side by side on one card, numbered, without the label (a small figure)."""
    drawing = replace(drawing, label="")
    pattern = f"{element_id}-hatch"
    out = [f"<defs>{_pattern(pattern)}</defs>"]
    one_width, height = _Canvas(drawing).size
    width, _ = frames_size(drawing, len(frames))
    out.append(
        f'<rect x="1" y="1" width="{_n(width - 2)}" height="{_n(height - 2)}" rx="10" fill="{CARD}" '
        'stroke="#c8c8c8" stroke-width="1.5"/>'
    )
    for number, points in enumerate(frames, start=1):
        to_px = _Canvas(drawing, (one_width + FRAME_GAP_PX) * (number - 1))
        out += _scenery(drawing, to_px)
        out += _body_svg(drawing, points, pattern, to_px, live=False)
        out.append(
            f'<text x="{_n(to_px.dx + 10)}" y="26" font-size="20" font-weight="700" fill="{INK}">{number}</text>'
        )
        if number < len(frames):
            x = to_px.dx + one_width + FRAME_GAP_PX / 2
            out.append(
                f'<line x1="{_n(x)}" y1="14" x2="{_n(x)}" y2="{_n(height - 14)}" stroke="#c8c8c8" stroke-width="1.5"/>'
            )
    return _svg(width, height, element_id, title, "".join(out))


def frames_data(drawing: Drawing, frames: list[dict[str, Point]], durations: list[int]) -> dict:
    """The player's data: coordinates in the SVG's pixels, rounded, one row per frame, for the
    points the drawing's moving elements name."""
    to_px = _Canvas(drawing)
    used = sorted({name for _, _, names in _elements(drawing, "") for name in names})
    rows = []
    for points in frames:
        p = derived(points, drawing)
        row: list[float] = []
        for name in used:
            x, y = to_px(p[name])
            row += [round(x, 1), round(y, 1)]
        rows.append(row)
    return {"names": used, "frames": rows, "durations": durations}
