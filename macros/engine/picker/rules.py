"""The selection rules: answers and the catalog in, a phased program out.

The rules read the catalog by phase, level, position, equipment, precaution tags and which leg
works; no exercise is named here. Each rule is a small function that returns its decision with a
``Reason`` the reader sees ("because you said ..."), so the program can explain every choice.
"""

from dataclasses import dataclass

from ..catalog import Catalog, Dosing, Exercise
from .answers import Answers
from .limits import (
    APPROACH_WEEKS,
    CLINICIAN_LIMITS_BY_ID,
    LOW_LOAD_PAIN,
    OUTER_HIP_TAGS,
    PARTIAL_WEIGHT_TAGS,
    PROCEDURES_BY_ID,
    SOURCE_OUTER_HIP,
    SOURCE_SURGICAL,
)
from .program import (
    PHASE_ORDER,
    PHASE_TITLES,
    ChosenExercise,
    Dose,
    LeftOut,
    Phase,
    Program,
    Reason,
    SideInstruction,
)
from .safety import HIGH_PAIN
from .sources import COURSE_CONVENTION

LEVEL_RANK = {"easier": 0, "standard": 1, "harder": 2}
LEVEL_BY_RANK = {rank: level for level, rank in LEVEL_RANK.items()}

STANDING_POSITIONS = ("standing", "standing-on-step")
TWO_LEG_POSITIONS = ("standing-two-legs",)
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

# Which catalog dosing each goal uses in movement retraining. The strengthening phase is always
# dosed as strength work and low-load activation drills for motor control, whatever the goal: a goal
# changes the emphasis, not the safety of the dose.
GOAL_DOSING = {
    "motor-control": "motor-control",
    "strength": "strength",
    "endurance": "endurance",
    "return-to-sport": "strength",
}
DOSING_FALLBACK = ("strength", "motor-control", "endurance")
# Days a week for anything that is not a low-load activation drill (strength work, ACSM 2009).
STRENGTH_DAYS = 3

MAX_PER_PHASE = 3  # keeps a session short and the printed program on two pages
SECONDS_PER_REP = 3  # rough time for one repetition without a hold, for the time estimate only

SOURCE_ARTICLE = "source-article"  # catalog source ids are shown by their citation
SOURCE_ACSM = "acsm-2009"
SOURCE_RULE = COURSE_CONVENTION
SOURCE_COURSE = COURSE_CONVENTION + " (lesson 5)"
SOURCE_STANCE_CHECK = COURSE_CONVENTION + ": the course's one-leg check, not the clinical test"

# The checks for moving on, as lesson 5 ("When to move to the next phase") gives them.
MOVING_ON = {
    "activation": (
        Reason(
            "The course's check: the pelvis comes back to level on every repetition, without the mirror.",
            SOURCE_COURSE,
        ),
        Reason("The course's check: you can do 2 to 3 sets of 10 with no rise in pain.", SOURCE_COURSE),
    ),
    "strengthening": (
        Reason(
            "The course's check: you can do 3 sets of 10 to 12 of your strengthening exercises with "
            "good form and no rise in pain.",
            SOURCE_COURSE,
        ),
        Reason(
            "The course's check: you can stand on one leg for 30 seconds with the pelvis level, "
            "fingertips on a counter on the standing leg's side if you need them. This is not the "
            "clinical Trendelenburg test (Hardcastle & Nade 1985), which a clinician does without "
            "a support; the course borrows only its 30 seconds.",
            SOURCE_COURSE,
        ),
    ),
    "movement-retraining": (
        Reason(
            "The course's check: move from supported to free versions when the pelvis stays level "
            "and the knee stays over the foot; then take the same control into walking and stairs.",
            SOURCE_COURSE,
        ),
    ),
}

SUPPORT_WHY = (
    "Hold the support with your {side} hand, the hand on the standing leg's side, and only "
    "lightly. A hand on the other side would take over part of the standing hip's job of holding "
    "the pelvis level (the same reason the clinical test allows a stick only in that hand)."
)


@dataclass(frozen=True)
class Verdict:
    """A rule's decision about one exercise: allowed or not, and why."""

    allowed: bool
    reason: Reason | None = None
    kind: str = ""  # the kind of LeftOut when not allowed


# --- sides -------------------------------------------------------------------------------


def other_side(side: str) -> str:
    return "right" if side == "left" else "left"


def underneath_side(exercise: Exercise, trained: str) -> str:
    """The side the body rests on (the stance leg): the trained side unless the trained leg moves."""
    return other_side(trained) if exercise.working_leg.works == "moving" else trained


def sides_done(exercise: Exercise, answers: Answers) -> tuple[str, ...]:
    """The trained side of each set.

    An exercise where both hips work, or one the catalog says to do on both sides ("do the other
    side too"), is done on both sides, the weak side first; one where both hips work at once is
    done once.
    """
    if exercise.working_leg.works == "together":
        return (answers.trained_sides[0],)
    if exercise.working_leg.works == "both" or exercise.both_sides:
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
    support = ""
    if exercise.position in STANDING_POSITIONS + TWO_LEG_POSITIONS and "support" in exercise.equipment:
        support = SUPPORT_WHY.format(side=down if works != "moving" else trained)
    if works == "together":
        return SideInstruction(
            stance=None, moving=None, text="Both hips work at the same time; do it once.", support=support
        )
    if exercise.position in TWO_LEG_POSITIONS:
        if works == "moving":
            text = (
                f"Keep both feet on the floor; your {trained} side is next to the wall and the "
                f"{trained} hip does the work."
            )
        else:
            text = (
                f"Keep both feet on the floor and shift your weight onto your {trained} leg; "
                f"the {trained} hip does the work."
            )
        return SideInstruction(stance=trained if works != "moving" else None, moving=None, text=text, support=support)
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
    return SideInstruction(stance=down, moving=up, text=base + who, support=support)


def sides_for(exercise: Exercise, answers: Answers) -> tuple[SideInstruction, ...]:
    return tuple(side_instruction(exercise, side) for side in sides_done(exercise, answers))


# --- exclusion rules ----------------------------------------------------------------------


@dataclass(frozen=True)
class Limit:
    """One of the reader's limits: the catalog tags it excludes, and the sentence that says why."""

    tags: tuple[str, ...]
    kind: str
    because: str
    source: str
    sides: tuple[str, ...] = ()  # only when the exercise puts one of these sides down (lying on it)


def surgery_limits(answers: Answers) -> tuple[Limit, ...]:
    """The limits after surgery or a fracture: weight-bearing, the approach, the clinician's list."""
    if not answers.recent_surgery_or_fracture:
        return ()
    limits: list[Limit] = []
    if answers.weight_bearing == "partial":
        limits.append(
            Limit(
                PARTIAL_WEIGHT_TAGS,
                "weight-bearing",
                "your clinician has not yet cleared full weight on the leg, so the program "
                "has no exercise that stands on one leg, holds a side plank, loads the hip "
                "heavily or tests balance",
                SOURCE_SURGICAL,
            )
        )
    procedure = PROCEDURES_BY_ID.get(answers.procedure or "")
    weeks = answers.weeks_since_surgery if answers.weeks_since_surgery is not None else 0
    if procedure and procedure.tags and weeks < APPROACH_WEEKS:
        limits.append(
            Limit(
                procedure.tags,
                "precaution",
                f"after a {procedure.label[0].lower() + procedure.label[1:]} {weeks} weeks "
                f"ago, the usual precautions of that approach apply for the first "
                f"{APPROACH_WEEKS} weeks (unless your surgeon says otherwise)",
                SOURCE_SURGICAL,
            )
        )
    for limit_id in answers.precautions:
        limit = CLINICIAN_LIMITS_BY_ID[limit_id]
        sides = answers.operated_sides if limit.operated_side_only else ()
        limits.append(
            Limit(
                (limit.tag,),
                "precaution",
                f"your clinician said: {limit.label[0].lower() + limit.label[1:]}",
                SOURCE_SURGICAL,
                sides,
            )
        )
    return tuple(limits)


def pain_limits(answers: Answers) -> tuple[Limit, ...]:
    limits: list[Limit] = []
    if answers.outer_hip_pain:
        limits.append(
            Limit(
                OUTER_HIP_TAGS,
                "outer-hip",
                "you have pain on the outside of the hip, so the program leaves out "
                "positions that press or stretch the outer hip (a possible gluteal "
                "tendinopathy) and starts with isometrics",
                SOURCE_OUTER_HIP,
            )
        )
    if low_load_start(answers):
        limits.append(
            Limit(
                ("high-load",),
                "gentle-start",
                "you start gently (" + _gentle_because(answers) + "), so the program has no high-load exercise yet",
                SOURCE_RULE,
            )
        )
    return tuple(limits)


def low_load_start(answers: Answers) -> bool:
    """Readers who start with a low-load drill before the hip dip (the issue's four groups)."""
    return (
        answers.single_leg_stance != "yes"
        or answers.pain_now >= LOW_LOAD_PAIN
        or answers.outer_hip_pain
        or answers.recent_surgery_or_fracture
    )


def only_low_load(answers: Answers) -> bool:
    """Long-standing pain of HIGH_PAIN or more: low-load drills only, and a clinician's review."""
    return answers.pain_onset == "long-standing" and answers.pain_now >= HIGH_PAIN


def precaution_rule(exercise: Exercise, answers: Answers) -> Verdict:
    """Leave out every exercise carrying a tag that one of the reader's limits excludes."""
    tags = set(exercise.precautions)
    for limit in surgery_limits(answers) + pain_limits(answers):
        hit = tags & set(limit.tags)
        if not hit:
            continue
        if limit.sides:
            down = lying_sides(exercise, answers) & set(limit.sides)
            if not down:
                continue
            text = (
                f"Left out {exercise.name}: it would have you lie on your "
                f"{' and '.join(sorted(down))} side, and {limit.because}."
            )
        else:
            text = f"Left out {exercise.name}: because {limit.because}."
        return Verdict(False, Reason(text, limit.source), limit.kind)
    if only_low_load(answers) and "low-load" not in tags:
        return Verdict(
            False,
            Reason(
                f"Left out {exercise.name}: your long-standing pain is {answers.pain_now} out of 10, so "
                "the program keeps to low-load drills until a clinician has reviewed you.",
                SOURCE_RULE,
            ),
            "pain",
        )
    return Verdict(True)


def walking_worse_rule(exercise: Exercise, answers: Answers, catalog: Catalog) -> Verdict:
    """Leave out each exercise that made walking worse, and every harder version of it."""
    if not answers.worse_exercises:
        return Verdict(True)
    members = catalog.family_members(exercise.family)
    ids = [m.id for m in members]
    for worse in answers.worse_exercises:
        if worse in ids and ids.index(worse) <= ids.index(exercise.id):
            named = members[ids.index(worse)].name
            what = "it" if worse == exercise.id else f"{named}, an easier version of it,"
            return Verdict(
                False,
                Reason(
                    f"Left out {exercise.name}: you said walking was worse after {what}; stop it and keep the others.",
                    "the source article's author replies to readers",
                ),
                "walking-worse",
            )
    return Verdict(True)


ABILITY_MET = {"squat-to-box": ("box", "free"), "squat-free": ("free",)}
ABILITY_WORDS = {"squat-to-box": "a single-leg squat to a box", "squat-free": "a single-leg squat without a box"}


def ability_rule(exercise: Exercise, answers: Answers) -> Verdict:
    """Keep an exercise that requires an ability only when the reader said they have it."""
    for need in exercise.requires:
        if answers.single_leg_squat not in ABILITY_MET.get(need, ()):
            return Verdict(
                False,
                Reason(
                    f"Left out {exercise.name}: it needs {ABILITY_WORDS.get(need, need)}, which you did "
                    "not say you can do yet.",
                    SOURCE_RULE,
                ),
                "ability",
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
            "equipment",
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
            return Level(
                LEVEL_RANK["easier"],
                Reason(
                    "Because you said you cannot yet hold a side plank, you start leaning on a "
                    "support instead of lying on the floor.",
                    SOURCE_ARTICLE,
                ),
            )
        return Level(
            LEVEL_RANK["harder"],
            Reason("You can already hold a side plank, so a supported version is within reach.", SOURCE_ARTICLE),
        )
    if answers.side_plank == "none":
        return Level(
            None,
            Reason(
                "Because you said you cannot yet hold a side plank, the program leaves out floor side "
                "planks for now and uses exercises that do not need one.",
                SOURCE_RULE,
            ),
        )
    if answers.side_plank == "knees":
        return Level(
            LEVEL_RANK["easier"],
            Reason(
                _because("can hold a side plank from your knees but not yet from your feet", "easier"), SOURCE_ARTICLE
            ),
        )
    if answers.goal in ("strength", "return-to-sport"):
        return Level(
            LEVEL_RANK["harder"],
            Reason(
                "Because you said you can hold a side plank from your feet and your goal is "
                f"{answers.goal.replace('-', ' ')}, a harder version is within reach.",
                SOURCE_ARTICLE,
            ),
        )
    return Level(
        LEVEL_RANK["standard"], Reason(_because("can hold a side plank from your feet", "standard"), SOURCE_ARTICLE)
    )


def standing_level(answers: Answers, phase: str) -> Level:
    stance = answers.single_leg_stance
    squat = answers.single_leg_squat
    if stance != "yes":
        said = (
            "have not tried standing on one leg for 30 seconds"
            if stance == "not-tried"
            else "cannot yet stand on one leg for 30 seconds with a level pelvis"
        )
        return Level(LEVEL_RANK["easier"], Reason(_because(said, "easiest"), SOURCE_STANCE_CHECK), easiest=True)
    if phase == "movement-retraining":
        if squat == "no":
            return Level(
                LEVEL_RANK["easier"],
                Reason(_because("cannot yet do a single-leg squat to a box", "easiest"), SOURCE_ARTICLE),
                easiest=True,
            )
        if squat == "not-tried":
            return Level(
                LEVEL_RANK["easier"],
                Reason(_because("have not tried a single-leg squat to a box", "easier"), SOURCE_ARTICLE),
            )
        if squat == "free" and answers.goal == "return-to-sport":
            return Level(
                LEVEL_RANK["harder"],
                Reason(
                    "Because you said you can stand on one leg and do a single-leg squat without a "
                    "box, and your goal is a return to sport, you start with the harder version.",
                    SOURCE_ARTICLE,
                ),
            )
        said = (
            "can stand on one leg and do a single-leg squat without a box"
            if squat == "free"
            else "can stand on one leg and squat to a box on it"
        )
        return Level(LEVEL_RANK["standard"], Reason(_because(said, "standard"), SOURCE_ARTICLE))
    if squat == "free":
        return Level(
            LEVEL_RANK["harder"],
            Reason(
                _because(
                    "can stand on one leg for 30 seconds with a level pelvis and do a single-leg squat without a box",
                    "harder",
                ),
                SOURCE_STANCE_CHECK,
            ),
        )
    return Level(
        LEVEL_RANK["standard"],
        Reason(_because("can stand on one leg for 30 seconds with a level pelvis", "standard"), SOURCE_STANCE_CHECK),
    )


def lying_level(answers: Answers) -> Level:
    if low_load_start(answers):
        return Level(
            LEVEL_RANK["easier"],
            Reason(
                "Because you start gently (" + _gentle_because(answers) + "), lying exercises start at "
                "the easier version.",
                SOURCE_RULE,
            ),
        )
    if answers.side_plank == "feet":
        return Level(
            LEVEL_RANK["harder"],
            Reason(
                "Because you said you can hold a side plank from your feet, lying exercises start at "
                "the harder version.",
                SOURCE_ARTICLE,
            ),
        )
    return Level(
        LEVEL_RANK["standard"],
        Reason("You start with the standard version; the rule for moving on says when to make it harder.", SOURCE_ACSM),
    )


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


@dataclass(frozen=True)
class DoseRule:
    """How one class of exercise is dosed. ``dosing`` is the catalog dose used (None: the goal's)."""

    id: str
    applies_to: str
    dosing: str | None
    max_days: int
    text: str
    source: str


DOSE_RULES: tuple[DoseRule, ...] = (
    DoseRule(
        "low-load-activation",
        "Low-load activation drills (catalog tag low-load)",
        "motor-control",
        7,
        "Dosed for motor control: many slow, careful repetitions, on most days. No guideline "
        "gives a number for this; the figures are a common clinical starting point.",
        COURSE_CONVENTION + "; approach from the source article",
    ),
    DoseRule(
        "strengthening",
        "Every exercise in the strengthening phase, whatever the goal",
        "strength",
        STRENGTH_DAYS,
        "Dosed as strength work: a load you can lift 8 to 12 times, made harder step by step, "
        "on 2 to 3 days a week that are not next to each other. Your goal changes the emphasis, "
        "not this dose.",
        "ACSM 2009",
    ),
    DoseRule(
        "loaded-activation",
        "Activation exercises that are not low-load (for example with a weight)",
        "strength",
        STRENGTH_DAYS,
        "Dosed as strength work because it adds load: 2 to 3 days a week that are not next to each other.",
        "ACSM 2009",
    ),
    DoseRule(
        "movement-retraining",
        "Movement retraining exercises",
        None,
        STRENGTH_DAYS,
        "Dosed for your goal, on no more than 3 days a week that are not next to each other: "
        "these exercises put your whole weight on one leg, and daily practice is only for "
        "low-load drills.",
        COURSE_CONVENTION + "; 3 days from ACSM 2009",
    ),
    DoseRule(
        "high-load",
        "Any exercise tagged high-load, in any phase",
        None,
        STRENGTH_DAYS,
        "Never more than 3 days a week, with a day of rest between sessions.",
        "ACSM 2009",
    ),
)
DOSE_RULES_BY_ID = {rule.id: rule for rule in DOSE_RULES}


def dose_rule_for(exercise: Exercise, phase: str) -> DoseRule:
    tags = set(exercise.precautions)
    if phase == "strengthening":
        return DOSE_RULES_BY_ID["strengthening"]
    if phase == "activation":
        return DOSE_RULES_BY_ID["low-load-activation" if "low-load" in tags else "loaded-activation"]
    return DOSE_RULES_BY_ID["movement-retraining"]


def max_days(exercise: Exercise, phase: str) -> int:
    """The most days a week this exercise may be done: only low-load drills go above 3."""
    limit = dose_rule_for(exercise, phase).max_days
    if "high-load" in exercise.precautions or "low-load" not in exercise.precautions:
        limit = min(limit, STRENGTH_DAYS)
    return limit


def dosing_for(exercise: Exercise, answers: Answers, phase: str) -> tuple[Dosing, Reason]:
    rule = dose_rule_for(exercise, phase)
    wanted = rule.dosing or GOAL_DOSING[answers.goal]
    text = rule.text
    if rule.dosing is None and wanted != answers.goal:
        text += f" For your goal ({answers.goal.replace('-', ' ')}) that is the {wanted.replace('-', ' ')} dose."
    if wanted in exercise.dosing:
        return exercise.dosing[wanted], Reason(text, "")
    for goal in DOSING_FALLBACK:
        if goal in exercise.dosing:
            return exercise.dosing[goal], Reason(
                f"{text} The catalog gives no {wanted.replace('-', ' ')} dose for this exercise, so it "
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
    ceiling = min(dosing.days_per_week.high, max_days(exercise, phase))
    days = min(answers.days_per_week, ceiling)
    note = ""
    if answers.days_per_week > ceiling:
        shown = dosing.days_per_week if ceiling == dosing.days_per_week.high else f"up to {ceiling}"
        note = (
            f"The dose asks for {shown} days a week, not next to each other for strength work, so "
            "use your other days for rest or the low-load drills."
        )
    elif answers.days_per_week < dosing.days_per_week.low:
        note = (
            f"The dose suggests {dosing.days_per_week} days a week; with {answers.days_per_week}, "
            "expect slower progress."
        )
    hold = f", hold {dosing.hold_s} s" if dosing.hold_s.high > 0 else ""
    spread = "" if ceiling > STRENGTH_DAYS else ", not on days next to each other"
    text = (
        f"{dosing.sets} sets of {dosing.reps}{hold}, rest {dosing.rest_s} s, "
        f"{plural(days, 'day')} a week{spread if days > 1 else ''}"
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


def rule_verdict(exercise: Exercise, answers: Answers, catalog: Catalog) -> Verdict:
    """The first exclusion rule that refuses this exercise, or an allowed verdict."""
    for verdict in (
        precaution_rule(exercise, answers),
        walking_worse_rule(exercise, answers, catalog),
        ability_rule(exercise, answers),
        equipment_rule(exercise, answers),
    ):
        if not verdict.allowed:
            return verdict
    return Verdict(True)


def _left(exercise: Exercise, verdict_or_reason, kind: str = "") -> LeftOut:
    reason = verdict_or_reason.reason if isinstance(verdict_or_reason, Verdict) else verdict_or_reason
    if reason is None:  # a rule that leaves an exercise out always says why
        raise ValueError(f"exercise '{exercise.id}' is left out without a reason")
    kind = kind or verdict_or_reason.kind
    return LeftOut(exercise.id, exercise.name, kind, reason.text, reason.source)


def choose_version(catalog: Catalog, family: str, answers: Answers, left_out: list[LeftOut]) -> Candidate | None:
    """The version of a family that fits the reader, or None; every refused version goes to left_out.

    Normally the hardest allowed version at or below the reader's level. A reader who starts gently
    (``low_load_start``) gets the first allowed low-load version of a family that has one.
    """
    members = catalog.family_members(family)
    allowed: list[tuple[Exercise, Level]] = []
    above: list[Exercise] = []
    for member in members:
        verdict = rule_verdict(member, answers, catalog)
        if not verdict.allowed:
            left_out.append(_left(member, verdict))
            continue
        level = level_rule(member, answers)
        if level.top is None:
            left_out.append(_left(member, level.reason, "level"))
        elif LEVEL_RANK.get(member.level, 1) <= level.top:
            allowed.append((member, level))
        else:
            above.append(member)
    if not allowed:
        for member in above:
            left_out.append(
                LeftOut(
                    member.id,
                    member.name,
                    "level",
                    f"Left out {member.name}: it is harder than your answers allow "
                    "for a start, and no easier version fits.",
                    SOURCE_RULE,
                )
            )
        return None
    gentle = [(m, lv) for m, lv in allowed if "low-load" in m.precautions]
    if low_load_start(answers) and gentle:
        # Pain of LOW_LOAD_PAIN or more, or recent surgery: begin lying down. Otherwise begin
        # standing on both feet, when the family has such a drill.
        lying_first = answers.pain_now >= LOW_LOAD_PAIN or answers.recent_surgery_or_fracture
        standing = [(m, lv) for m, lv in gentle if m.position in TWO_LEG_POSITIONS]
        exercise, level = gentle[0] if lying_first or not standing else standing[0]
        reasons = [
            Reason(
                "You start with a low-load drill before the hip dip, because you said "
                + _gentle_because(answers)
                + ".",
                SOURCE_RULE,
            )
        ]
        if answers.outer_hip_pain:
            reasons.append(
                Reason(
                    "With pain on the outside of the hip, isometrics (pressing without moving) come first.",
                    "Grimaldi & Fearon 2015; Mellor et al. 2018",
                )
            )
    else:
        exercise, level = allowed[-1]
        if level.easiest:
            exercise, level = next((m, lv) for m, lv in allowed if m.level == exercise.level)
        reasons = [level.reason]
    needed = [e for e in exercise.equipment if e not in OPTIONAL_EQUIPMENT]
    if needed:
        words = " and ".join(EQUIPMENT_WORDS.get(e, e) for e in needed)
        reasons.append(Reason(f"It uses {words}, which you have.", SOURCE_RULE))
    if "mirror" in exercise.equipment:
        if _owns(answers, "mirror"):
            reasons.append(
                Reason("Use your mirror to check that the pelvis stays level, then wean off it.", SOURCE_ARTICLE)
            )
        else:
            reasons.append(
                Reason(
                    "You did not tick a mirror: film yourself on a phone, or ask someone to watch "
                    "that your pelvis stays level.",
                    SOURCE_ARTICLE,
                )
            )
    return Candidate(exercise, tuple(reasons))


def _gentle_because(answers: Answers) -> str:
    said = []
    if answers.single_leg_stance != "yes":
        said.append(
            "you cannot yet stand on one leg for 30 seconds"
            if answers.single_leg_stance == "no"
            else "you have not tried standing on one leg for 30 seconds"
        )
    if answers.pain_now >= LOW_LOAD_PAIN:
        said.append(f"your pain is {answers.pain_now} out of 10")
    if answers.outer_hip_pain:
        said.append("the outside of the hip hurts")
    if answers.recent_surgery_or_fracture:
        said.append("you had surgery or a fracture recently")
    return " and ".join(said)


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


def _next_step(catalog: Catalog, exercise: Exercise, answers: Answers) -> str | None:
    """The name of the harder version, unless a rule leaves it out for this reader."""
    if exercise.harder is None:
        return None
    try:
        harder = catalog.exercise(exercise.harder)
    except KeyError:
        return None
    return harder.name if rule_verdict(harder, answers, catalog).allowed else None


def _figure_fits(catalog: Catalog, exercise: Exercise) -> bool:
    """A version shares its family's figure; show it only when the version's posture matches."""
    try:
        main = catalog.exercise(exercise.family)
    except KeyError:
        return bool(exercise.illustration)
    same = exercise.position == main.position or {exercise.position, main.position} <= set(STANDING_POSITIONS)
    return bool(exercise.illustration) and same


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
        illustration=exercise.illustration if _figure_fits(catalog, exercise) else None,
        illustration_alt=exercise.illustration_alt or f"Drawing of {exercise.name}",
        harder=_next_step(catalog, exercise, answers),
        easier=_name(catalog, exercise.easier),
    )


def fit_to_time(chosen: list[ChosenExercise], minutes: int) -> tuple[tuple[ChosenExercise, ...], tuple[LeftOut, ...]]:
    """Keep the first exercise, then add more while the session fits the reader's minutes and the
    phase has room (MAX_PER_PHASE); every exercise dropped is returned with its reason."""
    kept: list[ChosenExercise] = []
    dropped: list[LeftOut] = []
    total = 0
    for exercise in chosen:
        if kept and len(kept) >= MAX_PER_PHASE:
            dropped.append(
                LeftOut(
                    exercise.id,
                    exercise.name,
                    "phase-size",
                    f"Left out {exercise.name}: a phase holds at most {MAX_PER_PHASE} "
                    "exercises, so the session stays short. Swap it in later for one "
                    "you have mastered.",
                    SOURCE_RULE,
                )
            )
        elif kept and total + exercise.dose.minutes > minutes:
            dropped.append(
                LeftOut(
                    exercise.id,
                    exercise.name,
                    "time",
                    f"Left out {exercise.name}: it takes about {exercise.dose.minutes} "
                    f"minutes, and the phase would no longer fit your {minutes} minutes.",
                    SOURCE_RULE,
                )
            )
        else:
            kept.append(exercise)
            total += exercise.dose.minutes
    return tuple(kept), tuple(dropped)


ORDER_NOTE = Reason(
    "The phases follow the order in the source article: first switch the muscles on, then "
    "strengthen them, then train them in movement. Start with phase 1.",
    SOURCE_ARTICLE,
)


def side_notes(answers: Answers) -> tuple[Reason, ...]:
    if answers.weak_side == "both":
        return (
            Reason("Because you said both sides are weak, do every exercise on both sides, left first.", SOURCE_RULE),
        )
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


def pain_notes(answers: Answers, catalog: Catalog) -> tuple[Reason, ...]:
    notes = []
    if answers.outer_hip_pain:
        notes.append(
            Reason(
                "Pain on the outside of the hip, when you lie on that side or stand on that leg, is "
                "often a gluteal tendinopathy (irritated tendons of the side hip muscles). Avoid "
                "crossing your legs, hanging on one hip when you stand, lying on the sore side and "
                "letting the hip drop inward. Start with the isometric drills. If it does not ease "
                "within a few weeks, see a physiotherapist.",
                "Grimaldi & Fearon 2015; Mellor et al. 2018",
            )
        )
    if answers.pain_onset == "long-standing" and answers.pain_now > 0:
        notes.append(
            Reason(
                "Because your pain is long-standing, start gently and use the pain-monitoring rule in "
                "the stop rules. Ask a physiotherapist or doctor to review the hip as well: this "
                "program is not a diagnosis.",
                "Silbernagel et al. 2007",
            )
        )
    known = {e.id for e in catalog.exercises}
    unknown = [i for i in answers.worse_exercises if i not in known]
    if unknown:
        notes.append(
            Reason(
                "These exercises are not in the course's catalog, so the program cannot leave them out "
                f"by name: {', '.join(unknown)}. Do not do them.",
                SOURCE_RULE,
            )
        )
    return tuple(notes)


def build_program(answers: Answers, catalog: Catalog) -> tuple[Program | None, tuple[LeftOut, ...]]:
    """The phased program, or None (with what was left out) when no phase has an exercise that fits."""
    left_out: list[LeftOut] = []
    candidates: dict[str, list[Candidate]] = {p: [] for p in PHASE_ORDER}
    for main in catalog.families():
        candidate = choose_version(catalog, main.id, answers, left_out)
        if candidate is not None and candidate.exercise.phase in candidates:
            candidates[candidate.exercise.phase].append(candidate)
    phases: list[Phase] = []
    for phase in PHASE_ORDER:
        # Versions the reader has progressed furthest along come first (stable: catalog order).
        ordered = sorted(candidates[phase], key=lambda c: -LEVEL_RANK.get(c.exercise.level, 1))
        chosen = [chosen_exercise(catalog, c, answers, phase) for c in ordered]
        kept, dropped = fit_to_time(chosen, answers.minutes_per_day)
        left_out.extend(dropped)
        if not kept:
            left_out.append(
                LeftOut(
                    "",
                    "",
                    "phase",
                    f"No {PHASE_TITLES[phase].lower()} exercise fits your answers, so "
                    "the program skips that phase; ask a physiotherapist for one that "
                    "suits you.",
                    SOURCE_RULE,
                )
            )
            continue
        if kept[0].dose.minutes > answers.minutes_per_day:
            left_out.append(
                LeftOut(
                    "",
                    "",
                    "time",
                    f"{kept[0].name} takes about {kept[0].dose.minutes} minutes, more "
                    f"than your {answers.minutes_per_day}: do fewer sets at first.",
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
    left = tuple(
        dict.fromkeys(LeftOut(x.exercise_id, x.name, x.kind, x.text, _cite(catalog, x.source)) for x in left_out)
    )
    if not phases:
        return None, left
    return (
        Program(
            goal=answers.goal,
            weak_side=answers.weak_side,
            trained_sides=answers.trained_sides,
            minutes_per_day=answers.minutes_per_day,
            days_per_week=answers.days_per_week,
            phases=tuple(phases),
            stop_rules=(),
            notes=tuple(cited(catalog, r) for r in (*side_notes(answers), *pain_notes(answers, catalog), ORDER_NOTE)),
            left_out=left,
        ),
        left,
    )
