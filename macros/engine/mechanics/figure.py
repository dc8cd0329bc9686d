"""SVG drawings made by the engine: the free-body figure of one-leg stance and the lean chart.

Pure functions returning SVG strings. World units are centimetres with the centre of the stance
hip at (0, 0), x pointing outward on the stance side and y up. The figure is seen from behind,
standing on the left leg, so the stance side is on the reader's left.
"""

import math
from html import escape

from .model import Inputs, ParamSpec, Result
from .statics import solve
from .text import newtons, times

# Frame of the drawing in world centimetres and its scale.
X_LEFT, X_RIGHT = 24.0, -48.0  # world x at the left and right edges (stance side on the left)
Y_TOP, Y_BOTTOM = 59.0, -40.0
SCALE = 5.3  # px per cm
MARGIN = 6.0
WIDTH = 400
FIG_HEIGHT = MARGIN * 2 + (Y_TOP - Y_BOTTOM) * SCALE
LEGEND_LINE = 18
FORCE_CM_PER_BW = 14.0  # arrow length for one body weight
FORCE_CAP_CM = 40.0  # longer arrows are cut and marked

COLOURS = {
    "abductor": "#b3261e",
    "joint": "#5b2a86",
    "weight": "#1f5fa8",
    "cane": "#1e6b34",
    "dim": "#222222",
    "bone": "#ecdfc3",
    "bone_edge": "#7a6a4a",
    "body": "#dfe4ec",
    "body_edge": "#8893a5",
    "drop": "#b3261e",
}

TRUNK_BASE_Y = 9.0
COM_HEIGHT = 21.0  # centre of mass above the trunk base, drawing only
SHOULDER_UP, SHOULDER_HALF = 36.0, 15.0
HAND_Y = 4.0
DROP_DEG = 8.0  # drawn tilt of a dropping pelvis (illustrative, the model is static)


def sx(x: float) -> float:
    return MARGIN + (X_LEFT - x) * SCALE


def sy(y: float) -> float:
    return MARGIN + (Y_TOP - y) * SCALE


def pt(x: float, y: float) -> str:
    return f"{sx(x):.1f},{sy(y):.1f}"


def _path(points: list[tuple[float, float]], close: bool = True) -> str:
    d = "M" + " L".join(pt(x, y) for x, y in points)
    return d + (" Z" if close else "")


def _rotate(points: list[tuple[float, float]], degrees: float) -> list[tuple[float, float]]:
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return [(x * c - y * s, x * s + y * c) for x, y in points]


def _arrow(x1: float, y1: float, x2: float, y2: float, colour: str, width: float = 3.0) -> str:
    """An arrow in screen pixels from (x1, y1) to a head at (x2, y2)."""
    length = math.hypot(x2 - x1, y2 - y1)
    if length < 0.5:
        return ""
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    head = min(11.0, max(6.0, length * 0.6))
    bx, by = x2 - ux * head, y2 - uy * head
    px, py = -uy * head * 0.45, ux * head * 0.45
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{bx:.1f}" y2="{by:.1f}" stroke="{colour}" '
        f'stroke-width="{width}" stroke-linecap="round"/>'
        f'<polygon points="{x2:.1f},{y2:.1f} {bx + px:.1f},{by + py:.1f} {bx - px:.1f},{by - py:.1f}" '
        f'fill="{colour}"/>'
    )


def _label(x: float, y: float, text: str, colour: str, anchor: str = "middle", size: float = 13) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" fill="{colour}" font-size="{size}" font-weight="700" '
        f'text-anchor="{anchor}" class="hd-mech-halo">{escape(text)}</text>'
    )


def _force_length(force: float, body_weight: float) -> tuple[float, bool]:
    length = force / body_weight * FORCE_CM_PER_BW
    return (FORCE_CAP_CM, True) if length > FORCE_CAP_CM else (length, False)


def pelvis_outline(arm: float) -> list[tuple[float, float]]:
    """Pelvis seen from behind; stance hip at 0, midline at -arm, swing hip at -2·arm."""
    m = -arm
    side = [
        (4.8, 12.5),
        (5.4, 8.0),
        (3.9, 3.6),
        (3.4, 1.2),
        (2.6, -2.6),
        (1.6, -5.2),
        (1.2, -8.0),
        (-1.0, -8.5),
        (m + 3.0, -6.8),
        (m + 0.6, -5.0),
    ]
    crest = [(3.2, 14.2), (0.0, 14.0), (m + 4.5, 10.8), (m + 1.8, 10.4)]

    def mirror(points):
        return [(2 * m - x, y) for x, y in points]

    return side + mirror(side)[::-1] + mirror(crest) + [(m, 9.6)] + crest[::-1]


def femur_outline() -> list[tuple[float, float]]:
    return [
        (1.2, 2.0),
        (4.8, 0.4),
        (6.6, 0.6),
        (8.0, -2.5),
        (7.2, -8.0),
        (4.5, -39.0),
        (1.1, -39.0),
        (3.2, -9.0),
        (2.2, -7.5),
        (1.6, -4.2),
        (0.4, -2.4),
    ]


def figure_svg(result: Result, element_id: str = "hd-mech-figure") -> str:
    i = result.inputs
    bw = i.body_weight_n
    arm = i.body_weight_arm_cm
    m = -arm
    lean = i.lean_cm
    theta = math.radians(i.abductor_angle_deg)
    out: list[str] = []

    # Trunk, tilted so that its centre of mass sits `lean` toward the stance hip.
    base = (m, TRUNK_BASE_Y)
    axis_len = math.hypot(lean, COM_HEIGHT)
    tx, ty = lean / axis_len, COM_HEIGHT / axis_len
    nx, ny = ty, -tx  # toward the stance side

    def along(d: float, w: float) -> tuple[float, float]:
        return (base[0] + d * tx + w * nx, base[1] + d * ty + w * ny)

    waist = max(6.0, arm * 0.8)
    trunk = [
        along(0, waist),
        along(SHOULDER_UP, SHOULDER_HALF),
        along(SHOULDER_UP + 3, SHOULDER_HALF - 4),
        along(SHOULDER_UP + 3, -SHOULDER_HALF + 4),
        along(SHOULDER_UP, -SHOULDER_HALF),
        along(0, -waist),
    ]
    com = (m + lean, TRUNK_BASE_Y + COM_HEIGHT)
    head = along(SHOULDER_UP + 8.0, 0)
    out.append(
        f'<path d="{_path(trunk)}" fill="{COLOURS["body"]}" stroke="{COLOURS["body_edge"]}" stroke-width="1.5"/>'
    )
    out.append(
        f'<circle cx="{sx(head[0]):.1f}" cy="{sy(head[1]):.1f}" r="{5.2 * SCALE:.1f}" '
        f'fill="{COLOURS["body"]}" stroke="{COLOURS["body_edge"]}" stroke-width="1.5"/>'
    )

    # Arms: the cane hand reaches its cane; the other hangs by the side.
    stance_shoulder = along(SHOULDER_UP - 2, SHOULDER_HALF - 1)
    swing_shoulder = along(SHOULDER_UP - 2, -SHOULDER_HALF + 1)
    has_cane = i.cane_force_n > 0
    cane_x = -i.cane_arm_cm if i.cane_hand == "opposite" else i.cane_arm_cm
    cane_x_drawn = min(X_LEFT - 1.5, max(X_RIGHT + 1.5, cane_x))
    for shoulder, side in ((stance_shoulder, "same"), (swing_shoulder, "opposite")):
        if has_cane and i.cane_hand == side:
            hand = (cane_x_drawn, HAND_Y)
        else:
            hand = (shoulder[0] + (2.5 if side == "same" else -2.5), shoulder[1] - 30)
        out.append(
            f'<line x1="{sx(shoulder[0]):.1f}" y1="{sy(shoulder[1]):.1f}" x2="{sx(hand[0]):.1f}" '
            f'y2="{sy(hand[1]):.1f}" stroke="{COLOURS["body_edge"]}" stroke-width="{3.2 * SCALE:.1f}" '
            f'stroke-linecap="round" opacity="0.55"/>'
        )
    if has_cane:
        out.append(
            f'<line x1="{sx(cane_x_drawn):.1f}" y1="{sy(HAND_Y + 1):.1f}" x2="{sx(cane_x_drawn):.1f}" '
            f'y2="{sy(Y_BOTTOM - 2):.1f}" stroke="#5a4632" stroke-width="4" stroke-linecap="round"/>'
        )

    # Swing thigh (lifted), pelvis, stance femur.
    out.append(
        f'<line x1="{sx(2 * m):.1f}" y1="{sy(0):.1f}" x2="{sx(2 * m + 2):.1f}" y2="{sy(-33):.1f}" '
        f'stroke="{COLOURS["bone"]}" stroke-width="{3.4 * SCALE:.1f}" stroke-linecap="round"/>'
    )
    out.append(
        f'<circle cx="{sx(2 * m):.1f}" cy="{sy(0):.1f}" r="{2.6 * SCALE:.1f}" fill="{COLOURS["bone"]}" '
        f'stroke="{COLOURS["bone_edge"]}" stroke-width="1.2"/>'
    )
    pelvis = pelvis_outline(arm)
    out.append(
        f'<path d="{_path(pelvis)}" fill="{COLOURS["bone"]}" stroke="{COLOURS["bone_edge"]}" '
        'stroke-width="1.5" stroke-linejoin="round"/>'
    )
    out.append(
        f'<ellipse cx="{sx(m):.1f}" cy="{sy(2.5):.1f}" rx="{max(1.5, arm * 0.42) * SCALE:.1f}" ry="{4.2 * SCALE:.1f}" '
        f'fill="#ffffff" stroke="{COLOURS["bone_edge"]}" stroke-width="1.2"/>'
    )
    out.append(
        f'<path d="{_path(femur_outline())}" fill="{COLOURS["bone"]}" stroke="{COLOURS["bone_edge"]}" '
        'stroke-width="1.5" stroke-linejoin="round"/>'
    )
    out.append(
        f'<circle cx="{sx(0):.1f}" cy="{sy(0):.1f}" r="{2.6 * SCALE:.1f}" fill="{COLOURS["bone"]}" '
        f'stroke="{COLOURS["bone_edge"]}" stroke-width="1.5"/>'
    )

    # A dropping pelvis: the same outline tilted toward the swing side.
    if not result.holds_level:
        ghost = _rotate(pelvis, DROP_DEG)
        out.append(
            f'<path d="{_path(ghost)}" fill="none" stroke="{COLOURS["drop"]}" stroke-width="2" stroke-dasharray="6 4"/>'
        )
        gx, gy = _rotate([(2 * m - 4, -8)], DROP_DEG)[0]
        out.append(_label(sx(gx), sy(gy) + 16, "pelvis drops", COLOURS["drop"], "middle", 13))

    # Body-weight moment arm b: hip to the plumb line of the centre of mass.
    dim_y = TRUNK_BASE_Y + 8.0
    out.append(
        f'<line x1="{sx(0):.1f}" y1="{sy(-1):.1f}" x2="{sx(0):.1f}" y2="{sy(dim_y + 3):.1f}" '
        f'stroke="{COLOURS["dim"]}" stroke-width="1.2" stroke-dasharray="3 3"/>'
    )
    out.append(
        f'<line x1="{sx(com[0]):.1f}" y1="{sy(com[1]):.1f}" x2="{sx(com[0]):.1f}" y2="{sy(-1):.1f}" '
        f'stroke="{COLOURS["dim"]}" stroke-width="1.2" stroke-dasharray="3 3"/>'
    )
    eff = result.effective_arm_cm
    if abs(eff) > 0.2:
        out.append(_arrow(sx(0), sy(dim_y), sx(com[0]), sy(dim_y), COLOURS["dim"], 1.6))
        out.append(_arrow(sx(com[0]), sy(dim_y), sx(0), sy(dim_y), COLOURS["dim"], 1.6))
    out.append(_label((sx(0) + sx(com[0])) / 2, sy(dim_y) - 6, f"b {abs(eff):g} cm", COLOURS["dim"], "middle", 12))

    # Abductor line of pull at perpendicular distance a from the hip; the arrow pulls the pelvis.
    ux, uy = math.cos(theta), -math.sin(theta)  # down and outward
    a = i.abductor_arm_cm
    foot = (a * math.sin(theta), a * math.cos(theta))
    origin = (foot[0] - 7 * ux, foot[1] - 7 * uy)
    far = (foot[0] + 14 * ux, foot[1] + 14 * uy)
    out.append(
        f'<line x1="{sx(origin[0] - 6 * ux):.1f}" y1="{sy(origin[1] - 6 * uy):.1f}" x2="{sx(far[0]):.1f}" '
        f'y2="{sy(far[1]):.1f}" stroke="{COLOURS["abductor"]}" stroke-width="1.2" stroke-dasharray="5 3"/>'
    )
    out.append(
        f'<line x1="{sx(0):.1f}" y1="{sy(0):.1f}" x2="{sx(foot[0]):.1f}" y2="{sy(foot[1]):.1f}" '
        f'stroke="{COLOURS["dim"]}" stroke-width="1.8"/>'
    )
    out.append(_label(sx(foot[0]) - 3, sy(foot[1]) + 4, f"a {a:g} cm", COLOURS["dim"], "end", 12))

    marks: list[str] = []
    f_len, f_cut = _force_length(result.abductor_force_n, bw)
    if result.abductor_force_n > 0:
        tip = (origin[0] + f_len * ux, origin[1] + f_len * uy)
        out.append(_arrow(sx(origin[0]), sy(origin[1]), sx(tip[0]), sy(tip[1]), COLOURS["abductor"], 3.2))
        out.append(_label(sx(origin[0]) - 4, sy(origin[1]) - 6, "F", COLOURS["abductor"], "end", 15))
        if f_cut:
            marks.append("F")

    # Weight above the hip, down from the centre of mass.
    w_len, _ = _force_length(result.superincumbent_weight_n, bw)
    out.append(_arrow(sx(com[0]), sy(com[1]), sx(com[0]), sy(com[1] - w_len), COLOURS["weight"], 3.2))
    out.append(
        f'<circle cx="{sx(com[0]):.1f}" cy="{sy(com[1]):.1f}" r="6" fill="#ffffff" stroke="{COLOURS["dim"]}" '
        'stroke-width="1.5"/>'
    )
    out.append(
        f'<path d="M{sx(com[0]):.1f},{sy(com[1]) - 6:.1f} A6,6 0 0 1 {sx(com[0]) + 6:.1f},{sy(com[1]):.1f} '
        f"L{sx(com[0]):.1f},{sy(com[1]):.1f} Z M{sx(com[0]):.1f},{sy(com[1]) + 6:.1f} A6,6 0 0 1 "
        f'{sx(com[0]) - 6:.1f},{sy(com[1]):.1f} L{sx(com[0]):.1f},{sy(com[1]):.1f} Z" fill="{COLOURS["dim"]}"/>'
    )
    out.append(_label(sx(com[0]) + 10, sy(com[1] - w_len / 2), "W", COLOURS["weight"], "start", 15))

    # Cane push on the hand.
    if has_cane:
        c_len, _ = _force_length(i.cane_force_n, bw)
        out.append(
            _arrow(sx(cane_x_drawn), sy(HAND_Y - c_len) + 0.1, sx(cane_x_drawn), sy(HAND_Y), COLOURS["cane"], 3.2)
        )
        label_x = sx(cane_x_drawn) - 8
        anchor = "end"
        if label_x < 24:
            label_x, anchor = sx(cane_x_drawn) + 8, "start"
        out.append(_label(label_x, sy(HAND_Y - 5), "C", COLOURS["cane"], anchor, 15))

    # Joint force: the femur pushes the pelvis up and inward at the hip.
    r_len, r_cut = _force_length(result.joint_force_n, bw)
    if result.joint_force_n > 0:
        lat = result.joint_force_lateral_n / result.joint_force_n
        ver = result.joint_force_vertical_n / result.joint_force_n
        tail = (lat * r_len, -ver * r_len)
        out.append(_arrow(sx(tail[0]), sy(tail[1]), sx(0), sy(0), COLOURS["joint"], 3.6))
        out.append(_label(sx(tail[0]) - 8, sy(tail[1]) + 2, "R", COLOURS["joint"], "end", 15))
        if r_cut:
            marks.append("R")

    out.append(_label(MARGIN + 2, MARGIN + 14, "stance side", COLOURS["dim"], "start", 12))
    out.append(_label(WIDTH - MARGIN - 2, MARGIN + 14, "swing side", COLOURS["dim"], "end", 12))

    # Legend with the numbers and the arrow scale.
    y = FIG_HEIGHT + 14
    lines = [
        ("abductor", "F", f"abductor pull {newtons(result.abductor_force_n)} = {times(result.abductor_force_bw)} BW"),
        (
            "joint",
            "R",
            f"hip joint force {newtons(result.joint_force_n)} = {times(result.joint_force_bw)} BW, "
            f"{result.joint_force_angle_deg:.0f}° from vertical",
        ),
        ("weight", "W", f"weight above the hip {newtons(result.superincumbent_weight_n)}"),
    ]
    if has_cane:
        which_hand = "opposite hand" if i.cane_hand == "opposite" else "same-side hand"
        lines.append(("cane", "C", f"cane {newtons(i.cane_force_n)}, {which_hand}"))
    legend: list[str] = []
    for key, letter, text in lines:
        legend.append(
            f'<text x="{MARGIN + 2}" y="{y:.1f}" font-size="13"><tspan fill="{COLOURS[key]}" '
            f'font-weight="700">{letter}</tspan> {escape(text)}</text>'
        )
        y += LEGEND_LINE
    status = (
        f"Pelvis level: the abductors can hold {newtons(i.abductor_capacity_n)}"
        if result.holds_level
        else f"Pelvis drops: the abductors can hold only {newtons(i.abductor_capacity_n)}"
    )
    legend.append(
        f'<text x="{MARGIN + 2}" y="{y:.1f}" font-size="13" font-weight="700" '
        f'fill="{COLOURS["dim"] if result.holds_level else COLOURS["drop"]}">{escape(status)}</text>'
    )
    y += LEGEND_LINE
    bar = FORCE_CM_PER_BW * SCALE
    legend.append(_arrow(MARGIN + 2, y - 4, MARGIN + 2 + bar, y - 4, COLOURS["dim"], 2))
    note = f"arrow scale: 1 × body weight ({newtons(bw)})"
    if marks:
        note += f"; {' and '.join(marks)} cut short"
    legend.append(f'<text x="{MARGIN + 10 + bar:.1f}" y="{y:.1f}" font-size="12">{escape(note)}</text>')
    height = y + 8

    title = "One-leg stance: forces on the pelvis"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="hd-mech-svg" id="{element_id}" '
        f'viewBox="0 0 {WIDTH} {height:.0f}" width="{WIDTH}" height="{height:.0f}" role="img" '
        f'aria-labelledby="{element_id}-title" font-family="system-ui, sans-serif">'
        f'<title id="{element_id}-title">{title}</title>' + "".join(out) + "".join(legend) + "</svg>"
    )


def chart_svg(inputs: Inputs, lean_spec: ParamSpec, element_id: str = "hd-mech-chart") -> str:
    """Abductor force against trunk lean, other settings held, with the capacity line."""
    from dataclasses import replace

    steps = round((lean_spec.maximum - lean_spec.minimum) / 0.5)
    leans = [lean_spec.minimum + k * 0.5 for k in range(steps + 1)]
    forces = [solve(replace(inputs, lean_cm=lean)).abductor_force_n for lean in leans]
    current = solve(inputs).abductor_force_n
    top = max(max(forces), inputs.abductor_capacity_n, 1.0) * 1.08
    step = _nice_step(top / 5)
    top = math.ceil(top / step) * step

    width, height = 400, 250
    left, right, upper, lower = 52, 12, 28, 44
    pw, ph = width - left - right, height - upper - lower

    def cx(lean: float) -> float:
        return left + (lean - lean_spec.minimum) / (lean_spec.maximum - lean_spec.minimum) * pw

    def cy(force: float) -> float:
        return upper + ph - force / top * ph

    out = [f'<rect x="{left}" y="{upper}" width="{pw}" height="{ph}" fill="#ffffff" stroke="#666" stroke-width="1"/>']
    value = 0.0
    while value <= top + 1e-9:
        y = cy(value)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + pw}" y2="{y:.1f}" stroke="#ddd" stroke-width="1"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end">{value:,.0f}</text>')
        value += step
    for lean in range(int(lean_spec.minimum), int(lean_spec.maximum) + 1):
        if lean % 5 == 0 or lean == int(lean_spec.maximum):
            x = cx(lean)
            out.append(f'<line x1="{x:.1f}" y1="{upper + ph}" x2="{x:.1f}" y2="{upper + ph + 5}" stroke="#666"/>')
            out.append(f'<text x="{x:.1f}" y="{upper + ph + 18}" font-size="11" text-anchor="middle">{lean:g}</text>')
    zero = cx(0)
    out.append(
        f'<line x1="{zero:.1f}" y1="{upper}" x2="{zero:.1f}" y2="{upper + ph}" stroke="#999" stroke-dasharray="3 3"/>'
    )
    cap_y = cy(inputs.abductor_capacity_n)
    out.append(
        f'<line x1="{left}" y1="{cap_y:.1f}" x2="{left + pw}" y2="{cap_y:.1f}" stroke="{COLOURS["drop"]}" '
        'stroke-width="1.6" stroke-dasharray="6 4"/>'
    )
    out.append(
        f'<text x="{left + pw - 4}" y="{cap_y - 5:.1f}" font-size="11" text-anchor="end" '
        f'fill="{COLOURS["drop"]}" class="hd-mech-halo">capacity {newtons(inputs.abductor_capacity_n)}</text>'
    )
    line = " ".join(f"{cx(lean):.1f},{cy(force):.1f}" for lean, force in zip(leans, forces, strict=True))
    out.append(f'<polyline points="{line}" fill="none" stroke="{COLOURS["abductor"]}" stroke-width="2.5"/>')
    px, py = cx(inputs.lean_cm), cy(current)
    out.append(
        f'<circle cx="{px:.1f}" cy="{py:.1f}" r="5.5" fill="#ffffff" stroke="{COLOURS["abductor"]}" '
        'stroke-width="2.5"/>'
    )
    anchor = "start" if px < left + pw * 0.6 else "end"
    dx = 9 if anchor == "start" else -9
    out.append(
        f'<text x="{px + dx:.1f}" y="{py - 8:.1f}" font-size="12" font-weight="700" text-anchor="{anchor}" '
        f'class="hd-mech-halo">now {newtons(current)}</text>'
    )
    out.append(f'<text x="{left}" y="16" font-size="12" font-weight="700">Abductor force (N)</text>')
    out.append(
        f'<text x="{left + pw / 2:.1f}" y="{height - 6}" font-size="12" text-anchor="middle">trunk lean toward '
        "the stance hip (cm); negative = away</text>"
    )
    title = "Abductor force against trunk lean"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="hd-mech-svg" id="{element_id}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{element_id}-title" font-family="system-ui, sans-serif">'
        f'<title id="{element_id}-title">{title}: the force falls as the lean grows; '
        f"now {newtons(current)} at {inputs.lean_cm:g} cm.</title>" + "".join(out) + "</svg>"
    )


def _nice_step(raw: float) -> float:
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power
