"""The lab in one call: settings (a preset and/or values) in, numbers, figure, chart and text out."""

from ..motion.animation import strip_html
from .figure import chart_svg, figure_svg
from .gait_figure import describe_walk, gait_animation
from .model import InputProblem, Inputs, MechanicsInputError, inputs_from_dict
from .presets import PARAMS, PRESETS, PRESETS_BY_NAME, SPECS
from .report import results_html
from .statics import solve
from .text import describe


def resolve(params: dict) -> Inputs:
    """A preset (default: quiet stance) with any given values on top, checked."""
    if not isinstance(params, dict):
        raise MechanicsInputError([InputProblem("", f"expected a set of named values, got {params!r}")])
    settings = dict(params)
    name = settings.pop("preset", None) or PRESETS[0].name
    preset = PRESETS_BY_NAME.get(name)
    if preset is None:
        raise MechanicsInputError(
            [InputProblem("preset", f"unknown preset '{name}'; choose one of {', '.join(PRESETS_BY_NAME)}.")]
        )
    merged = preset.params()
    merged.update(settings)
    return inputs_from_dict(merged, PARAMS)


def run(params: dict) -> dict:
    """Everything the page shows; bad settings come back as a list of problems, not an exception."""
    try:
        inputs = resolve(params)
    except MechanicsInputError as error:
        return {
            "valid": False,
            "message": error.report(),
            "problems": [{"field": p.field, "message": p.message} for p in error.problems],
        }
    result = solve(inputs)
    return {
        "valid": True,
        "inputs": inputs.to_dict(),
        "result": {k: v for k, v in result.to_dict().items() if k != "inputs"},
        "figure_svg": figure_svg(result),
        "chart_svg": chart_svg(inputs, SPECS["lean_cm"]),
        "description": describe(result),
        "results_html": results_html(result),
        "walk": walk(inputs),
    }


WALK_ID = "hd-mech-walk"
WALK_TITLE = "Walking with these settings"
WALK_LABEL = "left leg"


def walk(inputs: Inputs) -> dict:
    """The gait cycle for these settings: the player's frames, the still and key frames as SVG,
    and the words."""
    animation = gait_animation(inputs, WALK_LABEL)
    return {
        "data": animation.data(),
        "svg": animation.svg(animation.still, f"{WALK_ID}-still", WALK_TITLE),
        "strip_html": strip_html(animation, WALK_ID, WALK_TITLE),
        "description": describe_walk(inputs),
    }
