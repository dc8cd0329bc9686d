"""Numeric problems from the mechanics model, one per seed, for quizzes and worksheets in versions.

Each generator draws the values of one-leg stance from a seed (``hipdrop.quiz.draws``: the same
numbers in CPython and in Pyodide), checks them with the lab's own ``inputs_from_dict`` and solves
them with the lab's own ``solve``: the answer and every number of the working come from the model
the lab uses. The answer is given in whole newtons, rounded half up; intermediate values are shown
to 0.1 N. Values are rounded to 6 decimals, as whole millionths, before they are rounded for
display, so a last-digit difference between two runtimes' sine or cosine never changes a digit the
reader sees. (Whole numbers, not ``decimal``: the browser's trimmed standard library lacks it.)

Where each range comes from:

- body weight: 500 to 1,000 N in steps of 10 N (about 51 to 102 kg): course convention, adult
  weights inside the lab's 200 to 1,500 N range;
- weight above the hip: the lab's 83.33% of body weight, about five sixths (Indian J Orthop hip
  review 2017);
- body-weight moment arm: 8 to 12 cm in steps of 0.5 cm: course convention, around the 10 cm of
  the worked example (Kosmahl, PT245);
- abductor moment arm: from a third to a half of the body-weight arm, in steps of 0.5 cm: the
  ratio of 2 to 3 : 1 (Standring 2016; Pauwels 1935);
- abductor line of pull: 70° from the horizontal (Kosmahl, PT245), as in the lab;
- trunk lean toward the stance hip: 1 to 5 cm in steps of 0.5 cm: course convention, up to the
  lesson's lean that halves a 10 cm arm;
- cane: in the opposite hand, 5 to 10% of body weight in steps of 5 N (the lab's cane presets use
  10%; people rarely put more than about 20% on a cane, Brand and Crowninshield 1980), 40 cm from
  the stance hip (the lab's illustrative default).

The tolerance is 2% of the answer, rounded up to a whole newton (course convention: it covers
rounding in the steps, not a wrong method).
"""

from hipdrop.quiz.draws import Draws
from hipdrop.quiz.generated import Given, Problem, Step

from .model import Inputs, Result, inputs_from_dict
from .presets import DEFAULT_CANE_HAND, PARAMS, SPECS
from .statics import solve

BODY_WEIGHT_N = ("500", "1000", "10")
BODY_WEIGHT_ARM_CM = ("8", "12", "0.5")
ARM_RATIO = (2, 3)  # body-weight arm : abductor arm (Standring 2016; Pauwels 1935)
LEAN_CM = ("1", "5", "0.5")
CANE_SHARE_PCT = (5, 10)
CANE_STEP_N = 5
TOLERANCE_PCT = 2


MICRO = 10**6


def _scaled(value: float, places: int) -> int:
    """``value`` in units of 10**-places, rounded half away from zero, after rounding it to whole
    millionths first (float noise below that never reaches a shown digit)."""
    micro = round(round(value, 6) * MICRO)
    unit = MICRO // 10**places
    magnitude = (abs(micro) + unit // 2) // unit
    return magnitude if micro >= 0 else -magnitude


def _n(value: float, places: int = 1) -> str:
    """1166.62 -> '1,166.6'; 583.0 -> '583' with no places."""
    scaled = _scaled(value, places)
    sign, scaled = ("-" if scaled < 0 else ""), abs(scaled)
    whole, fraction = divmod(scaled, 10**places)
    return f"{sign}{whole:,}" + (f".{fraction:0{places}d}" if places else "")


def _cm(value: float) -> str:
    return f"{value:g} cm"


def _whole(value: float) -> int:
    return _scaled(value, 0)


def _tolerance(answer: int) -> int:
    """2% of the answer, rounded up to a whole newton (integer arithmetic)."""
    return max(1, -(-abs(answer) * TOLERANCE_PCT // 100))


def _share() -> float:
    return SPECS["weight_share_pct"].default


def _arms(draws: Draws) -> tuple[float, float]:
    """The body-weight arm, then an abductor arm between a third and a half of it (0.5 cm steps)."""
    body_arm = draws.grid(*BODY_WEIGHT_ARM_CM)
    halves_low = -(-int(body_arm * 2) // ARM_RATIO[1])  # a third of the arm, in half centimetres, up
    halves_high = int(body_arm * 2) // ARM_RATIO[0]  # a half of it, down
    return body_arm, draws.integer(halves_low, halves_high) / 2


def _solve(**values: float | str) -> Result:
    """The lab's own check and model: defaults for anything not given, no cane unless given."""
    settings: dict = {spec.name: spec.default for spec in PARAMS}
    settings["cane_hand"] = DEFAULT_CANE_HAND
    settings.update(values)
    inputs: Inputs = inputs_from_dict(settings, PARAMS)
    return solve(inputs)


def _stance(draws: Draws) -> tuple[float, float, float]:
    body_weight = draws.grid(*BODY_WEIGHT_N)
    body_arm, abductor_arm = _arms(draws)
    return body_weight, body_arm, abductor_arm


def _weight_step(result: Result) -> Step:
    share = _share()
    return Step(
        "Weight above the hip",
        f"W = {share:g}% × BW",
        f"{share / 100:g} × {_n(result.inputs.body_weight_n, 0)} N",
        f"{_n(result.superincumbent_weight_n)} N",
    )


def _times_body_weight(force_symbol: str, force: float, body_weight: float) -> Step:
    return Step(
        "As a multiple of body weight",
        f"{force_symbol} ÷ BW",
        f"{_n(force)} N ÷ {_n(body_weight, 0)} N",
        f"{_n(force / body_weight, 2)} × BW",
    )


def _stance_givens(result: Result) -> tuple[Given, ...]:
    i = result.inputs
    return (
        Given("BW", "Body weight", i.body_weight_n, "N"),
        Given("b", "Body-weight moment arm", i.body_weight_arm_cm, "cm"),
        Given("a", "Abductor moment arm", i.abductor_arm_cm, "cm"),
    )


STANCE = (
    "A person stands on one leg with the trunk upright. Use the lever model of one-leg stance: the "
    "weight above the stance hip (W) is {share}% of body weight, about five sixths."
)


def abductor_force(seed: int) -> Problem:
    """One-leg stance: the abductor force that holds the pelvis level."""
    return abductor_force_problem(seed, *_stance(Draws(seed, "mechanics", "abductor-force")))


def abductor_force_problem(seed: int, body_weight: float, body_arm: float, abductor_arm: float) -> Problem:
    result = _solve(body_weight_n=body_weight, body_weight_arm_cm=body_arm, abductor_arm_cm=abductor_arm)
    answer = _whole(result.abductor_force_n)
    return Problem(
        seed=seed,
        statement=STANCE.format(share=f"{_share():g}"),
        givens=_stance_givens(result),
        question="How hard must the hip abductors pull to hold the pelvis level (F), in newtons?",
        unit="N",
        answer=float(answer),
        tolerance=float(_tolerance(answer)),
        steps=(
            _weight_step(result),
            Step(
                "Moments balance about the hip",
                "F × a = W × b, so F = W × b ÷ a",
                f"{_n(result.superincumbent_weight_n)} N × {_cm(body_arm)} ÷ {_cm(abductor_arm)}",
                f"{_n(result.abductor_force_n)} N",
            ),
            _times_body_weight("F", result.abductor_force_n, body_weight),
        ),
        note="Lever models give an abductor force of about 2 to 3 times the weight above the hip "
        "(Standring 2016; Pauwels 1935).",
    )


def joint_force(seed: int) -> Problem:
    """One-leg stance: the joint reaction force on the stance hip."""
    return joint_force_problem(seed, *_stance(Draws(seed, "mechanics", "joint-force")))


def joint_force_problem(seed: int, body_weight: float, body_arm: float, abductor_arm: float) -> Problem:
    result = _solve(body_weight_n=body_weight, body_weight_arm_cm=body_arm, abductor_arm_cm=abductor_arm)
    angle = result.inputs.abductor_angle_deg
    muscle_down = result.joint_force_vertical_n - result.superincumbent_weight_n
    answer = _whole(result.joint_force_n)
    return Problem(
        seed=seed,
        statement=STANCE.format(share=f"{_share():g}")
        + " The abductors pull down and outward on the pelvis at an angle θ from the horizontal.",
        givens=(*_stance_givens(result), Given("θ", "Abductor line of pull", angle, "°")),
        question="How hard is the stance hip joint pressed (the joint reaction force R), in newtons?",
        unit="N",
        answer=float(answer),
        tolerance=float(_tolerance(answer)),
        steps=(
            _weight_step(result),
            Step(
                "Abductor force, from the moments about the hip",
                "F = W × b ÷ a",
                f"{_n(result.superincumbent_weight_n)} N × {_cm(body_arm)} ÷ {_cm(abductor_arm)}",
                f"{_n(result.abductor_force_n)} N",
            ),
            Step(
                "Downward push on the hip",
                "V = W + F × sin θ",
                f"{_n(result.superincumbent_weight_n)} N + {_n(result.abductor_force_n)} N × sin {angle:g}° "
                f"= {_n(result.superincumbent_weight_n)} N + {_n(muscle_down)} N",
                f"{_n(result.joint_force_vertical_n)} N",
            ),
            Step(
                "Sideways push on the hip",
                "H = F × cos θ",
                f"{_n(result.abductor_force_n)} N × cos {angle:g}°",
                f"{_n(result.joint_force_lateral_n)} N",
            ),
            Step(
                "Joint reaction force",
                "R = √(V² + H²)",
                f"√({_n(result.joint_force_vertical_n)}² + {_n(result.joint_force_lateral_n)}²) N",
                f"{_n(result.joint_force_n)} N",
            ),
            _times_body_weight("R", result.joint_force_n, body_weight),
        ),
        note="Implants that measure the force read a little less in one-leg stance, under 2.4 times body "
        "weight (Bergmann 2001): a lever model gives the size of the force, not its exact value.",
    )


def trunk_lean(seed: int) -> Problem:
    """One-leg stance with the trunk leaned over the stance hip: the abductor force."""
    draws = Draws(seed, "mechanics", "trunk-lean")
    body_weight, body_arm, abductor_arm = _stance(draws)
    return trunk_lean_problem(seed, body_weight, body_arm, abductor_arm, draws.grid(*LEAN_CM))


def trunk_lean_problem(seed: int, body_weight: float, body_arm: float, abductor_arm: float, lean: float) -> Problem:
    result = _solve(body_weight_n=body_weight, body_weight_arm_cm=body_arm, abductor_arm_cm=abductor_arm, lean_cm=lean)
    upright = _solve(body_weight_n=body_weight, body_weight_arm_cm=body_arm, abductor_arm_cm=abductor_arm)
    answer = _whole(result.abductor_force_n)
    return Problem(
        seed=seed,
        statement="A person with a weak hip stands on that leg and leans the trunk over it, which moves the "
        f"centre of mass L closer to the hip. The weight above the stance hip (W) is {_share():g}% of body weight.",
        givens=(*_stance_givens(result), Given("L", "Trunk lean toward the stance hip", lean, "cm")),
        question="With the lean, how hard must the hip abductors pull (F), in newtons?",
        unit="N",
        answer=float(answer),
        tolerance=float(_tolerance(answer)),
        steps=(
            _weight_step(result),
            Step(
                "Body-weight moment arm after the lean",
                "b − L",
                f"{_cm(body_arm)} − {_cm(lean)}",
                _cm(result.effective_arm_cm),
            ),
            Step(
                "Moments balance about the hip",
                "F × a = W × (b − L), so F = W × (b − L) ÷ a",
                f"{_n(result.superincumbent_weight_n)} N × {_cm(result.effective_arm_cm)} ÷ {_cm(abductor_arm)}",
                f"{_n(result.abductor_force_n)} N",
            ),
        ),
        note=f"Upright, the abductors would need {_n(upright.abductor_force_n, 0)} N. The lean lowers the hip's "
        "load, but it shifts knee load to the outer half (Simic 2012) and adds trunk work.",
    )


def cane(seed: int) -> Problem:
    """One-leg stance with a cane in the opposite hand: the abductor force."""
    draws = Draws(seed, "mechanics", "cane")
    body_weight, body_arm, abductor_arm = _stance(draws)
    steps_low = -(-int(body_weight) * CANE_SHARE_PCT[0] // (100 * CANE_STEP_N))
    steps_high = int(body_weight) * CANE_SHARE_PCT[1] // (100 * CANE_STEP_N)
    cane_force = float(draws.integer(steps_low, steps_high) * CANE_STEP_N)
    return cane_problem(seed, body_weight, body_arm, abductor_arm, cane_force)


def cane_problem(seed: int, body_weight: float, body_arm: float, abductor_arm: float, cane_force: float) -> Problem:
    cane_arm = float(SPECS["cane_arm_cm"].default)
    result = _solve(
        body_weight_n=body_weight,
        body_weight_arm_cm=body_arm,
        abductor_arm_cm=abductor_arm,
        cane_force_n=cane_force,
        cane_hand="opposite",
        cane_arm_cm=cane_arm,
    )
    body_moment = result.body_weight_moment_nm * 100  # N·cm, as the arms are in cm
    cane_moment = -result.cane_moment_nm * 100  # the opposite-hand cane's moment relieves the abductors
    answer = _whole(result.abductor_force_n)
    return Problem(
        seed=seed,
        statement="A person with a weak hip stands on that leg and pushes down on a cane held in the opposite "
        f"hand. The weight above the stance hip (W) is {_share():g}% of body weight.",
        givens=(
            *_stance_givens(result),
            Given("C", "Cane force", cane_force, "N"),
            Given("d", "Cane distance from the stance hip", cane_arm, "cm"),
        ),
        question="With the cane, how hard must the hip abductors pull (F), in newtons?",
        unit="N",
        answer=float(answer),
        tolerance=float(_tolerance(answer)),
        steps=(
            _weight_step(result),
            Step(
                "Body-weight moment",
                "W × b",
                f"{_n(result.superincumbent_weight_n)} N × {_cm(body_arm)}",
                f"{_n(body_moment)} N·cm",
            ),
            Step(
                "Cane moment, which helps the abductors",
                "C × d",
                f"{_n(cane_force, 0)} N × {_cm(cane_arm)}",
                f"{_n(cane_moment)} N·cm",
            ),
            Step(
                "Moments balance about the hip",
                "F × a = W × b − C × d, so F = (W × b − C × d) ÷ a",
                f"({_n(body_moment)} − {_n(cane_moment)}) N·cm ÷ {_cm(abductor_arm)}",
                f"{_n(result.abductor_force_n)} N",
            ),
        ),
        note="Static models like this one overstate what a cane does (Brand and Crowninshield 1980); in people "
        "with hip replacements an opposite-hand cane cut abductor activity by about a third (Neumann 1998).",
    )


# The generators this course registers (its Pack's ``generators``): name -> "module:function".
GENERATORS = {
    "mechanics.abductor-force": "hipdrop_course.engine.mechanics.problems:abductor_force",
    "mechanics.joint-force": "hipdrop_course.engine.mechanics.problems:joint_force",
    "mechanics.trunk-lean": "hipdrop_course.engine.mechanics.problems:trunk_lean",
    "mechanics.cane": "hipdrop_course.engine.mechanics.problems:cane",
}
