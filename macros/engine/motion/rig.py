"""A stick figure posed by joint angles, seen in the frontal plane: the one body that every
animation of the course moves (gait from the mechanics model, exercises from their descriptions).

Pure functions, stdlib only. Units are centimetres and degrees.

Body frame (before the figure is turned and placed): origin at the middle of the pelvis, x toward
the free side (the moving or top leg, on the reader's right when the figure is seen from behind),
y up along the body, z forward (out of the picture, toward the person's front). The stance side
(the standing or bottom leg) is on the reader's left, as in the mechanics lab's figure.

Angles (``Pose``), each relative to the segment above it, as a clinician measures them:

- ``pelvis``: frontal tilt of the pelvis; negative drops the free side (a hip drop), positive
  lifts it (a hip hike).
- ``trunk``: frontal lean of the trunk from the body's long axis; positive leans toward the stance
  side. ``trunk_forward``: forward bend (seen from behind it shortens the trunk).
- each leg (``Leg``): ``abduction`` (out to its own side, negative across), ``flexion`` (forward),
  ``knee`` (knee bend), ``opening`` (the knee turned out about the line from hip to ankle, as in a
  clam; feet stay put).
- ``turn``: the whole body turned in the picture, counter-clockwise; 90 lays it on its stance side
  with the head on the reader's left (side-lying, side plank).
- ``press``: 0 to 1, how hard the knees push outward (drawn as arrows; isometric work).

``skeleton_points(pose, body)`` gives every named point in picture coordinates (x to the right,
y up), the pelvis still at the origin; ``place`` stands the figure on the floor.
"""

import math
from dataclasses import dataclass, field, replace

Vec = tuple[float, float, float]
Point = tuple[float, float]


@dataclass(frozen=True)
class Body:
    """Segment lengths (cm). ``hip_half`` is the distance from a hip centre to the midline."""

    hip_half: float = 10.0
    thigh: float = 42.0
    shank: float = 42.0
    trunk: float = 50.0
    shoulder_half: float = 18.0
    neck: float = 10.0
    head: float = 10.0
    upper_arm: float = 29.0
    forearm: float = 27.0


@dataclass(frozen=True)
class Leg:
    abduction: float = 0.0
    flexion: float = 0.0
    knee: float = 0.0
    opening: float = 0.0


@dataclass(frozen=True)
class Arm:
    """An arm hangs by the side, or its hand reaches a named target (``reach``) set by ``place``."""

    abduction: float = 8.0
    elbow: float = 0.0
    reach: str = ""  # "" | "floor" | "counter" | "wall" | "hip" | "head"


@dataclass(frozen=True)
class Pose:
    pelvis: float = 0.0
    trunk: float = 0.0
    trunk_forward: float = 0.0
    turn: float = 0.0
    stance_leg: Leg = field(default_factory=Leg)
    free_leg: Leg = field(default_factory=Leg)
    stance_arm: Arm = field(default_factory=Arm)
    free_arm: Arm = field(default_factory=Arm)
    press: float = 0.0
    air: float = 0.0  # height of the whole body above its resting place (a hop), in figure units


NUMERIC_LEG = ("abduction", "flexion", "knee", "opening")


def blend(a: Pose, b: Pose, t: float) -> Pose:
    """The pose a fraction ``t`` of the way from ``a`` to ``b``, angle by angle (so limbs keep their
    length on the way). Arm targets switch at the half-way point."""

    def mix(x: float, y: float) -> float:
        return x + (y - x) * t

    def leg(p: Leg, q: Leg) -> Leg:
        return Leg(**{k: mix(getattr(p, k), getattr(q, k)) for k in NUMERIC_LEG})

    def arm(p: Arm, q: Arm) -> Arm:
        return Arm(mix(p.abduction, q.abduction), mix(p.elbow, q.elbow), p.reach if t < 0.5 else q.reach)

    return Pose(
        pelvis=mix(a.pelvis, b.pelvis),
        trunk=mix(a.trunk, b.trunk),
        trunk_forward=mix(a.trunk_forward, b.trunk_forward),
        turn=mix(a.turn, b.turn),
        stance_leg=leg(a.stance_leg, b.stance_leg),
        free_leg=leg(a.free_leg, b.free_leg),
        stance_arm=arm(a.stance_arm, b.stance_arm),
        free_arm=arm(a.free_arm, b.free_arm),
        press=mix(a.press, b.press),
        air=mix(a.air, b.air),
    )


def ease(t: float) -> float:
    """Slow in, slow out (a cosine ramp from 0 to 1)."""
    return 0.5 - 0.5 * math.cos(math.pi * min(1.0, max(0.0, t)))


# --- 3D rotations ------------------------------------------------------------------------


def _rot_z(v: Vec, degrees: float) -> Vec:
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return (v[0] * c - v[1] * s, v[0] * s + v[1] * c, v[2])


def _rot_x(v: Vec, degrees: float) -> Vec:
    """Positive turns a downward vector forward (toward +z)."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return (v[0], v[1] * c + v[2] * s, -v[1] * s + v[2] * c)


def _about_axis(v: Vec, axis: Vec, degrees: float) -> Vec:
    """Rodrigues' rotation of ``v`` about the unit vector ``axis``."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    kx, ky, kz = axis
    cross = (ky * v[2] - kz * v[1], kz * v[0] - kx * v[2], kx * v[1] - ky * v[0])
    dot = kx * v[0] + ky * v[1] + kz * v[2]
    return tuple(v[i] * c + cross[i] * s + axis[i] * dot * (1 - c) for i in range(3))  # type: ignore[return-value]


def _add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def _unit(v: Vec) -> Vec:
    n = math.sqrt(v[0] ** 2 + v[1] ** 2 + v[2] ** 2) or 1.0
    return (v[0] / n, v[1] / n, v[2] / n)


def _leg(hip: Vec, leg: Leg, side: int, pelvis: float, body: Body) -> tuple[Vec, Vec]:
    """Knee and ankle of a leg hanging from ``hip``; ``side`` is +1 for the free side, -1 for stance."""
    thigh: Vec = (0.0, -body.thigh, 0.0)
    shank: Vec = _rot_x((0.0, -body.shank, 0.0), -leg.knee)  # the knee bends the shank backward
    # Abduction first, then flexion: a lifted knee turned out goes out to the side (fire hydrant).
    thigh, shank = _rot_z(thigh, side * leg.abduction), _rot_z(shank, side * leg.abduction)
    thigh, shank = _rot_x(thigh, leg.flexion), _rot_x(shank, leg.flexion)
    if leg.opening:  # about the line from hip to ankle: the knee turns out, the foot stays
        axis = _unit(_add(thigh, shank))
        thigh, shank = _about_axis(thigh, axis, -side * leg.opening), _about_axis(shank, axis, -side * leg.opening)
    thigh, shank = _rot_z(thigh, pelvis), _rot_z(shank, pelvis)
    knee = _add(hip, thigh)
    return knee, _add(knee, shank)


def skeleton_points(pose: Pose, body: Body) -> dict[str, Point]:
    """Every joint in picture coordinates (x right, y up), the middle of the pelvis at the origin.

    Arms that reach a target are left hanging here; ``place`` moves their hands."""
    hip_free = _rot_z((body.hip_half, 0.0, 0.0), pose.pelvis)
    hip_stance = _rot_z((-body.hip_half, 0.0, 0.0), pose.pelvis)
    s_knee, s_ankle = _leg(hip_stance, pose.stance_leg, -1, pose.pelvis, body)
    f_knee, f_ankle = _leg(hip_free, pose.free_leg, 1, pose.pelvis, body)

    # The trunk leans from the pelvis toward the stance side (-x) for a positive lean.
    axis = _rot_z(_rot_x((0.0, 1.0, 0.0), -pose.trunk_forward), pose.trunk)
    neck = tuple(axis[i] * body.trunk for i in range(3))
    across = _rot_z((1.0, 0.0, 0.0), pose.trunk)
    sh_free = _add(neck, tuple(across[i] * body.shoulder_half for i in range(3)))  # type: ignore[arg-type]
    sh_stance = _add(neck, tuple(-across[i] * body.shoulder_half for i in range(3)))  # type: ignore[arg-type]
    head = _add(neck, tuple(axis[i] * (body.neck + body.head) for i in range(3)))  # type: ignore[arg-type]

    points3: dict[str, Vec] = {
        "hip_s": hip_stance,
        "hip_f": hip_free,
        "knee_s": s_knee,
        "ankle_s": s_ankle,
        "knee_f": f_knee,
        "ankle_f": f_ankle,
        "neck": neck,  # type: ignore[dict-item]
        "shoulder_s": sh_stance,
        "shoulder_f": sh_free,
        "head": head,
        "mid_hip": (0.0, 0.0, 0.0),
    }
    for name, shoulder, arm, side in (("s", sh_stance, pose.stance_arm, -1), ("f", sh_free, pose.free_arm, 1)):
        upper = _rot_z((0.0, -body.upper_arm, 0.0), pose.trunk + side * arm.abduction)
        lower = _rot_z((0.0, -body.forearm, 0.0), pose.trunk + side * (arm.abduction - arm.elbow))
        elbow = _add(shoulder, upper)
        points3[f"elbow_{name}"] = elbow
        points3[f"hand_{name}"] = _add(elbow, lower)
    flat = {name: (p[0], p[1]) for name, p in points3.items()}
    return {name: _turn(p, pose.turn) for name, p in flat.items()}


def _turn(p: Point, degrees: float) -> Point:
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return (p[0] * c - p[1] * s, p[0] * s + p[1] * c)


def reach(shoulder: Point, target: Point, body: Body, away: Point) -> tuple[Point, Point]:
    """Elbow and hand of an arm reaching ``target`` (two-link inverse kinematics in the picture).

    Out of reach, the arm is drawn straight from the shoulder to the target (a drawing, not a
    measurement). The elbow bends to the side farther from ``away`` (the middle of the body)."""
    a, b = body.upper_arm, body.forearm
    dx, dy = target[0] - shoulder[0], target[1] - shoulder[1]
    d = math.hypot(dx, dy) or 1e-9
    if d >= a + b:
        scale = a / (a + b)
        return (shoulder[0] + dx * scale, shoulder[1] + dy * scale), target
    cos_a = max(-1.0, min(1.0, (a * a + d * d - b * b) / (2 * a * d)))
    elbows = [
        (shoulder[0] + a * math.cos(angle), shoulder[1] + a * math.sin(angle))
        for angle in (math.atan2(dy, dx) + math.acos(cos_a), math.atan2(dy, dx) - math.acos(cos_a))
    ]
    elbow = max(elbows, key=lambda e: math.hypot(e[0] - away[0], e[1] - away[1]))
    return elbow, target


def with_points(points: dict[str, Point], **changes: Point) -> dict[str, Point]:
    return {**points, **changes}


def shifted(points: dict[str, Point], dx: float, dy: float) -> dict[str, Point]:
    return {name: (x + dx, y + dy) for name, (x, y) in points.items()}


__all__ = ["Arm", "Body", "Leg", "Pose", "blend", "ease", "reach", "replace", "shifted", "skeleton_points"]
