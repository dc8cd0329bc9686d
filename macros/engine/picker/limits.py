"""Limits after surgery or a fracture, and for pain, falls and pregnancy: which catalog tags each
one excludes, for how long, and on what source.

Every limit is a row in a table here; the rules in ``rules.py`` only look the tags up. An exercise
is left out when it carries any tag that one of the reader's limits excludes. Nothing here names
an exercise: the catalog's tags say what each exercise does.

The time windows (all course conventions, stated as such on the clinical rules page):

- ``EARLY_WEEKS``: the first 6 weeks after surgery or a fracture, and after that until the team
  has cleared standing on the operated leg alone, are the **early** weeks (``EARLY_RULE``).
- ``APPROACH_WEEKS``: a hip replacement's approach precautions and the gentle start after any
  surgery or fracture last 12 weeks. A fracture's own limits (fixed with metal or not) last at
  least 12 weeks and then until the team has said the bone has healed (``FRACTURE_RULE``); so does
  the gentle start, and after the 12 weeks a bone not yet said to have healed gets "check with your
  fracture team" (it may be healing slowly).
- ``POSTNATAL_WEEKS``: the 12 weeks after giving birth start gently too, with no band, weight,
  heavy load, side plank or hops (``POSTNATAL_TAGS``).
- ``POST_OP_START``: after surgery or a fracture, whenever the program starts, every family starts
  no higher than its standard version and with no band, weight or high-load version; a guided
  session steps the reader up from there (``POST_OP_START_RULE``).
"""

from dataclasses import dataclass

from .sources import COURSE_CONVENTION

SOURCE_SURGICAL = "your surgeon's own list comes first; " + COURSE_CONVENTION

# Approach precautions apply for this many weeks after a hip replacement unless the reader ticks
# them later too. Surgeons set their own time (often about 6 weeks, sometimes longer).
APPROACH_WEEKS = 12
# The early weeks: at least this many, and then until the team clears single-leg standing.
EARLY_WEEKS = 6

# Loading the side hip muscles, whether the leg lifts (active abduction) or holds the pelvis up
# while it carries the body (abductor loading): both pull on a repaired or cut abductor.
ABDUCTOR_TAGS = ("active-abduction", "abductor-loading")


@dataclass(frozen=True)
class Procedure:
    id: str
    label: str  # the radio button text
    definition: str  # what it means, in plain words, shown on the form
    tags: tuple[str, ...]  # the catalog tags it excludes for APPROACH_WEEKS weeks
    source: str
    refer: bool = False  # no program at all: the surgeon's protocol governs (``REPAIR_REFERRAL``)
    kind: str = "approach"  # approach (a hip replacement's precautions) | fracture (the bone is healing)
    when: str = "was operated on"  # the words after "your hip" or "your fracture" in a reason: when it was done


POSTERIOR_TAGS = ("hip-flexion-past-90", "crosses-midline", "hip-internal-rotation")
ANTERIOR_TAGS = ("extension-external-rotation",)
LATERAL_TAGS = ABDUCTOR_TAGS
# While a fracture heals: no band or weight, no heavy load, no side plank on the healing bone.
FRACTURE_TAGS = ("added-resistance", "high-load", "side-plank-loading")
# The fracture's limits end when both are true: APPROACH_WEEKS have passed and the team has said the
# bone has healed (a blank, "no" or "not sure" keeps them).
FRACTURE_RULE = (
    f"at least the first {APPROACH_WEEKS} weeks, and after that until your team has said the bone has healed"
)
SOURCE_FRACTURE = "your surgical team's word on healing comes first; " + COURSE_CONVENTION

# After surgery or a fracture, however long ago: a program starts each family no higher than this
# level, and with none of these tags (no band or weight, and no high-load version: a standard side
# plank with a leg lift is high-load, so the side plank from the knees comes first). Only the start:
# a guided session steps the reader up from there when the log shows the dose is mastered within
# the pain rule.
POST_OP_START_LEVEL = "standard"
POST_OP_START_TAGS = ("added-resistance", "high-load")
POST_OP_START_RULE = (
    "after surgery or a fracture, every family starts no higher than its standard version, with no "
    "band, weight or high-load exercise; the guided session steps you up to the harder versions when "
    "your log shows you have mastered the dose with no rise in pain"
)
SOURCE_POST_OP_START = COURSE_CONVENTION

PROCEDURES: tuple[Procedure, ...] = (
    Procedure(
        "hip-replacement-posterior",
        "Hip replacement, posterior approach",
        "The surgeon went in from the back of the hip; the scar is on the back or side of the buttock.",
        POSTERIOR_TAGS,
        SOURCE_SURGICAL,
    ),
    Procedure(
        "hip-replacement-anterior",
        "Hip replacement, anterior approach",
        "The surgeon went in from the front of the hip; the scar is at the front of the hip, near the groin crease.",
        ANTERIOR_TAGS,
        SOURCE_SURGICAL,
    ),
    Procedure(
        "hip-replacement-lateral",
        "Hip replacement, lateral approach",
        "The surgeon went in from the side; some of the side hip muscles were detached and repaired, "
        "and the scar is on the outside of the thigh.",
        LATERAL_TAGS,
        SOURCE_SURGICAL,
    ),
    Procedure(
        "hip-replacement-not-sure",
        "Hip replacement, not sure which approach",
        "You had a new hip joint but do not know the approach: the program keeps every approach's limits.",
        tuple(dict.fromkeys(POSTERIOR_TAGS + ANTERIOR_TAGS + LATERAL_TAGS)),
        SOURCE_SURGICAL,
    ),
    Procedure(
        "fracture-fixation",
        "A fracture fixed with metal",
        "A broken hip, pelvis or thigh bone held with a plate, screws, pins or a nail. Until your "
        "team says the bone has healed the program adds no band, weight, heavy load or side plank.",
        FRACTURE_TAGS,
        SOURCE_SURGICAL,
        kind="fracture",
        when="was fixed",
    ),
    Procedure(
        "fracture-not-operated",
        "A fracture that was not operated on",
        "A broken hip, pelvis or thigh bone left to heal without an operation (for example a crack in "
        "the pelvis). Until your team says the bone has healed the program adds no band, weight, heavy "
        "load or side plank.",
        FRACTURE_TAGS,
        SOURCE_SURGICAL,
        kind="fracture",
        when="happened",
    ),
    Procedure(
        "abductor-repair",
        "A repair of the side hip muscles' tendons",
        "A gluteus medius or minimus tendon repair (a gluteal or abductor tendon repair). The course "
        "gives no program after it: your surgeon's rehabilitation plan governs.",
        ABDUCTOR_TAGS,
        "your surgeon's protocol; " + COURSE_CONVENTION,
        refer=True,
    ),
    Procedure(
        "other",
        "Other surgery",
        "Any other operation, for example hip arthroscopy. Tick the limits your clinician gave you. "
        "(For a repair of the side hip muscles' tendons, or a fracture, choose that answer above.)",
        (),
        SOURCE_SURGICAL,
    ),
)
PROCEDURES_BY_ID = {p.id: p for p in PROCEDURES}
PROCEDURE_IDS = tuple(p.id for p in PROCEDURES)

REPAIR_REFERRAL = (
    "A repaired tendon is reattached to the bone and needs weeks to heal there. Standing on the "
    "leg, shifting your weight onto it or lifting it out to the side all pull on the repair, and "
    "loading it too early can pull it apart. Surgeons set their own protocol of when and how much "
    "(often weeks of limited weight and no active abduction), so the course gives no program: "
    "follow your surgeon's and physiotherapist's plan, and show them this course if you want to "
    "ask which of its exercises fit later."
)


@dataclass(frozen=True)
class ClinicianLimit:
    """A limit the reader's clinician gave, as a checkbox; ``tags`` are the catalog tags it excludes."""

    id: str
    label: str
    tags: tuple[str, ...]
    operated_side_only: bool = False  # applies only when the exercise puts that side down

    @property
    def tag(self) -> str:
        """The limit's main tag (its first)."""
        return self.tags[0]


CLINICIAN_LIMITS: tuple[ClinicianLimit, ...] = (
    ClinicianLimit("no-bending-past-90", "Do not bend the hip past a right angle (90°)", ("hip-flexion-past-90",)),
    ClinicianLimit("no-crossing-midline", "Do not cross the leg over the middle of the body", ("crosses-midline",)),
    ClinicianLimit("no-turning-inward", "Do not turn the leg inward", ("hip-internal-rotation",)),
    ClinicianLimit(
        "no-extension-turned-out",
        "Do not take the leg behind you with the leg turned out",
        ("extension-external-rotation",),
    ),
    ClinicianLimit(
        "no-active-abduction",
        "No active abduction: do not lift or press the leg out to the side against gravity or "
        "resistance (this also rules out standing on that leg alone or shifting your weight onto it, "
        "which work the same muscles)",
        ABDUCTOR_TAGS,
    ),
    ClinicianLimit(
        "no-lying-on-operated-side", "Do not lie on the operated side", ("lies-on-side",), operated_side_only=True
    ),
)
CLINICIAN_LIMITS_BY_ID = {limit.id: limit for limit in CLINICIAN_LIMITS}
CLINICIAN_LIMIT_IDS = tuple(limit.id for limit in CLINICIAN_LIMITS)

# Partial weight-bearing: no standing on one leg, no side plank, nothing heavy, balance-testing or
# hopping, and no lying on the operated side (``OPERATED_SIDE_DOWN_TAGS``, side by side).
PARTIAL_WEIGHT_TAGS = ("single-leg-weight-bearing", "side-plank-loading", "high-load", "balance-demand", "impact")
OPERATED_SIDE_DOWN_TAGS = ("lies-on-side",)

# After surgery or a fracture, at any time the reader reports it: no hops. The team's clearance to
# stand on the operated leg is not a clearance to run and jump onto it, and the program cannot know
# when the team will allow that.
SURGERY_IMPACT_TAGS = ("impact",)
SOURCE_SURGERY_IMPACT = "your surgical team's go-ahead for running and jumping comes first; " + COURSE_CONVENTION

# The early weeks after surgery or a fracture: no balance test, no side plank, no band or weight
# on a healing hip, no hop; no unsupported standing on the operated leg and no lying on it.
EARLY_TAGS = ("balance-demand", "side-plank-loading", "high-load", "impact")
SOURCE_EARLY = "NHS: Hip replacement recovery (your team's limits come first); " + COURSE_CONVENTION
EARLY_RULE = (
    f"the first {EARLY_WEEKS} weeks after surgery or a fracture, and after that until your team has "
    "said you may stand on the operated leg alone"
)

# Outer hip pain (possible gluteal tendinopathy): isometric drills only, and a physiotherapist first.
OUTER_HIP_TAGS = ("outer-hip-compression",)
SOURCE_OUTER_HIP = "Grimaldi & Fearon 2015; Mellor et al. 2018"
# The same words as lesson 3b, the FAQ and the quizzes.
PHYSIO_FIRST = "See a physiotherapist first."

# A fall in the last 12 months, or a walking aid: no balance test, no counter side plank whose
# feet can slip, no hops; hold the support firmly.
FALLS_TAGS = ("balance-demand", "side-plank-loading", "impact")
SOURCE_FALLS = "NICE NG249; Montero-Odasso et al. 2022"

# From 16 weeks of pregnancy: no exercise lying on the back. The NHS advises against lying flat on
# the back for long "especially after 16 weeks"; ACOG 2020 says from about 20 weeks: the course
# takes the earlier of the two.
PREGNANCY_BACK_WEEKS = 16
PREGNANCY_TAGS = ("lies-on-back",)
SOURCE_PREGNANCY = "NHS: Exercise in pregnancy; ACOG 2020 (from about 20 weeks)"
# From about 20 weeks of pregnancy also no hops, nothing that tests balance, no heavy load and no
# side plank, until the reader's midwife or doctor has cleared them (the program does not ask, so it
# leaves them out): a course convention, with ACOG 2020 (activities with a risk of falling) as the
# background.
PREGNANCY_LATE_WEEKS = 20
# A pregnancy answer (any band, or a birth in the last POSTNATAL_WEEKS weeks) is asked again after
# this many weeks: the width of the 16-to-19-weeks band, so a program is never a band behind. The
# guided session asks (``session.rules`` "pregnancy-answers"); the program's notes say so.
ANSWERS_FRESH_WEEKS = 4
PREGNANCY_LATE_TAGS = ("impact", "balance-demand", "high-load", "side-plank-loading")
SOURCE_PREGNANCY_LATE = COURSE_CONVENTION + "; background: ACOG 2020"
# In the 12 weeks after giving birth: a gentle start (every family at its easier version, movement
# retraining held) with no band or weight, no heavy load, no side plank and no hops, and a
# pelvic-health physiotherapist (and the 6 to 8 week postnatal check) before moving on. Goom,
# Donnelly & Brockwell 2019 give a graded return over the first 12 weeks and running from about 12
# weeks after an assessment; the cap itself is a course convention.
POSTNATAL_WEEKS = 12
POSTNATAL_TAGS = ("impact", "high-load", "added-resistance", "side-plank-loading")
SOURCE_POSTNATAL = (
    "Goom, Donnelly & Brockwell 2019 (a graded return over the first 12 weeks); "
    + COURSE_CONVENTION
    + " (the gentle start and what it leaves out)"
)

# Pain at or above this rating (any onset) gives a gentle start.
LOW_LOAD_PAIN = 4
