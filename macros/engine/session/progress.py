"""Where the reader stands, worked out from the program and the log alone: each exercise's version
and dose now, the phase now, and the warnings the log has given. Pure and deterministic: the same
log always gives the same state (the log stores what the reader did, never a state to trust).

``replay(program, answers, catalog, log)`` walks the sessions in order and applies the rules of
``rules.SESSION_RULES`` with the picker's own: ``pain_monitoring.judge`` for every exercise, the
stop rules, the checks for moving on, the doses and the versions the reader's limits allow.
"""

from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise

from ..catalog import Catalog, Exercise, Span
from ..picker import pain_monitoring
from ..picker.answers import Answers
from ..picker.program import Phase, Program, Reason
from ..picker.rules import (
    CHECK_ACTIVATION_NEXT,
    CHECK_ACTIVATION_ONE_LEG,
    CHECK_ACTIVATION_PAIN,
    CHECK_ONE_LEG,
    CHECK_STRENGTH,
    STANDING_POSITIONS,
    dosing_for,
    harder_version,
    rule_verdict,
)
from .log import Entry, Log, OneLeg, Session
from .rules import DAYS_AT_DOSE, GOOD_IN_A_ROW, ONE_LEG_EVERY_DAYS, ONE_LEG_TARGET_S, PAIN_WEEKS, REPS_STEP

STEP_UP, STEP_BACK, LEFT_OUT = "step-up", "step-back", "left-out"


def day(text: str) -> date:
    return date.fromisoformat(text)


def middle(span: Span) -> int:
    """The middle of a range, rounded up (the program's time estimate uses the same)."""
    return (span.low + span.high + 1) // 2


@dataclass(frozen=True)
class Change:
    """A change the log made to an exercise, and why (shown to the reader and on the summary)."""

    date: str
    family: str
    kind: str  # STEP_UP | STEP_BACK | LEFT_OUT
    text: str


@dataclass(frozen=True)
class Slot:
    """One exercise of the program as the log has moved it: its version and its dose now."""

    family: str
    phase: str
    version: str  # the catalog id done now
    name: str
    sets: int
    reps: int
    hold_s: int
    rest_s: int
    sets_span: Span
    reps_span: Span
    since: str | None = None  # the first session at this dose (None: not done yet)
    streak: int = 0  # good sessions in a row at this dose
    left_out: bool = False


def start_slot(catalog: Catalog, answers: Answers, family: str, phase: str, exercise: Exercise) -> Slot:
    """An exercise at the start of its dose: the middle of each range (``dose-start``)."""
    dosing, _ = dosing_for(exercise, answers, phase)
    return Slot(
        family=family,
        phase=phase,
        version=exercise.id,
        name=exercise.name,
        sets=middle(dosing.sets),
        reps=middle(dosing.reps),
        hold_s=middle(dosing.hold_s),
        rest_s=middle(dosing.rest_s),
        sets_span=dosing.sets,
        reps_span=dosing.reps,
    )


def _other_version(catalog: Catalog, answers: Answers, slot: Slot, exercise_id: str | None) -> Exercise | None:
    if exercise_id is None:
        return None
    try:
        other = catalog.exercise(exercise_id)
    except KeyError:
        return None
    return other if rule_verdict(other, answers, catalog).allowed else None


def step_up(catalog: Catalog, answers: Answers, slot: Slot) -> tuple[Slot, str]:
    """One change harder (``step-up``): repetitions, then a set, then the harder version."""
    fresh = replace(slot, since=None, streak=0)
    if slot.reps < slot.reps_span.high:
        reps = min(slot.reps_span.high, slot.reps + REPS_STEP)
        return replace(fresh, reps=reps), f"{slot.name}: {reps} repetitions a set from now on."
    if slot.sets < slot.sets_span.high:
        return replace(fresh, sets=slot.sets + 1), f"{slot.name}: {slot.sets + 1} sets from now on."
    current = catalog.exercise(slot.version)
    harder = harder_version(catalog, current, answers)
    if harder is not None and harder.phase == current.phase:
        nxt = start_slot(catalog, answers, slot.family, slot.phase, harder)
        return nxt, f"{slot.name} is done at the top of its dose: the next step is {harder.name}."
    return replace(slot, streak=0), ""


def step_back(catalog: Catalog, answers: Answers, slot: Slot) -> tuple[Slot, str]:
    """One step back (``step-back``): a set fewer, then the easier version."""
    fresh = replace(slot, since=None, streak=0)
    if slot.sets > slot.sets_span.low:
        return replace(fresh, sets=slot.sets - 1), f"{slot.name}: one set fewer next time ({slot.sets - 1})."
    easier = _other_version(catalog, answers, slot, catalog.exercise(slot.version).easier)
    if easier is not None:
        nxt = start_slot(catalog, answers, slot.family, slot.phase, easier)
        return nxt, f"{slot.name}: go back to the easier version, {easier.name}."
    return fresh, f"{slot.name}: keep the same dose, the easiest there is; if pain keeps rising, see a physiotherapist."


def verdict(answers: Answers, entry: Entry, session: Session) -> pain_monitoring.PainVerdict:
    return pain_monitoring.judge(answers.pain_now, entry.pain_during, session.pain_next_morning)


def is_bad(answers: Answers, entry: Entry, session: Session) -> bool:
    """Pain above the rule, not settled, or stopped for sharp pain: go back a step."""
    judged = verdict(answers, entry, session).verdict
    return judged in (pain_monitoring.TOO_MUCH, pain_monitoring.NOT_SETTLED) or entry.stopped_for == "sharp-pain"


def is_good(answers: Answers, entry: Entry, session: Session, slot: Slot) -> bool:
    """Done as dosed, at the dose the session gave, within the pain rule, the morning known."""
    return (
        entry.outcome == "as-dosed"
        and (entry.sets, entry.reps) == (slot.sets, slot.reps)
        and session.pain_next_morning is not None
        and verdict(answers, entry, session).verdict == pain_monitoring.OK
    )


def no_rise(answers: Answers, entry: Entry, session: Session) -> bool:
    morning = session.pain_next_morning
    return entry.pain_during <= answers.pain_now and (morning is None or morning <= answers.pain_now)


# --- the checks for moving on ------------------------------------------------------------


def _standing(catalog: Catalog, entry: Entry) -> bool:
    try:
        return catalog.exercise(entry.id).position in STANDING_POSITIONS
    except KeyError:
        return False


def latest_one_leg(sessions: tuple[Session, ...], on: str) -> dict[str, OneLeg]:
    """The last one-leg result on each side within ONE_LEG_EVERY_DAYS days up to ``on``."""
    found: dict[str, OneLeg] = {}
    for session in sessions:
        if session.date > on or (day(on) - day(session.date)).days >= ONE_LEG_EVERY_DAYS:
            continue
        for result in session.one_leg:
            found[result.side] = result
    return found


def check_met(check: Reason, ctx: "CheckContext") -> bool | None:
    """Whether one of the program's checks is met in a session; None when the log cannot tell."""
    entries, answers = ctx.entries, ctx.answers
    if not entries and check.text != CHECK_ONE_LEG.text:
        return False
    dosed = all(e.outcome == "as-dosed" and no_rise(answers, e, ctx.session) for e in entries)
    if check.text == CHECK_ACTIVATION_PAIN.text:
        return dosed and all(e.sets >= 2 and e.reps >= 10 for e in entries)
    if check.text == CHECK_STRENGTH.text:
        return dosed and all(e.sets >= 3 and e.reps >= 10 for e in entries)
    if check.text == CHECK_ACTIVATION_ONE_LEG.text:
        standing = [e for e in entries if _standing(ctx.catalog, e)]
        return bool(standing) and all(e.pelvis == "level" and e.outcome == "as-dosed" for e in standing)
    if check.text == CHECK_ACTIVATION_NEXT.text:
        return any(_standing(ctx.catalog, e) and e.pelvis == "level" and e.outcome == "as-dosed" for e in entries)
    if check.text == CHECK_ONE_LEG.text:
        results = latest_one_leg(ctx.history, ctx.session.date)
        return all(
            side in results and results[side].seconds >= ONE_LEG_TARGET_S and results[side].pelvis == "level"
            for side in answers.trained_sides
        )
    return None


@dataclass(frozen=True)
class CheckContext:
    catalog: Catalog
    answers: Answers
    session: Session
    entries: tuple[Entry, ...]  # the session's exercises of the phase judged
    history: tuple[Session, ...]  # every session up to this one


def checks_met(checks: tuple[Reason, ...], ctx: CheckContext) -> bool:
    """Every check the log can judge is met (a check it cannot judge does not hold a phase)."""
    results = [check_met(check, ctx) for check in checks]
    judged = [r for r in results if r is not None]
    return bool(judged) and all(judged)


# --- the replay ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    slots: dict[str, Slot]  # family -> its state now
    phase_index: int  # index in program.phases of the phase now
    changes: tuple[Change, ...]
    held_ready: bool  # the checks of the phase held back are met (answer the picker again)
    one_leg_passed: bool  # the last one-leg check met the target on every side trained
    left_out_ids: tuple[str, ...]  # exercises walking was worse after (for the picker's question 7)


def initial_slots(program: Program, answers: Answers, catalog: Catalog) -> dict[str, Slot]:
    slots = {}
    for phase in program.phases:
        for chosen in phase.exercises:
            exercise = catalog.exercise(chosen.id)
            slots[exercise.family] = start_slot(catalog, answers, exercise.family, phase.id, exercise)
    return slots


def _apply_entry(catalog, answers, slot: Slot, entry: Entry, session: Session) -> tuple[Slot, Change | None]:
    if entry.walking_worse:
        text = f"Walking was worse after {slot.name}: it is left out of your sessions; keep the others."
        return replace(slot, left_out=True), Change(session.date, slot.family, LEFT_OUT, text)
    if is_bad(answers, entry, session):
        nxt, text = step_back(catalog, answers, slot)
        judged = verdict(answers, entry, session)
        why = judged.text if judged.verdict != pain_monitoring.OK else f"You stopped {slot.name} for sharp pain."
        return nxt, Change(session.date, slot.family, STEP_BACK, why + " " + text)
    since = slot.since or session.date
    if not is_good(answers, entry, session, slot):
        return replace(slot, since=since, streak=0), None
    streak = slot.streak + 1
    if streak >= GOOD_IN_A_ROW and (day(session.date) - day(since)).days >= DAYS_AT_DOSE:
        nxt, text = step_up(catalog, answers, replace(slot, since=since, streak=streak))
        return nxt, (Change(session.date, slot.family, STEP_UP, text) if text else None)
    return replace(slot, since=since, streak=streak), None


def _phase_entries(program: Program, index: int, session: Session, slots: dict[str, Slot]) -> tuple[Entry, ...]:
    phase = program.phases[index].id
    return tuple(e for e in session.exercises if e.phase == phase and e.family in slots)


def replay(program: Program, answers: Answers, catalog: Catalog, log: Log) -> Progress:
    slots = initial_slots(program, answers, catalog)
    changes: list[Change] = []
    index, streak, last_day = 0, 0, ""
    held_streak, held_last = 0, ""
    history: list[Session] = []
    for session in log.sessions:
        history.append(session)
        for entry in session.exercises:
            slot = slots.get(entry.family)
            if slot is None or slot.left_out or entry.id != slot.version:
                continue
            slots[entry.family], change = _apply_entry(catalog, answers, slot, entry, session)
            if change is not None:
                changes.append(change)
        if session.red_flags:
            continue
        ctx = CheckContext(catalog, answers, session, _phase_entries(program, index, session, slots), tuple(history))
        last = index == len(program.phases) - 1
        if ctx.entries and session.date != last_day:
            streak = streak + 1 if checks_met(program.phases[index].moving_on, ctx) else 0
            last_day = session.date
            if streak >= GOOD_IN_A_ROW and not last:
                index, streak = index + 1, 0
        if last and program.held and ctx.entries and session.date != held_last:
            held_streak = held_streak + 1 if checks_met(program.held[0].until, ctx) else 0
            held_last = session.date
    results = latest_one_leg(tuple(history), history[-1].date) if history else {}
    passed = bool(results) and all(
        s in results and results[s].seconds >= ONE_LEG_TARGET_S and results[s].pelvis == "level"
        for s in answers.trained_sides
    )
    left = tuple(s.version for s in slots.values() if s.left_out)
    return Progress(slots, index, tuple(changes), held_streak >= GOOD_IN_A_ROW, passed, left)


def phase_now(program: Program, progress: Progress) -> Phase:
    return program.phases[progress.phase_index]


# --- pain that keeps building ----------------------------------------------------------------


def weekly_highest_pain(log: Log, after: str = "") -> list[tuple[int, int]]:
    """(week number, highest pain logged that week) for the weeks with a session after ``after``;
    weeks are counted in 7-day blocks from the first such session."""
    sessions = [s for s in log.sessions if s.date > after and (s.exercises or s.pain_next_morning is not None)]
    if not sessions:
        return []
    first = day(sessions[0].date)
    weeks: dict[int, int] = {}
    for session in sessions:
        pains = [e.pain_during for e in session.exercises]
        if session.pain_next_morning is not None:
            pains.append(session.pain_next_morning)
        if pains:
            week = (day(session.date) - first).days // 7 + 1
            weeks[week] = max(weeks.get(week, 0), *pains)
    return sorted(weeks.items())


def cleared_after(log: Log) -> str:
    """The date of the last 'a physiotherapist has seen me' the reader gave ("" if none)."""
    dates = [e.date for e in log.events if e.kind == "clinician-cleared"]
    return max(dates) if dates else ""


def pain_building(log: Log, usual: int) -> bool:
    """``pain-building``: the highest pain rose in each of the last PAIN_WEEKS weeks that had a
    session, and is above the usual pain (counted after the last clearance)."""
    weeks = weekly_highest_pain(log, cleared_after(log))
    if len(weeks) < PAIN_WEEKS:
        return False
    last = [pain for _, pain in weeks[-PAIN_WEEKS:]]
    return all(a < b for a, b in pairwise(last)) and last[-1] > usual
