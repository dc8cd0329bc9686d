"""What the picker gives back: a program, a referral, or rest-and-review advice.

Plain frozen dataclasses, so the same answers always compare equal and ``to_dict`` gives JSON.
Every choice carries a ``Reason``: a sentence for the reader and the source behind it.
"""

from dataclasses import asdict, dataclass, field

PHASE_ORDER = ("activation", "strengthening", "movement-retraining")
PHASE_TITLES = {
    "activation": "Activation",
    "strengthening": "Strengthening",
    "movement-retraining": "Movement retraining",
}


@dataclass(frozen=True)
class Reason:
    text: str
    source: str = ""


@dataclass(frozen=True)
class LeftOut:
    """An exercise the rules left out, and why; ``exercise_id`` is empty for a whole phase.

    ``kind``: precaution | weight-bearing | early | fracture | outer-hip | falls | pregnancy | gentle-start |
    goal | walking-worse | equipment | ability | level | time | phase-size | phase.
    """

    exercise_id: str
    name: str
    kind: str
    text: str
    source: str = ""


@dataclass(frozen=True)
class StopRule:
    text: str
    source: str


@dataclass(frozen=True)
class Trigger:
    field: str  # the answer field that triggered the referral
    answer: str  # the answer given
    label: str  # that answer in the reader's words
    action: str
    whom: str
    source: str
    why: str = ""


@dataclass(frozen=True)
class Referral:
    urgency: str  # emergency-today | same-day | soon (warning_signs.URGENCY_ORDER)
    title: str
    triggers: tuple[Trigger, ...]
    what_to_do: str
    whom: str
    kind: str = "referral"
    # Warning signs to watch for until seen, each quoted from the warning-sign table: "label: what to do".
    watch_for: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class RestAdvice:
    pain_now: int
    reason: str
    advice: tuple[str, ...]
    kind: str = "rest"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class SideInstruction:
    """One side to do: which leg stands (or lies underneath) and which side moves."""

    stance: str | None  # "left" | "right" | None when no leg bears the exercise
    moving: str | None  # "left" | "right" | None when no leg moves
    text: str
    support: str = ""  # which hand holds the support, and why (supported standing exercises)
    trained: str = ""  # "left" | "right": the side this set trains (its figure's); "" when both hips work at once


@dataclass(frozen=True)
class Dose:
    goal: str  # the catalog dosing used: motor-control | strength | endurance
    sets: str  # "2" or "2–3"
    reps: str
    hold_s: str
    rest_s: str
    days_per_week: int  # what the reader will do: within the dose and their own days
    text: str  # "2–3 sets of 8–12, rest 60–90 s, 3 days a week"
    minutes: int  # rough time for one session at the start of the range, all sides
    source: str  # the citation of the dosing source ("ACSM 2009")
    basis: str  # guideline | clinical-convention
    notes: tuple[str, ...] = ()  # the reader's days against the dose, then the catalog's note


@dataclass(frozen=True)
class ChosenExercise:
    id: str
    name: str
    level: str  # easier | standard | harder
    phase: str
    position: str
    equipment: tuple[str, ...]
    sides: tuple[SideInstruction, ...]
    dose: Dose
    cues: tuple[str, ...]
    reasons: tuple[Reason, ...]
    harder: str | None  # name of the next version, when there is one
    easier: str | None  # name of the easier version, when there is one


@dataclass(frozen=True)
class Phase:
    id: str
    title: str
    number: int
    exercises: tuple[ChosenExercise, ...]
    moving_on: tuple[Reason, ...]  # criteria for moving on to the next phase


@dataclass(frozen=True)
class HeldPhase:
    """A phase the program does not give yet: why, and what opens it."""

    id: str
    title: str
    because: str
    until: tuple[Reason, ...]


@dataclass(frozen=True)
class Program:
    goal: str
    weak_side: str
    trained_sides: tuple[str, ...]
    minutes_per_day: int
    days_per_week: int
    phases: tuple[Phase, ...]
    stop_rules: tuple[StopRule, ...]
    notes: tuple[Reason, ...] = field(default_factory=tuple)
    left_out: tuple[LeftOut, ...] = field(default_factory=tuple)  # exercises or phases removed
    held: tuple[HeldPhase, ...] = field(default_factory=tuple)  # phases that come later
    kind: str = "program"

    def to_dict(self) -> dict:
        return asdict(self)


Outcome = Program | Referral | RestAdvice
