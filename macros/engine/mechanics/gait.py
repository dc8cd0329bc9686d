"""Walking, frame by frame, from the mechanics model: ``gait_frame(inputs, phase)``.

The lab's model is one-leg stance on the left leg. Over one gait cycle (phase 0 to 1, from the left
heel striking the ground) this module says, for each moment, how much of that stance posture is on
and what the lab's statics give for it. Pure functions, stdlib only.

Rules (timing after the usual division of the cycle: 10% loading, 40% single support, 10% both feet
down again, 40% swing):

- Phase 0–0.1: both feet down, the weight moves onto the left leg (``load`` rises 0 → 1, eased).
- Phase 0.1–0.5: the left leg alone carries the body (``load`` = 1). Mid-stance is phase 0.3.
- Phase 0.5–0.6: both feet down, the weight moves off (``load`` falls 1 → 0).
- Phase 0.6–1: the right leg stands, the left swings (``load`` = 0); the model is of the left hip,
  so the right is taken as strong: pelvis level, trunk upright.
- The posture scales with ``load``: pelvic drop = the model's drop × load, trunk lean = the lean
  setting × load, cane force = the cane setting × load (the cane moves with the left leg).
- The forces of a frame are ``statics.solve`` of that frame's posture, given only when the left
  leg stands alone (``load`` = 1); with both feet down the one-leg model does not apply.
- The model's pelvic drop (``pelvic_drop_deg``, a course convention for drawing: the static model
  says whether the pelvis drops, not how far): 0° when the abductors can hold the demand;
  otherwise ``DROP_DEG_PER_SHORTFALL`` × (demand - capacity) / demand, at most ``MAX_DROP_DEG``.
- The trunk's lean angle is the angle whose tangent is lean / ``COM_HEIGHT_CM`` (the height of
  the centre of mass above the hips in the lab's figure): the trunk tilts so that its centre of
  mass moves the lean setting sideways.
"""

import math
from dataclasses import dataclass, replace

from .model import Inputs, Result
from .statics import solve

DROP_DEG_PER_SHORTFALL = 25.0
MAX_DROP_DEG = 12.0
COM_HEIGHT_CM = 21.0  # as figure.COM_HEIGHT: centre of mass above the trunk base, drawing geometry
LOADING_END, SINGLE_END, DOUBLE_END = 0.1, 0.5, 0.6
MID_STANCE = 0.3
MID_SWING = 0.8
CYCLE_FRAMES = 20  # frames per cycle: every 5% of the cycle (mid-stance and mid-swing among them)


@dataclass(frozen=True)
class GaitFrame:
    phase: float
    support: str  # "left", "right" or "both"
    load: float  # how much of the left leg's one-leg-stance posture is on (0 to 1)
    pelvis_drop_deg: float  # the right (swing) side lower than the left, degrees
    trunk_lean_deg: float  # toward the left (stance) side, degrees
    lean_cm: float
    cane_force_n: float
    statics: Result | None  # the lab's numbers for this posture, when the left leg stands alone

    def to_dict(self) -> dict:
        out = {k: getattr(self, k) for k in ("phase", "support", "load", "pelvis_drop_deg", "trunk_lean_deg")}
        out.update(lean_cm=self.lean_cm, cane_force_n=self.cane_force_n)
        out["statics"] = (
            None if self.statics is None else {k: v for k, v in self.statics.to_dict().items() if k != "inputs"}
        )
        return out


def pelvic_drop_deg(result: Result) -> float:
    """How far the drawn pelvis drops on the swing side for a one-leg-stance result (see the rules)."""
    if result.holds_level or result.abductor_force_n <= 0:
        return 0.0
    shortfall = (result.abductor_force_n - result.inputs.abductor_capacity_n) / result.abductor_force_n
    return min(MAX_DROP_DEG, DROP_DEG_PER_SHORTFALL * shortfall)


def trunk_lean_deg(lean_cm: float) -> float:
    return math.degrees(math.atan2(lean_cm, COM_HEIGHT_CM))


def _ease(t: float) -> float:
    return 0.5 - 0.5 * math.cos(math.pi * min(1.0, max(0.0, t)))


def support(phase: float) -> str:
    phase %= 1.0
    if phase < LOADING_END or SINGLE_END <= phase < DOUBLE_END:
        return "both"
    return "left" if phase < SINGLE_END else "right"


def load(phase: float) -> float:
    phase %= 1.0
    if phase < LOADING_END:
        return _ease(phase / LOADING_END)
    if phase < SINGLE_END:
        return 1.0
    if phase < DOUBLE_END:
        return 1.0 - _ease((phase - SINGLE_END) / (DOUBLE_END - SINGLE_END))
    return 0.0


def gait_frame(inputs: Inputs, phase: float) -> GaitFrame:
    """One moment of the cycle: the posture and, standing on the left leg alone, the lab's numbers."""
    share = load(phase)
    drop = pelvic_drop_deg(solve(inputs)) * share
    lean = inputs.lean_cm * share
    cane = inputs.cane_force_n * share
    posture = replace(inputs, lean_cm=lean, cane_force_n=cane)
    where = support(phase)
    return GaitFrame(
        phase=phase % 1.0,
        support=where,
        load=share,
        pelvis_drop_deg=drop,
        trunk_lean_deg=trunk_lean_deg(lean),
        lean_cm=lean,
        cane_force_n=cane,
        statics=solve(posture) if where == "left" else None,
    )


def gait_frames(inputs: Inputs, count: int = CYCLE_FRAMES) -> tuple[GaitFrame, ...]:
    """``count`` frames evenly over one cycle, from the left heel strike."""
    return tuple(gait_frame(inputs, k / count) for k in range(count))
