"""The selection rules: answers and the catalog in, a phased program out.

The rules read the catalog by phase, level, position, equipment, precaution tags and which leg
works; no exercise is named here. Each rule is a small function that returns its decision with a
``Reason`` the reader sees ("because you said ..."), so the program can explain every choice.

The reader's situations, each a rule below with its source on the clinical rules page:

- **Limits** (``limits_for``): weight-bearing, a hip replacement's approach, a fracture (fixed or not),
  no hops after surgery or a fracture, the clinician's list, the early weeks after surgery or a
  fracture, outer hip pain, a fall or a walking aid, pregnancy. Each excludes the catalog tags of
  ``limits.py``; some only on the operated side (lying on it, or standing on it without holding on).
- **A gentle start** (``gentle_start``): the reader cannot yet stand on one leg for 30 seconds, has
  pain of 4/10 or more or outer hip pain, had surgery or a fracture in the last 12 weeks, is in the
  early weeks (even after 12 weeks), has a fracture the team has not yet said has healed, or gave
  birth in the last 12 weeks. Every family is capped at its easier version, the first version of a
  family is its gentlest low-load drill, there is no high-load exercise, and movement retraining
  waits behind its check (``held_phases``). ``gentle_reasons`` lists the reasons; the pages list the same.
- **Outer hip pain**: isometric drills only, and "see a physiotherapist first".
- **Levels** (``level_rule``): what the reader can do sets the hardest version; the reason printed
  names the version actually chosen.
- **The start after surgery or a fracture** (``post_op_start``, a course convention): however long
  ago, every family starts no higher than its standard version and with no band, weight or high-load
  version (``POST_OP_START_TAGS``). This caps
  the start only (``choose_version``), not ``harder_version``: a guided session still steps the
  reader up to the harder versions from the log, unless a limit (an unhealed fracture) leaves them out.
"""

from dataclasses import dataclass

from ..catalog import Catalog, Dosing, Exercise
from . import pain_monitoring
from .answers import Answers
from .limits import (
    ANSWERS_FRESH_WEEKS,
    APPROACH_WEEKS,
    CLINICIAN_LIMITS_BY_ID,
    EARLY_RULE,
    EARLY_TAGS,
    EARLY_WEEKS,
    FALLS_TAGS,
    FRACTURE_RULE,
    LOW_LOAD_PAIN,
    OPERATED_SIDE_DOWN_TAGS,
    OUTER_HIP_TAGS,
    PARTIAL_WEIGHT_TAGS,
    PHYSIO_FIRST,
    POST_OP_START_LEVEL,
    POST_OP_START_RULE,
    POST_OP_START_TAGS,
    POSTNATAL_TAGS,
    POSTNATAL_WEEKS,
    PREGNANCY_BACK_WEEKS,
    PREGNANCY_LATE_TAGS,
    PREGNANCY_LATE_WEEKS,
    PREGNANCY_TAGS,
    PROCEDURES_BY_ID,
    SOURCE_EARLY,
    SOURCE_FALLS,
    SOURCE_FRACTURE,
    SOURCE_OUTER_HIP,
    SOURCE_POST_OP_START,
    SOURCE_POSTNATAL,
    SOURCE_PREGNANCY,
    SOURCE_PREGNANCY_LATE,
    SOURCE_SURGERY_IMPACT,
    SOURCE_SURGICAL,
    SURGERY_IMPACT_TAGS,
)
from .program import (
    PHASE_ORDER,
    PHASE_TITLES,
    ChosenExercise,
    Dose,
    HeldPhase,
    LeftOut,
    Phase,
    Program,
    Reason,
    SideInstruction,
)
from .sources import COURSE_CONVENTION

LEVEL_RANK = {"easier": 0, "standard": 1, "harder": 2}
LEVEL_BY_RANK = {rank: level for level, rank in LEVEL_RANK.items()}
EASIER = LEVEL_RANK["easier"]

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
# Hops (the catalog tag "impact") are only for this goal.
IMPACT_GOAL = "return-to-sport"

MAX_PER_PHASE = 3  # keeps a session short and the printed program on two pages
SECONDS_PER_REP = 3  # rough time for one repetition without a hold, for the time estimate only

SOURCE_ARTICLE = "source-article"  # catalog source ids are shown by their citation
SOURCE_RULE = COURSE_CONVENTION
SOURCE_COURSE = COURSE_CONVENTION + " (lesson 5)"
SOURCE_STANCE_CHECK = COURSE_CONVENTION + ": the course's one-leg check, not the clinical test"

# The checks for moving on, as lesson 5 ("When to move to the next phase") gives them. The
# activation check depends on the drill: a pelvis that comes back to level needs a drill on one leg.
CHECK_ACTIVATION_ONE_LEG = Reason(
    "The course's check: the pelvis comes back to level on every repetition, without the mirror.",
    SOURCE_COURSE,
)
CHECK_ACTIVATION_PAIN = Reason("The course's check: you can do 2 to 3 sets of 10 with no rise in pain.", SOURCE_COURSE)
CHECK_ACTIVATION_NEXT = Reason(
    "The course's check for a drill with both feet down or lying: when 2 to 3 sets are easy and "
    "painless, take the next step in the same family (under the exercise), until you reach a "
    "version on one leg whose pelvis comes back to level on every repetition.",
    SOURCE_COURSE,
)
CHECK_STRENGTH = Reason(
    "The course's check: you can do 3 sets of 10 to 12 of your strengthening exercises with good "
    "form and no rise in pain.",
    SOURCE_COURSE,
)
CHECK_ONE_LEG = Reason(
    "The course's check: you can stand on one leg for 30 seconds with the pelvis level, "
    "fingertips on a counter on the standing leg's side if you need them. This is not the "
    "clinical Trendelenburg test (Hardcastle & Nade 1985), which a clinician does without "
    "a support; the course borrows only its 30 seconds.",
    SOURCE_COURSE,
)
CHECK_RETRAINING = Reason(
    "The course's check: move from supported to free versions when the pelvis stays level "
    "and the knee stays over the foot; then take the same control into walking and stairs.",
    SOURCE_COURSE,
)
MOVING_ON = {
    "activation": (CHECK_ACTIVATION_ONE_LEG, CHECK_ACTIVATION_PAIN),
    "strengthening": (CHECK_STRENGTH, CHECK_ONE_LEG),
    "movement-retraining": (CHECK_RETRAINING,),
}

SUPPORT_WHY = (
    "Hold the support with your {side} hand, the hand on the standing leg's side, and only "
    "lightly. A hand on the other side would take over part of the standing hip's job of holding "
    "the pelvis level (the same reason the clinical test allows a stick only in that hand)."
)
SUPPORT_FIRM = (
    "Hold the support with your {side} hand, the hand on the standing leg's side, and hold it "
    "firmly, whatever the cues say about a light touch: after a fall, or with a walking aid, "
    "staying safe comes first. A hand on the other side would take over part of the standing "
    "hip's job of holding the pelvis level."
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


def stance_sides(exercise: Exercise, answers: Answers) -> set[str]:
    """The legs that carry the body alone in this exercise (empty unless it stands on one leg)."""
    if "single-leg-weight-bearing" not in exercise.precautions:
        return set()
    return {underneath_side(exercise, side) for side in sides_done(exercise, answers)}


def side_instruction(exercise: Exercise, trained: str, firm: bool = False) -> SideInstruction:
    down = underneath_side(exercise, trained)
    up = other_side(down)
    works = exercise.working_leg.works
    support = ""
    if exercise.position in STANDING_POSITIONS + TWO_LEG_POSITIONS and "support" in exercise.equipment:
        support = (SUPPORT_FIRM if firm else SUPPORT_WHY).format(side=down if works != "moving" else trained)
    if works == "together":
        return SideInstruction(
            stance=None,
            moving=None,
            text="Both hips work at the same time; do it once.",
            support=support,
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
        return SideInstruction(
            stance=trained if works != "moving" else None, moving=None, text=text, support=support, trained=trained
        )
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
    return SideInstruction(stance=down, moving=up, text=base + who, support=support, trained=trained)


EITHER_SIDE = "Both hips work at the same time, so the drawing fits either side."


def figure_words(side: SideInstruction) -> str:
    """What a figure drawn for this set says about its side: the set's own words."""
    if not side.trained:
        return EITHER_SIDE
    return f"Drawn for the {side.trained} side: {side.text[:1].lower()}{side.text[1:]}"


def sides_for(exercise: Exercise, answers: Answers) -> tuple[SideInstruction, ...]:
    firm = answers.falls_or_walking_aid
    return tuple(side_instruction(exercise, side, firm) for side in sides_done(exercise, answers))


# --- the reader's situation ---------------------------------------------------------------


def _weeks(answers: Answers) -> int:
    return answers.weeks_since_surgery if answers.weeks_since_surgery is not None else 0


def early(answers: Answers) -> bool:
    """The early weeks after surgery or a fracture: the first EARLY_WEEKS weeks, and after that
    until the team has cleared standing on the operated leg alone (a blank or "not sure" is not
    a clearance)."""
    if not answers.recent_surgery_or_fracture:
        return False
    return _weeks(answers) < EARLY_WEEKS or answers.single_leg_cleared != "yes"


def fracture_healing(answers: Answers) -> bool:
    """A fracture (fixed with metal or not) whose limits still hold: the first APPROACH_WEEKS weeks, and after
    that until the team has said the bone has healed (a blank, "no" or "not sure" keeps them)."""
    procedure = PROCEDURES_BY_ID.get(answers.procedure or "")
    if not answers.recent_surgery_or_fracture or procedure is None or procedure.kind != "fracture":
        return False
    return _weeks(answers) < APPROACH_WEEKS or answers.bone_healed != "yes"


def recent_surgery(answers: Answers) -> bool:
    """Surgery or a fracture within APPROACH_WEEKS weeks (the gentle start's window)."""
    return answers.recent_surgery_or_fracture and _weeks(answers) < APPROACH_WEEKS


def fracture_slow(answers: Answers) -> bool:
    """A fracture whose limits still hold after APPROACH_WEEKS weeks: the team has not said the bone
    has healed, which may mean it is healing slowly ("check with your fracture team")."""
    return fracture_healing(answers) and _weeks(answers) >= APPROACH_WEEKS


def postnatal(answers: Answers) -> bool:
    """The POSTNATAL_WEEKS weeks after giving birth."""
    return answers.pregnancy == "gave-birth-last-12-weeks"


def pregnant_from(answers: Answers, weeks: int) -> bool:
    """Pregnant for at least about ``weeks`` weeks (16 or 20: the answer's bands)."""
    at_least = {"16-to-19-weeks": PREGNANCY_BACK_WEEKS, "20-weeks-or-more": PREGNANCY_LATE_WEEKS}
    return at_least.get(answers.pregnancy, 0) >= weeks > 0


def gentle_start(answers: Answers) -> bool:
    """Readers who start gently: every family at its easier version, no high-load exercise, movement
    retraining later. Every reason is one of ``gentle_reasons``."""
    return bool(gentle_reasons(answers))


# Kept for callers of the older name.
low_load_start = gentle_start


def weeks_ago(weeks: int) -> str:
    if weeks == 0:
        return "this week"
    return "1 week ago" if weeks == 1 else f"{weeks} weeks ago"


# Every reason for a gentle start, as the clinical rules page lists them (``gentle_reasons`` gives
# the reader's own; a test checks that each situation here starts gently).
GENTLE_START_WHEN = (
    "the reader cannot yet stand on one leg for 30 seconds, or has not tried",
    f"pain of {LOW_LOAD_PAIN}/10 or more",
    "pain on the outside of the hip",
    f"surgery or a fracture in the last {APPROACH_WEEKS} weeks",
    "the early weeks after surgery or a fracture, even after 12 weeks while the team has not cleared "
    "standing on the operated leg alone",
    f"a fracture the team has not yet said has healed, even after {APPROACH_WEEKS} weeks (it may be healing "
    "slowly: check with the fracture team)",
    f"the {POSTNATAL_WEEKS} weeks after giving birth (see a pelvic-health physiotherapist, and have the 6 to 8 "
    "week postnatal check, before moving on)",
)


def gentle_reasons(answers: Answers) -> list[str]:
    """Why the reader starts gently, each reason in the reader's words (empty: no gentle start).

    Cannot (or has not tried to) stand on one leg for 30 seconds; pain of LOW_LOAD_PAIN or more;
    outer hip pain; surgery or a fracture in the last APPROACH_WEEKS weeks, or the early weeks
    (which can outlast them); a fracture the team has not said has healed; the POSTNATAL_WEEKS
    weeks after giving birth."""
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
    if recent_surgery(answers) or early(answers):
        said.append(f"you had surgery or a fracture {weeks_ago(_weeks(answers))}")
    if fracture_slow(answers):
        said.append("your team has not yet said your fracture has healed")
    if postnatal(answers):
        said.append(f"you gave birth in the last {POSTNATAL_WEEKS} weeks")
    return said


def _gentle_because(answers: Answers) -> str:
    return " and ".join(gentle_reasons(answers))


# --- exclusion rules ----------------------------------------------------------------------

ANY = "any"  # the exercise carries one of the tags
LYING_ON = "lying-on"  # ... and the reader lies on one of the limit's sides
STANDING_ON_UNSUPPORTED = "standing-on-unsupported"  # ... stands on one of its sides without a support


@dataclass(frozen=True)
class Limit:
    """One of the reader's limits: the catalog tags it excludes, and the sentence that says why.

    ``where`` narrows it to the operated side: ``LYING_ON`` (the exercise has the reader lie on one
    of ``sides``) or ``STANDING_ON_UNSUPPORTED`` (it stands on one of ``sides`` with nothing to hold).
    """

    tags: tuple[str, ...]
    kind: str
    because: str
    source: str
    sides: tuple[str, ...] = ()
    where: str = ANY


def _lower(text: str) -> str:
    return text[0].lower() + text[1:]


def _approach_limits(answers: Answers) -> list[Limit]:
    procedure = PROCEDURES_BY_ID.get(answers.procedure or "")
    weeks = _weeks(answers)
    if not procedure or not procedure.tags:
        return []
    if procedure.kind == "fracture":
        if not fracture_healing(answers):
            return []
        said = {"no": "your team has not yet said", "not-sure": "you are not sure whether your team has said"}
        because = (
            f"your fracture {procedure.when} {weeks_ago(weeks)} and "
            f"{said.get(answers.bone_healed or '', 'you have not told the program whether your team has said')} "
            f"the bone has healed; the program adds no band, weight, heavy load or side plank for "
            f"{FRACTURE_RULE}"
        )
        if weeks < APPROACH_WEEKS and answers.bone_healed == "yes":
            because = (
                f"your fracture {procedure.when} {weeks_ago(weeks)}; even with the bone healed, the program adds "
                f"no band, weight, heavy load or side plank for {FRACTURE_RULE}"
            )
        return [Limit(procedure.tags, "fracture", because, SOURCE_FRACTURE)]
    if weeks >= APPROACH_WEEKS:
        return []
    because = (
        f"after a {_lower(procedure.label)} {weeks_ago(weeks)}, the usual precautions of that "
        f"approach apply for the first {APPROACH_WEEKS} weeks (unless your surgeon says otherwise)"
    )
    return [Limit(procedure.tags, "precaution", because, SOURCE_SURGICAL)]


def surgery_limits(answers: Answers) -> tuple[Limit, ...]:
    """The limits after surgery or a fracture: weight-bearing, the early weeks, the approach or
    fixation, no hops (at any time after surgery or a fracture), the clinician's list."""
    if not answers.recent_surgery_or_fracture:
        return ()
    operated = answers.operated_sides
    limits: list[Limit] = []
    if answers.weight_bearing == "partial":
        because = (
            "your clinician has not yet cleared full weight on the leg, so the program has no "
            "exercise that stands on one leg, holds a side plank, hops, loads the hip heavily or "
            "tests balance, and none that has you lie on the operated side"
        )
        limits.append(Limit(PARTIAL_WEIGHT_TAGS, "weight-bearing", because, SOURCE_SURGICAL))
        limits.append(Limit(OPERATED_SIDE_DOWN_TAGS, "weight-bearing", because, SOURCE_SURGICAL, operated, LYING_ON))
    if early(answers):
        weeks = "in the early weeks after surgery or a fracture"
        limits += [
            Limit(
                EARLY_TAGS,
                "early",
                f"{weeks} the program has no exercise that tests balance, holds a side plank, hops or "
                "loads the hip heavily",
                SOURCE_EARLY,
            ),
            Limit(
                OPERATED_SIDE_DOWN_TAGS,
                "early",
                f"{weeks} you do not lie on the operated side",
                SOURCE_EARLY,
                operated,
                LYING_ON,
            ),
            Limit(
                ("single-leg-weight-bearing",),
                "early",
                f"{weeks} you stand on the operated leg only while you hold a support",
                SOURCE_EARLY,
                operated,
                STANDING_ON_UNSUPPORTED,
            ),
        ]
    limits += _approach_limits(answers)
    limits.append(
        Limit(
            SURGERY_IMPACT_TAGS,
            "precaution",
            "after surgery or a fracture the program has no hops: being cleared to stand on the leg "
            "is not being cleared to land on it, so ask your surgical team when you may run and jump",
            SOURCE_SURGERY_IMPACT,
        )
    )
    for limit_id in answers.precautions:
        limit = CLINICIAN_LIMITS_BY_ID[limit_id]
        because = f"your clinician said: {_lower(limit.label)}"
        if limit.operated_side_only:
            limits.append(Limit(limit.tags, "precaution", because, SOURCE_SURGICAL, operated, LYING_ON))
        else:
            limits.append(Limit(limit.tags, "precaution", because, SOURCE_SURGICAL))
    return tuple(limits)


def other_limits(answers: Answers) -> tuple[Limit, ...]:
    """Outer hip pain, a gentle start, a fall or a walking aid, pregnancy."""
    limits: list[Limit] = []
    if answers.outer_hip_pain:
        limits.append(
            Limit(
                OUTER_HIP_TAGS,
                "outer-hip",
                "you have pain on the outside of the hip, so the program leaves out positions that "
                "press or stretch the outer hip (a possible gluteal tendinopathy)",
                SOURCE_OUTER_HIP,
            )
        )
    if gentle_start(answers):
        limits.append(
            Limit(
                ("high-load",),
                "gentle-start",
                "you start gently (" + _gentle_because(answers) + "), so the program has no high-load exercise yet",
                SOURCE_RULE,
            )
        )
    if answers.falls_or_walking_aid:
        limits.append(
            Limit(
                FALLS_TAGS,
                "falls",
                "you have had a fall in the last 12 months or use a walking aid, so the program has "
                "no exercise that tests your balance, no hops and no side plank (leaning on a "
                "counter the feet can slip; on the floor, getting down and up is a risk of its own)",
                SOURCE_FALLS + "; " + COURSE_CONVENTION,
            )
        )
    return tuple(limits) + pregnancy_limits(answers)


def pregnancy_limits(answers: Answers) -> tuple[Limit, ...]:
    """From 16 weeks of pregnancy: nothing lying on the back (NHS: "especially after 16 weeks";
    ACOG 2020: from about 20). From about 20 weeks also no hops, balance work, heavy load or side
    plank until the midwife or doctor has cleared them (a course convention). In the 12 weeks after
    giving birth: no hops, band, weight, heavy load or side plank (the gentle start caps the rest;
    Goom, Donnelly & Brockwell 2019 give the graded return, the cap is a course convention)."""
    limits: list[Limit] = []
    if pregnant_from(answers, PREGNANCY_BACK_WEEKS):
        limits.append(
            Limit(
                PREGNANCY_TAGS,
                "pregnancy",
                f"from {PREGNANCY_BACK_WEEKS} weeks of pregnancy, exercise lying flat on your back for long is best "
                "avoided",
                SOURCE_PREGNANCY,
            )
        )
    if pregnant_from(answers, PREGNANCY_LATE_WEEKS):
        limits.append(
            Limit(
                PREGNANCY_LATE_TAGS,
                "pregnancy",
                f"from about {PREGNANCY_LATE_WEEKS} weeks of pregnancy the program has no hops, nothing that "
                "tests your balance, no high-load exercise and no side plank, until your midwife or doctor "
                "has said they are fine for you (a course convention)",
                SOURCE_PREGNANCY_LATE,
            )
        )
    if postnatal(answers):
        limits.append(
            Limit(
                POSTNATAL_TAGS,
                "pregnancy",
                f"in the first {POSTNATAL_WEEKS} weeks after giving birth the program starts gently, with "
                "no hops, no band or weight, no high-load exercise and no side plank (a course convention); "
                "a pelvic-health physiotherapist can tell you when to add them",
                SOURCE_POSTNATAL,
            )
        )
    return tuple(limits)


# Kept for callers of the older name.
pain_limits = other_limits


def limits_for(answers: Answers) -> tuple[Limit, ...]:
    return surgery_limits(answers) + other_limits(answers)


def _limit_hit(limit: Limit, exercise: Exercise, answers: Answers) -> str | None:
    """The sentence that leaves the exercise out under this limit, or None."""
    if not set(exercise.precautions) & set(limit.tags):
        return None
    if limit.where == LYING_ON:
        down = lying_sides(exercise, answers) & set(limit.sides)
        if not down:
            return None
        sides = " and ".join(sorted(down))
        return f"Left out {exercise.name}: it would have you lie on your {sides} side, and {limit.because}."
    if limit.where == STANDING_ON_UNSUPPORTED:
        stood = stance_sides(exercise, answers) & set(limit.sides)
        if not stood or "support" in exercise.equipment:
            return None
        return (
            f"Left out {exercise.name}: it would have you stand on your {' and '.join(sorted(stood))} "
            f"leg with nothing to hold, and {limit.because}."
        )
    return f"Left out {exercise.name}: because {limit.because}."


def precaution_rule(exercise: Exercise, answers: Answers) -> Verdict:
    """Leave out every exercise carrying a tag that one of the reader's limits excludes."""
    for limit in limits_for(answers):
        text = _limit_hit(limit, exercise, answers)
        if text is not None:
            return Verdict(False, Reason(text, limit.source), limit.kind)
    return Verdict(True)


def outer_hip_rule(exercise: Exercise, answers: Answers) -> Verdict:
    """Outer hip pain: isometric drills only, until a physiotherapist has assessed the hip."""
    if not answers.outer_hip_pain or "isometric" in exercise.precautions:
        return Verdict(True)
    return Verdict(
        False,
        Reason(
            f"Left out {exercise.name}: with pain on the outside of the hip the program gives only "
            "the isometric drills (pressing without moving) until a physiotherapist has assessed you.",
            SOURCE_OUTER_HIP,
        ),
        "outer-hip",
    )


def goal_rule(exercise: Exercise, answers: Answers) -> Verdict:
    """Hops are for readers training to go back to sport."""
    if "impact" not in exercise.precautions or answers.goal == IMPACT_GOAL:
        return Verdict(True)
    return Verdict(
        False,
        Reason(
            f"Left out {exercise.name}: hops are only in the program when your goal is a return to sport.",
            SOURCE_RULE,
        ),
        "goal",
    )


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
                    "the source article's author replies to readers (Maghsoodi 2019)",
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
    do this kind of exercise yet. ``because`` says which answers set it, without naming a version:
    the reason printed names the version actually chosen (``level_reason``). When a family has
    several versions at that level, ``easiest`` picks the first of them (the reader said they
    cannot do the task yet) instead of the last.
    """

    top: int | None
    because: str
    source: str = SOURCE_RULE
    easiest: bool = False


def side_plank_level(answers: Answers, supported: bool) -> Level:
    if supported:
        if answers.side_plank == "none":
            return Level(
                EASIER,
                "You said you cannot yet hold a side plank, and this version leans on a counter instead of the floor",
            )
        return Level(LEVEL_RANK["harder"], "You said you can hold a side plank")
    if answers.side_plank == "none":
        return Level(
            None,
            "Because you said you cannot yet hold a side plank, the program leaves out floor side "
            "planks for now and uses exercises that do not need one.",
        )
    if answers.side_plank == "knees":
        return Level(EASIER, "You said you can hold a side plank from your knees but not yet from your feet")
    if answers.goal in ("strength", "return-to-sport"):
        return Level(
            LEVEL_RANK["harder"],
            f"You said you can hold a side plank from your feet and your goal is {answers.goal.replace('-', ' ')}",
        )
    return Level(LEVEL_RANK["standard"], "You said you can hold a side plank from your feet")


def _retraining_level(answers: Answers) -> Level:
    squat = answers.single_leg_squat
    if squat == "no":
        return Level(EASIER, "You said you cannot yet do a single-leg squat to a box", easiest=True)
    if squat == "not-tried":
        return Level(EASIER, "You said you have not tried a single-leg squat to a box")
    if squat == "free" and answers.goal == IMPACT_GOAL:
        return Level(
            LEVEL_RANK["harder"],
            "You said you can stand on one leg and do a single-leg squat without a box, and your "
            "goal is a return to sport",
        )
    said = "a single-leg squat without a box" if squat == "free" else "a single-leg squat to a box"
    return Level(LEVEL_RANK["standard"], f"You said you can stand on one leg and do {said}")


def standing_level(answers: Answers, phase: str) -> Level:
    stance = answers.single_leg_stance
    if stance != "yes":
        said = (
            "have not tried standing on one leg for 30 seconds"
            if stance == "not-tried"
            else "cannot yet stand on one leg for 30 seconds with a level pelvis"
        )
        return Level(EASIER, f"You said you {said}", SOURCE_STANCE_CHECK, easiest=True)
    if phase == "movement-retraining":
        return _retraining_level(answers)
    if answers.single_leg_squat == "free":
        return Level(
            LEVEL_RANK["harder"],
            "You said you can stand on one leg for 30 seconds with a level pelvis and do a "
            "single-leg squat without a box",
            SOURCE_STANCE_CHECK,
        )
    return Level(
        LEVEL_RANK["standard"],
        "You said you can stand on one leg for 30 seconds with a level pelvis",
        SOURCE_STANCE_CHECK,
    )


def lying_level(answers: Answers) -> Level:
    if answers.side_plank == "feet":
        return Level(LEVEL_RANK["harder"], "You said you can hold a side plank from your feet")
    return Level(LEVEL_RANK["standard"], "Nothing in your answers limits the lying exercises")


def level_rule(exercise: Exercise, answers: Answers) -> Level:
    """The level that fits this reader for an exercise of this position and phase; a gentle start
    caps every family at its easier version."""
    if exercise.position in FLOOR_PLANK_POSITIONS:
        level = side_plank_level(answers, supported=False)
    elif exercise.position == "incline-side-plank":
        level = side_plank_level(answers, supported=True)
    elif exercise.position in STANDING_POSITIONS:
        level = standing_level(answers, exercise.phase)
    else:
        level = lying_level(answers)
    if "impact" in exercise.precautions and level.top is not None and level.top > LEVEL_RANK["standard"]:
        level = Level(
            LEVEL_RANK["standard"],
            f"{level.because}; hops start in place, because the program has not asked whether you can hop yet",
            SOURCE_RULE,
        )
    if level.top is not None and level.top > EASIER and gentle_start(answers):
        return Level(
            EASIER,
            f"{level.because}, but you start gently ({_gentle_because(answers)}), which caps every family at "
            "its easier version",
            SOURCE_RULE,
            level.easiest,
        )
    return level


LEVEL_WORDS = {"easier": "easier", "standard": "standard", "harder": "harder"}


def level_reason(level: Level, chosen: Exercise) -> Reason:
    """The reason for a version, naming the version actually chosen."""
    rank = LEVEL_RANK.get(chosen.level, 1)
    text = f"{level.because}, so you start with this {LEVEL_WORDS.get(chosen.level, chosen.level)} version"
    if level.top is not None and rank < level.top:
        text += ", the hardest one that fits your other answers (the others are listed under Left out)"
    return Reason(text + ".", level.source)


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
        "Low-load activation drills (catalog tag low-load: both feet down, lying, or a hand on a counter)",
        "motor-control",
        7,
        "Dosed for motor control: many slow, careful repetitions, on most days. No guideline "
        "gives a number for this; the figures are the course's convention.",
        COURSE_CONVENTION + "; the approach from the source article (Maghsoodi 2019)",
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
        "Activation exercises that are not low-load (the hip dip on a step stands the whole body on "
        "one leg; a weight adds load)",
        "strength",
        STRENGTH_DAYS,
        "Dosed as strength work, on 2 to 3 days a week that are not next to each other: the whole "
        "body weight is on one leg (the hip dip on a step: 57 to 59% of a maximal contraction, mean "
        "values reported by the source article from Bolgla & Uhl 2005), or a weight adds load.",
        "ACSM 2009; Bolgla & Uhl 2005 as reported by Maghsoodi 2019",
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
        return exercise.dosing[wanted], Reason(text, rule.source)
    for goal in DOSING_FALLBACK:
        if goal in exercise.dosing:
            return exercise.dosing[goal], Reason(
                f"{text} The catalog gives no {wanted.replace('-', ' ')} dose for this exercise, so it "
                f"uses the {goal.replace('-', ' ')} dose.",
                rule.source,
            )
    raise ValueError(f"exercise '{exercise.id}' has no dosing")


def _middle(span) -> int:
    """The middle of a range, rounded up: the time estimate assumes a mid-range session."""
    return (span.low + span.high + 1) // 2


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def dose_source(dosing: Dosing, cite: str) -> str:
    """What the dose line cites: a guideline by name; a clinical convention as the course's, with
    the source of its approach."""
    if dosing.basis == "clinical-convention":
        return f"{COURSE_CONVENTION}; approach: {cite}"
    return cite


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
        source=dose_source(dosing, cite),
        basis=dosing.basis,
        notes=tuple(n for n in (note, dosing.note) if n),
    )
    return dose, reason


# --- choosing -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    exercise: Exercise
    reasons: tuple[Reason, ...]


def rule_verdict(exercise: Exercise, answers: Answers, catalog: Catalog) -> Verdict:
    """The first exclusion rule that refuses this exercise, or an allowed verdict."""
    for verdict in (
        precaution_rule(exercise, answers),
        outer_hip_rule(exercise, answers),
        goal_rule(exercise, answers),
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


def _gentlest(allowed: list[tuple[Exercise, Level]], answers: Answers) -> tuple[Exercise, Reason] | None:
    """In a gentle start, the family's first low-load drill: lying first for pain of LOW_LOAD_PAIN
    or more or after surgery, otherwise standing on both feet when the family has such a drill."""
    gentle = [(m, lv) for m, lv in allowed if "low-load" in m.precautions]
    if not gentle_start(answers) or not gentle:
        return None
    lying_first = (
        answers.pain_now >= LOW_LOAD_PAIN or recent_surgery(answers) or early(answers) or fracture_healing(answers)
    )
    standing = [(m, lv) for m, lv in gentle if m.position in TWO_LEG_POSITIONS]
    exercise, _ = gentle[0] if lying_first or not standing else standing[0]
    return exercise, Reason(
        f"You start with the gentlest drill of this family that fits your answers, this easier "
        f"version, because you said {_gentle_because(answers)}.",
        SOURCE_RULE,
    )


def _refused_above(above: list[Exercise]) -> list[LeftOut]:
    return [
        LeftOut(
            member.id,
            member.name,
            "level",
            f"Left out {member.name}: it is harder than your answers allow for a start, and no easier version fits.",
            SOURCE_RULE,
        )
        for member in above
    ]


def post_op_start(answers: Answers) -> bool:
    """After surgery or a fracture, however long ago, a program starts each family no higher than
    POST_OP_START_LEVEL and with none of POST_OP_START_TAGS (a course convention). It caps the start
    only: ``harder_version``, a guided session's step up, does not apply it."""
    return answers.recent_surgery_or_fracture


POST_OP_START_REASON = Reason(
    f"{POST_OP_START_RULE[0].upper()}{POST_OP_START_RULE[1:]} (a course convention).",
    SOURCE_POST_OP_START,
)


def _start_capped(member: Exercise, answers: Answers) -> bool:
    """The post-op start leaves this version out: above the start level, or with a band or weight."""
    if not post_op_start(answers):
        return False
    above = LEVEL_RANK.get(member.level, 1) > LEVEL_RANK[POST_OP_START_LEVEL]
    return above or bool(set(member.precautions) & set(POST_OP_START_TAGS))


def _capped_out(member: Exercise) -> LeftOut:
    return LeftOut(
        member.id,
        member.name,
        "post-op-start",
        f"Left out {member.name} for now: {POST_OP_START_RULE}.",
        SOURCE_POST_OP_START,
    )


def choose_version(catalog: Catalog, family: str, answers: Answers, left_out: list[LeftOut]) -> Candidate | None:
    """The version of a family that fits the reader, or None; every refused version goes to left_out.

    Normally the hardest allowed version at or below the reader's level. A reader who starts gently
    (``gentle_start``) gets the first allowed low-load version of a family that has one. After
    surgery or a fracture no version above standard, and none with a band or weight, is a start
    (``post_op_start``).
    """
    allowed: list[tuple[Exercise, Level]] = []
    above: list[Exercise] = []
    capped = False
    for member in catalog.family_members(family):
        verdict = rule_verdict(member, answers, catalog)
        if not verdict.allowed:
            left_out.append(_left(member, verdict))
            continue
        level = level_rule(member, answers)
        if level.top is None:
            left_out.append(_left(member, Reason(level.because, level.source), "level"))
        elif LEVEL_RANK.get(member.level, 1) > level.top:
            above.append(member)
        elif _start_capped(member, answers):
            left_out.append(_capped_out(member))
            capped = True
        else:
            allowed.append((member, level))
    if not allowed:
        left_out.extend(_refused_above(above))
        return None
    gentlest = _gentlest(allowed, answers)
    if gentlest is not None:
        exercise, reason = gentlest
        reasons = [reason]
    else:
        exercise, level = allowed[-1]
        if level.easiest:
            exercise, level = next((m, lv) for m, lv in allowed if m.level == exercise.level)
        reasons = [level_reason(level, exercise)]
    if capped:
        reasons.append(POST_OP_START_REASON)
    return Candidate(exercise, tuple(reasons + _equipment_reasons(exercise, answers)))


def _equipment_reasons(exercise: Exercise, answers: Answers) -> list[Reason]:
    reasons = []
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
    return reasons


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


def harder_version(catalog: Catalog, exercise: Exercise, answers: Answers) -> Exercise | None:
    """The harder version, unless a rule or the gentle start leaves it out for this reader (the
    program's "next step", and a guided session's step up)."""
    if exercise.harder is None:
        return None
    try:
        harder = catalog.exercise(exercise.harder)
    except KeyError:
        return None
    if not rule_verdict(harder, answers, catalog).allowed:
        return None
    top = level_rule(harder, answers).top
    if top is None or (gentle_start(answers) and LEVEL_RANK.get(harder.level, 1) > EASIER):
        return None
    return harder


def _next_step(catalog: Catalog, exercise: Exercise, answers: Answers) -> str | None:
    """The name of the harder version, unless a rule or the gentle start leaves it out for this reader."""
    harder = harder_version(catalog, exercise, answers)
    return harder.name if harder is not None else None


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


def moving_on_for(phase: str, exercises: tuple[ChosenExercise, ...]) -> tuple[Reason, ...]:
    """The checks for moving on, fitted to the exercises given: the activation check of a pelvis
    that comes back to level needs a drill that stands on one leg."""
    if phase != "activation":
        return MOVING_ON[phase]
    if any(e.position in STANDING_POSITIONS for e in exercises):
        return MOVING_ON[phase]
    return (CHECK_ACTIVATION_PAIN, CHECK_ACTIVATION_NEXT)


# --- phases held back -----------------------------------------------------------------------


def held_phases(answers: Answers) -> tuple[HeldPhase, ...]:
    """Phases the program does not give yet, with why and what opens them."""
    if answers.outer_hip_pain:
        because = (
            "With pain on the outside of the hip, the program gives only the isometric drills until a "
            "physiotherapist has assessed you (Grimaldi & Fearon 2015; Mellor et al. 2018)."
        )
        assessed = Reason(
            "A physiotherapist has assessed the hip and chosen the next exercises with you; in the "
            "trial of Mellor et al. 2018 the program moved on from isometrics over 14 supervised "
            "sessions in 8 weeks.",
            SOURCE_OUTER_HIP,
        )
        return tuple(
            HeldPhase(p, PHASE_TITLES[p], because, (assessed,)) for p in ("strengthening", "movement-retraining")
        )
    if gentle_start(answers):
        because = (
            f"You start gently ({_gentle_because(answers)}), so movement retraining waits until you "
            "pass the check for it. When you do, answer the questions again."
        )
        until = [CHECK_STRENGTH, CHECK_ONE_LEG]
        if recent_surgery(answers) or early(answers):
            until.append(
                Reason(
                    f"After surgery or a fracture: at least {APPROACH_WEEKS} weeks have passed, and your "
                    "team has said you may stand on the operated leg alone.",
                    SOURCE_EARLY,
                )
            )
        if fracture_healing(answers):
            until.append(
                Reason(
                    "After a fracture: your fracture team has said the bone has healed.",
                    SOURCE_FRACTURE,
                )
            )
        if postnatal(answers):
            until.append(POSTNATAL_UNTIL)
        return (HeldPhase("movement-retraining", PHASE_TITLES["movement-retraining"], because, tuple(until)),)
    return ()


# --- notes ----------------------------------------------------------------------------------

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


OUTER_HIP_NOTE = Reason(
    f"{PHYSIO_FIRST} Pain on the outside of the hip, when you lie on that side or stand on that leg, "
    "is often a gluteal tendinopathy (irritated tendons of the side hip muscles). Until you are "
    "assessed, avoid crossing your legs, hanging on one hip when you stand, lying on the sore side "
    "and letting the hip drop inward. The program gives only a gentle isometric drill (pressing "
    "without moving) to start with, and to show your physiotherapist.",
    SOURCE_OUTER_HIP,
)
FALLS_NOTE = Reason(
    "Because you have had a fall in the last 12 months or use a walking aid: ask your GP or "
    "physiotherapist about a strength-and-balance (falls prevention) programme, which guidelines "
    "recommend for people at risk of falls. In this program, hold any support firmly, keep a sturdy "
    "chair or counter within reach, and do the lying exercises on a bed if getting down to the "
    "floor is hard.",
    SOURCE_FALLS,
)


POSTNATAL_UNTIL = Reason(
    f"After giving birth: at least {POSTNATAL_WEEKS} weeks have passed, you have had your 6 to 8 week "
    "postnatal check, and a pelvic-health physiotherapist has said you may move on (the gentle start "
    "is a course convention).",
    SOURCE_POSTNATAL,
)
# After surgery or a fracture, outer hip pain goes to the team first: after a lateral approach it can
# be the repaired muscles, after a fixation the metalwork (a course convention).
OUTER_HIP_AFTER_SURGERY_NOTE = Reason(
    f"Ask {pain_monitoring.TEAM} first. After an operation or a fracture, pain on the outside of the "
    "hip can come from the muscles the surgeon repaired or from the metalwork, not only from the "
    "tendons. Until they have checked it, avoid crossing your legs, hanging on one hip when you "
    "stand and lying on the sore side. The program gives only a gentle isometric drill (pressing "
    "without moving) to start with, and to show them.",
    SOURCE_OUTER_HIP + "; " + COURSE_CONVENTION + " (the team first after surgery or a fracture)",
)
# After a birth, new pain of this level or more: see someone before starting (a course convention).
POSTNATAL_PAIN_CHECK_AT = pain_monitoring.TEAM_CHECK_AT
POSTNATAL_PAIN_NOTE = Reason(
    "See your GP, midwife or a pelvic-health physiotherapist before you start: new pain at this "
    "level in the weeks after a birth should be checked first (a course convention).",
    COURSE_CONVENTION,
)


def situation_notes(answers: Answers) -> tuple[Reason, ...]:
    notes = []
    if (
        answers.pregnancy == "gave-birth-last-12-weeks"
        and answers.pain_onset != "long-standing"
        and answers.pain_now >= POSTNATAL_PAIN_CHECK_AT
    ):
        notes.append(POSTNATAL_PAIN_NOTE)
    if answers.outer_hip_pain:
        notes.append(OUTER_HIP_AFTER_SURGERY_NOTE if answers.recent_surgery_or_fracture else OUTER_HIP_NOTE)
    if early(answers):
        notes.append(
            Reason(
                f"These are the early weeks after your operation or fracture: {EARLY_RULE} (the "
                f"{EARLY_WEEKS} weeks are a course convention). The program keeps to the easier "
                "versions, has no exercise that tests balance, stands on the operated leg only while "
                "you hold a support, never has you lie on the operated side, and waits with movement "
                "retraining. Your team's own limits come first.",
                SOURCE_EARLY,
            )
        )
    if post_op_start(answers):
        gently = (
            " For now you start even more gently, at the easier versions (the reasons are with each exercise)."
            if gentle_start(answers)
            else ""
        )
        notes.append(
            Reason(
                f"After your operation or fracture, every exercise starts no higher than its "
                f"{POST_OP_START_LEVEL} version, with no band, weight or high-load exercise (a course "
                f"convention), however long ago it was.{gently} The guided session steps you up to the "
                "harder versions when your log shows you have mastered the dose with no rise in pain. "
                "Your team's own limits come first.",
                SOURCE_POST_OP_START,
            )
        )
    if fracture_slow(answers):
        unsure = answers.bone_healed == "not-sure"
        said = "you are not sure whether your team has said" if unsure else "your team has not yet said"
        notes.append(
            Reason(
                f"Check with your fracture team: your fracture was {weeks_ago(_weeks(answers))}, and {said} "
                "the bone has healed. A bone that "
                f"has not healed after {APPROACH_WEEKS} weeks may be healing slowly, so until they say it "
                "has, the program starts gently: every exercise at its easier version, and movement "
                "retraining waits (a course convention).",
                SOURCE_FRACTURE,
            )
        )
    if fracture_healing(answers):
        notes.append(
            Reason(
                f"After your fracture the program adds no band, weight, heavy load or side plank for "
                f"{FRACTURE_RULE}. When your team says it has healed, answer the questions again.",
                SOURCE_FRACTURE,
            )
        )
    if answers.falls_or_walking_aid:
        notes.append(FALLS_NOTE)
    notes += pregnancy_notes(answers)
    return tuple(notes)


def pregnancy_notes(answers: Answers) -> list[Reason]:
    if postnatal(answers):
        return [
            Reason(
                f"You gave birth in the last {POSTNATAL_WEEKS} weeks, so the program starts gently: every "
                "exercise at its easier version, no band or weight, no high-load exercise, no side plank "
                "and no hops, and movement retraining waits (a course convention). Before you move on, have "
                "your 6 to 8 week postnatal check and ask your GP, midwife or health visitor for a "
                "pelvic-health physiotherapist, who can check your pelvic floor and tummy muscles. "
                "A return to running is advised from about 12 weeks after the birth at the earliest, after "
                "that check. After a Caesarean section, your own team's limits come first.",
                SOURCE_POSTNATAL,
            )
        ]
    if answers.pregnancy not in ("under-16-weeks", "16-to-19-weeks", "20-weeks-or-more"):
        return []
    back = "From" if pregnant_from(answers, PREGNANCY_BACK_WEEKS) else "Later, from"
    late = "From about" if pregnant_from(answers, PREGNANCY_LATE_WEEKS) else "Later, from about"
    return [
        Reason(
            f"{back} {PREGNANCY_BACK_WEEKS} weeks of pregnancy, avoid long spells lying flat on your back "
            "when you exercise, so the program leaves out the drill done lying on your back from then."
            + (
                ""
                if pregnant_from(answers, PREGNANCY_BACK_WEEKS)
                else f" The program does not count the weeks for you: when you reach {PREGNANCY_BACK_WEEKS} "
                "weeks, answer these questions again. The guided session asks you to answer them again "
                f"every {ANSWERS_FRESH_WEEKS} weeks."
            )
            + " Tell your midwife or doctor about this program.",
            SOURCE_PREGNANCY,
        ),
        Reason(
            f"{late} {PREGNANCY_LATE_WEEKS} weeks of pregnancy the program also leaves out hops, exercises "
            "that test your balance, high-load exercise and side planks, as your changing shape makes a "
            "fall more likely."
            + (
                ""
                if pregnant_from(answers, PREGNANCY_LATE_WEEKS)
                else f" When you reach {PREGNANCY_LATE_WEEKS} weeks, answer these questions again."
            )
            + " If your midwife or doctor says they are fine for you, ask them which to add "
            "(a course convention).",
            SOURCE_PREGNANCY_LATE,
        ),
    ]


SOURCE_TEAM_CHECK = pain_monitoring.AFTER_SURGERY_SOURCE + "; " + COURSE_CONVENTION


def team_check(answers: Answers) -> bool:
    """After surgery or a fracture (however long ago), a usual pain of TEAM_CHECK_AT or more: the
    program opens with a note to contact the team first (a course convention; a pain of REFER_AT or
    more gets a referral instead, in ``safety``)."""
    return answers.recent_surgery_or_fracture and answers.pain_now >= pain_monitoring.TEAM_CHECK_AT


def team_notes(answers: Answers) -> tuple[Reason, ...]:
    """The note at the top of the program for ``team_check``."""
    return (Reason(pain_monitoring.TEAM_CHECK, SOURCE_TEAM_CHECK),) if team_check(answers) else ()


def pain_notes(answers: Answers, catalog: Catalog) -> tuple[Reason, ...]:
    notes = []
    if answers.recent_surgery_or_fracture and answers.pain_onset == "long-standing" and not team_check(answers):
        if answers.pain_now > 0:
            notes.append(
                Reason(
                    f"Because your pain is long-standing, ask {pain_monitoring.TEAM} to review the hip as "
                    "well: this program is not a diagnosis. Judge your pain with the pain rule in the stop rules.",
                    SOURCE_RULE,
                )
            )
    elif answers.pain_onset == "long-standing" and answers.pain_now > 0 and not team_check(answers):
        notes.append(
            Reason(
                "Because your pain is long-standing, ask a physiotherapist or doctor to review the hip "
                "as well: this program is not a diagnosis. Judge your pain with the pain rule in the "
                "stop rules.",
                SOURCE_RULE,
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


# --- building the program -------------------------------------------------------------------


def _priority(exercise: Exercise, answers: Answers) -> int:
    """For a return to sport, hops come first, then the other exercises that need a single-leg
    squat: they are the closest to sport. Otherwise every family ranks the same."""
    if answers.goal != IMPACT_GOAL:
        return 0
    if "impact" in exercise.precautions:
        return 0
    return 1 if exercise.requires else 2


def _who_to_ask(answers: Answers) -> str:
    """Whom a reader asks for an exercise the program cannot give: the team after surgery or a fracture."""
    return pain_monitoring.TEAM if answers.recent_surgery_or_fracture else "a physiotherapist"


def _phase_or_none(catalog: Catalog, answers: Answers, phase: str, candidates, left_out: list) -> Phase | None:
    # Goal first (``_priority``), then the versions the reader has progressed furthest along
    # (stable: catalog order).
    ordered = sorted(candidates, key=lambda c: (_priority(c.exercise, answers), -LEVEL_RANK.get(c.exercise.level, 1)))
    chosen = [chosen_exercise(catalog, c, answers, phase) for c in ordered]
    kept, dropped = fit_to_time(chosen, answers.minutes_per_day)
    left_out.extend(dropped)
    if not kept:
        left_out.append(
            LeftOut(
                "",
                "",
                "phase",
                f"No {PHASE_TITLES[phase].lower()} exercise fits your answers, so the program skips "
                f"that phase; ask {_who_to_ask(answers)} for one that suits you.",
                SOURCE_RULE,
            )
        )
        return None
    if kept[0].dose.minutes > answers.minutes_per_day:
        left_out.append(
            LeftOut(
                "",
                "",
                "time",
                f"{kept[0].name} takes about {kept[0].dose.minutes} minutes, more than your "
                f"{answers.minutes_per_day}: do fewer sets at first.",
                SOURCE_RULE,
            )
        )
    return Phase(
        id=phase,
        title=PHASE_TITLES[phase],
        number=0,
        exercises=kept,
        moving_on=tuple(cited(catalog, r) for r in moving_on_for(phase, kept)),
    )


def build_program(answers: Answers, catalog: Catalog) -> tuple[Program | None, tuple[LeftOut, ...]]:
    """The phased program, or None (with what was left out) when no phase has an exercise that fits."""
    held = held_phases(answers)
    held_ids = {h.id for h in held}
    left_out: list[LeftOut] = []
    candidates: dict[str, list[Candidate]] = {p: [] for p in PHASE_ORDER}
    for main in catalog.families():
        if main.phase in held_ids:
            continue
        candidate = choose_version(catalog, main.id, answers, left_out)
        if candidate is not None and candidate.exercise.phase in candidates:
            candidates[candidate.exercise.phase].append(candidate)
    phases: list[Phase] = []
    for phase_id in PHASE_ORDER:
        if phase_id in held_ids:
            continue
        phase = _phase_or_none(catalog, answers, phase_id, candidates[phase_id], left_out)
        if phase is not None:
            phases.append(Phase(phase.id, phase.title, len(phases) + 1, phase.exercises, phase.moving_on))
    left = tuple(
        dict.fromkeys(LeftOut(x.exercise_id, x.name, x.kind, x.text, _cite(catalog, x.source)) for x in left_out)
    )
    if not phases:
        return None, left
    notes = (
        *team_notes(answers),
        *situation_notes(answers),
        *side_notes(answers),
        *pain_notes(answers, catalog),
        ORDER_NOTE,
    )
    return (
        Program(
            goal=answers.goal,
            weak_side=answers.weak_side,
            trained_sides=answers.trained_sides,
            minutes_per_day=answers.minutes_per_day,
            days_per_week=answers.days_per_week,
            phases=tuple(phases),
            stop_rules=(),
            notes=tuple(cited(catalog, r) for r in notes),
            left_out=left,
            held=held,
        ),
        left,
    )
