"""HTML of the guided session's messages, all text escaped: today's overview, what an exercise's
log means, the end of a session, and the pages to send the reader to. Addresses come in ``urls``
(made by the build from MkDocs's files, seen from the session page): ``program`` (the picker's
page), ``exercises`` (id -> page); this module formats only the picker's query string.
"""

from html import escape

from ..picker import pain_monitoring
from ..picker.answers import QUESTIONS, Answers, form_query
from ..picker.program import Program
from ..picker.warning_signs import WARNING_SIGNS_BY_ID
from .plan import Planned, Today, due_now
from .progress import LEFT_OUT, PAIN_SEVEN, WALKING_WORSE, Change, Stop, day
from .rules import ANSWERS_FRESH_WEEKS, GOOD_IN_A_ROW, SHARP_TIMES, STOP_AT, see_whom, whom

# The warning signs the stop message after surgery or a fracture links to (``after-surgery``): the
# wound sign always; on a pain-seven stop also the emergency sign of a fever with severe hip pain.
WOUND_SIGN = "wound-fever-after-operation"
FEVER_SIGN = "fever-severe-hip-pain"
# What the reader told the picker about a pregnancy, in the words of the re-answer message
# (``pregnancy-answers``).
PREGNANCY_SAID = {
    "under-16-weeks": "you were pregnant, under 16 weeks",
    "16-to-19-weeks": "you were 16 to 19 weeks pregnant",
    "20-weeks-or-more": "you were 20 weeks pregnant or more",
    "gave-birth-last-12-weeks": "you had given birth in the last 12 weeks",
}


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def picker_link(urls: dict, fields: dict[str, list[str]], text: str) -> str:
    base = urls.get("program")
    if not base:
        return _e(text)
    return f'<a href="{_e(base + "?" + form_query(fields))}">{_e(text)}</a>'


def answer_again_link(urls: dict, fields: dict[str, list[str]]) -> str:
    """The way back to the picker with every answer filled in (a held-back phase, old pregnancy answers)."""
    return picker_link(urls, fields, "Answer the questions again")


def _named(urls: dict, exercise_id: str, name: str) -> str:
    url = (urls.get("exercises") or {}).get(exercise_id)
    return f'<a href="{_e(url)}">{_e(name)}</a>' if url else _e(name)


def nice_date(iso: str) -> str:
    value = day(iso)
    names = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    months = (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    )
    return f"{names[value.weekday()]} {value.day} {months[value.month - 1]}"


def _exercise_row(item: Planned, urls: dict, logged: set[str]) -> str:
    if item.family in logged or item.done_today:
        status = "done today"
    elif item.due:
        status = "due today"
    elif item.next_date:
        status = f"next on {nice_date(item.next_date)}"
    else:
        status = "not due this week"
    days = f"{item.days_per_week} days a week" + (
        ", not on days next to each other" if item.strength and item.days_per_week > 1 else ""
    )
    return (
        f'<li data-exercise="{_e(item.id)}" data-status="{_e(status.split(" ")[0])}">'
        f"<strong>{_named(urls, item.id, item.name)}</strong>: {_e(item.dose_text)}; {_e(days)}. "
        f'<span class="hd-session-status">({_e(status)})</span></li>'
    )


def _checks(program: Program, plan: Today, answers: Answers) -> str:
    phase = next(p for p in program.phases if p.id == plan.phase_id)
    items = "".join(f"<li>{_e(r.text)}</li>" for r in phase.moving_on)
    last = phase.number == len(program.phases)
    after = (
        f"When the log shows every check met in {GOOD_IN_A_ROW} sessions in a row, the next phase starts here."
        if not last
        else "This is the last phase of your program."
    )
    return f'<p><strong>Checks for moving on</strong> ({_e(after)})</p><ul class="hd-session-checks">{items}</ul>'


def _changes(changes: tuple[Change, ...], urls: dict, answers_form: dict, left_ids: tuple[str, ...]) -> str:
    if not changes:
        return ""
    items = []
    for change in changes:
        extra = ""
        if change.kind == LEFT_OUT and change.why == WALKING_WORSE:
            form = dict(answers_form)
            form["walking_worse"] = ["some"]
            form["worse_exercises"] = sorted(set(form.get("worse_exercises", [])) | set(left_ids))
            extra = " " + picker_link(urls, form, "Answer question 7 again with it ticked") + "."
        why = f' data-why="{_e(change.why)}"' if change.why else ""
        items.append(
            f'<li data-change="{_e(change.kind)}"{why}>{_e(nice_date(change.date))}: {_e(change.text)}{extra}</li>'
        )
    return (
        '<div class="hd-session-changes"><p><strong>Changes from your log</strong></p><ul>'
        + "".join(items)
        + "</ul></div>"
    )


def cleared_button(answers: Answers) -> str:
    """The reader's way back after a stop: they say who has seen them (``cleared``)."""
    seen = "My surgical or fracture team has" if answers.recent_surgery_or_fracture else "A physiotherapist has"
    return (
        '<button type="button" class="hd-action hd-action--primary" data-action="cleared">'
        f"{seen} seen me and says I may go on</button>"
    )


def _sign_link(sign_id: str, urls: dict) -> str:
    """A warning sign's label from the table, linked to the list of signs when the page has one."""
    label = _e(WARNING_SIGNS_BY_ID[sign_id].label)
    if urls.get("warning_signs"):
        return f'<a href="{_e(urls["warning_signs"])}">{label}</a>'
    return label


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _after_surgery(stops: tuple[Stop, ...], urls: dict) -> str:
    """After surgery or a fracture: why the team, and when it is today (``after-surgery``); the
    wound sign is the warning-sign table's own, linked to the list, not restated. On a pain-seven
    stop, a fever is the emergency sign of a fever with severe hip pain: its action, A&E now."""
    seven = any(stop.rule == PAIN_SEVEN for stop in stops)
    when = (
        "Contact them today."
        if seven
        else f"Contact them soon, and today if your pain reaches {STOP_AT} out of 10 or more."
    )
    fever = WARNING_SIGNS_BY_ID[FEVER_SIGN]
    emergency = (
        f'<p data-after-surgery-emergency="{_e(fever.id)}"><strong>With a fever as well, '
        f"{_e(_lower_first(fever.what_to_do))}</strong> Pain this high with a fever is this emergency warning "
        f"sign: {_sign_link(fever.id, urls)}.</p>"
        if seven
        else ""
    )
    return (
        f'<p data-after-surgery="{"today" if seven else "contact"}">Why your team: after a joint replacement '
        "or a fracture, pain this high, or pain that keeps rising, can mean an infection, a loose joint or "
        f"a fixation that has failed. Your team did the operation or treats the fracture, and has your "
        f"records. {_e(when)} {_e(pain_monitoring.SUDDEN_AFTER_SURGERY)}</p>"
        f'<p data-after-surgery-sign="{_e(WOUND_SIGN)}">Also contact them today, whatever your log shows, if '
        f"you have this warning sign: {_sign_link(WOUND_SIGN, urls)}.</p>" + emergency
    )


def stop_html(stops: tuple[Stop, ...], answers: Answers, urls: dict | None = None) -> str:
    """The reasons to stop the sessions, one sentence each, whom to see, and the reader's way back."""
    reasons = "".join(f'<li data-stop="{_e(stop.rule)}">{_e(stop.text)}</li>' for stop in stops)
    rules = " ".join(stop.rule for stop in stops)
    post_op = answers.recent_surgery_or_fracture
    if post_op:
        today = " today" if any(stop.rule == PAIN_SEVEN for stop in stops) else ""
        head = f"Stop the exercises and contact {whom(answers)}{today}."
    else:
        head = "Stop the exercises and see a physiotherapist."
    return (
        f'<div class="hd-session-alert hd-session-stop" role="alert" data-stops="{_e(rules)}">'
        f"<p><strong>{_e(head)}</strong> Your log shows:</p>"
        f"<ul>{reasons}</ul>"
        + (_after_surgery(stops, urls or {}) if post_op else "")
        + "<p>Show them your log: the summary for your "
        + ("team" if post_op else "physiotherapist")
        + ", below, prints it. Stopping here is the course's own rule, more cautious than any published "
        "one. It is education, not medical advice.</p>"
        f"<p>{cleared_button(answers)}</p></div>"
    )


def _checked_first(plan: Today, answers: Answers) -> str:
    """The exercises left out for sharp pain, until a physiotherapist (or the team) has checked them."""
    left = [s.name for s in plan.progress.slots.values() if s.version in plan.progress.sharp_pain_ids]
    if not left:
        return ""
    button = "" if plan.state == "stopped" else f" {cleared_button(answers)}"
    return (
        f'<p class="hd-session-next" data-left-out="sharp-pain"><strong>Left out until {_e(whom(answers))} '
        f"has checked it:</strong> {_e(', '.join(left))}. You stopped it for sharp pain {SHARP_TIMES} times. "
        f"Have it checked before you do it again.{button}</p>"
    )


def answer_again_html(answers: Answers, plan: Today, urls: dict, answers_form: dict) -> str:
    """``pregnancy-answers``: the session does not start until the reader answers the picker again;
    the link fills in every answer, so only the pregnancy answer needs changing."""
    return (
        '<div class="hd-session-alert hd-session-again" data-again="pregnancy">'
        "<p><strong>Answer the picker's questions again before your next session.</strong> On "
        f"{_e(nice_date(plan.answers_on))} you told the picker that {_e(PREGNANCY_SAID[answers.pregnancy])}. "
        f"That was {plan.answers_weeks} weeks ago, and a pregnancy, or the weeks after a birth, moves on: your program "
        "may need to change with it.</p>"
        f"<p>{answer_again_link(urls, answers_form)}: every answer is filled in, so change only "
        f"“{_e(QUESTIONS['pregnancy'])}” to how it is today, then start the session from your new program. "
        "Your log stays as it is.</p>"
        f"<p>Asking again every {ANSWERS_FRESH_WEEKS} weeks is a course convention.</p></div>"
    )


def overview_html(program: Program, answers: Answers, plan: Today, urls: dict, answers_form: dict) -> str:
    usual = answers.pain_now
    logged = {e.family for e in plan.session.exercises} if plan.session else set()
    parts = [
        f'<div class="hd-session-overview" data-state="{_e(plan.state)}" data-phase="{_e(plan.phase_id)}">',
        f'<h3 id="hd-session-phase">Phase {plan.phase_number}: {_e(plan.phase_title)}</h3>',
        f"<p>Your usual pain, from your answers, is {usual} out of 10: during and after the exercises "
        f"{pain_monitoring.allowance(usual)}, and it should be back to {usual} by the next morning "
        "(the pain-monitoring rule).</p>",
    ]
    if plan.state == "stopped":
        parts.append(stop_html(plan.progress.stops, answers, urls))
    elif plan.state == "answer-again":
        # No list of what is due: nothing is, until the answers are given again.
        parts.append(answer_again_html(answers, plan, urls, answers_form))
        return "".join([*parts, "</div>"])
    elif plan.cleared_today:
        parts.append(
            f'<p class="hd-session-rest" data-cleared="today"><strong>You said {_e(whom(answers))} has seen '
            "you.</strong> Your next session is tomorrow. From then on your log counts again for the stop "
            "rules.</p>"
        )
    elif plan.state == "rest-day":
        text = (
            "Today's session is done."
            if logged or any(p.done_today for p in plan.exercises)
            else "No exercise is due today."
        )
        parts.append(f'<p class="hd-session-rest"><strong>{_e(text)}</strong> The list says when each is due next.</p>')
    parts.append(
        '<ul class="hd-session-list">' + "".join(_exercise_row(p, urls, logged) for p in plan.exercises) + "</ul>"
    )
    parts.append(_changes(plan.progress.changes[-6:], urls, answers_form, plan.progress.left_out_ids))
    parts.append(_checked_first(plan, answers))
    if plan.progress.held_ready and program.held:
        form = dict(answers_form)
        form["single_leg_stance"] = ["yes"]
        parts.append(
            f'<p class="hd-session-next"><strong>You meet the checks for {_e(program.held[0].title.lower())}</strong> '
            f"in {GOOD_IN_A_ROW} sessions in a row. "
            + answer_again_link(urls, form)
            + " to get it (if you had surgery or a fracture, your team must agree too).</p>"
        )
    if answers.single_leg_stance != "yes" and plan.progress.one_leg_passed:
        form = dict(answers_form)
        form["single_leg_stance"] = ["yes"]
        parts.append(
            '<p class="hd-session-next"><strong>You held the one-leg check for 30 seconds with the pelvis '
            "level.</strong> You told the picker you could not yet: "
            + picker_link(urls, form, "answer the questions again with yes")
            + ", and the program can move on from its gentle start.</p>"
        )
    parts.append(_checks(program, plan, answers))
    if not plan.one_leg.allowed:
        parts.append(
            f'<p class="hd-session-one-leg-why">The one-leg check is not for you yet: {_e(plan.one_leg.why)}</p>'
        )
    parts.append("</div>")
    return "".join(parts)


def entry_html(
    answers: Answers,
    verdict: pain_monitoring.PainVerdict,
    name: str,
    changes: tuple[Change, ...],
    walking_worse: bool,
    urls: dict,
    answers_form: dict,
    left_ids: tuple[str, ...],
    stopped_now: bool = False,
) -> str:
    """What one exercise's log means: the pain rule's verdict, any change it makes, and whether the
    sessions stop now (the reasons are in the overview above)."""
    parts = [
        f'<div class="hd-session-verdict" data-verdict="{_e(verdict.verdict)}">',
        f"<p><strong>{_e(name)}:</strong> {_e(verdict.text)}</p>",
    ]
    if walking_worse:
        parts.append("<p>Walking was worse after it: stop this exercise and keep the others (the stop rule).</p>")
    parts.append(_changes(changes, urls, answers_form, left_ids))
    if stopped_now:
        see = see_whom(answers)
        parts.append(
            '<p class="hd-session-stop-now"><strong>Stop here.</strong> Your log now says to stop the exercises '
            f"and {_e(see)}: the reason is above. Finish the session to save it.</p>"
        )
    parts.append("</div>")
    return "".join(parts)


def finish_html(program: Program, plan: Today, before_phase: int, urls: dict) -> str:
    parts = ['<div class="hd-session-finish"><p><strong>Session saved.</strong> It is in your log below.</p>']
    if plan.phase_number > before_phase:
        parts.append(
            f"<p>Your log met the checks of phase {before_phase} in {GOOD_IN_A_ROW} sessions in a row: "
            f"from the next session you do phase {plan.phase_number}, {_e(plan.phase_title.lower())}. Keep "
            "an earlier exercise as a warm-up if you like.</p>"
        )
    upcoming = sorted({p.next_date for p in plan.exercises if p.next_date})
    if upcoming:
        parts.append(
            f"<p>Next session: {_e(nice_date(upcoming[0]))}. Tomorrow morning, rate your pain here "
            "before anything else.</p>"
        )
    parts.append("</div>")
    return "".join(parts)


def no_program_html(urls: dict) -> str:
    link = f'<a href="{_e(urls["program"])}">Build your program</a>' if urls.get("program") else "Build your program"
    return (
        '<div class="hd-session-overview" data-state="no-program"><p>A guided session follows your own '
        f"program: its exercises, doses, sides and stop rules come from your answers. {link} first, then "
        "press Start this session under it.</p></div>"
    )


def not_in_program_html(urls: dict, name: str) -> str:
    link = f'<a href="{_e(urls["program"])}">program</a>' if urls.get("program") else "program"
    return (
        '<div class="hd-session-overview" data-state="not-in-program">'
        f"<p>{_e(name)} is not in your {link} for now. A guided session gives only the exercises your "
        "answers chose, with their doses and sides, so that the stop rules and your limits hold.</p></div>"
    )


__all__ = ["due_now", "entry_html", "finish_html", "form_query", "no_program_html", "overview_html"]
