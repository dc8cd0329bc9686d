"""Static HTML of the mechanics lab: controls, figure, numbers, chart, the preset table and the
sources. Readable and printable with no Python; the mechanics widget makes it live."""

import json
from html import escape

from ..motion.html import FigureText, motion_figure
from .figure import chart_svg, figure_svg
from .gait_figure import describe_walk, gait_animation
from .lab import WALK_ID, WALK_LABEL, WALK_TITLE, resolve
from .model import ParamSpec
from .presets import PARAMS, PRESETS, SOURCE_NOTES, SPECS
from .report import presets_table_html, results_html
from .statics import solve
from .text import describe


def _json_for_script(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")


def _field_html(spec: ParamSpec, value: float, prefix: str) -> str:
    base = f"{prefix}-{spec.name}"
    source = f" Default {spec.default:g} {spec.unit}: {spec.source}."
    return (
        f'<div class="hd-mech-field" data-field="{spec.name}">'
        f'<label for="{base}">{escape(spec.label)} <span class="hd-mech-unit">({escape(spec.unit)})</span></label>'
        f'<div class="hd-mech-inputs">'
        f'<input type="range" id="{base}" name="{spec.name}" min="{spec.minimum:g}" max="{spec.maximum:g}" '
        f'step="{spec.step:g}" value="{value:g}" aria-describedby="{base}-help">'
        f'<input type="number" id="{base}-number" name="{spec.name}" min="{spec.minimum:g}" '
        f'max="{spec.maximum:g}" step="{spec.step:g}" value="{value:g}" inputmode="decimal" '
        f'aria-label="{escape(spec.label)} in {escape(spec.unit)}" aria-describedby="{base}-help">'
        f"</div>"
        f'<p class="hd-mech-help" id="{base}-help">{escape(spec.help)}{escape(source)}</p>'
        f"</div>"
    )


WALK_WORDS = {"play": "Play the walk", "pause": "Pause the walk", "strip": "Key moments of the walk"}  # the lab's


def walk_html(inputs) -> str:
    """The lab's walking figure: one gait cycle with the settings, still at mid-stance until the
    reader presses Play; the lab's widget swaps in the frames for new settings."""
    figure = motion_figure(
        gait_animation(inputs, WALK_LABEL),
        WALK_ID,
        FigureText(WALK_TITLE, describe_walk(inputs), **WALK_WORDS),
        autoplay=False,
    )
    return f'<div class="hd-mech-walk"><h4 class="hd-mech-walk-title">{WALK_TITLE}</h4>{figure}</div>'


def lab_html(prefix: str = "hd-mech") -> str:
    inputs = resolve({"preset": PRESETS[0].name})
    result = solve(inputs)
    fields = "".join(_field_html(spec, getattr(inputs, spec.name), prefix) for spec in PARAMS)
    hands = "".join(
        f'<label class="hd-mech-radio"><input type="radio" name="cane_hand" value="{value}"'
        f"{' checked' if inputs.cane_hand == value else ''}> {escape(text)}</label>"
        for value, text in (("opposite", "opposite hand (swing side)"), ("same", "same-side hand (stance side)"))
    )
    preset_buttons = "".join(
        f'<button type="button" class="hd-action hd-mech-preset" data-preset="{p.name}" '
        f'aria-pressed="{"true" if p is PRESETS[0] else "false"}" aria-describedby="{prefix}-preset-{p.name}">'
        f"{escape(p.title)}</button>"
        for p in PRESETS
    )
    preset_results = [(p.name, solve(resolve({"preset": p.name}))) for p in PRESETS]
    # Each button is described by its summary in the list below (no title: Material would draw a
    # tooltip for it outside the page's landmarks).
    summaries = "".join(
        f'<li id="{prefix}-preset-{p.name}"><strong>{escape(p.title)}:</strong> {escape(p.summary)}</li>'
        for p in PRESETS
    )
    sources = "".join(f"<li>{escape(note)}</li>" for note in SOURCE_NOTES)
    data = {"params": [spec.to_dict() for spec in PARAMS], "presets": [p.name for p in PRESETS]}
    return (
        f'<section class="hd-widget hd-mech" data-hipdrop-widget="mechanics" id="{prefix}" '
        f'aria-labelledby="{prefix}-title">'
        f'<h3 class="hd-mech-title" id="{prefix}-title">Mechanics lab: one-leg stance</h3>'
        '<p class="hd-status" role="status">The sliders work once Python has loaded in your browser. '
        "The figure, numbers and table below are for the worked example and work without it.</p>"
        f'<script type="application/json" class="hd-data">{_json_for_script(data)}</script>'
        f'<form class="hd-mech-form" aria-labelledby="{prefix}-title" novalidate>'
        f'<fieldset class="hd-mech-controls" disabled>'
        f'<legend class="hd-mech-legend">Settings</legend>'
        f'<div class="hd-mech-preset-bar" role="group" aria-label="Presets">{preset_buttons}</div>'
        f'<div class="hd-mech-fields">{fields}'
        f'<fieldset class="hd-mech-hand"><legend>Cane hand</legend>{hands}</fieldset></div>'
        "</fieldset></form>"
        f'<p class="hd-mech-error" role="alert" hidden></p>'
        f'<div class="hd-mech-output">'
        f'<figure class="hd-mech-figure"><div class="hd-mech-figure-svg">{figure_svg(result)}</div>'
        f'<figcaption class="hd-mech-description" aria-live="polite">{escape(describe(result))}</figcaption></figure>'
        f'<div class="hd-mech-numbers">{results_html(result)}</div>'
        f"{walk_html(inputs)}"
        f'<figure class="hd-mech-chart"><div class="hd-mech-chart-svg">{chart_svg(inputs, SPECS["lean_cm"])}</div>'
        "<figcaption>Abductor force for every trunk lean, other settings unchanged. The dashed line is "
        "the abductors' capacity: above it, the pelvis drops.</figcaption></figure>"
        "</div>"
        f'<h4 id="{prefix}-presets">Every preset at a glance</h4>'
        f'<ul class="hd-mech-preset-notes">{summaries}</ul>'
        f'<div class="hd-mech-table-wrap">{presets_table_html(preset_results)}</div>'
        f'<h4 id="{prefix}-sources">Where the numbers come from</h4>'
        f'<ul class="hd-mech-sources">{sources}'
        "<li>Capacity values and the cane's distance from the hip are illustrative teaching choices, "
        "not measurements. This is a static model of standing still: it does not show walking, "
        "balance or how fast the pelvis drops.</li></ul>"
        "</section>"
    )
