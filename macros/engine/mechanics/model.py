"""The mechanics lab's data: what goes in, what comes out, and how inputs are checked.

Geometry (frontal plane, one-leg stance, seen from behind): the pelvis is a beam resting on the
stance femoral head, a first-class lever. Distances are horizontal distances from the centre of the
stance hip in centimetres; forces are in newtons.
"""

import math
from dataclasses import asdict, dataclass

from hipdrop.problems import ProblemsError

CANE_HANDS = ("opposite", "same")


@dataclass(frozen=True)
class ParamSpec:
    """One numeric input: its label, unit, allowed range, slider step, default and source."""

    name: str
    label: str
    unit: str
    minimum: float
    maximum: float
    step: float
    default: float
    source: str
    help: str = ""
    positive: bool = False  # a moment arm: zero would mean an infinite force

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Inputs:
    body_weight_n: float
    weight_share_pct: float  # share of body weight above the stance hip (superincumbent weight)
    body_weight_arm_cm: float  # stance hip to the centre of mass, standing upright
    abductor_arm_cm: float  # perpendicular distance from the hip centre to the abductor line of pull
    abductor_angle_deg: float  # abductor line of pull, measured from the horizontal
    lean_cm: float  # trunk lean: centre-of-mass shift toward (+) or away from (-) the stance hip
    cane_force_n: float  # upward force of the cane on the hand; 0 = no cane
    cane_hand: str  # "opposite" (swing side) or "same" (stance side)
    cane_arm_cm: float  # horizontal distance from the stance hip to the cane
    abductor_capacity_n: float  # the largest force the abductors can hold

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Result:
    inputs: Inputs
    superincumbent_weight_n: float
    effective_arm_cm: float  # body-weight arm after the trunk lean (negative: past the hip)
    body_weight_moment_nm: float
    cane_moment_nm: float  # + adds to the body-weight moment, - relieves it
    abductor_force_n: float
    abductor_force_bw: float
    abductor_force_w: float  # as a multiple of the superincumbent weight
    joint_force_n: float
    joint_force_bw: float
    joint_force_angle_deg: float  # from vertical; the force on the femoral head points down and outward
    joint_force_lateral_n: float
    joint_force_vertical_n: float
    holds_level: bool
    capacity_margin_n: float  # capacity minus demand (negative: short by this much)
    lean_needed_cm: float  # lean toward the stance hip that would bring demand down to capacity
    abductors_needed: bool  # False when the centre of mass (and cane) already balance the pelvis

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class InputProblem:
    field: str
    message: str


class MechanicsInputError(ProblemsError):
    """Raised with every bad value found (each an InputProblem), never only the first."""

    subject = "with the lab settings"

    def line(self, problem: InputProblem) -> str:
        return problem.message


def _fmt(value: float) -> str:
    return f"{value:g}"


def _number(spec: ParamSpec, raw: object, problems: list[InputProblem]) -> float | None:
    where = f"{spec.label} ({spec.name})"
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        problems.append(InputProblem(spec.name, f"{where}: enter a number in {spec.unit}."))
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        problems.append(InputProblem(spec.name, f"{where}: expected a number, got {raw!r}."))
        return None
    try:
        value = float(raw)
    except ValueError:
        problems.append(InputProblem(spec.name, f"{where}: expected a number, got {raw!r}."))
        return None
    if not math.isfinite(value):
        problems.append(InputProblem(spec.name, f"{where}: expected a finite number, got {raw!r}."))
        return None
    if spec.positive and value <= 0:
        problems.append(
            InputProblem(
                spec.name,
                f"{where} must be greater than 0 {spec.unit}; got {_fmt(value)} {spec.unit}. "
                "A zero or negative moment arm gives the muscle no leverage.",
            )
        )
        return None
    if value < 0 and spec.minimum >= 0:
        problems.append(
            InputProblem(
                spec.name,
                f"{where} cannot be negative; got {_fmt(value)} {spec.unit} "
                f"(allowed {_fmt(spec.minimum)} to {_fmt(spec.maximum)} {spec.unit}).",
            )
        )
        return None
    if not spec.minimum <= value <= spec.maximum:
        problems.append(
            InputProblem(
                spec.name,
                f"{where} must be between {_fmt(spec.minimum)} and {_fmt(spec.maximum)} {spec.unit}; "
                f"got {_fmt(value)} {spec.unit}.",
            )
        )
        return None
    return value


def inputs_from_dict(data: dict, specs: tuple[ParamSpec, ...]) -> Inputs:
    """Check every value against its spec and build ``Inputs``; list every problem at once."""
    problems: list[InputProblem] = []
    if not isinstance(data, dict):
        raise MechanicsInputError([InputProblem("", f"expected a set of named values, got {data!r}")])
    known = {spec.name for spec in specs} | {"cane_hand"}
    for name in data:
        if name not in known:
            problems.append(InputProblem(str(name), f"unknown setting '{name}'; known: {', '.join(sorted(known))}."))
    values: dict[str, float] = {}
    for spec in specs:
        value = _number(spec, data.get(spec.name), problems)
        if value is not None:
            values[spec.name] = value
    hand = data.get("cane_hand")
    if hand not in CANE_HANDS:
        problems.append(
            InputProblem(
                "cane_hand",
                f"Cane hand (cane_hand) must be one of {', '.join(CANE_HANDS)}; got {hand!r}.",
            )
        )
    if {"body_weight_n", "weight_share_pct", "cane_force_n"} <= values.keys():
        weight_above = values["body_weight_n"] * values["weight_share_pct"] / 100
        if values["cane_force_n"] > weight_above:
            problems.append(
                InputProblem(
                    "cane_force_n",
                    f"Cane force (cane_force_n) of {_fmt(values['cane_force_n'])} N is more than the "
                    f"weight above the hip ({weight_above:.0f} N): the cane would lift the body.",
                )
            )
    if problems:
        raise MechanicsInputError(problems)
    return Inputs(cane_hand=str(hand), **values)
