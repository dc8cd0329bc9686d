"""Static HTML of the picker's form: native controls, labels and fieldsets, written at build time.

Field names are the answer fields of ``answers.py`` and the values are what ``answers_from_form``
reads, so a submitted form, the URL query and the CLI's JSON all mean the same thing.
"""

import json
from html import escape

from ..catalog import catalog_from_dict
from .answers import (
    DAYS_RANGE,
    MINUTES_RANGE,
    NONE,
    PAIN_RANGE,
    QUESTIONS,
    WEEKS_RANGE,
)
from .limits import CLINICIAN_LIMITS, PROCEDURES
from .warning_signs import URGENCIES, signs_at

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
    ("not-sure", "I am not sure, or nobody has told me"),
)
CLEARED = (
    ("yes", "Yes"),
    ("no", "No, not yet"),
    ("not-sure", "I am not sure"),
)
HEALED = (
    ("yes", "Yes, they have said it has healed"),
    ("no", "No, not yet"),
    ("not-sure", "I am not sure"),
)
PREGNANCY = (
    ("no", "No, or this does not apply to me"),
    ("under-16-weeks", "Yes, under 16 weeks"),
    ("16-to-19-weeks", "Yes, 16 to 19 weeks"),
    ("20-weeks-or-more", "Yes, 20 weeks or more"),
    ("gave-birth-last-12-weeks", "I gave birth in the last 12 weeks"),
)
NONE_OF_THE_SIGNS = ((NONE, "None of these apply to me"),)
NO_LIMITS = ((NONE, "No movement limits: my clinician gave me none of these"),)
STANCE = (
    ("yes", "Yes"),
    ("no", "No"),
    ("not-tried", "I have not tried"),
)
SQUAT = (
    ("no", "No"),
    ("box", "Yes, down to a box or chair"),
    ("free", "Yes, without a box, with the pelvis level"),
    ("not-tried", "I have not tried"),
)
PAIN_ONSET = (
    ("new", "New: it began, or clearly changed, in the last 3 months"),
    ("long-standing", "Long-standing: I have had it for 3 months or more"),
)
WALKING_WORSE = (
    ("no", "No, or I have not tried any hip exercises"),
    ("some", "Yes, after some of them (tick which below)"),
    ("all", "Yes, after every one I tried"),
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


def _choices(name: str, kind: str, options, hints: dict | None = None) -> str:
    """Native radio buttons or checkboxes; ``hints`` adds a plain-word definition under a label."""
    hints = hints or {}
    out = []
    for value, label in options:
        control = f"{FORM_ID}-{name}-{_e(value)}"
        hint = hints.get(value, "")
        described = f' aria-describedby="{control}-hint"' if hint else ""
        hint_html = f'<span class="hd-hint" id="{control}-hint">{_e(hint)}</span>' if hint else ""
        out.append(
            f'<div class="hd-choice"><input type="{kind}" id="{control}" name="{name}" '
            f'value="{_e(value)}"{described}><label for="{control}">{_e(label)}</label>{hint_html}</div>'
        )
    return "".join(out)


def _group(key: str, question: str, body: str) -> str:
    return (
        f'<div class="hd-subfield" role="group" aria-labelledby="hd-picker-q-{key}">'
        f'<p id="hd-picker-q-{key}" class="hd-question-text">{_e(question)}</p>{body}</div>'
    )


def _warning_groups() -> str:
    groups = "".join(
        _group(
            f"signs-{level.id}",
            level.heading,
            _choices("red_flags", "checkbox", tuple((s.id, s.label) for s in signs_at(level.id))),
        )
        for level in URGENCIES
    )
    return groups + _group(
        "signs-none", "If none of them applies:", _choices("red_flags", "checkbox", NONE_OF_THE_SIGNS)
    )


def _exercise_choices(catalog_data: dict) -> str:
    """A checkbox for every exercise in the catalog, grouped by family, easiest first."""
    catalog = catalog_from_dict(catalog_data)
    groups = []
    for main in catalog.families():
        members = catalog.family_members(main.id)
        groups.append(
            _group(
                f"worse-{main.id}",
                main.name,
                _choices("worse_exercises", "checkbox", tuple((m.id, m.name) for m in members)),
            )
        )
    return "".join(groups)


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


def _lower_first(text: str) -> str:
    return text[0].lower() + text[1:]


def _if_yes(name: str) -> str:
    return "If yes: " + _lower_first(QUESTIONS[name])


def _surgery_section(procedures, definitions, limits) -> str:
    return _fieldset(
        "surgery",
        "5. Recent surgery or fracture",
        _group(
            "surgery",
            QUESTIONS["recent_surgery_or_fracture"],
            _choices("recent_surgery_or_fracture", "radio", YES_NO),
        )
        + _group("operated", _if_yes("operated_side"), _choices("operated_side", "radio", OPERATED_SIDE))
        + _number(
            "weeks_since_surgery",
            _if_yes("weeks_since_surgery"),
            WEEKS_RANGE,
            "A whole number of weeks; 0 if it was this week.",
        )
        + _group("procedure", _if_yes("procedure"), _choices("procedure", "radio", procedures, definitions))
        + _group("guidance", _if_yes("clinician_guidance"), _choices("clinician_guidance", "radio", YES_NO))
        + _group("weight", _if_yes("weight_bearing"), _choices("weight_bearing", "radio", WEIGHT_BEARING))
        + _group("cleared", _if_yes("single_leg_cleared"), _choices("single_leg_cleared", "radio", CLEARED))
        + _group(
            "healed",
            "If it was a fracture: " + _lower_first(QUESTIONS["bone_healed"]),
            _choices("bone_healed", "radio", HEALED),
        )
        + _group(
            "precautions",
            "If they have: limits your clinician gave you (tick every one, or No movement limits):",
            _choices("precautions", "checkbox", limits + NO_LIMITS),
        ),
        "Answer only from what your own clinician told you. Recently means you are still recovering "
        "or still have limits from your team.",
    )


def render_form(catalog_data: dict | None = None) -> str:
    procedures = tuple((p.id, p.label) for p in PROCEDURES)
    definitions = {p.id: p.definition for p in PROCEDURES}
    limits = tuple((limit.id, limit.label) for limit in CLINICIAN_LIMITS)
    sections = [
        _fieldset(
            "red_flags",
            "1. Warning signs: tick any that apply to you now",
            _warning_groups(),
            "Any one of these, on its own, means a clinician should see you, at the urgency shown, "
            "instead of an exercise program. If none applies, tick None of these.",
            "hd-red-flags",
        ),
        _fieldset(
            "about",
            "2. About you",
            _group("age", QUESTIONS["age_16_or_over"], _choices("age_16_or_over", "radio", YES_NO))
            + _group("pregnancy", QUESTIONS["pregnancy"], _choices("pregnancy", "radio", PREGNANCY))
            + _group("falls", QUESTIONS["falls_or_walking_aid"], _choices("falls_or_walking_aid", "radio", YES_NO)),
            "This course is for adults, 16 and over.",
        ),
        _fieldset(
            "weak_side",
            "3. " + QUESTIONS["weak_side"],
            _choices("weak_side", "radio", WEAK_SIDE),
            "The weak side is the leg you stand on when the other side of the pelvis drops.",
        ),
        _fieldset(
            "pain",
            "4. Pain",
            _number(
                "pain_now",
                QUESTIONS["pain_now"],
                PAIN_RANGE,
                f"A whole number from {PAIN_RANGE[0]} to {PAIN_RANGE[1]}: "
                "the pain you have on most days at the moment.",
            )
            + _group("onset", QUESTIONS["pain_onset"], _choices("pain_onset", "radio", PAIN_ONSET))
            + _group("outer", QUESTIONS["outer_hip_pain"], _choices("outer_hip_pain", "radio", YES_NO)),
        ),
        _surgery_section(procedures, definitions, limits),
        _fieldset(
            "ability",
            "6. What you can do now",
            _group("stance", QUESTIONS["single_leg_stance"], _choices("single_leg_stance", "radio", STANCE))
            + _group("plank", QUESTIONS["side_plank"], _choices("side_plank", "radio", SIDE_PLANK))
            + _group("squat", QUESTIONS["single_leg_squat"], _choices("single_leg_squat", "radio", SQUAT)),
        ),
        _fieldset(
            "walking_worse",
            "7. " + QUESTIONS["walking_worse"],
            _choices("walking_worse", "radio", WALKING_WORSE)
            + (_exercise_choices(catalog_data) if catalog_data else ""),
            "The program leaves out each exercise you tick, and its harder versions.",
        ),
        _fieldset("goal", "8. " + QUESTIONS["goal"], _choices("goal", "radio", GOALS)),
        _fieldset("equipment", "9. " + QUESTIONS["equipment"], _choices("equipment", "checkbox", EQUIPMENT)),
        _fieldset(
            "time",
            "10. Your time",
            _number(
                "minutes_per_day",
                QUESTIONS["minutes_per_day"],
                MINUTES_RANGE,
                f"From {MINUTES_RANGE[0]} to {MINUTES_RANGE[1]}.",
            )
            + _number(
                "days_per_week", QUESTIONS["days_per_week"], DAYS_RANGE, f"From {DAYS_RANGE[0]} to {DAYS_RANGE[1]}."
            ),
        ),
    ]
    return (
        f'<form class="hd-picker-form" id="{FORM_ID}-form" method="get" action="#hd-picker-result" novalidate>'
        + "".join(sections)
        + '<div class="hd-picker-actions">'
        '<button type="submit" class="hd-action hd-action--primary">Build my program</button> '
        '<button type="reset" class="hd-action">Start again</button>'
        "</div></form>"
    )


def _json_for_script(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")


def render_picker(catalog_data: dict, base_url: str, urls: dict | None = None) -> str:
    """The whole widget: status line, form, result area, and the data for the worker: the catalog,
    the site root, and ``urls`` made by the build from MkDocs's files: ``{"exercises": {id: url},
    "figures": {id: {"src": url, "alt": words}}}`` (each exercise's still figure), each address
    seen from this page."""
    data = {"catalog": catalog_data, "base_url": base_url, "urls": urls or {}}
    return (
        '<section class="hd-widget hd-picker" data-hipdrop-widget="picker" aria-labelledby="hd-picker-title">'
        '<h2 id="hd-picker-title">Your answers</h2>'
        '<p class="hd-status" role="status">The program is built by Python running in your '
        "browser. It starts when the page has loaded; nothing you enter leaves this device.</p>"
        + render_form(catalog_data)
        + '<div class="hd-picker-output" id="hd-picker-result" aria-live="polite"></div>'
        f'<script type="application/json" class="hd-data">{_json_for_script(data)}</script>'
        "</section>"
    )
