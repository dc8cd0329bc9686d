"""``hipdrop lab``: the mechanics lab's numbers on the command line, for worksheets and tests."""

import json
import sys
from pathlib import Path

from ..engine.mechanics.figure import chart_svg, figure_svg
from ..engine.mechanics.lab import resolve
from ..engine.mechanics.model import MechanicsInputError
from ..engine.mechanics.presets import PARAMS, PRESETS, SPECS
from ..engine.mechanics.report import text_report
from ..engine.mechanics.statics import solve
from ..engine.mechanics.text import describe

NAME = "lab"
HELP = "one-leg-stance mechanics: abductor force, hip joint force and whether the pelvis drops"

STANDARD_GRAVITY = 9.80665


def _option(name: str) -> str:
    return "--" + name.replace("_", "-")


def add_arguments(parser) -> None:
    parser.add_argument(
        "--preset",
        choices=[p.name for p in PRESETS],
        default=PRESETS[0].name,
        help="start from a preset (default: %(default)s); options below override it",
    )
    for spec in PARAMS:
        parser.add_argument(
            _option(spec.name),
            dest=spec.name,
            type=float,
            metavar="X",
            # argparse formats help with %: a unit such as "% of body weight" must be escaped.
            help=f"{spec.label}, {spec.unit} ({spec.minimum:g} to {spec.maximum:g}; default {spec.default:g})".replace(
                "%", "%%"
            ),
        )
    parser.add_argument(
        "--body-weight-kg", type=float, metavar="KG", help="body weight in kilograms (instead of newtons)"
    )
    parser.add_argument("--cane-hand", choices=["opposite", "same"], help="hand holding the cane")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format")
    parser.add_argument("--figure", type=Path, metavar="SVG", help="also write the figure to this SVG file")
    parser.add_argument("--chart", type=Path, metavar="SVG", help="also write the lean chart to this SVG file")
    parser.add_argument("--list-presets", action="store_true", help="list the presets and stop")


def _settings(args) -> dict:
    settings: dict = {"preset": args.preset}
    for spec in PARAMS:
        value = getattr(args, spec.name)
        if value is not None:
            settings[spec.name] = value
    if args.body_weight_kg is not None:
        settings["body_weight_n"] = args.body_weight_kg * STANDARD_GRAVITY
    if args.cane_hand is not None:
        settings["cane_hand"] = args.cane_hand
    return settings


def run(args, project) -> int:
    if args.list_presets:
        for preset in PRESETS:
            print(f"{preset.name}: {preset.title}. {preset.summary}")
        return 0
    if args.body_weight_kg is not None and args.body_weight_n is not None:
        print("give the body weight once: --body-weight-n or --body-weight-kg, not both", file=sys.stderr)
        return 2
    try:
        inputs = resolve(_settings(args))
    except MechanicsInputError as error:
        print(error.report(), file=sys.stderr)
        return 2
    result = solve(inputs)
    if args.figure:
        args.figure.write_text(figure_svg(result), encoding="utf-8")
    if args.chart:
        args.chart.write_text(chart_svg(inputs, SPECS["lean_cm"]), encoding="utf-8")
    if args.format == "json":
        payload = result.to_dict()
        payload["preset"] = args.preset
        payload["description"] = describe(result)
        print(json.dumps(payload, indent=2))
    else:
        title = next(p.title for p in PRESETS if p.name == args.preset)
        print(text_report(result, f"Preset: {title}"))
        print()
        print(describe(result))
    return 0
