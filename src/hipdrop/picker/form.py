"""Static HTML of the picker's form: native controls, labels and fieldsets, written at build time.

Field names are the answer fields of ``answers.py`` and the values are what ``answers_from_form``
reads, so a submitted form, the URL query and the CLI's JSON all mean the same thing.
"""

import json
from html import escape

from .answers import (
    DAYS_RANGE,
    MINUTES_RANGE,
    PAIN_RANGE,
)
from .safety import RED_FLAGS

FORM_ID = "hd-picker"

WEAK_SIDE = (
    ("left", "Left"),
    ("right", "Right"),
    ("both", "Both"),
    ("not-sure", "Not sure"),
)
YES_NO = (("yes", "Yes"), ("no", "No"))
OPERATED_SIDE = (("left", "Left"), ("right", "Right"), ("both", "Both"))
WEIGHT_BEARING = (
    ("full", "Full weight is allowed"),
    ("partial", "Only part of my weight (for example with crutches)"),
    ("none", "No weight on the leg yet"),
)
PRECAUTIONS = (
    ("no-lying-on-operated-side", "Do not lie on the operated side"),
    ("hip-precautions", "Hip precautions (for example: do not bend the hip past a right angle)"),
)
STANCE = (
    ("yes", "Yes"),
    ("no", "No"),
    ("not-tried", "I have not tried"),
)
SIDE_PLANK = (
    ("none", "Not yet"),
    ("knees", "Yes, from my knees"),
    ("feet", "Yes, from my feet"),
)
GOALS = (
    ("motor-control", "Motor control: walk with a level pelvis"),
    ("strength", "Strength"),
    ("endurance", "Endurance: keep control when tired"),
    ("return-to-sport", "Return to sport"),
)
EQUIPMENT = (
    ("step", "A step or stair"),
    ("band", "An exercise band"),
    ("wall", "A clear wall"),
    ("chair", "A chair, counter or sturdy table to hold"),
    ("mirror", "A mirror"),
    ("weight", "A weight (a dumbbell or a filled bottle)"),
)


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _choices(name: str, kind: str, options: tuple[tuple[str, str], ...]) -> str:
    return "".join(
        f'<div class="hd-choice"><input type="{kind}" id="{FORM_ID}-{name}-{_e(value)}" '
        f'name="{name}" value="{_e(value)}">'
        f'<label for="{FORM_ID}-{name}-{_e(value)}">{_e(label)}</label></div>'
        for value, label in options
    )


def _fieldset(name: str, legend: str, body: str, hint: str = "", css: str = "") -> str:
    hint_id = f"{FORM_ID}-{name}-hint"
    hint_html = f'<p class="hd-hint" id="{hint_id}">{_e(hint)}</p>' if hint else ""
    described = f' aria-describedby="{hint_id}"' if hint else ""
    return (
        f'<fieldset class="hd-picker-field {css}" data-field="{name}"{described}>'
        f"<legend>{_e(legend)}</legend>{hint_html}{body}</fieldset>"
    )


def _number(name: str, label: str, bounds: tuple[int, int], hint: str) -> str:
    low, high = bounds
    hint_id = f"{FORM_ID}-{name}-hint"
    return (
        f'<div class="hd-picker-number"><label for="{FORM_ID}-{name}">{_e(label)}</label>'
        f'<input type="number" id="{FORM_ID}-{name}" name="{name}" min="{low}" max="{high}" '
        f'step="1" inputmode="numeric" aria-describedby="{hint_id}">'
        f'<span class="hd-hint" id="{hint_id}">{_e(hint)}</span></div>'
    )


def render_form() -> str:
    red_flags = tuple((flag.id, flag.label) for flag in RED_FLAGS)
    sections = [
        _fieldset(
            "red_flags",
            "1. Warning signs: tick any that apply to you now",
            _choices("red_flags", "checkbox", red_flags),
            "Any of these means a clinician should see you before you start exercises.",
            "hd-red-flags",
        ),
        _fieldset(
            "weak_side",
            "2. Which side is weak?",
            _choices("weak_side", "radio", WEAK_SIDE),
            "The weak side is the leg you stand on when the other side of the pelvis drops.",
        ),
        _fieldset(
            "pain",
            "3. Pain",
            _number("pain_now", "Pain now, from 0 (none) to 10 (worst imaginable)",
                    PAIN_RANGE, f"A whole number from {PAIN_RANGE[0]} to {PAIN_RANGE[1]}."),
        ),
        _fieldset(
            "surgery",
            "4. Recent surgery or fracture",
            '<div class="hd-subfield" role="group" aria-labelledby="hd-picker-q-surgery">'
            '<p id="hd-picker-q-surgery" class="hd-question-text">Have you had surgery or a fracture in '
            "the hip, pelvis or leg recently?</p>"
            + _choices("recent_surgery_or_fracture", "radio", YES_NO)
            + "</div>"
            '<div class="hd-subfield" role="group" aria-labelledby="hd-picker-q-operated">'
            '<p id="hd-picker-q-operated" class="hd-question-text">If yes: which side?</p>'
            + _choices("operated_side", "radio", OPERATED_SIDE)
            + "</div>"
            '<div class="hd-subfield" role="group" aria-labelledby="hd-picker-q-guidance">'
            '<p id="hd-picker-q-guidance" class="hd-question-text">If yes: has your surgeon or '
            "physiotherapist told you which movements and how much weight are safe?</p>"
            + _choices("clinician_guidance", "radio", YES_NO)
            + "</div>"
            '<div class="hd-subfield" role="group" aria-labelledby="hd-picker-q-weight">'
            '<p id="hd-picker-q-weight" class="hd-question-text">How much weight may the leg take?</p>'
            + _choices("weight_bearing", "radio", WEIGHT_BEARING)
            + "</div>"
            '<div class="hd-subfield" role="group" aria-labelledby="hd-picker-q-precautions">'
            '<p id="hd-picker-q-precautions" class="hd-question-text">Other limits your clinician gave you:</p>'
            + _choices("precautions", "checkbox", PRECAUTIONS)
            + "</div>",
            "Answer only from what your own clinician told you; leave the limits empty if there "
            "was no surgery or fracture.",
        ),
        _fieldset(
            "ability",
            "5. What you can do now",
            '<div class="hd-subfield" role="group" aria-labelledby="hd-picker-q-stance">'
            '<p id="hd-picker-q-stance" class="hd-question-text">Can you stand on the weak leg for 30 '
            "seconds with the pelvis level?</p>"
            + _choices("single_leg_stance", "radio", STANCE)
            + "</div>"
            '<div class="hd-subfield" role="group" aria-labelledby="hd-picker-q-plank">'
            '<p id="hd-picker-q-plank" class="hd-question-text">Can you hold a side plank?</p>'
            + _choices("side_plank", "radio", SIDE_PLANK)
            + "</div>"
            '<div class="hd-subfield" role="group" aria-labelledby="hd-picker-q-squat">'
            '<p id="hd-picker-q-squat" class="hd-question-text">Can you do a single-leg squat down to '
            "a box or chair on the weak leg?</p>"
            + _choices("single_leg_squat", "radio", STANCE)
            + "</div>",
        ),
        _fieldset("goal", "6. Your goal", _choices("goal", "radio", GOALS)),
        _fieldset("equipment", "7. What you have at home", _choices("equipment", "checkbox", EQUIPMENT)),
        _fieldset(
            "time",
            "8. Your time",
            _number("minutes_per_day", "Minutes a day", MINUTES_RANGE,
                    f"From {MINUTES_RANGE[0]} to {MINUTES_RANGE[1]}.")
            + _number("days_per_week", "Days a week", DAYS_RANGE,
                      f"From {DAYS_RANGE[0]} to {DAYS_RANGE[1]}."),
        ),
    ]
    return (
        f'<form class="hd-picker-form" id="{FORM_ID}-form" method="get" action="#hd-picker-result" novalidate>'
        + "".join(sections)
        + '<div class="hd-picker-actions">'
        '<button type="submit" class="md-button md-button--primary">Build my program</button> '
        '<button type="reset" class="md-button">Start again</button>'
        "</div></form>"
    )


def _json_for_script(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")


def render_picker(catalog_data: dict, base_url: str) -> str:
    """The whole widget: status line, form, result area and the catalog for the worker."""
    data = {"catalog": catalog_data, "base_url": base_url}
    return (
        '<section class="hd-widget hd-picker" data-hipdrop-widget="picker" aria-labelledby="hd-picker-title">'
        '<h2 id="hd-picker-title">Your answers</h2>'
        '<p class="hd-status" role="status">The program is built by Python running in your '
        "browser. It starts when the page has loaded; nothing you enter leaves this device.</p>"
        + render_form()
        + '<div class="hd-picker-output" id="hd-picker-result" aria-live="polite"></div>'
        f'<script type="application/json" class="hd-data">{_json_for_script(data)}</script>'
        "</section>"
    )
