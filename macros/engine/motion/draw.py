"""One renderer for every figure that moves: a frame of placed points becomes an SVG, and a run of
frames becomes the data a small player swaps in (no drawing in JavaScript: each SVG element names
the points it joins, and the player only writes their new coordinates).

Pure functions, stdlib only. The course's figure style: a grey stick body on a light card, the
working leg hatched and outlined, the pelvis as a dashed line, props in light grey.

- ``Drawing``: what to draw for an animation (working legs, props, labels) and its frame size.
- ``frame_svg(drawing, points, element_id, title)``: one frame as a standalone SVG.
- ``frames_data(drawing, frames, durations)``: the player's data (point names, one row of
  rounded coordinates per frame, the time to the next frame).

Every element that follows the body carries ``data-p`` (the point names of a polyline or polygon,
in order) or ``data-c`` (the point at a circle's centre or a label's anchor).
"""

import math
from dataclasses import dataclass
from html import escape

from .rig import Point
from .scene import Props, Setting

PX_PER_CM = 1.6
MARGIN = 12.0
BODY = "#8f8f8f"
INK = "#1a1a1a"
HATCH = ("#f8d2b4", "#b4470f")
STROKE = 9.0  # body segments, cm
OUTLINE = 13.5  # the working leg's dark outline
LABEL_CM_PER_CHAR = 9.2 / PX_PER_CM  # a 15 px bold label's width per character, in the figure's cm


@dataclass(frozen=True)
class Drawing:
    setting: Setting
    props: Props
    working: tuple[str, ...]  # "s", "f" or both: the legs drawn hatched
    label: str  # "working leg", "both legs work"...
    box: tuple[float, float, float, float]  # x, y (bottom), width, height in cm: the same for every frame
    show_pelvis: bool = True
    show_trunk_line: bool = False
    cane: bool = False
    label_leg: str = ""  # the leg the label stands beside ("s" or "f")
    pressing: tuple[str, ...] = ("f",)  # the knees that push outward when a frame presses


def _n(value: float) -> str:
    text = f"{value:.1f}"
    return "0" if text in ("-0.0", "0.0") else text.removesuffix(".0")


def derived(points: dict[str, Point], drawing: Drawing) -> dict[str, Point]:
    """Points that annotations follow: the pelvis and trunk guide lines, the label, the knees'
    press arrows (``press`` is carried in the point ``press`` as (amount, 0))."""
    p = dict(points)
    (sx, sy), (fx, fy) = p["hip_s"], p["hip_f"]
    p["pelvis_a"] = (sx - (fx - sx) * 0.55, sy - (fy - sy) * 0.55)
    p["pelvis_b"] = (fx + (fx - sx) * 0.55, fy + (fy - sy) * 0.55)
    (mx, my), (nx, ny) = p["mid_hip"], p["neck"]
    p["trunk_a"] = (mx - (nx - mx) * 0.25, my - (ny - my) * 0.25)
    p["trunk_b"] = (mx + (nx - mx) * 1.75, my + (ny - my) * 1.75)
    leg = drawing.label_leg or drawing.working[0]
    other = "f" if leg == "s" else "s"
    hip, knee = p[f"hip_{leg}"], p[f"knee_{leg}"]
    mid = ((hip[0] + knee[0]) / 2, (hip[1] + knee[1]) / 2)
    ux, uy = _unit(knee[0] - hip[0], knee[1] - hip[1])
    normal = (-uy, ux)
    away = p[f"knee_{other}"]
    if (away[0] - mid[0]) * normal[0] + (away[1] - mid[1]) * normal[1] > 0:
        normal = (uy, -ux)
    p["label"] = (mid[0] + normal[0] * 14, mid[1] + normal[1] * 14 - 3)
    press = p.pop("press", (0.0, 0.0))[0]
    for side, other_side in (("s", "f"), ("f", "s")):
        knee = p[f"knee_{side}"]
        dx, dy = _unit(p[f"hip_{side}"][0] - p[f"hip_{other_side}"][0], p[f"hip_{side}"][1] - p[f"hip_{other_side}"][1])
        amount = press if side in drawing.pressing else 0.0
        base = (knee[0] + dx * 9, knee[1] + dy * 9)
        length = 20 * amount
        tip = (base[0] + dx * length, base[1] + dy * length)
        neck = (tip[0] - dx * 7 * amount, tip[1] - dy * 7 * amount)
        wing = 5 * amount
        p[f"arrow_{side}0"], p[f"arrow_{side}1"] = base, neck
        p[f"arrow_{side}2"], p[f"arrow_{side}3"] = (neck[0] - dy * wing, neck[1] + dx * wing), tip
        p[f"arrow_{side}4"] = (neck[0] + dy * wing, neck[1] - dx * wing)
    for side in _weight_hands(drawing):
        hand = p[f"hand_{side}"]
        p[f"weight_{side}a"], p[f"weight_{side}b"] = (hand[0], hand[1] - 3), (hand[0], hand[1] - 13)
    return p


def _weight_hands(drawing: Drawing) -> tuple[str, ...]:
    """The hands that hold a weight: "free", "stance" or "both" in the setting."""
    return {"free": ("f",), "stance": ("s",), "both": ("s", "f")}.get(drawing.setting.weight, ())


def _unit(x: float, y: float) -> tuple[float, float]:
    n = math.hypot(x, y) or 1.0
    return x / n, y / n


PROP_STYLE = {
    "prop": 'fill="#dcdcdc" stroke="#555555" stroke-width="2"',
    "box": 'fill="#e6dfd2" stroke="#6b6256" stroke-width="2"',
    "mat": 'fill="#e4ebf3" stroke="#9aa8b8" stroke-width="1.5"',
    "wall": 'stroke="#6b6b6b" stroke-width="7"',
}


def _shape_svg(shape, to_px) -> str:
    style = PROP_STYLE[shape.css]
    if shape.kind == "line":
        x1, y1 = to_px((shape.x, shape.y))
        x2, y2 = to_px((shape.x, shape.y + shape.h))
        return f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" {style}/>'
    x, y = to_px((shape.x, shape.y + shape.h))
    radius = ' rx="6"' if shape.kind == "mat" else ""
    return (
        f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(shape.w * PX_PER_CM)}" '
        f'height="{_n(shape.h * PX_PER_CM)}"{radius} {style}/>'
    )


def _elements(drawing: Drawing, pattern: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(tag, attributes, point names) from back to front."""
    body = (
        f'fill="none" stroke="{BODY}" stroke-width="{_n(STROKE * PX_PER_CM)}" '
        'stroke-linecap="round" stroke-linejoin="round"'
    )
    out: list[tuple[str, str, tuple[str, ...]]] = []
    legs = {"s": ("hip_s", "knee_s", "ankle_s"), "f": ("hip_f", "knee_f", "ankle_f")}
    out.append(("polyline", body, ("shoulder_f", "elbow_f", "hand_f")))
    for side in ("s", "f"):
        if side not in drawing.working:
            out.append(("polyline", body, legs[side]))
    out.append(("polyline", body, ("hip_s", "hip_f")))
    out.append(("polyline", body, ("mid_hip", "neck")))
    out.append(("polyline", body, ("shoulder_s", "shoulder_f")))
    out.append(("polyline", body, ("shoulder_s", "elbow_s", "hand_s")))
    out.append(("circle", f'r="{_n(10 * PX_PER_CM)}" fill="{BODY}"', ("head",)))
    for side in drawing.working:
        out.append(
            (
                "polyline",
                f'fill="none" stroke="{INK}" stroke-width="{_n(OUTLINE * PX_PER_CM)}" stroke-linecap="round" '
                'stroke-linejoin="round"',
                legs[side],
            )
        )
        out.append(
            (
                "polyline",
                f'fill="none" stroke="url(#{pattern})" stroke-width="{_n(STROKE * PX_PER_CM)}" '
                'stroke-linecap="round" stroke-linejoin="round"',
                legs[side],
            )
        )
    if drawing.setting.band:
        joint = "knee" if drawing.setting.band == "knees" else "ankle"
        out.append(
            (
                "polyline",
                'fill="none" stroke="#2f7d4a" stroke-width="5" stroke-linecap="round"',
                (f"{joint}_s", f"{joint}_f"),
            )
        )
    for side in _weight_hands(drawing):
        out.append(
            (
                "polyline",
                f'fill="none" stroke="{INK}" stroke-width="14" stroke-linecap="butt"',
                (f"weight_{side}a", f"weight_{side}b"),
            )
        )
    if drawing.cane:
        out.append(
            ("polyline", 'fill="none" stroke="#5a4632" stroke-width="6" stroke-linecap="butt"', ("hand_f", "cane_tip"))
        )
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
    for side in ("s", "f"):
        arrow = f"arrow_{side}"
        out.append(
            (
                "polyline",
                f'fill="none" stroke="{INK}" stroke-width="4" stroke-linecap="butt"',
                (f"{arrow}0", f"{arrow}1"),
            )
        )
        out.append(("polygon", f'fill="{INK}"', (f"{arrow}2", f"{arrow}3", f"{arrow}4")))
    return out


def frame_svg(drawing: Drawing, points: dict[str, Point], element_id: str, title: str, label_anchor: str = "") -> str:
    """One frame of the animation as an SVG (``points``: placed points, ``press`` included)."""
    p = derived(points, drawing)
    bx, by, bw, bh = drawing.box

    def to_px(pt: Point) -> tuple[float, float]:
        return (pt[0] - bx) * PX_PER_CM + MARGIN, (by + bh - pt[1]) * PX_PER_CM + MARGIN

    width, height = bw * PX_PER_CM + 2 * MARGIN, bh * PX_PER_CM + 2 * MARGIN
    pattern = f"{element_id}-hatch"
    out = [
        f'<defs><pattern id="{pattern}" width="7" height="7" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="7" height="7" fill="{HATCH[0]}"/>'
        f'<line x1="0" y1="0" x2="0" y2="7" stroke="{HATCH[1]}" stroke-width="3.5"/></pattern></defs>',
        f'<rect x="1" y="1" width="{_n(width - 2)}" height="{_n(height - 2)}" rx="10" fill="#fbfaf7" '
        'stroke="#c8c8c8" stroke-width="1.5"/>',
    ]
    out += [_shape_svg(shape, to_px) for shape in drawing.props.shapes]
    if drawing.setting.layout.floor:
        _, floor = to_px((0, 0))
        out.append(
            f'<line x1="6" y1="{_n(floor)}" x2="{_n(width - 6)}" y2="{_n(floor)}" stroke="#555" stroke-width="3"/>'
        )
    for tag, attributes, names in _elements(drawing, pattern):
        coords = [to_px(p[name]) for name in names]
        if tag == "circle":
            ((cx, cy),) = coords
            out.append(f'<circle data-c="{names[0]}" cx="{_n(cx)}" cy="{_n(cy)}" {attributes}/>')
        else:
            text = " ".join(f"{_n(x)},{_n(y)}" for x, y in coords)
            out.append(f'<{tag} data-p="{" ".join(names)}" points="{text}" {attributes}/>')
    lx, ly = to_px(p["label"])
    anchor = label_anchor or "middle"
    out.append(
        f'<text data-c="label" x="{_n(lx)}" y="{_n(ly)}" text-anchor="{anchor}" font-size="15" font-weight="700" '
        f'fill="{INK}" paint-order="stroke" stroke="#fbfaf7" stroke-width="4" stroke-linejoin="round">'
        f"{escape(drawing.label)}</text>"
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="hd-fig-svg" viewBox="0 0 {_n(width)} {_n(height)}" '
        f'width="{_n(width)}" height="{_n(height)}" role="img" aria-labelledby="{element_id}-title" '
        f'font-family="system-ui, sans-serif" data-px="{PX_PER_CM}" data-origin="{_n(bx)} {_n(by + bh)}" '
        f'data-margin="{MARGIN}"><title id="{element_id}-title">{escape(title)}</title>' + "".join(out) + "</svg>"
    )


def label_anchor(drawing: Drawing, points: dict[str, Point]) -> str:
    """Where the label's text hangs from its point: away from the body."""
    p = derived(points, drawing)
    leg = drawing.label_leg or drawing.working[0]
    dx = p["label"][0] - (p[f"hip_{leg}"][0] + p[f"knee_{leg}"][0]) / 2
    return "end" if dx < -4 else "start" if dx > 4 else "middle"


def bounds(drawing: Drawing, frames: list[dict[str, Point]]) -> tuple[float, float, float, float]:
    """A box around every frame (body, annotations and props) with room for the stroke."""
    xs: list[float] = []
    ys: list[float] = [0.0]
    for points in frames:
        for name, (x, y) in derived(points, drawing).items():
            pad = 11 if name in ("head",) else 7
            if name in ("pelvis_a", "pelvis_b", "trunk_a", "trunk_b") and not (
                drawing.show_pelvis or drawing.show_trunk_line
            ):
                continue
            xs += [x - pad, x + pad]
            ys += [y - pad, y + pad]
        anchor = label_anchor(drawing, points)
        lx, ly = derived(points, drawing)["label"]
        width = len(drawing.label) * LABEL_CM_PER_CHAR
        left = {"end": lx - width, "start": lx, "middle": lx - width / 2}[anchor]
        xs += [left - 2, left + width + 2]
        ys += [ly - 3, ly + 10]
    for shape in drawing.props.shapes:
        xs += [shape.x, shape.x + shape.w]
        ys += [shape.y, shape.y + shape.h]
    x0, x1, y0, y1 = min(xs) - 6, max(xs) + 6, min(ys), max(ys) + 4
    return x0, y0, x1 - x0, y1 - y0


def frames_data(drawing: Drawing, frames: list[dict[str, Point]], durations: list[int]) -> dict:
    """The player's data: coordinates in the SVG's pixels, rounded, one row per frame."""
    bx, by, _, bh = drawing.box
    rows = []
    names: list[str] = []
    for points in frames:
        p = derived(points, drawing)
        names = sorted(p)
        row: list[float] = []
        for name in names:
            x, y = p[name]
            row += [round((x - bx) * PX_PER_CM + MARGIN, 1), round((by + bh - y) * PX_PER_CM + MARGIN, 1)]
        rows.append(row)
    return {"names": names, "frames": rows, "durations": durations}
