"""Frontal-plane static equilibrium of one-leg stance.

Free body: the pelvis with everything above it, balanced on the stance femoral head.
Axes: x points sideways away from the body's midline on the stance side (lateral), y points up;
moments are taken about the centre of the stance hip.

- Weight above the hip, W, acts down at ``effective_arm`` medial to the hip (on the swing side).
- The abductors pull the pelvis toward the greater trochanter, down and outward at
  ``abductor_angle`` from the horizontal, with a perpendicular lever arm ``abductor_arm``.
- A cane pushes up on the hand, ``cane_arm`` from the hip: on the swing side (opposite hand) it
  helps the abductors; on the stance side (same-side hand) it adds to their load.
- The joint reaction balances the rest: the femoral head pushes the pelvis up and inward, so the
  pelvis presses on the femoral head down and outward.

Moment balance: F·a = W·b + s·C·d (s = -1 opposite hand, +1 same hand), with F never negative
(a muscle can only pull). Force balance gives the joint reaction.
"""

import math

from .model import Inputs, Result

CM_PER_M = 100


def cane_sign(hand: str) -> int:
    """-1 when the cane relieves the abductors (swing-side hand), +1 when it adds to their load."""
    return -1 if hand == "opposite" else 1


def solve(inputs: Inputs) -> Result:
    body_weight = inputs.body_weight_n
    weight_above = body_weight * inputs.weight_share_pct / 100
    arm = inputs.body_weight_arm_cm - inputs.lean_cm
    angle = math.radians(inputs.abductor_angle_deg)
    cane = inputs.cane_force_n
    sign = cane_sign(inputs.cane_hand)

    body_moment = weight_above * arm / CM_PER_M
    cane_moment = sign * cane * inputs.cane_arm_cm / CM_PER_M if cane else 0.0
    demand_moment = body_moment + cane_moment
    abductor = max(0.0, demand_moment * CM_PER_M / inputs.abductor_arm_cm)

    # Force on the femoral head from the pelvis: outward (lateral) and downward components.
    lateral = abductor * math.cos(angle)
    vertical = weight_above - cane + abductor * math.sin(angle)
    joint = math.hypot(lateral, vertical)
    joint_angle = math.degrees(math.atan2(lateral, vertical)) if joint > 0 else 0.0

    capacity = inputs.abductor_capacity_n
    # Arm that the capacity can balance, then the lean that would shorten the arm to it.
    arm_capacity = (capacity * inputs.abductor_arm_cm / CM_PER_M - cane_moment) * CM_PER_M / weight_above
    lean_needed = max(0.0, inputs.body_weight_arm_cm - arm_capacity)

    return Result(
        inputs=inputs,
        superincumbent_weight_n=weight_above,
        effective_arm_cm=arm,
        body_weight_moment_nm=body_moment,
        cane_moment_nm=cane_moment,
        abductor_force_n=abductor,
        abductor_force_bw=abductor / body_weight,
        abductor_force_w=abductor / weight_above,
        joint_force_n=joint,
        joint_force_bw=joint / body_weight,
        joint_force_angle_deg=joint_angle,
        joint_force_lateral_n=lateral,
        joint_force_vertical_n=vertical,
        holds_level=abductor <= capacity,
        capacity_margin_n=capacity - abductor,
        lean_needed_cm=lean_needed,
        abductors_needed=demand_moment > 0,
    )
