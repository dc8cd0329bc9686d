"""Today's session: the exercises due, each with its side, its dose now and the timeline the page's
timer walks; the one-leg check when the reader's limits allow it; the warnings and next steps.

``today(program, answers, catalog, log, on)`` is pure: the date comes from the caller (the reader's
browser). The page runs the timeline against its clock and never decides anything: what is due,
the dose, when to stop and what comes next are all here or in ``progress``.
"""

from dataclasses import dataclass
from datetime import timedelta

from ..catalog import Catalog, Exercise, WorkingLeg
from ..picker.answers import PREGNANCY, Answers
from ..picker.program import Program, SideInstruction
from ..picker.rules import (
    STRENGTH_DAYS,
    dose_for,
    max_days,
    precaution_rule,
    sides_for,
)
from .log import Log, Session, answers_given_on
from .progress import Progress, Slot, cleared_after, day, latest_one_leg, phase_now, replay
from .rules import ANSWERS_FRESH_WEEKS, MOVE_MS, ONE_LEG_EVERY_DAYS, ONE_LEG_TARGET_S, READY_MS, REP_MS
from .words import say, sets_of

# The pregnancy answers that age (``pregnancy-answers``): every band of a pregnancy, and a birth in
# the last 12 weeks.
AGEING_PREGNANCY = tuple(answer for answer in PREGNANCY if answer != "no")

# The one-leg check, as the picker's limits see it: standing on one leg, holding a counter.
ONE_LEG_CHECK = Exercise(
    id="one-leg-check",
    name="The one-leg check",
    family="one-leg-check",
    level="standard",
    phase="activation",
    position="standing",
    working_leg=WorkingLeg("stance", "", ""),
    purpose="",
    setup=(),
    steps=(),
    cues=(),
    common_errors=(),
    dosing={},
    equipment=("support",),
    precautions=("single-leg-weight-bearing", "abductor-loading", "outer-hip-compression"),
)


@dataclass(frozen=True)
class Step:
    kind: str  # ready | rep | in | hold | out | rest
    ms: int
    side: int  # index in the exercise's sides
    set: int
    rep: int
    say: str = ""  # what is announced (and spoken, if the reader turned speech on)


@dataclass(frozen=True)
class Planned:
    id: str
    family: str
    name: str
    phase: str
    sides: tuple[SideInstruction, ...]
    sets: int
    reps: int
    hold_s: int
    rest_s: int
    days_per_week: int
    strength: bool  # dosed on at most STRENGTH_DAYS days, never on days next to each other
    due: bool
    next_date: str | None  # when it is due next, if not today
    done_today: bool
    cues: tuple[str, ...]
    steps: tuple[Step, ...] = ()

    @property
    def dose_text(self) -> str:
        hold = f", hold {self.hold_s} s" if self.hold_s else ""
        sides = " on each side" if len(self.sides) > 1 else ""
        return f"{sets_of(self.sets, self.reps)}{hold}{sides}, rest {self.rest_s} s"


@dataclass(frozen=True)
class OneLegOffer:
    allowed: bool
    suggested: bool
    why: str  # why not, when not allowed
    sides: tuple[str, ...]
    seconds: int = ONE_LEG_TARGET_S


@dataclass(frozen=True)
class Today:
    state: str  # ready | rest-day | answer-again (``pregnancy-answers``) | stopped (progress.stops)
    phase_id: str
    phase_title: str
    phase_number: int
    exercises: tuple[Planned, ...]
    progress: Progress
    session: Session | None  # today's session in progress
    morning: Session | None  # the last session whose next-morning pain is still to give
    one_leg: OneLegOffer
    cleared_today: bool = False  # the reader said today that a physiotherapist has seen them
    answers_on: str = ""  # the day the picker's answers were given (``log.answers_given_on``)
    answers_weeks: int = 0  # whole weeks since then


def timeline(sides: int, sets: int, reps: int, hold_s: int, rest_s: int) -> tuple[Step, ...]:
    """The steps the timer walks: a count-in, then each repetition (into the hold, the hold, out
    of it; or one paced repetition), a rest between sets and between sides."""
    steps = [Step("ready", READY_MS, 0, 1, 0, say("ready", dose=sets_of(sets, reps)))]
    for side in range(sides):
        for number in range(1, sets + 1):
            for rep in range(1, reps + 1):
                start = say("set", set=number, sets=sets) + " " if rep == 1 else ""
                if hold_s:
                    steps.append(Step("in", MOVE_MS, side, number, rep, start + say("rep", rep=rep)))
                    steps.append(Step("hold", hold_s * 1000, side, number, rep, say("hold", seconds=hold_s)))
                    steps.append(Step("out", MOVE_MS, side, number, rep))
                else:
                    steps.append(Step("rep", REP_MS, side, number, rep, start + say("rep", rep=rep)))
            last = side == sides - 1 and number == sets
            if not last:
                key = "switch" if number == sets else "rest"
                steps.append(Step("rest", rest_s * 1000, side, number, reps, say(key, seconds=rest_s)))
    return tuple(steps)


def _done_dates(log: Log, family: str) -> set[str]:
    return {s.date for s in log.sessions if any(e.family == family for e in s.exercises)}


def _free_on(on, dates: set[str], strength: bool, days: int) -> bool:
    if on.isoformat() in dates:
        return False
    if strength and (on - timedelta(days=1)).isoformat() in dates:
        return False
    week = sum(1 for d in dates if 0 < (on - day(d)).days < 7)
    return week < days


def planned(catalog: Catalog, answers: Answers, slot: Slot, log: Log, on: str) -> Planned:
    """One exercise of today's session (``spacing``: due today or not, and when next)."""
    exercise = catalog.exercise(slot.version)
    dose, _ = dose_for(exercise, answers, slot.phase, "")
    strength = max_days(exercise, slot.phase) <= STRENGTH_DAYS
    dates = _done_dates(log, slot.family)
    today = day(on)
    due = _free_on(today, dates, strength, dose.days_per_week)
    later = next(
        (
            today + timedelta(days=n)
            for n in range(1, 8)
            if _free_on(today + timedelta(days=n), dates, strength, dose.days_per_week)
        ),
        None,
    )
    sides = sides_for(exercise, answers)
    return Planned(
        id=exercise.id,
        family=slot.family,
        name=exercise.name,
        phase=slot.phase,
        sides=sides,
        sets=slot.sets,
        reps=slot.reps,
        hold_s=slot.hold_s,
        rest_s=slot.rest_s,
        days_per_week=dose.days_per_week,
        strength=strength,
        due=due,
        next_date=None if due or later is None else later.isoformat(),
        done_today=on in dates,
        cues=tuple(exercise.cues[:3]),
        steps=timeline(len(sides), slot.sets, slot.reps, slot.hold_s, slot.rest_s) if due else (),
    )


def one_leg_offer(answers: Answers, log: Log, on: str) -> OneLegOffer:
    """``one-leg-check``: allowed when the picker's limits allow a one-leg stand holding a counter."""
    verdict = precaution_rule(ONE_LEG_CHECK, answers)
    if answers.outer_hip_pain:
        why = (
            "With pain on the outside of the hip, standing on one leg is left out until a physiotherapist "
            "has assessed you."
        )
        return OneLegOffer(False, False, why, answers.trained_sides)
    if not verdict.allowed:
        reason = verdict.reason.text if verdict.reason else ""
        why = "Your answers leave out standing on one leg for now. " + reason.replace(
            "Left out The one-leg check: ", ""
        )
        return OneLegOffer(False, False, why.strip(), answers.trained_sides)
    recent = latest_one_leg(log.sessions, on)
    suggested = not recent or all((day(on) - day(s.date)).days >= ONE_LEG_EVERY_DAYS for s in log.sessions if s.one_leg)
    return OneLegOffer(True, suggested, "", answers.trained_sides)


def _in_progress(log: Log, on: str) -> Session | None:
    last = log.sessions[-1] if log.sessions else None
    return last if last is not None and last.date == on and not last.finished and not last.red_flags else None


def _morning_due(log: Log, on: str) -> Session | None:
    """The last session before today whose next-morning pain is still to give."""
    earlier = [s for s in log.sessions if s.date < on and s.exercises]
    if earlier and earlier[-1].pain_next_morning is None:
        return earlier[-1]
    return None


def answers_out_of_date(answers: Answers, log: Log, on: str) -> bool:
    """``pregnancy-answers``: the answers say pregnant (any band) or a birth in the last 12 weeks,
    and ANSWERS_FRESH_WEEKS weeks or more have passed since they were given (``answers_given_on``)."""
    if answers.pregnancy not in AGEING_PREGNANCY:
        return False
    return (day(on) - day(answers_given_on(log, on))).days >= 7 * ANSWERS_FRESH_WEEKS


def today(program: Program, answers: Answers, catalog: Catalog, log: Log, on: str) -> Today:
    progress = replay(program, answers, catalog, log)
    phase = phase_now(program, progress)
    slots = [s for s in progress.slots.values() if s.phase == phase.id and not s.left_out]
    session = _in_progress(log, on)
    logged = {e.family for e in session.exercises} if session else set()
    items = tuple(planned(catalog, answers, slot, log, on) for slot in slots)
    state = "ready" if any(p.due and p.family not in logged for p in items) else "rest-day"
    # A clearance counts from the next day (``cleared``): the stop rules count only the sessions
    # after its day, so no session is done on that day itself.
    cleared_today = cleared_after(log) == on
    if cleared_today:
        state = "rest-day"
    if answers_out_of_date(answers, log, on):
        state = "answer-again"
    if progress.stops:
        state = "stopped"
    return Today(
        state=state,
        phase_id=phase.id,
        phase_title=phase.title,
        phase_number=phase.number,
        exercises=items,
        progress=progress,
        session=session,
        morning=_morning_due(log, on),
        one_leg=one_leg_offer(answers, log, on),
        cleared_today=cleared_today,
        answers_on=answers_given_on(log, on),
        answers_weeks=max(0, (day(on) - day(answers_given_on(log, on))).days // 7),
    )


def due_now(plan: Today) -> tuple[Planned, ...]:
    """The exercises still to do today (due, and not yet logged in today's session)."""
    logged = {e.family for e in plan.session.exercises} if plan.session else set()
    return tuple(p for p in plan.exercises if p.due and p.family not in logged)
