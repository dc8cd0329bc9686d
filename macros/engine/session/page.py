"""Static HTML of the guided-session widget, written at build time (build only, not in the wheel).

Readable before any Python loads: what the page does, the warning signs, the log's questions and
the buttons, all native controls with labels. ``site_assets/js/widgets/session.js`` shows the parts
in turn and sends every answer to the engine. The words the script needs are in the data
(``words.WORDS``); the catalog and the build's addresses too.
"""

import json
from html import escape

from ..picker.warning_signs import URGENCIES, signs_at
from .log import PELVIS
from .words import WORDS

PAIN_LEVELS = tuple(range(0, 11))
PELVIS_LABELS = {
    "level": "Level: it stayed level (or came back to level)",
    "dropped": "Dropped: the side of the lifted leg sank",
    "leaned": "Leaned: the trunk leaned over the standing leg",
    "not-checked": "I did not check (no mirror, or I did not look)",
}


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _radios(prefix: str, name: str, options, checked: str = "") -> str:
    items = []
    for value, label in options:
        ident = f"{prefix}-{name}-{value}"
        mark = " checked" if value == checked else ""
        items.append(
            f'<div class="hd-choice"><input type="radio" id="{ident}" name="{name}" value="{_e(value)}"{mark}>'
            f'<label for="{ident}">{_e(label)}</label></div>'
        )
    return "".join(items)


def _scale(prefix: str, name: str, legend: str, hint: str) -> str:
    """A 0 to 10 pain scale as a row of radio buttons (a number each, the ends named)."""
    options = "".join(
        f'<span class="hd-scale-point"><input type="radio" id="{prefix}-{name}-{n}" name="{name}" value="{n}">'
        f'<label for="{prefix}-{name}-{n}">{n}</label></span>'
        for n in PAIN_LEVELS
    )
    hint_id = f"{prefix}-{name}-hint"
    return (
        f'<fieldset class="hd-session-field hd-scale" aria-describedby="{hint_id}"><legend>{_e(legend)}</legend>'
        f'<p class="hd-hint" id="{hint_id}">{_e(hint)}</p><div class="hd-scale-row">{options}</div></fieldset>'
    )


def _signs(prefix: str) -> str:
    groups = []
    for level in URGENCIES:
        items = "".join(
            f'<div class="hd-choice"><input type="checkbox" id="{prefix}-sign-{s.id}" name="red_flags" value="{s.id}">'
            f'<label for="{prefix}-sign-{s.id}">{_e(s.label)}</label></div>'
            for s in signs_at(level.id)
        )
        groups.append(
            f'<div class="hd-subfield" role="group" aria-labelledby="{prefix}-urgency-{level.id}">'
            f'<p class="hd-question-text" id="{prefix}-urgency-{level.id}">{_e(level.heading)}</p>{items}</div>'
        )
    return "".join(groups)


def precheck_html() -> str:
    return (
        '<form class="hd-session-precheck" hidden novalidate>'
        '<fieldset class="hd-session-field"><legend>Before you start: do any of these warning signs apply to '
        "you now?</legend>"
        '<p class="hd-hint">Any one of them means a clinician, not exercise, at the urgency shown.</p>'
        + _signs("hd-pre")
        + '<div class="hd-choice hd-none"><input type="checkbox" id="hd-pre-sign-none" name="red_flags" value="none">'
        '<label for="hd-pre-sign-none">None of these apply to me</label></div></fieldset>'
        '<p class="hd-session-form-problem" role="alert" hidden></p>'
        '<button type="submit" class="hd-action hd-action--primary">Continue</button></form>'
    )


def one_leg_html() -> str:
    pelvis = _radios("hd-oneleg", "pelvis", tuple(PELVIS_LABELS.items()), "not-checked")
    return (
        '<section class="hd-session-oneleg" hidden aria-labelledby="hd-oneleg-title">'
        '<h3 id="hd-oneleg-title" tabindex="-1">The one-leg check</h3>'
        "<p>Lesson 3's self-check, timed: face a mirror, a belt or tape across the front of your hips, the "
        "hand on the standing leg's side resting lightly on a counter. Press Start the timer as you lift "
        "the other foot, and Foot down when you put it down, the pelvis sinks or your trunk leans; the "
        "timer stops by itself at 30 seconds. Stop at once if you feel pain, dizziness or unsteadiness.</p>"
        '<p class="hd-oneleg-side" aria-live="polite"></p>'
        '<p class="hd-timer hd-oneleg-timer" '
        'aria-hidden="true">0</p>'
        '<div class="hd-session-buttons"><button type="button" class="hd-action hd-action--primary hd-big" '
        'data-do="oneleg-toggle">'
        "Start the timer</button></div>"
        '<fieldset class="hd-session-field hd-oneleg-pelvis" hidden><legend>How did the pelvis look in the '
        "mirror?</legend>" + pelvis + "</fieldset>"
        '<div class="hd-session-buttons"><button type="button" class="hd-action" data-do="oneleg-next" '
        "hidden>Save the check</button>"
        '<button type="button" class="hd-action" data-do="oneleg-skip">Skip the check today</button></div>'
        "</section>"
    )


def runner_html() -> str:
    return (
        '<section class="hd-session-runner" hidden aria-labelledby="hd-runner-name">'
        '<p class="hd-runner-count"></p>'
        '<h3 id="hd-runner-name" tabindex="-1"></h3>'
        '<div class="hd-runner-figure"></div>'
        '<p class="hd-runner-side"></p><p class="hd-runner-support"></p>'
        '<p class="hd-runner-dose"></p>'
        '<div class="hd-runner-clock" aria-hidden="true"><p class="hd-runner-kind"></p>'
        '<p class="hd-timer hd-runner-timer"></p><p class="hd-runner-counts"></p></div>'
        '<p class="hd-runner-announce hd-sr-only" aria-live="polite" aria-atomic="true"></p>'
        '<div class="hd-session-buttons">'
        '<button type="button" class="hd-action hd-action--primary hd-big" data-do="toggle">Start</button>'
        '<button type="button" class="hd-action" data-do="skip-rest" hidden>Skip the rest</button>'
        '<button type="button" class="hd-action" data-do="end-set">End this set now</button>'
        '<button type="button" class="hd-action" data-do="stop-exercise">Stop this exercise</button></div>'
        '<div class="hd-choice hd-speak"><input type="checkbox" id="hd-runner-speak">'
        '<label for="hd-runner-speak">Say the counts aloud</label></div>'
        '<p class="hd-runner-wake hd-hint"></p>'
        '<ul class="hd-runner-cues"></ul>'
        "</section>"
    )


def log_form_html() -> str:
    outcomes = (("as-dosed", "Done as dosed"), ("fewer", "Fewer repetitions than dosed"), ("stopped", "Stopped it"))
    stopped = (("sharp-pain", "Sharp pain"), ("tired", "Too tired"), ("other", "Another reason"))
    return (
        '<form class="hd-session-logform" hidden novalidate aria-labelledby="hd-logform-title">'
        '<h3 id="hd-logform-title" tabindex="-1">How did it '
        "go?</h3>"
        '<fieldset class="hd-session-field"><legend>The exercise</legend>'
        + _radios("hd-log", "outcome", outcomes)
        + "</fieldset>"
        '<div class="hd-session-field hd-log-reps"><label for="hd-log-reps">Repetitions done, all sets and '
        "sides</label>"
        '<input type="number" id="hd-log-reps" name="reps_done" min="0" max="2000" step="1" inputmode="numeric"></div>'
        '<fieldset class="hd-session-field hd-log-stopped" hidden><legend>Why did you stop?</legend>'
        + _radios("hd-log", "stopped_for", stopped)
        + "</fieldset>"
        + _scale(
            "hd-log",
            "pain_during",
            "Your worst pain in the hip during the exercise and just after",
            "0 is no pain, 10 the worst imaginable.",
        )
        + '<fieldset class="hd-session-field"><legend>How did the pelvis look, if you checked with a mirror?</legend>'
        + _radios("hd-log", "pelvis", tuple(PELVIS_LABELS.items()), "not-checked")
        + "</fieldset>"
        '<div class="hd-choice hd-session-field"><input type="checkbox" id="hd-log-walking" name="walking_worse">'
        '<label for="hd-log-walking">Walking feels worse after this exercise</label></div>'
        '<details class="hd-log-signs"><summary>A warning sign has appeared</summary>'
        '<div class="hd-session-field">' + _signs("hd-log") + "</div></details>"
        '<p class="hd-session-form-problem" role="alert" hidden></p>'
        f'<button type="submit" class="hd-action hd-action--primary">{_e(WORDS["save_log"])}</button></form>'
    )


def morning_html() -> str:
    return (
        '<form class="hd-session-morning" hidden novalidate aria-labelledby="hd-morning-title">'
        '<h3 id="hd-morning-title">This morning</h3>'
        + _scale(
            "hd-morning",
            "pain",
            "Your pain in the hip this morning, after your last session",
            "0 is no pain, 10 the worst imaginable. The pain rule asks that it is back to your usual level.",
        )
        + '<p class="hd-session-form-problem" role="alert" hidden></p>'
        '<div class="hd-session-buttons"><button type="submit" class="hd-action '
        'hd-action--primary">Save</button></div></form>'
    )


def _json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")


def session_widget_html(catalog_data: dict, urls: dict) -> str:
    """The whole widget: today's session, the log's charts, paper and calendar, the log file."""
    data = {"catalog": catalog_data, "urls": urls, "words": WORDS, "pelvis": list(PELVIS)}
    return (
        '<section class="hd-widget hd-session" data-hipdrop-widget="session" aria-labelledby="hd-session-title">'
        '<h2 id="hd-session-title">Today\'s session</h2>'
        '<p class="hd-status" role="status">The session runs with Python in your browser. It starts when the '
        "page has loaded; your log stays on this "
        "device.</p>"
        '<div class="hd-session-view"></div>'
        '<div class="hd-session-message" role="status" aria-live="polite"></div>'
        + morning_html()
        + '<div class="hd-session-buttons hd-session-begin" hidden>'
        '<button type="button" class="hd-action hd-action--primary hd-big" data-do="begin">Start today\'s '
        "session</button></div>"
        + precheck_html()
        + one_leg_html()
        + runner_html()
        + log_form_html()
        + '<h2 id="hd-progress">Your progress</h2><div class="hd-session-chart">'
        "<p>Your charts appear here once Python has started and a session is logged.</p></div>"
        '<h2 id="hd-paper">Paper and '
        ""
        "calendar</h2>"
        "<p>Print a tracker to tick on paper, or a one-page summary to show your physiotherapist or GP. "
        "Both come from your program and your log, in this browser. For a PDF, choose Save as PDF in the "
        ""
        ""
        "print dialog.</p>"
        '<div class="hd-session-buttons">'
        '<button type="button" class="hd-action" data-do="print-tracker">Print my tracker</button>'
        '<button type="button" class="hd-action" data-do="print-summary">Print a summary for my '
        "physiotherapist or GP</button></div>"
        '<form class="hd-session-calendar" novalidate><fieldset class="hd-session-field"><legend>Calendar '
        "reminders</legend>"
        '<p class="hd-hint">A calendar file (.ics) with your session days for 6 weeks: strength days with a day '
        "between them, daily drills every day they are due.</p>"
        '<div class="hd-inline"><label for="hd-cal-start">First day</label><input type="date" '
        'id="hd-cal-start" name="start" required></div>'
        '<div class="hd-inline"><label for="hd-cal-time">Time</label><input type="time" id="hd-cal-time" '
        'name="time" value="18:00" required></div>'
        '<button type="submit" class="hd-action">Download the calendar file</button></fieldset></form>'
        '<div class="hd-session-paper"></div>'
        '<h2 id="hd-log-file">Your log file</h2>'
        "<p>Your log is kept in this browser only. Save it as a file to keep a copy or to move it to "
        "another browser or device; open that file there to carry on. Deleting removes it from this browser.</p>"
        '<div class="hd-session-buttons">'
        '<button type="button" class="hd-action" data-do="export">Save my log as a file</button>'
        '<button type="button" class="hd-action" data-do="import">Open a log file</button>'
        '<input type="file" class="hd-session-import" hidden accept=".json,application/json">'
        '<button type="button" class="hd-action" data-do="delete">Delete my log from this browser</button></div>'
        '<div class="hd-session-file-status" role="status" aria-live="polite"></div>'
        f'<script type="application/json" class="hd-data">{_json(data)}</script>'
        "</section>"
    )
