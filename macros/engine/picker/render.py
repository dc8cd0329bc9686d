"""Pure HTML for a picker outcome: a program, a referral or rest advice. All text is escaped.

``render(outcome, base_url, urls)`` returns one ``<section>``. ``urls`` holds ``exercises``
(exercise id -> address of its page) and ``figures`` (exercise id -> trained side -> ``{"src",
"alt", "width", "height"}``: the address of its still figure drawn for that side by the motion
engine at build time, the words that stand for it and its size), each seen from the program
page; the build makes them from MkDocs's own files, so this module never formats an exercise
address. An exercise without an address is named without a
link; without a figure from the build, its figure is looked for at ``<base_url>`` +
``motion.files.figure_file(id, side)`` (``base_url``: the site root as seen from the page, "../" on
/program/), as ``hipdrop pick --html`` does.
"""

from html import escape

from ..motion.files import figure_file
from .program import ChosenExercise, HeldPhase, LeftOut, Outcome, Phase, Program, Reason, Referral, RestAdvice
from .rules import figure_words, other_side
from .warning_signs import URGENCY_BY_ID

GOAL_WORDS = {
    "motor-control": "motor control",
    "strength": "strength",
    "endurance": "endurance",
    "return-to-sport": "return to sport",
}
LEVEL_WORDS = {"easier": "easier version", "standard": "standard version", "harder": "harder version"}
URGENCY_CLASS = {"emergency-today": "hd-urgent", "same-day": "hd-urgent", "soon": "hd-soon"}
LEFT_OUT_KINDS = {
    "precaution": "a limit after surgery or a fracture",
    "weight-bearing": "a weight-bearing limit",
    "early": "the early weeks after surgery or a fracture",
    "fracture": "a healing fracture",
    "post-op-start": "the start after surgery or a fracture",
    "outer-hip": "outer hip pain",
    "falls": "a fall or a walking aid",
    "pregnancy": "pregnancy",
    "pain": "your pain",
    "gentle-start": "a gentle start",
    "goal": "your goal",
    "walking-worse": "walking was worse after it",
    "equipment": "equipment",
    "ability": "what you can do now",
    "level": "your level",
    "time": "time",
    "phase-size": "phase size",
    "phase": "no exercise fits",
}


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _reason(reason: Reason) -> str:
    source = f' <span class="hd-source">({_e(reason.source)})</span>' if reason.source else ""
    return f"<li>{_e(reason.text)}{source}</li>"


def _reasons(reasons: tuple[Reason, ...], css: str) -> str:
    if not reasons:
        return ""
    return f'<ul class="{css}">' + "".join(_reason(r) for r in reasons) + "</ul>"


def figure_url(base_url: str, exercise_id: str, side: str = "") -> str:
    base = base_url if base_url == "" or base_url.endswith("/") else base_url + "/"
    return f"{base}{figure_file(exercise_id, side)}"


def _figure(exercise: ChosenExercise, base_url: str, figures: dict) -> str:
    """The exercise's still figure (its key positions) drawn for the side of its first set (the
    weak side first), and a caption that says which side it shows, in the set's own words."""
    first = exercise.sides[0] if exercise.sides else None
    side = first.trained if first is not None else ""
    given = (figures.get(exercise.id) or {}).get(side) or {}
    src = given.get("src") or figure_url(base_url, exercise.id, side)
    alt = given.get("alt") or f"{exercise.name}: its key positions, the working leg hatched."
    size = f' width="{_e(given["width"])}" height="{_e(given["height"])}"' if "width" in given else ""
    caption = figure_words(first) if first is not None else ""
    if first is not None and len(exercise.sides) > 1:
        caption += f" For the {other_side(first.trained)} side, do the mirror image."
    return (
        f'<figure class="hd-program-fig" data-side="{_e(side)}">'
        f'<img class="hd-program-figure" src="{_e(src)}" alt="{_e(alt)}"{size} loading="lazy">'
        + (f'<figcaption class="hd-program-figure-side">{_e(caption)}</figcaption>' if caption else "")
        + "</figure>"
    )


def _named(name: str, exercise_id: str, urls: dict) -> str:
    url = urls.get(exercise_id)
    return f'<a href="{_e(url)}">{_e(name)}</a>' if url else _e(name)


def _side(side) -> str:
    support = f' <span class="hd-support">{_e(side.support)}</span>' if side.support else ""
    return f"<li>{_e(side.text)}{support}</li>"


def _left_out(items: tuple[LeftOut, ...]) -> str:
    rows = []
    for item in items:
        kind = LEFT_OUT_KINDS.get(item.kind, item.kind)
        source = f' <span class="hd-source">({_e(item.source)})</span>' if item.source else ""
        rows.append(
            f'<li data-kind="{_e(item.kind)}"><span class="hd-left-kind">{_e(kind)}:</span> '
            f"{_e(item.text)}{source}</li>"
        )
    return '<ul class="hd-left-out">' + "".join(rows) + "</ul>"


def _exercise(exercise: ChosenExercise, base_url: str, urls: dict | None = None) -> str:
    urls = urls or {}
    figures = urls.get("figures") or {}
    pages = urls.get("exercises") or {}
    parts = ['<li class="hd-program-exercise">', _figure(exercise, base_url, figures)]
    parts.append('<div class="hd-program-body">')
    parts.append(
        f"<h4>{_named(exercise.name, exercise.id, pages)} <span "
        f'class="hd-level">({_e(LEVEL_WORDS.get(exercise.level, exercise.level))})</span></h4>'
    )
    dose = exercise.dose
    parts.append(
        f'<p class="hd-dose"><strong>Dose:</strong> {_e(dose.text)}; about '
        f"{_e(dose.minutes)} min. "
        f'<span class="hd-source">({_e(dose.source)})</span></p>'
    )
    parts.append('<ul class="hd-sides">' + "".join(_side(s) for s in exercise.sides) + "</ul>")
    if exercise.cues:
        parts.append(
            '<p class="hd-cues-title"><strong>Key cues:</strong></p><ul class="hd-cues">'
            + "".join(f"<li>{_e(c)}</li>" for c in exercise.cues)
            + "</ul>"
        )
    steps = []
    if exercise.easier:
        steps.append(f"Too hard? Go back to {exercise.easier}.")
    if exercise.harder:
        steps.append(f"Next step: {exercise.harder}.")
    if steps:
        parts.append(f'<p class="hd-next">{_e(" ".join(steps))}</p>')
    parts.append('<p class="hd-why-title"><strong>Why this choice:</strong></p>')
    parts.append(_reasons(exercise.reasons, "hd-why"))
    parts.append("</div></li>")
    return "".join(parts)


def _phase(phase: Phase, base_url: str, urls: dict) -> str:
    return (
        f'<section class="hd-program-phase" data-phase="{_e(phase.id)}">'
        f"<h3>Phase {phase.number}: {_e(phase.title)}</h3>"
        '<ol class="hd-program-exercises">' + "".join(_exercise(e, base_url, urls) for e in phase.exercises) + "</ol>"
        '<p class="hd-moving-on-title"><strong>Move on when:</strong></p>'
        + _reasons(phase.moving_on, "hd-moving-on")
        + "</section>"
    )


def _held(held: tuple[HeldPhase, ...]) -> str:
    """Phases that come later: why, and the checks that open them."""
    if not held:
        return ""
    parts = ['<div class="hd-held-phases">']
    for phase in held:
        parts.append(
            f'<section class="hd-program-phase hd-held" data-phase="{_e(phase.id)}">'
            f"<h3>Later: {_e(phase.title)}</h3><p>{_e(phase.because)}</p>"
            '<p class="hd-moving-on-title"><strong>It comes when:</strong></p>'
            + _reasons(phase.until, "hd-moving-on")
            + "</section>"
        )
    return "".join(parts) + "</div>"


def _unique(items) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def _session_links(urls: dict) -> str:
    """Links to the guided session and the printed tracker, with the answers in the address."""
    if not urls.get("session"):
        return ""
    target = f"{urls['session']}?{urls.get('session_query', '')}"
    return (
        '<p class="hd-session-links">'
        f'<a class="hd-session-start md-button md-button--primary" href="{_e(target)}">Start this session</a> '
        f'<a class="hd-session-tracker md-button" href="{_e(target)}#hd-paper">Print a tracker to tick</a></p>'
    )


def render_program(program: Program, base_url: str = "", urls: dict | None = None) -> str:
    urls = urls or {}
    sides = " and ".join(program.trained_sides)
    summary = (
        f"Goal: {GOAL_WORDS.get(program.goal, program.goal)}. Trains the {sides} "
        f"{'hip' if len(program.trained_sides) == 1 else 'hips'}. "
        f"About {program.minutes_per_day} minutes a day, up to {program.days_per_week} days a week. "
        "Start with phase 1."
    )
    parts = [
        '<section class="hd-program-result hd-program" data-outcome="program" aria-labelledby="hd-program-title">',
        '<h2 id="hd-program-title" tabindex="-1">Your program</h2>',
        f'<p class="hd-program-summary">{_e(summary)}</p>',
        _session_links(urls),
        _reasons(program.notes, "hd-program-notes"),
        '<div class="hd-stop-rules"><h3>Stop rules</h3>',
        "<ul>"
        + "".join(f'<li>{_e(r.text)} <span class="hd-source">({_e(r.source)})</span></li>' for r in program.stop_rules)
        + "</ul></div>",
    ]
    parts += [_phase(phase, base_url, urls) for phase in program.phases]
    parts.append(_held(program.held))
    notes = _unique(n for phase in program.phases for e in phase.exercises for n in e.dose.notes)
    if notes:
        parts.append('<div class="hd-dose-notes-box"><h3>About the doses</h3><ul class="hd-dose-notes">')
        parts.append("".join(f"<li>{_e(n)}</li>" for n in notes) + "</ul></div>")
    if program.left_out:
        count = len(program.left_out)
        parts.append(f'<details class="hd-left-out-box"><summary>Left out, and why ({count})</summary>')
        parts.append(_left_out(program.left_out) + "</details>")
    parts.append(
        '<p class="hd-disclaimer">Education, not medical advice. Show this program to your '
        "physiotherapist or doctor; their advice comes first.</p>"
    )
    parts.append("</section>")
    return "".join(parts)


WATCH_FOR = "Until you are seen, watch for these emergency warning signs"


def _watch_for(referral: Referral, urls: dict) -> str:
    """The warning signs to watch for, quoted from the table, with a link to the list when the build gives one."""
    if not referral.watch_for:
        return ""
    heading = _e(WATCH_FOR)
    if urls.get("warning_signs"):
        heading = f'<a href="{_e(urls["warning_signs"])}">{heading}</a>'
    items = "".join(f"<li>{_e(line)}</li>" for line in referral.watch_for)
    return f'<div class="hd-watch-for"><p><strong>{heading}:</strong></p><ul>{items}</ul></div>'


def render_referral(referral: Referral, urls: dict | None = None) -> str:
    triggers = "".join(
        f"<li><strong>{_e(t.label)}</strong>: {_e(t.action)} "
        + (f"{_e(t.why)} " if t.why else "")
        + f'<span class="hd-source">({_e(t.source)})</span></li>'
        for t in referral.triggers
    )
    level = URGENCY_BY_ID.get(referral.urgency)
    urgency = f'<p class="hd-urgency"><strong>How soon:</strong> {_e(level.label)}.</p>' if level else ""
    return (
        f'<section class="hd-program-result hd-referral {URGENCY_CLASS.get(referral.urgency, "")}" '
        f'data-outcome="referral" data-urgency="{_e(referral.urgency)}" aria-labelledby="hd-program-title">'
        f'<h2 id="hd-program-title" tabindex="-1">{_e(referral.title)}</h2>'
        "<p>This page does not give you exercises, because of these answers:</p>"
        f'<ul class="hd-triggers">{triggers}</ul>'
        f"{urgency}"
        f'<p class="hd-what-to-do"><strong>What to do:</strong> {_e(referral.what_to_do)}</p>'
        f'<p class="hd-whom"><strong>Whom to see:</strong> {_e(referral.whom)}.</p>'
        f"{_watch_for(referral, urls or {})}"
        '<p class="hd-disclaimer">Education, not medical advice. If you are worried, seek help '
        "sooner rather than later.</p>"
        "</section>"
    )


def render_rest(advice: RestAdvice) -> str:
    return (
        '<section class="hd-program-result hd-rest" data-outcome="rest" aria-labelledby="hd-program-title">'
        '<h2 id="hd-program-title" tabindex="-1">Rest and review first</h2>'
        f"<p>{_e(advice.reason)}</p>"
        "<ul>" + "".join(f"<li>{_e(a)}</li>" for a in advice.advice) + "</ul>"
        '<p class="hd-disclaimer">Education, not medical advice.</p>'
        "</section>"
    )


def render(outcome: Outcome, base_url: str = "", urls: dict | None = None) -> str:
    if isinstance(outcome, Program):
        return render_program(outcome, base_url, urls)
    if isinstance(outcome, Referral):
        return render_referral(outcome, urls)
    return render_rest(outcome)


def render_text(outcome: Outcome) -> str:
    """The outcome as plain text, for the command line."""
    lines: list[str] = []
    if isinstance(outcome, Referral):
        lines += [outcome.title.upper(), "", "Because of these answers:"]
        for t in outcome.triggers:
            lines += [f"  - {t.label}", f"    {t.action} ({t.source})"]
            if t.why:
                lines += [f"    Why: {t.why}"]
        level = URGENCY_BY_ID.get(outcome.urgency)
        if level:
            lines += ["", f"How soon: {level.label}."]
        lines += ["", f"What to do: {outcome.what_to_do}", f"Whom to see: {outcome.whom}."]
        if outcome.watch_for:
            lines += ["", f"{WATCH_FOR}:", *(f"  - {line}" for line in outcome.watch_for)]
        return "\n".join(lines) + "\n"
    if isinstance(outcome, RestAdvice):
        lines += ["REST AND REVIEW FIRST", "", outcome.reason, *(f"  - {a}" for a in outcome.advice)]
        return "\n".join(lines) + "\n"
    lines += [
        "YOUR PROGRAM",
        f"Goal: {GOAL_WORDS.get(outcome.goal, outcome.goal)}; trains: {' and '.join(outcome.trained_sides)}; "
        f"{outcome.minutes_per_day} min a day, up to {outcome.days_per_week} days a week.",
        *(f"  * {n.text}" for n in outcome.notes),
        "",
        "Stop rules:",
        *(f"  - {r.text} ({r.source})" for r in outcome.stop_rules),
    ]
    for phase in outcome.phases:
        lines += ["", f"PHASE {phase.number}: {phase.title.upper()}"]
        for ex in phase.exercises:
            lines += [
                f"  {ex.name} ({LEVEL_WORDS.get(ex.level, ex.level)})",
                f"    Dose: {ex.dose.text} ({ex.dose.source})",
            ]
            lines += [f"    {n}" for n in ex.dose.notes]
            lines += [f"    {s.text}" + (f" {s.support}" if s.support else "") for s in ex.sides]
            lines += [f"    Cue: {c}" for c in ex.cues]
            lines += [f"    Why: {r.text}" + (f" ({r.source})" if r.source else "") for r in ex.reasons]
        lines += [f"  Move on when: {r.text} ({r.source})" for r in phase.moving_on]
    for held in outcome.held:
        lines += ["", f"LATER: {held.title.upper()}", f"  {held.because}"]
        lines += [f"  It comes when: {r.text} ({r.source})" for r in held.until]
    if outcome.left_out:
        lines += ["", "Left out:", *(f"  - [{LEFT_OUT_KINDS.get(r.kind, r.kind)}] {r.text}" for r in outcome.left_out)]
    return "\n".join(lines) + "\n"


def render_problems(problems: list[str]) -> str:
    return (
        '<section class="hd-program-result hd-problems" data-outcome="invalid" role="alert">'
        '<h2 id="hd-program-title" tabindex="-1">Please check your answers</h2>'
        "<ul>" + "".join(f"<li>{_e(p)}</li>" for p in problems) + "</ul>"
        "</section>"
    )
