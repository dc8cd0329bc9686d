"""A body posed by joint angles: the one body that every animation of the course moves (gait from
the mechanics model, exercises from their descriptions). Pure functions, stdlib only. Units are
centimetres and degrees.

Body frame (before the figure is placed in the scene, ``scene.py``): origin at the middle of the
pelvis, x toward the free side (the moving or top leg), y up along the body, z forward (toward the
person's front). The stance side (the standing or bottom leg) is at negative x.

Angles (``Pose``), each relative to the segment above it, as a clinician measures them:

- ``pelvis``: frontal tilt of the pelvis; negative drops the free side (a hip drop), positive
  lifts it (a hip hike).
- ``trunk``: frontal lean of the trunk from the body's long axis; positive leans toward the stance
  side. ``trunk_forward``: forward bend.
- each leg (``Leg``): ``abduction`` (out to its own side, negative across), ``flexion`` (forward),
  ``knee`` (knee bend), ``opening`` (the knee turned out about the line from hip to ankle, as in a
  clam; the foot stays put).
- each arm (``Arm``): ``abduction`` (out to the side), ``flexion`` (forward), ``elbow`` (bend), or
  a named target its hand reaches (``reach``, put there by ``scene.place``).
- ``turn``: the whole body turned in its frontal plane, counter-clockwise as the reader sees it;
  90 lays it on its stance side with the head on the reader's left (side-lying, side plank).
- ``press``: 0 to 1, how hard the knees push outward (drawn as arrows; isometric work).
- ``air``: how far the whole body is above where it would rest (a hop).

``skeleton(pose, body)`` gives every named point in the body frame (3D); ``scene.place`` turns,
grounds and projects them.
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
    foot: float = 13.0
    trunk: float = 50.0
    shoulder_half: float = 17.0
    neck: float = 9.0
    head: float = 11.0  # the head's radius
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
    """An arm hangs from the shoulder by its angles, or its hand reaches a named target (``reach``)."""

    abduction: float = 8.0
    elbow: float = 0.0
    reach: str = ""  # "" | "floor" | "counter" | "wall" | "hip" | "head" (and "cane" for the walks)
    flexion: float = 0.0


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
    air: float = 0.0  # height of the whole body above its resting place (a hop), cm


NUMERIC_LEG = ("abduction", "flexion", "knee", "opening")


def blend(a: Pose, b: Pose, t: float) -> Pose:
    """The pose a fraction ``t`` of the way from ``a`` to ``b``, angle by angle (so limbs keep their
    length on the way). Arm targets switch at the half-way point."""

    def mix(x: float, y: float) -> float:
        return x + (y - x) * t

    def leg(p: Leg, q: Leg) -> Leg:
        return Leg(**{k: mix(getattr(p, k), getattr(q, k)) for k in NUMERIC_LEG})

    def arm(p: Arm, q: Arm) -> Arm:
        return Arm(
            mix(p.abduction, q.abduction),
            mix(p.elbow, q.elbow),
            p.reach if t < 0.5 else q.reach,
            mix(p.flexion, q.flexion),
        )

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


# --- vectors and rotations ----------------------------------------------------------------


def rot_z(v: Vec, degrees: float) -> Vec:
    """About the z axis, counter-clockwise seen from +z."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return (v[0] * c - v[1] * s, v[0] * s + v[1] * c, v[2])


def rot_x(v: Vec, degrees: float) -> Vec:
    """About the x axis; positive turns a downward vector forward (toward +z)."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return (v[0], v[1] * c + v[2] * s, -v[1] * s + v[2] * c)


def rot_y(v: Vec, degrees: float) -> Vec:
    """About the vertical y axis; positive turns +z toward +x."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return (v[0] * c + v[2] * s, v[1], -v[0] * s + v[2] * c)


def about_axis(v: Vec, axis: Vec, degrees: float) -> Vec:
    """Rodrigues' rotation of ``v`` about the unit vector ``axis``."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    kx, ky, kz = axis
    cross = (ky * v[2] - kz * v[1], kz * v[0] - kx * v[2], kx * v[1] - ky * v[0])
    dot = kx * v[0] + ky * v[1] + kz * v[2]
    return (
        v[0] * c + cross[0] * s + kx * dot * (1 - c),
        v[1] * c + cross[1] * s + ky * dot * (1 - c),
        v[2] * c + cross[2] * s + kz * dot * (1 - c),
    )


def add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def scale(v: Vec, k: float) -> Vec:
    return (v[0] * k, v[1] * k, v[2] * k)


def cross(a: Vec, b: Vec) -> Vec:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def norm(v: Vec) -> float:
    return math.sqrt(v[0] ** 2 + v[1] ** 2 + v[2] ** 2)


def unit(v: Vec) -> Vec:
    n = norm(v) or 1.0
    return (v[0] / n, v[1] / n, v[2] / n)


# --- the skeleton ----------------------------------------------------------------------------


def _leg(hip: Vec, leg: Leg, side: int, pelvis: float, body: Body) -> tuple[Vec, Vec, Vec]:
    """Knee, ankle and toe of a leg hanging from ``hip``; ``side`` is +1 for the free side."""
    thigh: Vec = (0.0, -body.thigh, 0.0)
    shank: Vec = rot_x((0.0, -body.shank, 0.0), -leg.knee)  # the knee bends the shank backward
    foot: Vec = rot_x((0.0, 0.0, body.foot), -leg.knee)  # at a right angle to the shank, forward
    # Abduction first, then flexion: a lifted knee turned out goes out to the side (fire hydrant).
    parts = [rot_z(v, side * leg.abduction) for v in (thigh, shank, foot)]
    parts = [rot_x(v, leg.flexion) for v in parts]
    if leg.opening:  # about the line from hip to ankle: the knee turns out, the foot stays
        axis = unit(add(parts[0], parts[1]))
        parts = [about_axis(v, axis, -side * leg.opening) for v in parts]
    thigh, shank, foot = (rot_z(v, pelvis) for v in parts)
    knee = add(hip, thigh)
    ankle = add(knee, shank)
    return knee, ankle, add(ankle, foot)


def _hanging_arm(shoulder: Vec, arm: Arm, side: int, trunk: float, body: Body) -> tuple[Vec, Vec]:
    """Elbow and hand of an arm hanging by its angles (the elbow bends the forearm forward)."""
    upper: Vec = (0.0, -body.upper_arm, 0.0)
    lower: Vec = rot_x((0.0, -body.forearm, 0.0), arm.elbow)
    upper, lower = (rot_x(rot_z(v, side * arm.abduction), arm.flexion) for v in (upper, lower))
    upper, lower = rot_z(upper, trunk), rot_z(lower, trunk)
    elbow = add(shoulder, upper)
    return elbow, add(elbow, lower)


def skeleton(pose: Pose, body: Body) -> dict[str, Vec]:
    """Every joint in the body frame, the middle of the pelvis at the origin. Arms that reach a
    target hang here; ``scene.place`` moves their hands."""
    hip_free = rot_z((body.hip_half, 0.0, 0.0), pose.pelvis)
    hip_stance = rot_z((-body.hip_half, 0.0, 0.0), pose.pelvis)
    s_knee, s_ankle, s_toe = _leg(hip_stance, pose.stance_leg, -1, pose.pelvis, body)
    f_knee, f_ankle, f_toe = _leg(hip_free, pose.free_leg, 1, pose.pelvis, body)

    # The trunk leans from the pelvis toward the stance side (-x) for a positive lean.
    axis = rot_z(rot_x((0.0, 1.0, 0.0), -pose.trunk_forward), pose.trunk)
    neck = scale(axis, body.trunk)
    across = rot_z((1.0, 0.0, 0.0), pose.trunk)
    points: dict[str, Vec] = {
        "mid_hip": (0.0, 0.0, 0.0),
        "hip_s": hip_stance,
        "hip_f": hip_free,
        "knee_s": s_knee,
        "ankle_s": s_ankle,
        "toe_s": s_toe,
        "knee_f": f_knee,
        "ankle_f": f_ankle,
        "toe_f": f_toe,
        "neck": neck,
        "shoulder_s": add(neck, scale(across, -body.shoulder_half)),
        "shoulder_f": add(neck, scale(across, body.shoulder_half)),
        "head": add(neck, scale(axis, body.neck + body.head)),
    }
    for name, arm, side in (("s", pose.stance_arm, -1), ("f", pose.free_arm, 1)):
        elbow, hand = _hanging_arm(points[f"shoulder_{name}"], arm, side, pose.trunk, body)
        points[f"elbow_{name}"], points[f"hand_{name}"] = elbow, hand
    return points


def reach(shoulder: Vec, target: Vec, body: Body, pole: Vec) -> tuple[Vec, Vec]:
    """Elbow and hand of an arm reaching ``target`` (two-link inverse kinematics in 3D); the elbow
    points toward ``pole`` (a direction). Out of reach, the arm points straight at the target and
    the hand stops at full length."""
    a, b = body.upper_arm, body.forearm
    to = sub(target, shoulder)
    d = norm(to) or 1e-9
    u = scale(to, 1 / d)
    if d >= a + b - 1e-6:
        elbow = add(shoulder, scale(u, a))
        return elbow, add(elbow, scale(u, b))
    along = (a * a + d * d - b * b) / (2 * d)
    height = math.sqrt(max(0.0, a * a - along * along))
    side = sub(pole, scale(u, sum(pole[i] * u[i] for i in range(3))))  # the pole, square to the reach
    if norm(side) < 1e-6:
        side = cross(u, (0.0, 0.0, 1.0)) if abs(u[2]) < 0.9 else cross(u, (1.0, 0.0, 0.0))
    elbow = add(shoulder, add(scale(u, along), scale(unit(side), height)))
    return elbow, target


__all__ = ["Arm", "Body", "Leg", "Point", "Pose", "Vec", "blend", "ease", "reach", "replace", "skeleton"]
