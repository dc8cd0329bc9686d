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
        parts.append(_cane_sentence(i.cane_hand, i.cane_arm_cm, i.cane_force_n))
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


SAME_SIDE_CANE_CAVEAT = (
    "In people, though, a same-side cane made no measurable difference to abductor activity "
    "(Neumann 1998): people push lightly, and the push also takes some weight off the leg."
)


def _cane_sentence(hand: str, arm_cm: float, force_n: float) -> str:
    """What the cane does in the model. A same-side cane adds to the abductors' load in this rigid
    model, but measured in people it made no difference (Neumann 1998), so that sentence says both."""
    where = f"{cm(arm_cm)} from the hip, pushes up with {newtons(force_n)}"
    if hand == "opposite":
        return f"A cane in the opposite (swing-side) hand, {where} and helps the abductors."
    return (
        f"A cane in the same-side (stance-side) hand, {where} and, in this rigid model, adds to the "
        f"abductors' load. {SAME_SIDE_CANE_CAVEAT}"
    )
