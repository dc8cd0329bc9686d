"""Walking, drawn: the frames of ``gait.gait_frames`` posed on the course's stick figure, with the
lab's numbers under each frame. Pure functions, stdlib only (the lab's worker draws them too).

The figure is seen from behind, the left leg (hatched) is the one the model computes, as in the
lab's figure. The pelvis tilt and the trunk lean of each frame are the model's (``gait``); the legs'
swing, the sideways sway and the cane's lift are drawing only: the model is frontal-plane statics.

- ``PATTERNS``: the four walks the lessons show (normal, uncompensated, compensated, cane), each
  the lab preset whose parameters it draws.
- ``gait_animation(inputs, label)``: the ``motion.Animation`` of one cycle.
- ``describe_walk(inputs)``: what the animation shows, in sentences (its text description).
"""

import math
from dataclasses import dataclass

from ..motion.animation import Animation, finished
from ..motion.draw import Drawing
from ..motion.rig import Arm, Body, Leg, Pose
from ..motion.scene import Props, Setting, place
from .gait import CYCLE_FRAMES, MID_STANCE, MID_SWING, GaitFrame, gait_frames
from .model import Inputs
from .text import cm, newtons, times

FRAME_MS = 130  # one cycle in 2.6 s: slower than life, to be watched
FOOT_HALF_CM = 7.0  # each foot's line from the midline: a step a little narrower than the hips
SWAY_CM = 2.5  # the pelvis moves over the standing foot (drawing only)
CANE_TOP_CM = 80.0  # the cane's top above its tip: at the wrist crease of the hanging arm
CANE_LIFT_CM = 9.0
KEY_PHASES = (
    (0.0, "Left heel strikes"),
    (MID_STANCE, "Standing on the left leg"),
    (0.55, "Right heel strikes"),
    (MID_SWING, "Standing on the right leg"),
)


@dataclass(frozen=True)
class Pattern:
    name: str
    preset: str  # the lab preset whose parameters the walk draws
    title: str
    label: str  # the label beside the hatched leg


PATTERNS = (
    Pattern("normal", "quiet-stance", "Normal walking", "left leg"),
    Pattern("uncompensated", "weak-abductors", "Uncompensated Trendelenburg: the pelvis drops", "weak hip"),
    Pattern("compensated", "compensated", "Compensated Trendelenburg: the trunk leans", "weak hip"),
    Pattern("cane", "cane-opposite", "With a cane in the opposite hand", "weak hip"),
)
PATTERNS_BY_NAME = {pattern.name: pattern for pattern in PATTERNS}


def _bump(phase: float, centre: float, width: float) -> float:
    d = (phase - centre + 0.5) % 1.0 - 0.5
    return math.exp(-0.5 * (d / width) ** 2)


def _swing(phase: float) -> tuple[float, float]:
    """Hip flexion and knee bend of a leg at its own phase (0 = its heel strike), drawing only."""
    flexion = 8 + 20 * math.cos(2 * math.pi * phase)
    knee = 15 * _bump(phase, 0.15, 0.06) + 60 * _bump(phase, 0.72, 0.09)
    return flexion, knee


def _leg(phase: float, side: int, pelvis: float, sway: float, body: Body) -> Leg:
    """The leg whose ankle lands on its foot's line, seen from behind."""
    flexion, knee = _swing(phase)
    reach = body.thigh * math.cos(math.radians(flexion)) + body.shank * math.cos(math.radians(flexion - knee))
    hip_x = sway + side * body.hip_half * math.cos(math.radians(pelvis))
    slope = max(-0.5, min(0.5, (side * FOOT_HALF_CM - hip_x) / reach))
    angle = math.degrees(math.asin(slope))
    return Leg(abduction=side * (angle - pelvis), flexion=flexion, knee=knee)


def _cane(inputs: Inputs, frame: GaitFrame, body: Body) -> tuple[str, tuple[float, float]] | None:
    """The cane's hand ("s" or "f") and tip, or None without a cane. It moves with the left leg."""
    if inputs.cane_force_n <= 0:
        return None
    stance_hip_x = -body.hip_half
    x = stance_hip_x + inputs.cane_arm_cm if inputs.cane_hand == "opposite" else stance_hip_x - inputs.cane_arm_cm
    lift = CANE_LIFT_CM * math.sin(math.pi * (frame.phase - 0.6) / 0.4) if frame.phase > 0.6 else 0.0
    return ("f" if inputs.cane_hand == "opposite" else "s"), (x, lift)


def _points(inputs: Inputs, frame: GaitFrame, body: Body) -> dict:
    pelvis = -frame.pelvis_drop_deg  # the right (free) side drops
    sway = -SWAY_CM * math.cos(2 * math.pi * (frame.phase - MID_STANCE))
    cane = _cane(inputs, frame, body)
    arms = {"s": Arm(), "f": Arm()}
    targets: tuple = ()
    if cane is not None:
        hand, (x, lift) = cane
        arms[hand] = Arm(reach="cane")
        targets = (("cane", (x, lift + CANE_TOP_CM, 0.0)),)
    pose = Pose(
        pelvis=pelvis,
        trunk=frame.trunk_lean_deg,
        stance_leg=_leg(frame.phase, -1, pelvis, sway, body),
        free_leg=_leg(frame.phase - 0.5, 1, pelvis, sway, body),
        stance_arm=arms["s"],
        free_arm=arms["f"],
    )
    points = place(pose, Setting("standing-two-legs"), body, Props((), targets))
    dx = sway - points["mid_hip"][0]
    points = {name: (x + dx, y) for name, (x, y) in points.items()}
    if cane is not None:
        hand, (x, lift) = cane
        points[f"hand_{hand}"] = (x, lift + CANE_TOP_CM)
        points["cane_tip"] = (x, lift + 1.5)
    else:
        points["cane_tip"] = points["hand_f"]  # no cane: a line of no length, not drawn
    return points


def readout(frame: GaitFrame) -> str:
    """The lab's numbers for the frame, in one line."""
    if frame.statics is None:
        if frame.support == "both":
            return "Both feet on the ground: the weight is shared, so the one-leg model does not apply."
        return "Standing on the right leg: the lab's model is of the left hip."
    r = frame.statics
    pelvis = "pelvis level" if frame.pelvis_drop_deg < 0.05 else f"pelvis drops {frame.pelvis_drop_deg:.0f}°"
    return (
        f"Standing on the left leg: abductors {newtons(r.abductor_force_n)} "
        f"({times(r.abductor_force_bw)} body weight), "
        f"hip joint {newtons(r.joint_force_n)} ({times(r.joint_force_bw)} body weight); {pelvis}."
    )


def gait_animation(inputs: Inputs, label: str = "left leg", body: Body | None = None) -> Animation:
    """One gait cycle of ``CYCLE_FRAMES`` frames, mid-stance as the still."""
    body = body or Body(hip_half=inputs.body_weight_arm_cm)
    frames = gait_frames(inputs, CYCLE_FRAMES)
    points = [_points(inputs, frame, body) for frame in frames]
    keys = tuple(round(phase * CYCLE_FRAMES) for phase, _ in KEY_PHASES)
    drawing = Drawing(
        setting=Setting("standing-two-legs"),
        props=Props((), ()),
        working=("s",),
        label=label,
        show_trunk_line=True,
        cane=True,
    )
    return Animation(
        drawing=finished(drawing, points, list(keys), keys[1]),
        frames=tuple(points),
        durations=(FRAME_MS,) * len(points),
        keys=keys,
        key_labels=tuple(text for _, text in KEY_PHASES),
        still=keys[1],
        readouts=tuple(readout(frame) for frame in frames),
    )


def describe_walk(inputs: Inputs) -> str:
    """The animation in words: what happens while the left leg stands alone, and the numbers."""
    mid = gait_frames(inputs, CYCLE_FRAMES)[round(MID_STANCE * CYCLE_FRAMES)]
    parts = ["Seen from behind, one step with each leg; the left leg is hatched."]
    if mid.pelvis_drop_deg < 0.05:
        parts.append("While the left leg stands alone, the pelvis stays level")
    else:
        parts.append(
            f"While the left leg stands alone, the pelvis drops {mid.pelvis_drop_deg:.0f}° on the right, swinging side"
        )
    if inputs.lean_cm > 0:
        parts[-1] += (
            f" and the trunk leans {mid.trunk_lean_deg:.0f}° over the left leg ({cm(inputs.lean_cm)} sideways)."
        )
    else:
        parts[-1] += " and the trunk stays upright."
    if inputs.cane_force_n > 0:
        hand = "right" if inputs.cane_hand == "opposite" else "left"
        parts.append(f"A cane in the {hand} hand moves with the left leg and takes {newtons(inputs.cane_force_n)}.")
    if mid.statics is not None:
        r = mid.statics
        parts.append(
            f"The lab's numbers for that moment: the abductors pull {newtons(r.abductor_force_n)} "
            f"and the hip joint carries {newtons(r.joint_force_n)}; "
            f"they can hold {newtons(inputs.abductor_capacity_n)}."
        )
    return " ".join(parts)
