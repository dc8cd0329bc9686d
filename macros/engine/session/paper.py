"""The two sheets the reader prints from the session page, each on one page, as HTML the page's
print styles lay out (``site_assets/css/session.css``):

- ``tracker_html``: the reader's exercises and doses from the program, with boxes to tick for each
  day of each of ``TRACKER_WEEKS`` weeks, and the stop rules (landscape, A4 and Letter);
- ``summary_html``: for the reader's physiotherapist or GP: the answers, the program, the log so
  far week by week, and the warnings and changes the course gave.
"""

from html import escape

from ..catalog import Catalog
from ..picker.answers import QUESTIONS, Answers
from ..picker.limits import CLINICIAN_LIMITS_BY_ID, PROCEDURES_BY_ID
from ..picker.program import Program
from ..picker.render import GOAL_WORDS
from ..picker.warning_signs import URGENCY_BY_ID, WARNING_SIGNS_BY_ID
from .chart import table_html, weeks
from .log import Log
from .plan import Today
from .progress import STEP_BACK, day
from .render import nice_date
from .rules import TRACKER_WEEKS, see_whom

DISCLAIMER = (
    "Education, not medical advice. Made by the Hip Drop course in the reader's own browser; the course "
    "has not examined this person. A clinician's own plan comes first."
)


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _boxes(count: int) -> str:
    return (
        f'<span class="hd-sr-only">{count} boxes to tick</span>'
        + '<span class="hd-boxes" aria-hidden="true">'
        + '<span class="hd-box"></span>' * count
        + "</span>"
    )


def tracker_html(program: Program, answers: Answers, on: str) -> str:
    head = "".join(f'<th scope="col">Week {n}</th>' for n in range(1, TRACKER_WEEKS + 1))
    rows = []
    for phase in program.phases:
        texts = [r.text.replace("The course's check: ", "") for r in phase.moving_on]
        checks = " ".join([*texts[:1], *(t[:1].upper() + t[1:] for t in texts[1:])])  # sentences after the first
        rows.append(
            f'<tbody><tr class="hd-tracker-phase"><td colspan="{TRACKER_WEEKS + 2}"><strong>'
            f"Phase {phase.number}: {_e(phase.title)}.</strong> <span>Move on when: {_e(checks)}</span></td></tr>"
        )
        for chosen in phase.exercises:
            sides = " ".join(s.text for s in chosen.sides)
            rows.append(
                f'<tr><th scope="row"><strong>{_e(chosen.name)}</strong>'
                f'<span class="hd-tracker-side">{_e(sides)}</span></th>'
                f"<td>{_e(chosen.dose.text)}</td>"
                + "".join(f"<td>{_boxes(chosen.dose.days_per_week)}</td>" for _ in range(TRACKER_WEEKS))
                + "</tr>"
            )
        rows.append("</tbody>")
    stop = "".join(f"<li>{_e(rule.text)}</li>" for rule in program.stop_rules)
    goal = GOAL_WORDS.get(program.goal, program.goal)
    return (
        '<section class="hd-paper hd-paper-tracker" aria-labelledby="hd-paper-tracker-title">'
        '<h2 id="hd-paper-tracker-title">My exercise tracker</h2>'
        f'<p class="hd-paper-meta">Goal: {_e(goal)}. Trains the {_e(" and ".join(program.trained_sides))} '
        f"{'hip' if len(program.trained_sides) == 1 else 'hips'}. Usual pain: {answers.pain_now} out of 10. "
        f"Printed on {_e(nice_date(on))} {day(on).year}. Started on: ____________</p>"
        '<table class="hd-tracker-grid"><caption>Tick a box on each day you do the exercise; '
        "start with phase 1 and move on only when its checks are met.</caption>"
        f'<thead><tr><th scope="col">Exercise and side</th><th scope="col">Dose</th>{head}</tr></thead>'
        + "".join(rows)
        + "</table>"
        f'<div class="hd-paper-stop"><h3>Stop rules</h3><ul>{stop}</ul></div>'
        f'<p class="hd-paper-foot">{_e(DISCLAIMER)}</p></section>'
    )


def _answer_words(name: str, values: list[str], catalog: Catalog) -> str:
    words = []
    for value in values:
        if name == "red_flags":
            words.append(WARNING_SIGNS_BY_ID[value].label if value in WARNING_SIGNS_BY_ID else "none")
        elif name == "precautions":
            words.append(CLINICIAN_LIMITS_BY_ID[value].label if value in CLINICIAN_LIMITS_BY_ID else "none")
        elif name == "procedure" and value in PROCEDURES_BY_ID:
            words.append(PROCEDURES_BY_ID[value].label)
        elif name == "worse_exercises":
            try:
                words.append(catalog.exercise(value).name)
            except KeyError:
                words.append(value)
        else:
            words.append(value.replace("-", " "))
    return "; ".join(words)


def warnings_given(program: Program, answers: Answers, log: Log, plan: Today | None) -> list[str]:
    """Every warning the course gave this reader, with its date: warning signs, steps back, exercises
    left out, the reasons to stop and see a physiotherapist."""
    items = []
    for session in log.sessions:
        for sign_id in session.red_flags:
            sign = WARNING_SIGNS_BY_ID.get(sign_id)
            if sign is not None:
                level = URGENCY_BY_ID[sign.urgency]
                items.append(
                    f"{nice_date(session.date)}: warning sign, {sign.label}. Told: {level.label}, {sign.what_to_do}"
                )
    if plan is not None:
        for change in plan.progress.changes:
            if change.kind in (STEP_BACK, "left-out"):
                items.append(f"{nice_date(change.date)}: {change.text}")
        see = see_whom(answers)
        for stop in plan.progress.stops:
            items.append(f"{nice_date(stop.date)}: {stop.text} Told: stop the exercises and {see}.")
    return items


def summary_html(program: Program, answers: Answers, catalog: Catalog, log: Log, plan: Today | None, on: str) -> str:
    answer_rows = "".join(
        f'<tr><th scope="row">{_e(QUESTIONS.get(name, name))}</th>'
        f"<td>{_e(_answer_words(name, values, catalog))}</td></tr>"
        for name, values in log.answers.items()
        if name in QUESTIONS
    )
    phases = "".join(
        f"<li><strong>Phase {p.number}: {_e(p.title)}</strong>"
        + ("" if plan is None or plan.phase_id != p.id else " (the phase now)")
        + ": "
        + "; ".join(f"{_e(c.name)}, {_e(c.dose.text)}" for c in p.exercises)
        + "</li>"
        for p in program.phases
    )
    held = "".join(f"<li>Later: {_e(h.title)} ({_e(h.because)})</li>" for h in program.held)
    table = weeks(log)
    log_part = (
        table_html(table, answers.trained_sides, "hd-paper-log", caption="")
        if table
        else "<p>No session logged yet.</p>"
    )
    warnings = warnings_given(program, answers, log, plan)
    warning_part = (
        "<ul>" + "".join(f"<li>{_e(w)}</li>" for w in warnings) + "</ul>" if warnings else "<p>None so far.</p>"
    )
    sessions = sum(1 for s in log.sessions if s.exercises)
    return (
        '<section class="hd-paper hd-paper-summary" aria-labelledby="hd-paper-summary-title">'
        '<h2 id="hd-paper-summary-title">Summary for my physiotherapist or GP</h2>'
        f'<p class="hd-paper-meta">Printed on {_e(nice_date(on))} {day(on).year}. '
        f"{sessions} {'session' if sessions == 1 else 'sessions'} logged. "
        f"{_e(DISCLAIMER)}</p>"
        f'<h3>Answers to the program picker</h3><table class="hd-paper-answers"><tbody>{answer_rows}</tbody></table>'
        f"<h3>Program</h3><ul>{phases}{held}</ul>"
        f'<h3 id="hd-paper-log-heading">Log so far, week by week</h3>{log_part}'
        f"<h3>Warnings and changes the course gave</h3>{warning_part}"
        "</section>"
    )
