"""Number formatting and the plain-language description of a result."""

from .model import Result


def newtons(value: float) -> str:
    return f"{value:,.0f} N"


def times(value: float) -> str:
    return f"{value:.1f} ×"


def cm(value: float) -> str:
    return f"{value:g} cm" if value == round(value, 1) else f"{value:.1f} cm"


def describe(result: Result) -> str:
    """What the figure shows, in plain sentences, for screen readers, print and the live region."""
    i = result.inputs
    parts = [
        "Seen from behind, standing on the left leg; the right leg is lifted.",
        f"The weight above the stance hip is {newtons(result.superincumbent_weight_n)} "
        f"({i.weight_share_pct:g}% of {newtons(i.body_weight_n)}).",
    ]
    if i.lean_cm > 0:
        parts.append(f"The trunk leans {cm(i.lean_cm)} toward the stance hip.")
    elif i.lean_cm < 0:
        parts.append(f"The trunk leans {cm(-i.lean_cm)} away from the stance hip.")
    else:
        parts.append("The trunk is upright.")
    arm = result.effective_arm_cm
    if arm > 0:
        parts.append(f"Its centre of mass is {cm(arm)} to the swing side of the hip.")
    elif arm < 0:
        parts.append(f"Its centre of mass is {cm(-arm)} past the hip, over the stance leg.")
    else:
        parts.append("Its centre of mass is right above the hip.")
    if i.cane_force_n > 0:
        side = "opposite (swing-side) hand" if i.cane_hand == "opposite" else "same-side (stance-side) hand"
        effect = "helps the abductors" if i.cane_hand == "opposite" else "adds to the abductors' load"
        parts.append(
            f"A cane in the {side}, {cm(i.cane_arm_cm)} from the hip, pushes up with "
            f"{newtons(i.cane_force_n)} and {effect}."
        )
    if result.abductors_needed:
        parts.append(
            f"Holding the pelvis level takes an abductor pull of {newtons(result.abductor_force_n)}, "
            f"{times(result.abductor_force_bw)} body weight, on a lever arm of {cm(i.abductor_arm_cm)}."
        )
    else:
        parts.append(
            "The abductors are not needed: the weight already tips the pelvis toward the stance side, "
            "so other muscles would have to hold it."
        )
    parts.append(
        f"The hip joint force is {newtons(result.joint_force_n)}, {times(result.joint_force_bw)} body weight, "
        f"tilted {result.joint_force_angle_deg:.0f}° from vertical."
    )
    if result.holds_level:
        parts.append(f"The abductors can hold {newtons(i.abductor_capacity_n)}, so the pelvis stays level.")
    else:
        parts.append(
            f"The abductors can hold only {newtons(i.abductor_capacity_n)}, "
            f"{newtons(-result.capacity_margin_n)} short, so the pelvis drops on the swing side. "
            f"A lean of about {cm(round(result.lean_needed_cm, 1))} in total toward the stance hip would "
            "bring the demand within reach."
        )
    return " ".join(parts)
