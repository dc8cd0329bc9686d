"""The selection rules: answers and the catalog in, a phased program out.

The rules read the catalog by phase, level, position, equipment, precaution tags and which leg
works; no exercise is named here. Each rule is a small function that returns its decision with a
``Reason`` the reader sees ("because you said ..."), so the program can explain every choice.
"""

from dataclasses import dataclass

from hipdrop.catalog import Catalog, Dosing, Exercise

from .answers import Answers
from .program import (
    PHASE_ORDER,
    PHASE_TITLES,
    ChosenExercise,
    Dose,
    Phase,
    Program,
    Reason,
    SideInstruction,
)

LEVEL_RANK = {"easier": 0, "standard": 1, "harder": 2}
LEVEL_BY_RANK = {rank: level for level, rank in LEVEL_RANK.items()}

STANDING_POSITIONS = ("standing", "standing-on-step")
LYING_POSITIONS = ("side-lying", "side-plank", "incline-side-plank")
FLOOR_PLANK_POSITIONS = ("side-plank",)

# A form answer can stand for more than one catalog equipment word.
EQUIPMENT_PROVIDES = {
    "chair": ("chair", "support"),
    "step": ("step",),
    "band": ("band",),
    "wall": ("wall",),
    "mirror": ("mirror",),
    "weight": ("weight",),
}
EQUIPMENT_WORDS = {
    "step": "a step",
    "band": "an exercise band",
    "wall": "a wall",
    "support": "something steady to hold (a counter or sturdy table)",
    "chair": "a chair",
    "mirror": "a mirror",
    "weight": "a weight",
}
# Feedback tools: helpful, never required. Without one, the reader gets another way to check.
OPTIONAL_EQUIPMENT = ("mirror",)

# Which catalog dosing each goal uses in each phase. Activation is practice in switching the
# muscles on, so it is always dosed for motor control (the source article's order and dosing hints).
GOAL_DOSING = {
    "motor-control": {p: "motor-control" for p in PHASE_ORDER},
    "strength": {"activation": "motor-control", "strengthening": "strength", "movement-retraining": "strength"},
    "endurance": {"activation": "motor-control", "strengthening": "endurance", "movement-retraining": "endurance"},
    "return-to-sport": {
        "activation": "motor-control",
        "strengthening": "strength",
        "movement-retraining": "strength",
    },
}
DOSING_FALLBACK = ("motor-control", "strength", "endurance")

MAX_PER_PHASE = 2  # keeps a session short and the printed program on one or two pages
SECONDS_PER_REP = 3  # rough time for one repetition without a hold, for the time estimate only

SOURCE_ARTICLE = "source-article"  # catalog source ids are shown by their citation
SOURCE_HARDCASTLE = "Hardcastle & Nade 1985"
SOURCE_ACSM = "acsm-2009"
SOURCE_RULE = "Hip Drop picker rule"

SOURCE_COURSE = "course suggestion (lesson 5)"

# The checks for moving on, as lesson 5 ("When to move to the next phase") gives them.
MOVING_ON = {
    "activation": (
        Reason(
            "The pelvis comes back to level on every repetition, without the mirror.",
            SOURCE_COURSE,
        ),
        Reason("You can do 2 to 3 sets of 10 with no rise in pain.", SOURCE_COURSE),
    ),
    "strengthening": (
        Reason(
            "You can do 3 sets of 10 to 12 of your strengthening exercises with good form and no "
            "rise in pain.",
            SOURCE_COURSE,
        ),
        Reason(
            "You can stand on one leg, with a light hand on a counter, for 30 seconds with the "
            "pelvis level (the time used in the clinical test).",
            SOURCE_HARDCASTLE,
        ),
    ),
    "movement-retraining": (
        Reason(
            "Move from supported to free versions when the pelvis stays level and the knee stays "
            "over the foot; then take the same control into walking and stairs.",
            SOURCE_COURSE,
        ),
    ),
}


@dataclass(frozen=True)
class Verdict:
    """A rule's decision about one exercise: allowed or not, and why."""

    allowed: bool
    reason: Reason | None = None


# --- sides -------------------------------------------------------------------------------


def other_side(side: str) -> str:
    return "right" if side == "left" else "left"


def underneath_side(exercise: Exercise, trained: str) -> str:
    """The side the body rests on (the stance leg): the trained side unless the trained leg moves."""
    return other_side(trained) if exercise.working_leg.works == "moving" else trained


def sides_done(exercise: Exercise, answers: Answers) -> tuple[str, ...]:
    """The trained side of each set: an exercise where both hips work is done on both sides."""
    if exercise.working_leg.works == "both":
        first = answers.trained_sides[0]
        return (first, other_side(first))
    return answers.trained_sides


def lying_sides(exercise: Exercise, answers: Answers) -> set[str]:
    """The sides the reader lies on for this exercise (empty when it is not done lying)."""
    if exercise.position not in LYING_POSITIONS and "lies-on-side" not in exercise.precautions:
        return set()
    return {underneath_side(exercise, side) for side in sides_done(exercise, answers)}


def side_instruction(exercise: Exercise, trained: str) -> SideInstruction:
    down = underneath_side(exercise, trained)
    up = other_side(down)
    works = exercise.working_leg.works
    if exercise.position in STANDING_POSITIONS:
        base = f"Stand on your {down} leg; your {up} leg and hip move."
    elif exercise.position == "side-plank":
        base = f"Lie on your {down} side, propped on your {down} forearm; your {up} leg is on top."
    elif exercise.position == "incline-side-plank":
        base = f"Lean on your {down} forearm with your {down} side towards the support; your {up} leg is on top."
    elif exercise.position in LYING_POSITIONS:
        base = f"Lie on your {down} side; your {up} leg is on top."
    else:
        base = f"Your {down} leg is underneath; your {up} leg moves."
    if works == "stance":
        who = f" The {down} hip does the work."
    elif works == "moving":
        who = f" The {up} hip does the work."
    else:
        who = f" Both hips work; the {down} hip holds you up."
    return SideInstruction(stance=down, moving=up, text=base + who)


def sides_for(exercise: Exercise, answers: Answers) -> tuple[SideInstruction, ...]:
    return tuple(side_instruction(exercise, side) for side in sides_done(exercise, answers))


# --- exclusion rules ----------------------------------------------------------------------


def precaution_rule(exercise: Exercise, answers: Answers) -> Verdict:
    """Remove every exercise that a clinician's limit forbids."""
    tags = set(exercise.precautions)
    if answers.weight_bearing == "partial":
        banned = tags & {"single-leg-weight-bearing", "high-load", "balance-demand"}
        if banned:
            return Verdict(
                False,
                Reason(
                    f"Left out {exercise.name}: because your clinician has not yet cleared you "
                    "to put full weight on the leg, the program has no exercise that stands on "
                    "one leg, loads it heavily or tests balance.",
                    SOURCE_RULE,
                ),
            )
    if "hip-precautions" in answers.precautions and "hip-flexion-past-90" in tags:
        return Verdict(
            False,
            Reason(
                f"Left out {exercise.name}: because you have hip precautions, the program has "
                "no exercise that bends the hip past a right angle.",
                SOURCE_RULE,
            ),
        )
    if "no-lying-on-operated-side" in answers.precautions:
        on_operated = lying_sides(exercise, answers) & set(answers.operated_sides)
        if on_operated:
            side = " and ".join(sorted(on_operated))
            return Verdict(
                False,
                Reason(
                    f"Left out {exercise.name}: it would have you lie on your {side} side, and "
                    "you said you must not lie on the operated side.",
                    SOURCE_RULE,
                ),
            )
    return Verdict(True)


def equipment_rule(exercise: Exercise, answers: Answers) -> Verdict:
    """Keep an exercise only when the reader has what it needs (feedback tools are optional)."""
    owned = {word for item in answers.equipment for word in EQUIPMENT_PROVIDES.get(item, (item,))}
    missing = [e for e in exercise.equipment if e not in owned and e not in OPTIONAL_EQUIPMENT]
    if missing:
        needs = " and ".join(EQUIPMENT_WORDS.get(e, e) for e in missing)
        return Verdict(
            False,
            Reason(f"Left out {exercise.name}: it needs {needs}, which you did not tick.", SOURCE_RULE),
        )
    return Verdict(True)


# --- level rules --------------------------------------------------------------------------


@dataclass(frozen=True)
class Level:
    """The level a reader starts at for one kind of exercise.

    ``top`` is the hardest level allowed (a ``LEVEL_RANK`` value), or None when the reader cannot
    do this kind of exercise yet. When a family has several versions at that level, ``easiest``
    picks the first of them (the reader said they cannot do the task yet) instead of the last.
    """

    top: int | None
    reason: Reason
    easiest: bool = False


def _because(said: str, start: str) -> str:
    return f"Because you said you {said}, you start with the {start} version."


def side_plank_level(answers: Answers, supported: bool) -> Level:
    if supported:
        if answers.side_plank == "none":
            return Level(LEVEL_RANK["easier"], Reason(
                "Because you said you cannot yet hold a side plank, you start leaning on a "
                "support instead of lying on the floor.", SOURCE_ARTICLE))
        return Level(LEVEL_RANK["harder"], Reason(
            "You can already hold a side plank, so a supported version is within reach.", SOURCE_ARTICLE))
    if answers.side_plank == "none":
        return Level(None, Reason(
            "Because you said you cannot yet hold a side plank, the program leaves out floor side "
            "planks for now and uses exercises that do not need one.", SOURCE_RULE))
    if answers.side_plank == "knees":
        return Level(LEVEL_RANK["easier"], Reason(_because(
            "can hold a side plank from your knees but not yet from your feet", "easier"), SOURCE_ARTICLE))
    return Level(LEVEL_RANK["standard"], Reason(_because(
        "can hold a side plank from your feet", "standard"), SOURCE_ARTICLE))


def standing_level(answers: Answers, phase: str) -> Level:
    stance = answers.single_leg_stance
    squat = answers.single_leg_squat
    if stance != "yes":
        said = (
            "have not tried standing on one leg for 30 seconds"
            if stance == "not-tried"
            else "cannot yet stand on one leg for 30 seconds with a level pelvis"
        )
        return Level(LEVEL_RANK["easier"], Reason(_because(said, "easiest"), SOURCE_HARDCASTLE), easiest=True)
    if phase == "movement-retraining":
        if squat == "no":
            return Level(LEVEL_RANK["easier"], Reason(_because(
                "cannot yet do a single-leg squat to a box", "easiest"), SOURCE_ARTICLE), easiest=True)
        if squat == "not-tried":
            return Level(LEVEL_RANK["easier"], Reason(_because(
                "have not tried a single-leg squat to a box", "easier"), SOURCE_ARTICLE))
        if answers.goal == "return-to-sport":
            return Level(LEVEL_RANK["harder"], Reason(
                "Because you said you can stand on one leg and squat to a box on it, and your "
                "goal is a return to sport, you start with the harder version.", SOURCE_ARTICLE))
        return Level(LEVEL_RANK["standard"], Reason(_because(
            "can stand on one leg and squat to a box on it", "standard"), SOURCE_ARTICLE))
    if squat == "yes":
        return Level(LEVEL_RANK["harder"], Reason(_because(
            "can stand on one leg for 30 seconds with a level pelvis and squat to a box on it",
            "harder"), SOURCE_HARDCASTLE))
    return Level(LEVEL_RANK["standard"], Reason(_because(
        "can stand on one leg for 30 seconds with a level pelvis", "standard"), SOURCE_HARDCASTLE))


def lying_level(answers: Answers) -> Level:
    if answers.side_plank == "feet":
        return Level(LEVEL_RANK["harder"], Reason(
            "Because you said you can hold a side plank from your feet, lying exercises start at "
            "the harder version.", SOURCE_ARTICLE))
    return Level(LEVEL_RANK["standard"], Reason(
        "You start with the standard version; the rule for moving on says when to make it harder.",
        SOURCE_ACSM))


def level_rule(exercise: Exercise, answers: Answers) -> Level:
    """The level that fits this reader for an exercise of this position and phase."""
    if exercise.position in FLOOR_PLANK_POSITIONS:
        return side_plank_level(answers, supported=False)
    if exercise.position == "incline-side-plank":
        return side_plank_level(answers, supported=True)
    if exercise.position in STANDING_POSITIONS:
        return standing_level(answers, exercise.phase)
    return lying_level(answers)


# --- dosing -------------------------------------------------------------------------------


def dosing_for(exercise: Exercise, answers: Answers, phase: str) -> tuple[Dosing, Reason]:
    wanted = GOAL_DOSING[answers.goal][phase]
    goal_words = answers.goal.replace("-", " ")
    if wanted in exercise.dosing:
        dosing = exercise.dosing[wanted]
        if wanted == answers.goal:
            text = f"Dosed for your goal, {goal_words}."
        elif phase == "activation":
            text = (
                "Dosed for motor control: activation is practice in switching the muscles on, "
                "with many slow, careful repetitions."
            )
        else:
            text = f"Dosed for {wanted.replace('-', ' ')}, the part of your goal ({goal_words}) this phase trains."
        return dosing, Reason(text, "")
    for goal in DOSING_FALLBACK:
        if goal in exercise.dosing:
            return exercise.dosing[goal], Reason(
                f"The catalog gives no {wanted.replace('-', ' ')} dose for this exercise, so it "
                f"uses the {goal.replace('-', ' ')} dose.",
                "",
            )
    raise ValueError(f"exercise '{exercise.id}' has no dosing")


def _middle(span) -> int:
    """The middle of a range, rounded up: the time estimate assumes a mid-range session."""
    return (span.low + span.high + 1) // 2


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def dose_for(exercise: Exercise, answers: Answers, phase: str, cite: str) -> tuple[Dose, Reason]:
    dosing, reason = dosing_for(exercise, answers, phase)
    days = min(answers.days_per_week, dosing.days_per_week.high)
    note = ""
    if answers.days_per_week > dosing.days_per_week.high:
        note = (
            f"The dose asks for {dosing.days_per_week} days a week, so use your other days for "
            "rest or the other phases' exercises."
        )
    elif answers.days_per_week < dosing.days_per_week.low:
        note = (
            f"The dose suggests {dosing.days_per_week} days a week; with {answers.days_per_week}, "
            "expect slower progress."
        )
    hold = f", hold {dosing.hold_s} s" if dosing.hold_s.high > 0 else ""
    text = (
        f"{dosing.sets} sets of {dosing.reps}{hold}, rest {dosing.rest_s} s, "
        f"{plural(days, 'day')} a week"
    )
    sides = len(sides_done(exercise, answers))
    sets = _middle(dosing.sets)
    rep_seconds = _middle(dosing.reps) * (_middle(dosing.hold_s) + SECONDS_PER_REP)
    seconds = sets * rep_seconds * sides + max(sets * sides - 1, 0) * _middle(dosing.rest_s)
    dose = Dose(
        goal=dosing.goal,
        sets=str(dosing.sets),
        reps=str(dosing.reps),
        hold_s=str(dosing.hold_s),
        rest_s=str(dosing.rest_s),
        days_per_week=days,
        text=text,
        minutes=max(1, -(-seconds // 60)),
        source=cite,
        basis=dosing.basis,
        notes=tuple(n for n in (note, dosing.note) if n),
    )
    return dose, Reason(reason.text, cite)


# --- choosing -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    exercise: Exercise
    reasons: tuple[Reason, ...]


def choose_version(
    catalog: Catalog, family: str, answers: Answers, left_out: list[Reason]
) -> Candidate | None:
    """The hardest allowed version of a family at or below the level that fits the reader."""
    members = catalog.family_members(family)
    allowed: list[tuple[Exercise, Level]] = []
    why_not: list[Reason] = []
    for member in members:
        verdicts = (precaution_rule(member, answers), equipment_rule(member, answers))
        refused = [v.reason for v in verdicts if not v.allowed and v.reason]
        if refused:
            why_not.append(refused[0])
            continue
        level = level_rule(member, answers)
        if level.top is None:
            why_not.append(level.reason)
        elif LEVEL_RANK.get(member.level, 1) <= level.top:
            allowed.append((member, level))
    if not allowed:
        if why_not:
            left_out.append(why_not[0])
        return None
    exercise, level = allowed[-1]
    if level.easiest:
        exercise, level = next((m, l) for m, l in allowed if m.level == exercise.level)
    level_reason = level.reason
    reasons = [level_reason]
    needed = [e for e in exercise.equipment if e not in OPTIONAL_EQUIPMENT]
    if needed:
        words = " and ".join(EQUIPMENT_WORDS.get(e, e) for e in needed)
        reasons.append(Reason(f"It uses {words}, which you have.", SOURCE_RULE))
    if "mirror" in exercise.equipment:
        if _owns(answers, "mirror"):
            reasons.append(Reason("Use your mirror to check that the pelvis stays level, then "
                                  "wean off it.", SOURCE_ARTICLE))
        else:
            reasons.append(Reason(
                "You did not tick a mirror: film yourself on a phone, or ask someone to watch "
                "that your pelvis stays level.", SOURCE_ARTICLE))
    return Candidate(exercise, tuple(reasons))


def _owns(answers: Answers, word: str) -> bool:
    return any(word in EQUIPMENT_PROVIDES.get(item, (item,)) for item in answers.equipment)


def _cite(catalog: Catalog, source_id: str) -> str:
    source = catalog.sources.get(source_id)
    return source.cite if source else source_id


def cited(catalog: Catalog, reason: Reason) -> Reason:
    """A reason whose source is a catalog source id, shown by its citation ("Boren et al. 2011")."""
    if reason.source in catalog.sources:
        return Reason(reason.text, catalog.sources[reason.source].cite)
    return reason


def _name(catalog: Catalog, exercise_id: str | None) -> str | None:
    if exercise_id is None:
        return None
    try:
        return catalog.exercise(exercise_id).name
    except KeyError:
        return None


def chosen_exercise(catalog: Catalog, candidate: Candidate, answers: Answers, phase: str) -> ChosenExercise:
    exercise = candidate.exercise
    dosing, _ = dosing_for(exercise, answers, phase)
    dose, dose_reason = dose_for(exercise, answers, phase, _cite(catalog, dosing.source))
    return ChosenExercise(
        id=exercise.id,
        name=exercise.name,
        level=exercise.level,
        phase=phase,
        position=exercise.position,
        equipment=tuple(exercise.equipment),
        sides=sides_for(exercise, answers),
        dose=dose,
        cues=tuple(exercise.cues[:3]),
        reasons=tuple(cited(catalog, r) for r in (*candidate.reasons, dose_reason)),
        illustration=exercise.illustration or None,
        illustration_alt=exercise.illustration_alt or f"Drawing of {exercise.name}",
        harder=_name(catalog, exercise.harder),
        easier=_name(catalog, exercise.easier),
    )


def fit_to_time(chosen: list[ChosenExercise], minutes: int) -> tuple[ChosenExercise, ...]:
    """Keep the first exercise, then add more while the session fits the reader's minutes."""
    kept: list[ChosenExercise] = []
    total = 0
    for exercise in chosen:
        if kept and (total + exercise.dose.minutes > minutes or len(kept) >= MAX_PER_PHASE):
            continue
        kept.append(exercise)
        total += exercise.dose.minutes
    return tuple(kept)


ORDER_NOTE = Reason(
    "The phases follow the order in the source article: first switch the muscles on, then "
    "strengthen them, then train them in movement. Start with phase 1.",
    SOURCE_ARTICLE,
)


def side_notes(answers: Answers) -> tuple[Reason, ...]:
    if answers.weak_side == "both":
        return (Reason("Because you said both sides are weak, do every exercise on both sides, left first.", SOURCE_RULE),)
    if answers.weak_side == "not-sure":
        return (
            Reason(
                "Because you are not sure which side is weak, do every exercise on both sides. "
                "The self-test in the lessons can show which side drops.",
                SOURCE_RULE,
            ),
        )
    return (
        Reason(
            f"Because you said your {answers.weak_side} side is weak, every exercise trains the "
            f"{answers.weak_side} hip. The leg you stand on is the one you strengthen.",
            SOURCE_ARTICLE,
        ),
    )


def build_program(answers: Answers, catalog: Catalog) -> tuple[Program | None, tuple[Reason, ...]]:
    """The phased program, or None (with the reasons) when no phase has an exercise that fits."""
    left_out: list[Reason] = []
    candidates: dict[str, list[Candidate]] = {p: [] for p in PHASE_ORDER}
    for main in catalog.families():
        candidate = choose_version(catalog, main.id, answers, left_out)
        if candidate is not None and candidate.exercise.phase in candidates:
            candidates[candidate.exercise.phase].append(candidate)
    phases: list[Phase] = []
    for phase in PHASE_ORDER:
        chosen = [chosen_exercise(catalog, c, answers, phase) for c in candidates[phase]]
        kept = fit_to_time(chosen, answers.minutes_per_day)
        if not kept:
            left_out.append(
                Reason(
                    f"No {PHASE_TITLES[phase].lower()} exercise fits your answers, so the "
                    "program skips that phase; ask a physiotherapist for one that suits you.",
                    SOURCE_RULE,
                )
            )
            continue
        if kept[0].dose.minutes > answers.minutes_per_day:
            left_out.append(
                Reason(
                    f"{kept[0].name} takes about {kept[0].dose.minutes} minutes, more than your "
                    f"{answers.minutes_per_day}: do fewer sets at first.",
                    SOURCE_RULE,
                )
            )
        phases.append(
            Phase(
                id=phase,
                title=PHASE_TITLES[phase],
                number=len(phases) + 1,
                exercises=kept,
                moving_on=tuple(cited(catalog, r) for r in MOVING_ON[phase]),
            )
        )
    if not phases:
        return None, tuple(left_out)
    return (
        Program(
            goal=answers.goal,
            weak_side=answers.weak_side,
            trained_sides=answers.trained_sides,
            minutes_per_day=answers.minutes_per_day,
            days_per_week=answers.days_per_week,
            phases=tuple(phases),
            stop_rules=(),
            notes=tuple(cited(catalog, r) for r in (*side_notes(answers), ORDER_NOTE)),
            left_out=tuple(cited(catalog, r) for r in _unique(left_out)),
        ),
        tuple(left_out),
    )


def _unique(reasons: list[Reason]) -> list[Reason]:
    seen: set[Reason] = set()
    out = []
    for reason in reasons:
        if reason not in seen:
            seen.add(reason)
            out.append(reason)
    return out
