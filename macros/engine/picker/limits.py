"""Limits after surgery or a fracture, and for outer hip pain: which catalog tags each one excludes.

Every limit is a row in a table here; the rules in ``rules.py`` only look the tags up. An exercise
is left out when it carries any tag that one of the reader's limits excludes. Nothing here names
an exercise: the catalog's tags say what each exercise does.
"""

from dataclasses import dataclass

from .sources import COURSE_CONVENTION

SOURCE_SURGICAL = "your surgeon's own list comes first; " + COURSE_CONVENTION

# Approach precautions apply for this many weeks after a hip replacement unless the reader ticks
# them later too. Surgeons set their own time (often about 6 weeks, sometimes longer).
APPROACH_WEEKS = 12


@dataclass(frozen=True)
class Procedure:
    id: str
    label: str  # the radio button text
    definition: str  # what it means, in plain words, shown on the form
    tags: tuple[str, ...]  # the catalog tags it excludes for APPROACH_WEEKS weeks
    source: str


POSTERIOR_TAGS = ("hip-flexion-past-90", "crosses-midline", "hip-internal-rotation")
ANTERIOR_TAGS = ("extension-external-rotation",)
LATERAL_TAGS = ("active-abduction",)

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
        "A broken hip, pelvis or thigh bone held with a plate, screws, pins or a nail. Your limits "
        "come from the weight you may take and what your clinician told you.",
        (),
        SOURCE_SURGICAL,
    ),
    Procedure(
        "other",
        "Other surgery or a fracture",
        "Anything else, for example a repair of the side hip muscles, hip arthroscopy, or a fracture "
        "that was not operated on. Tick the limits your clinician gave you.",
        (),
        SOURCE_SURGICAL,
    ),
)
PROCEDURES_BY_ID = {p.id: p for p in PROCEDURES}
PROCEDURE_IDS = tuple(p.id for p in PROCEDURES)


@dataclass(frozen=True)
class ClinicianLimit:
    """A limit the reader's clinician gave, as a checkbox; ``tag`` is the catalog tag it excludes."""

    id: str
    label: str
    tag: str
    operated_side_only: bool = False  # applies only when the exercise puts that side down


CLINICIAN_LIMITS: tuple[ClinicianLimit, ...] = (
    ClinicianLimit("no-bending-past-90", "Do not bend the hip past a right angle (90°)", "hip-flexion-past-90"),
    ClinicianLimit("no-crossing-midline", "Do not cross the leg over the middle of the body", "crosses-midline"),
    ClinicianLimit("no-turning-inward", "Do not turn the leg inward", "hip-internal-rotation"),
    ClinicianLimit(
        "no-extension-turned-out",
        "Do not take the leg behind you with the leg turned out",
        "extension-external-rotation",
    ),
    ClinicianLimit(
        "no-active-abduction",
        "Do not lift or press the leg out to the side against gravity or resistance (for example "
        "after a repair of the side hip muscles)",
        "active-abduction",
    ),
    ClinicianLimit(
        "no-lying-on-operated-side", "Do not lie on the operated side", "lies-on-side", operated_side_only=True
    ),
)
CLINICIAN_LIMITS_BY_ID = {limit.id: limit for limit in CLINICIAN_LIMITS}
CLINICIAN_LIMIT_IDS = tuple(limit.id for limit in CLINICIAN_LIMITS)

# Partial weight-bearing: no standing on one leg, no side plank, nothing heavy or balance-testing.
PARTIAL_WEIGHT_TAGS = ("single-leg-weight-bearing", "side-plank-loading", "high-load", "balance-demand")

# Outer hip pain (possible gluteal tendinopathy): nothing that presses or stretches the outer hip.
OUTER_HIP_TAGS = ("outer-hip-compression",)
SOURCE_OUTER_HIP = "Grimaldi & Fearon 2015; Mellor et al. 2018"

# Pain at or above this rating (any onset) gives a low-load start.
LOW_LOAD_PAIN = 4
