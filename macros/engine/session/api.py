"""The guided session's worker methods (registered in ``engine/methods.py``): JSON in, JSON out.

The page keeps the log (the JSON these return, in the browser's storage) and sends it back with
each call; it never changes the log itself. Every call that names the program rebuilds it with the
picker (``pick``) from the answers the log holds, so the session and the program cannot disagree.

- ``session.open``: the state of today from the stored log (text) and the page's answers.
- ``session.record``: one step the reader took (start, one-leg, exercise, morning, finish, cleared).
- ``session.chart``, ``session.paper`` (tracker | summary), ``session.calendar`` (.ics text).
- ``session.export`` and ``session.import``: the log as a file and back, checked.

Bad input is never an error reply: it comes back as ``ok: false`` with every problem, naming its
field, and the log the page holds stays as it was.
"""

from dataclasses import asdict, replace
from html import escape

from ..catalog import Catalog, catalog_from_dict
from ..picker import AnswersError, Program, answers_from_form, pain_monitoring, pick
from ..picker.answers import Answers, answers_to_form
from ..picker.program import Outcome
from ..picker.render import render, render_problems
from ..picker.safety import referral_for_signs
from ..picker.warning_signs import WARNING_SIGN_IDS
from .calendar import CalendarError, Group, calendar_text
from .chart import chart_html
from .log import (
    FORMAT,
    VERSION,
    Checker,
    Event,
    Log,
    LogError,
    OneLeg,
    Session,
    answers_given_on,
    entry_from_dict,
    is_date,
    log_from_dict,
    log_from_text,
    log_to_text,
    one_leg_from_dict,
)
from .paper import summary_html, tracker_html
from .plan import Today, due_now, timeline, today
from .progress import replay, verdict
from .render import entry_html, finish_html, no_program_html, not_in_program_html, overview_html
from .rules import ANSWERS_FRESH_WEEKS, ONE_LEG_TARGET_S, see_whom

NONE = "none"
CLEARED_TODAY = "you said today that a physiotherapist has seen you: your next session is tomorrow"
ANSWER_AGAIN = (
    f"your pregnancy answer was given {ANSWERS_FRESH_WEEKS} weeks ago or more: answer the picker's questions "
    "again before the next session"
)


def _fail(problems: list[str]) -> dict:
    return {"ok": False, "problems": problems}


def _today(params: dict) -> str:
    value = params.get("today")
    if not isinstance(value, str) or not is_date(value):
        raise LogError([f"field 'today': must be a date written YYYY-MM-DD, got {value!r}"])
    return value


def _program(log: Log, catalog: Catalog) -> tuple[Answers, Outcome]:
    answers = answers_from_form(log.answers)
    return answers, pick(answers, catalog)


def _step_dict(plan: Today) -> list[dict]:
    items = []
    for item in due_now(plan):
        data = asdict(item)
        data["dose_text"] = item.dose_text
        items.append(data)
    return items


def view(log: Log, catalog: Catalog, on: str, urls: dict, only: str = "") -> dict:
    """What the page shows for a log: the overview, today's exercises with their timelines, the
    one-leg check, the morning question; or the picker's referral, rest advice or problems."""
    base = {"ok": True, "log": log.to_dict(), "exercises": [], "one_leg": None, "morning": None, "session": None}
    if not log.answers:
        return {**base, "state": "no-program", "html": no_program_html(urls)}
    try:
        answers, outcome = _program(log, catalog)
    except AnswersError as error:
        return {**base, "state": "invalid", "html": render_problems(error.problems)}
    if not isinstance(outcome, Program):
        return {**base, "state": outcome.kind, "html": render(outcome)}
    plan = today(outcome, answers, catalog, log, on)
    exercises = _step_dict(plan) if plan.state == "ready" else []
    html = overview_html(outcome, answers, plan, urls, log.answers)
    if only:
        family = next((s.family for s in plan.progress.slots.values() if s.version == only or s.family == only), None)
        if family is None:
            name = next((e.name for e in catalog.exercises if e.id == only), only)
            return {**base, "state": "not-in-program", "html": not_in_program_html(urls, name)}
        exercises = [e for e in exercises if e["family"] == family]
    return {
        **base,
        "state": plan.state if exercises or plan.state != "ready" else "rest-day",
        "html": html,
        "exercises": exercises,
        "phase": plan.phase_id,
        "one_leg": asdict(plan.one_leg) if plan.state == "ready" else None,
        "morning": {"session": plan.morning.id, "date": plan.morning.date, "usual": answers.pain_now}
        if plan.morning
        else None,
        "session": plan.session.id if plan.session else None,
        "usual": answers.pain_now,
        "pain_hint": f"0 is no pain, 10 the worst imaginable. Your usual pain is {answers.pain_now}: by the "
        f"pain rule, during and after the exercises {pain_monitoring.allowance(answers.pain_now)}, and it "
        f"should be back to {answers.pain_now} by the next morning.",
    }


def open_session(params: dict) -> dict:
    """``session.open``: ``catalog``, ``form`` (the page's query, may be empty), ``stored`` (the
    log text the browser kept, or null), ``today``, ``urls``, ``only`` (an exercise id, from an
    exercise page). Returns the view, ``changed`` (the log to keep differs from the stored one),
    and ``stored_problem`` when the stored log could not be read (it is then left alone)."""
    try:
        on = _today(params)
    except LogError as error:
        return _fail(error.problems)
    catalog = catalog_from_dict(params["catalog"])
    stored, problem = Log(), ""
    if params.get("stored"):
        try:
            stored = log_from_text(params["stored"], "the log kept in this browser")
        except LogError as error:
            problem = " ".join(error.problems)
    log = stored
    form = params.get("form") or {}
    if form:
        try:
            answers = answers_from_form(form)
        except AnswersError as error:
            return {
                "ok": True,
                "state": "invalid",
                "html": render_problems(error.problems),
                "log": stored.to_dict(),
                "exercises": [],
                "changed": False,
                "stored_problem": problem,
            }
        # The answers come from the picker's link: given today (``pregnancy-answers``).
        log = replace(stored, answers=answers_to_form(answers), answers_on=on)
    elif log.answers and not log.answers_on:
        # A log from before the day was kept: from its first session, or from today.
        log = replace(log, answers_on=answers_given_on(log, on))
    result = view(log, catalog, on, params.get("urls") or {}, params.get("only") or "")
    return {**result, "changed": log != stored and not problem, "stored_problem": problem}


def _session_now(log: Log, on: str) -> Session | None:
    last = log.sessions[-1] if log.sessions else None
    return last if last is not None and last.date == on and not last.finished else None


def _with_session(log: Log, session: Session) -> Log:
    sessions = [s for s in log.sessions if s.id != session.id]
    return replace(log, sessions=tuple(sorted([*sessions, session], key=lambda s: s.date)))


def _signs(data: dict, key: str, problems: list[str], explicit: bool) -> tuple[str, ...]:
    raw = data.get(key)
    if raw is None and not explicit:
        return ()
    if not isinstance(raw, list) or not raw or not all(isinstance(x, str) for x in raw):
        problems.append(f"field '{key}': please tick any warning sign that applies now, or None of these")
        return ()
    bad = [x for x in raw if x != NONE and x not in WARNING_SIGN_IDS]
    if bad:
        problems.append(f"field '{key}': not warning signs of the course: {', '.join(bad)}")
    if NONE in raw and len(raw) > 1:
        problems.append(f"field '{key}': None of these was ticked with a warning sign")
    return tuple(x for x in raw if x != NONE)


def _referral(log: Log, catalog: Catalog, on: str, urls: dict, signs: tuple[str, ...], session: Session) -> dict:
    ended = replace(session, red_flags=tuple(sorted(set(session.red_flags) | set(signs))), finished=True)
    log = _with_session(log, ended)
    referral = referral_for_signs(signs)
    message = render(referral) if referral is not None else ""
    return {**view(log, catalog, on, urls), "ended": True, "message": message}


def _new_session(log: Log, on: str, phase: str) -> Session:
    number = 1 + sum(1 for s in log.sessions if s.date == on)
    return Session(id=f"{on}-{number}", date=on, phase=phase)


def record(params: dict) -> dict:
    """``session.record``: ``catalog``, ``log`` (the JSON the page holds), ``today``, ``urls``,
    ``action`` and its ``data``. Returns the new view (its ``log`` is the one to keep) and a
    ``message`` (HTML) about the step; ``ended`` when a warning sign ended the session."""
    try:
        on = _today(params)
        log = log_from_dict(params.get("log"))
    except LogError as error:
        return _fail(error.problems)
    catalog = catalog_from_dict(params["catalog"])
    urls = params.get("urls") or {}
    action, data = params.get("action"), params.get("data") or {}
    if not log.answers:
        return _fail(["the log names no program: build one on the program page first"])
    answers, outcome = _program(log, catalog)
    if not isinstance(outcome, Program):
        return _fail(["the answers give no program now, so there is no session to log"])
    plan = today(outcome, answers, catalog, log, on)
    session = _session_now(log, on) or _new_session(log, on, plan.phase_id)
    problems: list[str] = []
    if action == "start":
        signs = _signs(data, "red_flags", problems, explicit=True)
        if problems:
            return _fail(problems)
        if signs:
            return _referral(log, catalog, on, urls, signs, session)
        if plan.state == "stopped":
            see = see_whom(answers)
            return _fail([f"your log says to stop the exercises and {see} before the next session"])
        if plan.cleared_today:
            return _fail([CLEARED_TODAY])
        if plan.state == "answer-again":
            return _fail([ANSWER_AGAIN])
        return {**view(_with_session(log, session), catalog, on, urls), "ended": False, "message": ""}
    if action == "one-leg":
        check = Checker()
        results = [
            one_leg_from_dict(check, item, f"data.results[{i}]")
            for i, item in enumerate(check.items(data, "results", "data", 2))
        ]
        if check.problems or not results:
            return _fail(check.problems or ["field 'data.results': no result was given"])
        kept = replace(session, one_leg=tuple(r for r in results if isinstance(r, OneLeg)))
        held = ", ".join(f"{r.side} leg {r.seconds} s" for r in kept.one_leg)
        message = (
            f"<p>One-leg check saved: {held} (the course's target is {ONE_LEG_TARGET_S} s with the pelvis level).</p>"
        )
        return {**view(_with_session(log, kept), catalog, on, urls), "ended": False, "message": message}
    if action == "exercise":
        signs = _signs(data, "red_flags", problems, explicit=False)
        check = Checker()
        entry = entry_from_dict(check, data.get("entry"), "data.entry")
        if problems or check.problems or entry is None:
            return _fail(problems + check.problems)
        if plan.cleared_today:
            return _fail([CLEARED_TODAY])
        slot = plan.progress.slots.get(entry.family)
        if slot is None or slot.version != entry.id:
            return _fail([f"field 'data.entry.id': {entry.id!r} is not an exercise of today's session"])
        session = replace(session, exercises=(*[e for e in session.exercises if e.family != entry.family], entry))
        if signs:
            return _referral(log, catalog, on, urls, signs, session)
        new_log = _with_session(log, session)
        after = replay(outcome, answers, catalog, new_log)
        changes = tuple(c for c in after.changes if c.family == entry.family and c.date == on)
        message = entry_html(
            answers,
            verdict(answers, entry, session),
            slot.name,
            changes,
            entry.walking_worse,
            urls,
            log.answers,
            after.left_out_ids,
            stopped_now=bool(after.stops) and not plan.progress.stops,
        )
        return {**view(new_log, catalog, on, urls), "ended": False, "message": message}
    if action == "morning":
        target = next((s for s in log.sessions if s.id == data.get("session")), None)
        pain = data.get("pain")
        if target is None:
            return _fail([f"field 'data.session': no session {data.get('session')!r} in the log"])
        if isinstance(pain, bool) or not isinstance(pain, int) or not 0 <= pain <= 10:
            return _fail([f"field 'data.pain': must be a whole number from 0 to 10, got {pain!r}"])
        new_log = _with_session(log, replace(target, pain_next_morning=pain, pain_next_morning_on=on))
        worst = max((e.pain_during for e in target.exercises), default=answers.pain_now)
        message = f"<p>{escape(pain_monitoring.judge(answers.pain_now, worst, pain).text)}</p>"
        return {**view(new_log, catalog, on, urls), "ended": False, "message": message}
    if action == "finish":
        earlier = replace(log, sessions=tuple(s for s in log.sessions if s.id != session.id))
        before = today(outcome, answers, catalog, earlier, on).phase_number
        new_log = _with_session(log, replace(session, finished=True))
        result = view(new_log, catalog, on, urls)
        next_plan = today(outcome, answers, catalog, new_log, on)
        return {**result, "ended": False, "message": finish_html(outcome, next_plan, before, urls)}
    if action == "cleared":
        new_log = replace(log, events=(*log.events, Event(on, "clinician-cleared")))
        return {**view(new_log, catalog, on, urls), "ended": False, "message": ""}
    return _fail([f"field 'action': must be start, one-leg, exercise, morning, finish or cleared, got {action!r}"])


def chart(params: dict) -> dict:
    """``session.chart``: ``log`` -> the charts and the table (HTML)."""
    try:
        log = log_from_dict(params.get("log"))
    except LogError as error:
        return _fail(error.problems)
    sides: tuple[str, ...] = ("left", "right")
    usual = 0
    if log.answers:
        try:
            answers = answers_from_form(log.answers)
            sides, usual = answers.trained_sides, answers.pain_now
        except AnswersError:
            pass
    return {"ok": True, "html": chart_html(log, usual, sides)}


def export(params: dict) -> dict:
    """``session.export``: ``log`` -> the file's text and name (checked first: only a valid log leaves)."""
    try:
        log = log_from_dict(params.get("log"))
        on = _today(params)
    except LogError as error:
        return _fail(error.problems)
    return {
        "ok": True,
        "text": log_to_text(log),
        "filename": f"hip-drop-log-{on}.json",
        "format": FORMAT,
        "version": VERSION,
    }


def import_log(params: dict) -> dict:
    """``session.import``: ``text`` (the file), ``name`` -> the log it holds, or every problem."""
    name = params.get("name") or "the file"
    try:
        log = log_from_text(params.get("text"), f"“{name}”")
    except LogError as error:
        return _fail(error.problems)
    sessions = sum(1 for s in log.sessions if s.exercises)
    return {"ok": True, "log": log.to_dict(), "sessions": sessions}


def _logged_program(params: dict, nothing: str) -> tuple[str, Log, Catalog, Answers, Program] | dict:
    """``today``, the ``log`` and the ``catalog`` of a request, with the program the log's answers
    give now; or the failure reply (``nothing``: what the caller cannot make without a program)."""
    try:
        on = _today(params)
        log = log_from_dict(params.get("log"))
    except LogError as error:
        return _fail(error.problems)
    if not log.answers:
        return _fail(["the log names no program: build one on the program page first"])
    catalog = catalog_from_dict(params["catalog"])
    answers, outcome = _program(log, catalog)
    if not isinstance(outcome, Program):
        return _fail([f"the answers give no program now: {nothing}"])
    return on, log, catalog, answers, outcome


def paper(params: dict) -> dict:
    """``session.paper``: ``kind`` (tracker | summary), ``log``, ``catalog``, ``today`` -> HTML."""
    found = _logged_program(params, "there is nothing to print")
    if isinstance(found, dict):
        return found
    on, log, catalog, answers, outcome = found
    if params.get("kind") == "tracker":
        return {"ok": True, "html": tracker_html(outcome, answers, on)}
    plan = today(outcome, answers, catalog, log, on)
    return {"ok": True, "html": summary_html(outcome, answers, catalog, log, plan, on)}


def calendar(params: dict) -> dict:
    """``session.calendar``: ``log``, ``catalog``, ``today``, ``start`` (YYYY-MM-DD), ``time``
    (HH:MM), ``stamp`` (the browser's clock, ISO in UTC) -> the .ics text and its file name."""
    found = _logged_program(params, "there is nothing to put in a calendar")
    if isinstance(found, dict):
        return found
    on, log, catalog, answers, outcome = found
    plan = today(outcome, answers, catalog, log, on)
    groups = []
    for strength, title in ((True, "Hip Drop: strength exercises"), (False, "Hip Drop: daily drills")):
        items = [p for p in plan.exercises if p.strength == strength]
        if items:
            seconds = (
                sum(s.ms for p in items for s in timeline(len(p.sides), p.sets, p.reps, p.hold_s, p.rest_s)) // 1000
            )
            groups.append(
                Group(
                    title,
                    tuple(f"{p.name}: {p.dose_text}" for p in items),
                    min(p.days_per_week for p in items),
                    strength,
                    -(-seconds // 60),
                )
            )
    try:
        text = calendar_text(
            tuple(groups), params.get("start"), params.get("time"), params.get("stamp"), repr(log.answers)
        )
    except CalendarError as error:
        return _fail([str(error)])
    return {"ok": True, "text": text, "filename": f"hip-drop-sessions-{params.get('start')}.ics"}
