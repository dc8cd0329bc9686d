"""Where the reader stands, worked out from the program and the log alone: each exercise's version
and dose now, the phase now, and the warnings the log has given. Pure and deterministic: the same
log always gives the same state (the log stores what the reader did, never a state to trust).

``replay(program, answers, catalog, log)`` walks the sessions in order and applies the rules of
``rules.SESSION_RULES`` with the picker's own: ``pain_monitoring.judge`` for every exercise, the
stop rules, the checks for moving on, the doses and the versions the reader's limits allow. It
also gives the reasons, if any, to stop the sessions and see a physiotherapist (``Stop``): each
counts only the pain ratings given after the reader last said a physiotherapist had seen them (a
rating counts from the day it was given: ``ratings``). After a stop, that clearance brings every
exercise back one step easier (``_resume``).
"""

from dataclasses import dataclass, replace
from datetime import date, timedelta
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
from .rules import (
    BROKEN_IN_A_ROW,
    DAYS_AT_DOSE,
    GOOD_IN_A_ROW,
    ONE_LEG_EVERY_DAYS,
    ONE_LEG_TARGET_S,
    PHYSIOTHERAPIST,
    REPS_STEP,
    SHARP_TIMES,
    STOP_AT,
    whom,
)
from .words import sets_of

STEP_UP, STEP_BACK, LEFT_OUT = "step-up", "step-back", "left-out"
# Why an exercise is left out: the stop rule (walking worse; the picker can leave it out), or sharp
# pain twice (``sharp-twice``: until a physiotherapist has checked it).
WALKING_WORSE, SHARP_PAIN = "walking-worse", "sharp-pain"
# The reasons to stop the sessions and see a physiotherapist (``SESSION_RULES`` ids).
PAIN_AT_EASIEST, PAIN_SEVEN, PAIN_RISING = "pain-at-easiest", "pain-seven", "pain-rising"
CLEARED = "clinician-cleared"  # the log's event: a physiotherapist has seen the reader


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
    why: str = ""  # for LEFT_OUT: WALKING_WORSE | SHARP_PAIN


@dataclass(frozen=True)
class Stop:
    """A reason to stop the sessions and see a physiotherapist, with the day it was logged."""

    rule: str  # PAIN_AT_EASIEST | PAIN_SEVEN | PAIN_RISING
    date: str
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
    left_for: str = ""  # WALKING_WORSE | SHARP_PAIN, when left out
    broken_at_easiest: int = 0  # sessions in a row over the pain rule at the easiest dose
    sharp: int = 0  # times stopped for sharp pain (any version of the exercise)
    before: "Slot | None" = None  # the dose before a step up not yet done (``cleared`` undoes it)


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
    """One change harder (``step-up``): repetitions, then a set, then the harder version. The new
    slot keeps the one before (``before``) until it is done."""
    fresh = replace(slot, since=None, streak=0, before=slot)
    if slot.reps < slot.reps_span.high:
        reps = min(slot.reps_span.high, slot.reps + REPS_STEP)
        return replace(fresh, reps=reps), f"{slot.name}: {reps} repetitions a set from now on."
    if slot.sets < slot.sets_span.high:
        return replace(fresh, sets=slot.sets + 1), f"{slot.name}: {slot.sets + 1} sets from now on."
    current = catalog.exercise(slot.version)
    harder = harder_version(catalog, current, answers)
    if harder is not None and harder.phase == current.phase:
        nxt = replace(start_slot(catalog, answers, slot.family, slot.phase, harder), before=slot)
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
    return fresh, (
        f"{slot.name}: keep the same dose, the easiest there is. If the pain breaks the rule again next "
        "time, stop the exercises and see a physiotherapist."
    )


def at_easiest(catalog: Catalog, answers: Answers, slot: Slot) -> bool:
    """At its fewest sets and with no easier version the reader's limits allow."""
    easier = catalog.exercise(slot.version).easier
    return slot.sets <= slot.sets_span.low and _other_version(catalog, answers, slot, easier) is None


def verdict(answers: Answers, entry: Entry, session: Session) -> pain_monitoring.PainVerdict:
    return pain_monitoring.judge(answers.pain_now, entry.pain_during, session.pain_next_morning)


def breaks_rule(answers: Answers, entry: Entry, session: Session) -> bool:
    """The pain rule says the pain rose too much, or had not settled by the next morning."""
    return verdict(answers, entry, session).verdict in (pain_monitoring.TOO_MUCH, pain_monitoring.NOT_SETTLED)


def is_bad(answers: Answers, entry: Entry, session: Session) -> bool:
    """Pain above the rule, not settled, or stopped for sharp pain: go back a step."""
    return breaks_rule(answers, entry, session) or entry.stopped_for == SHARP_PAIN


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
    stops: tuple[Stop, ...] = ()  # reasons to stop and see a physiotherapist, since the last clearance

    @property
    def sharp_pain_ids(self) -> tuple[str, ...]:
        """Exercises left out until a physiotherapist has checked them (``sharp-twice``)."""
        return tuple(s.version for s in self.slots.values() if s.left_out and s.left_for == SHARP_PAIN)


def initial_slots(program: Program, answers: Answers, catalog: Catalog) -> dict[str, Slot]:
    slots = {}
    for phase in program.phases:
        for chosen in phase.exercises:
            exercise = catalog.exercise(chosen.id)
            slots[exercise.family] = start_slot(catalog, answers, exercise.family, phase.id, exercise)
    return slots


Applied = tuple[Slot, list[Change], Stop | None]


def _apply_entry(catalog, answers, slot: Slot, entry: Entry, session: Session) -> Applied:
    """One exercise's log: left out (walking worse, sharp pain twice), a step back, a step up, or
    the same dose; and the stop for pain over the rule at the easiest dose, if it is the second."""
    slot = replace(slot, before=None)  # done at this dose: a step up made before is no longer undone
    if entry.walking_worse:
        text = f"Walking was worse after {slot.name}: it is left out of your sessions; keep the others."
        out = replace(slot, left_out=True, left_for=WALKING_WORSE)
        return out, [Change(session.date, slot.family, LEFT_OUT, text, WALKING_WORSE)], None
    sharp = slot.sharp + (entry.stopped_for == SHARP_PAIN)
    if sharp >= SHARP_TIMES:
        text = (
            f"You stopped {slot.name} for sharp pain {sharp} times. It is left out of your sessions: have it "
            f"checked by {whom(answers)} before you do it again. Keep the others."
        )
        out = replace(slot, left_out=True, left_for=SHARP_PAIN, sharp=sharp)
        return out, [Change(session.date, slot.family, LEFT_OUT, text, SHARP_PAIN)], None
    if is_bad(answers, entry, session):
        broken = breaks_rule(answers, entry, session)
        count = slot.broken_at_easiest + 1 if broken and at_easiest(catalog, answers, slot) else 0
        nxt, text = step_back(catalog, answers, slot)
        judged = verdict(answers, entry, session)
        why = judged.text if judged.verdict != pain_monitoring.OK else f"You stopped {slot.name} for sharp pain."
        change = Change(session.date, slot.family, STEP_BACK, why + " " + text)
        stop = None
        if count >= BROKEN_IN_A_ROW:
            stop = Stop(
                PAIN_AT_EASIEST,
                session.date,
                f"Your pain broke the pain rule in {count} sessions in a row of {slot.name}, already at its "
                "easiest version and fewest sets. There is no easier step to take.",
            )
        return replace(nxt, broken_at_easiest=count, sharp=sharp), [change], stop
    slot = replace(slot, broken_at_easiest=0, sharp=sharp)
    since = slot.since or session.date
    if not is_good(answers, entry, session, slot):
        return replace(slot, since=since, streak=0), [], None
    streak = slot.streak + 1
    if streak >= GOOD_IN_A_ROW and (day(session.date) - day(since)).days >= DAYS_AT_DOSE:
        nxt, text = step_up(catalog, answers, replace(slot, since=since, streak=streak))
        nxt = replace(nxt, sharp=slot.sharp)  # counted over every version of the exercise
        return nxt, ([Change(session.date, slot.family, STEP_UP, text)] if text else []), None
    return replace(slot, since=since, streak=streak), [], None


def _cleared(slot: Slot) -> Slot:
    """A physiotherapist has seen the reader: the counts start again, and an exercise left out for
    sharp pain comes back at the dose it had (one left out because walking was worse stays out)."""
    back = slot.left_for == SHARP_PAIN
    return replace(
        slot,
        broken_at_easiest=0,
        sharp=0,
        left_out=slot.left_out and not back,
        left_for="" if back else slot.left_for,
    )


def _resume(catalog: Catalog, answers: Answers, slot: Slot, on: str) -> tuple[Slot, list[Change]]:
    """After a stop and a clearance, an exercise the reader has done comes back one step easier
    than it stood (``cleared``): a step up not yet done is undone (the dose before it); otherwise
    one set fewer, or the easier version; the same at the easiest dose."""
    if slot.left_out:
        return slot, []
    if slot.before is not None:
        nxt = replace(slot.before, since=None, streak=0, broken_at_easiest=0, sharp=0, before=None)
    else:
        nxt, _ = step_back(catalog, answers, slot)
    if (nxt.version, nxt.sets, nxt.reps) == (slot.version, slot.sets, slot.reps):
        return nxt, []
    text = (
        f"You were seen after your sessions stopped: {slot.name} comes back one step easier: "
        f"{nxt.name}, {sets_of(nxt.sets, nxt.reps)}."
    )
    return nxt, [Change(on, slot.family, STEP_BACK, text)]


def _clearance(catalog: Catalog, answers: Answers, slots: dict[str, Slot], done: set[str], on: str, stopped: bool):
    """A clearance on ``on``: the counts start again (``_cleared``), and after a stop every exercise
    done so far (``done``: families) comes back one step easier (``_resume``)."""
    cleared: dict[str, Slot] = {}
    made: list[Change] = []
    for family, slot in slots.items():
        cleared[family] = _cleared(slot)
        if stopped and family in done:
            cleared[family], change = _resume(catalog, answers, cleared[family], on)
            made += change
    return cleared, made


def _phase_entries(program: Program, index: int, session: Session, slots: dict[str, Slot]) -> tuple[Entry, ...]:
    phase = program.phases[index].id
    return tuple(e for e in session.exercises if e.phase == phase and e.family in slots)


def replay(program: Program, answers: Answers, catalog: Catalog, log: Log) -> Progress:
    slots = initial_slots(program, answers, catalog)
    changes: list[Change] = []
    easiest_stops: list[Stop] = []
    index, streak, last_day = 0, 0, ""
    held_streak, held_last = 0, ""
    history: list[Session] = []
    clearances = sorted(e.date for e in log.events if e.kind == CLEARED)
    applied = ""  # the last clearance applied: the stop rules count the ratings given after it

    def clear(upto: str) -> None:
        """Apply the clearances up to ``upto``: was a stop in force then (since the last one)?"""
        nonlocal slots, easiest_stops, applied
        stopped = bool(easiest_stops) or bool(pain_stops(log, catalog, answers, applied, upto))
        done = {e.family for s in history for e in s.exercises}
        slots, made = _clearance(catalog, answers, slots, done, upto, stopped)
        changes.extend(made)
        easiest_stops, applied = [], upto

    for session in log.sessions:
        # A clearance counts for the sessions after its day (as ``cleared_after``).
        if clearances and clearances[0] < session.date:
            upto = max(c for c in clearances if c < session.date)
            clearances = [c for c in clearances if c >= session.date]
            clear(upto)
        history.append(session)
        for entry in session.exercises:
            slot = slots.get(entry.family)
            if slot is None or slot.left_out or entry.id != slot.version:
                continue
            slots[entry.family], made, stop = _apply_entry(catalog, answers, slot, entry, session)
            changes.extend(made)
            if stop is not None:
                easiest_stops.append(stop)
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
    if clearances:
        clear(clearances[-1])
    results = latest_one_leg(tuple(history), history[-1].date) if history else {}
    passed = bool(results) and all(
        s in results and results[s].seconds >= ONE_LEG_TARGET_S and results[s].pelvis == "level"
        for s in answers.trained_sides
    )
    left = tuple(s.version for s in slots.values() if s.left_out and s.left_for == WALKING_WORSE)
    stops = (*easiest_stops, *pain_stops(log, catalog, answers, applied))
    return Progress(slots, index, tuple(changes), held_streak >= GOOD_IN_A_ROW, passed, left, stops)


def phase_now(program: Program, progress: Progress) -> Phase:
    return program.phases[progress.phase_index]


# --- the reasons to stop and see a physiotherapist --------------------------------------------


def cleared_after(log: Log) -> str:
    """The date of the last 'a physiotherapist has seen me' the reader gave ("" if none)."""
    dates = [e.date for e in log.events if e.kind == CLEARED]
    return max(dates) if dates else ""


@dataclass(frozen=True)
class Rating:
    """One pain rating of the log: the day of its session, the day the reader gave it, the pain,
    and the exercise it was for ("" for the next morning)."""

    session: str
    given: str
    pain: int
    exercise: str = ""


def morning_given_on(session: Session) -> str:
    """The day the reader gave a session's next-morning pain: as the log says, or, in a log first
    written as version 1 (which did not keep it), the day after the session, the first it could be."""
    return session.pain_next_morning_on or (day(session.date) + timedelta(days=1)).isoformat()


def ratings(log: Log, after: str = "", upto: str | None = None) -> list[Rating]:
    """Every pain rating given after the day ``after`` (and up to ``upto``, that day included): each
    exercise's on its session's day, the next morning's on the day the reader gave it. A rating
    counts from when it was given, so a morning rating given after a clearance counts even when its
    session was before it."""
    found = []
    for session in log.sessions:
        found += [Rating(session.date, session.date, e.pain_during, e.id) for e in session.exercises]
        if session.pain_next_morning is not None:
            found.append(Rating(session.date, morning_given_on(session), session.pain_next_morning))
    return [r for r in found if r.given > after and (upto is None or r.given <= upto)]


def weekly_highest_pain(found: list[Rating]) -> list[tuple[int, int, str]]:
    """(week number, highest pain rated that week, the last day a rating of it was given) for the
    weeks with a rating; weeks are 7-day blocks from the first such rating's session, and a rating
    belongs to the week of its session."""
    if not found:
        return []
    first = min(day(r.session) for r in found)
    weeks: dict[int, tuple[int, str]] = {}
    for rating in found:
        week = (day(rating.session) - first).days // 7 + 1
        pain, on = weeks.get(week, (0, ""))
        weeks[week] = (max(pain, rating.pain), max(on, rating.given))
    return [(week, pain, on) for week, (pain, on) in sorted(weeks.items())]


def pain_seven(found: list[Rating], catalog: Catalog) -> Stop | None:
    """``pain-seven``: the first rating of STOP_AT or more (in the order given)."""
    too_much = f"Pain of {STOP_AT} out of 10 or more is too much to go on alone."
    for rating in sorted(found, key=lambda r: r.given):
        if rating.pain < STOP_AT:
            continue
        if rating.exercise:
            text = f"Your pain reached {rating.pain} out of 10 during {_name(catalog, rating.exercise)}. {too_much}"
        else:
            text = f"Your pain was {rating.pain} out of 10 the morning after a session. {too_much}"
        return Stop(PAIN_SEVEN, rating.given, text)
    return None


def _name(catalog: Catalog, exercise_id: str) -> str:
    try:
        return catalog.exercise(exercise_id).name
    except KeyError:
        return exercise_id.replace("-", " ")


def pain_rising(found: list[Rating], usual: int, seen_by: str = PHYSIOTHERAPIST) -> Stop | None:
    """``pain-rising``: the first week whose highest pain is above the usual pain and higher than
    in the week before that had a rating. The message says why a rise of one point is enough."""
    for (_, before, _), (_, now, on) in pairwise(weekly_highest_pain(found)):
        if now > before and now > usual:
            text = (
                f"Your highest pain went up from {before} out of 10 one week to {now} the next, "
                f"above your usual {usual}. Even a small rise stops the sessions: pain that builds from "
                f"week to week is the pattern this rule watches for. {seen_by[:1].upper() + seen_by[1:]} "
                "can tell you the rise is fine, and then you go on."
            )
            return Stop(PAIN_RISING, on, text)
    return None


def pain_stops(log: Log, catalog: Catalog, answers: Answers, after: str, upto: str | None = None) -> tuple[Stop, ...]:
    """The pain ratings' own reasons to stop, counting the ratings given after ``after`` (the last
    clearance) and up to ``upto``."""
    found = ratings(log, after, upto)
    stops = (pain_seven(found, catalog), pain_rising(found, answers.pain_now, whom(answers)))
    return tuple(stop for stop in stops if stop is not None)
