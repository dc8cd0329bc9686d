"""The exercise catalog as the engine sees it: plain, frozen dataclasses, stdlib only.

The single source is ``exercises/catalog.yml``. ``hipdrop_course.catalog`` loads and validates
it on CPython; in the browser the same dict (as JSON) is turned into these objects with
``catalog_from_dict``. Nothing here reads files.

Public API (all importable from ``hipdrop_course.engine.catalog``):

- ``catalog_from_dict(data) -> Catalog`` and ``catalog_to_dict(catalog) -> dict`` (also
  ``Catalog.to_dict()``). The dict has the shape of ``catalog.yml``:
  ``{"sources": {id: {...}}, "exercises": [{...}, ...]}``; the round trip is lossless.
- ``Catalog``: ``exercises`` (tuple, file order), ``sources`` (dict id -> Source),
  ``exercise(id)``, ``source(id)``, ``families()`` (the standard entries, file order),
  ``family_members(family_id)`` (easiest -> hardest, following the easier/harder links),
  ``by_phase(phase)``, ``without_precautions(tags)`` (entries carrying none of the tags).
- ``Exercise``: ``id, name, aliases, family, level, easier, harder, phase, position,
  equipment, working_leg (WorkingLeg), purpose, setup, steps, cues, common_errors,
  dosing (dict goal -> Dosing), emg (tuple of EmgEntry), precautions (tags of ``PRECAUTIONS``),
  requires (``ABILITIES``), both_sides, note``. (Its figure is drawn by the motion engine from
  ``exercises/motion.yml``, not named here.) ``is_family_main`` is True for the
  standard entry whose id is its family id.
- ``WorkingLeg``: ``works`` ("stance" | "moving" | "both" | "together": both hips at once), ``headline`` (the one-line
  plain answer to "which leg does the work?") and ``text`` (the explanation).
- ``Dosing``: ``goal`` (one of ``GOALS``), ``sets``, ``reps``, ``hold_s``, ``rest_s``,
  ``days_per_week`` (each a ``Span`` with ``low``/``high``; ``str(span)`` gives "8–12"),
  ``basis`` ("guideline" | "clinical-convention"), ``source`` (a source id), ``note``.
- ``EmgEntry``: gluteus medius %MVIC as reported: ``study`` (source id), ``low``, ``high``,
  ``sd`` (or None), ``measure`` ("peak" | "mean"), ``status`` (one of ``EMG_STATUSES``;
  "article-only" means the figure is known only from the source article), ``note``.
- ``Source``: ``id, cite ("Boren et al. 2011"), authors, year, title, journal, verified,
  url, note``; ``citation()`` gives the full reference as one line of text.
- ``evidence_rows(catalog) -> list[EvidenceRow]``: one row per (exercise, study) with the
  %MVIC range, sorted by exercise family order, then exercise order, then study year.
- Constants: ``GOALS``, ``LEVELS``, ``PHASES``, ``POSITIONS``, ``EQUIPMENT``,
  ``PRECAUTIONS`` (``PrecautionTag`` table) and ``PRECAUTION_TAGS``, ``ABILITIES``,
  ``EMG_STATUSES``, ``WORKS``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

GOALS = ("motor-control", "strength", "endurance")
GOAL_LABELS = {"motor-control": "Motor control", "strength": "Strength", "endurance": "Endurance"}
LEVELS = ("easier", "standard", "harder")
PHASES = ("activation", "strengthening", "movement-retraining")
PHASE_LABELS = {
    "activation": "Activation",
    "strengthening": "Strengthening",
    "movement-retraining": "Movement retraining",
}
POSITIONS = (
    "lying-on-back",
    "standing-two-legs",
    "standing",
    "standing-on-step",
    "side-lying",
    "side-plank",
    "incline-side-plank",
)
EQUIPMENT = ("step", "band", "wall", "support", "chair", "mirror", "weight")


@dataclass(frozen=True)
class PrecautionTag:
    """A catalog tag that an exercise carries or not; the picker leaves out tagged exercises.

    ``label`` is what the exercise page says; ``movement`` names the movement or load in plain words
    (for the picker and the clinical rules page).
    """

    id: str
    movement: str
    label: str


PRECAUTIONS: tuple[PrecautionTag, ...] = (
    PrecautionTag(
        "hip-flexion-past-90",
        "bending the hip past a right angle (90°)",
        "Bends the hip past a right angle. Check first if you have hip precautions after surgery.",
    ),
    PrecautionTag(
        "crosses-midline",
        "bringing the leg across the middle of the body",
        "The leg comes to or across the middle of the body (lying with the legs stacked counts). "
        "Check first after a hip replacement.",
    ),
    PrecautionTag(
        "hip-internal-rotation",
        "turning the leg inward at the hip",
        "Turns the leg inward at the hip. Check first after a hip replacement.",
    ),
    PrecautionTag(
        "extension-external-rotation",
        "taking the leg behind the body with the leg turned out",
        "Takes the hip behind the body with the leg turned out. Check first after a hip replacement.",
    ),
    PrecautionTag(
        "active-abduction",
        "lifting or pressing the leg out to the side against gravity or resistance",
        "The side hip muscles lift or press against gravity or resistance. Not soon after an "
        "abductor repair or a lateral-approach hip replacement, until the surgeon allows it.",
    ),
    PrecautionTag(
        "abductor-loading",
        "the side hip muscles holding the pelvis up under the weight of the body (standing on one leg, "
        "shifting the weight onto one leg, or holding a side plank)",
        "The side hip muscles of the leg that takes your weight hold the pelvis up. That is work "
        "for the same muscles as lifting the leg out to the side, even though this leg does not "
        "lift. Not soon after an abductor repair or a lateral-approach hip replacement, until the "
        "surgeon allows it.",
    ),
    PrecautionTag(
        "lies-on-side", "lying on one side", "You lie on your side on the floor and need to get down and up again."
    ),
    PrecautionTag(
        "lies-on-back",
        "lying on the back",
        "You lie on your back. From 16 weeks of pregnancy, avoid long spells lying flat on your back "
        "(NHS: Exercise in pregnancy).",
    ),
    PrecautionTag(
        "single-leg-weight-bearing",
        "standing with the whole weight on one leg",
        "Puts your full weight through one leg. Not for anyone told to limit weight on that leg.",
    ),
    PrecautionTag(
        "side-plank-loading",
        "holding the body up in a side-plank position",
        "The body is held up on one side in a plank position; the bottom hip and shoulder carry it.",
    ),
    PrecautionTag(
        "outer-hip-compression",
        "pressing or stretching the outer hip (standing on one leg, shifting the weight onto one "
        "leg, the hip dropped inward, or lying with the legs stacked)",
        "Presses or stretches the outside of the hip: standing on one leg (the standing hip drifts "
        "inward), the hip dropped inward, or lying with the legs stacked. Not a first exercise for "
        "outer hip pain.",
    ),
    PrecautionTag(
        "high-load",
        "a heavy load for the hip",
        "A heavy load for the hip (and the shoulder in a plank). Not a starting exercise.",
    ),
    PrecautionTag(
        "balance-demand", "balancing on one leg", "Needs balance on one leg. Keep something sturdy within reach."
    ),
    PrecautionTag(
        "added-resistance",
        "a band or a weight adding resistance",
        "A band or a weight adds resistance. Not while a fracture is healing, until your team allows it.",
    ),
    PrecautionTag(
        "impact",
        "hopping and landing",
        "You hop and land: a quick, high load through the leg and hip. Only once a single-leg squat "
        "is steady, and when you are training to go back to sport. After surgery or a fracture, "
        "only once your surgical team says you may run and jump.",
    ),
    PrecautionTag(
        "isometric",
        "an isometric drill (the muscles press and hold; nothing moves)",
        "Nothing moves: the muscles press and hold. Gentle isometrics are the usual first step for a sore outer hip.",
    ),
    PrecautionTag(
        "low-load",
        "a low-load activation drill",
        "A low-load drill, lying, with both feet down or with a hand on a counter: gentle enough to "
        "practise on most days.",
    ),
)
PRECAUTIONS_BY_ID = {tag.id: tag for tag in PRECAUTIONS}
PRECAUTION_TAGS = tuple(tag.id for tag in PRECAUTIONS)
EMG_STATUSES = ("verified", "partly-verified", "article-only")
WORKS = ("stance", "moving", "both", "together")
# Abilities an exercise can require (field ``requires``); the picker maps answers to them.
ABILITIES = ("squat-to-box", "squat-free")
BASES = ("guideline", "clinical-convention")


@dataclass(frozen=True)
class Span:
    """A whole-number range; ``low == high`` for a single value."""

    low: int
    high: int

    def __str__(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}\u2013{self.high}"

    def to_data(self) -> int | list[int]:
        return self.low if self.low == self.high else [self.low, self.high]


def span_from_data(value: int | list[int] | tuple[int, int]) -> Span:
    if isinstance(value, (list, tuple)):
        return Span(int(value[0]), int(value[1]))
    return Span(int(value), int(value))


@dataclass(frozen=True)
class Source:
    id: str
    cite: str
    authors: str
    year: int
    title: str
    journal: str
    verified: bool
    url: str = ""
    note: str = ""

    def citation(self) -> str:
        """The full reference on one line: authors. Title. Journal. (year)."""
        text = f"{self.authors} ({self.year}). {self.title.rstrip('.')}. {self.journal}."
        return text


@dataclass(frozen=True)
class Dosing:
    goal: str
    sets: Span
    reps: Span
    hold_s: Span
    rest_s: Span
    days_per_week: Span
    basis: str
    source: str
    note: str = ""


@dataclass(frozen=True)
class EmgEntry:
    study: str
    low: float
    high: float
    measure: str
    status: str
    sd: float | None = None
    note: str = ""

    def range_text(self) -> str:
        """The figure as printed: "89–103%", "64 ± 24%" (mean ± standard deviation)."""
        text = _num(self.low) if self.low == self.high else f"{_num(self.low)}\u2013{_num(self.high)}"
        if self.sd is not None:
            text += f" \u00b1 {_num(self.sd)}"
        return text + "%"


@dataclass(frozen=True)
class WorkingLeg:
    works: str
    headline: str
    text: str


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    family: str
    level: str
    phase: str
    position: str
    working_leg: WorkingLeg
    purpose: str
    setup: tuple[str, ...]
    steps: tuple[str, ...]
    cues: tuple[str, ...]
    common_errors: tuple[str, ...]
    dosing: dict[str, Dosing]
    aliases: tuple[str, ...] = ()
    easier: str | None = None
    harder: str | None = None
    equipment: tuple[str, ...] = ()
    emg: tuple[EmgEntry, ...] = ()
    precautions: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()  # abilities (ABILITIES) the reader must have
    both_sides: bool = False  # done on both sides even when one side is weak (weak side first)
    note: str = ""

    @property
    def is_family_main(self) -> bool:
        return self.id == self.family


@dataclass(frozen=True)
class EvidenceRow:
    exercise_id: str
    exercise_name: str
    family: str
    study: str  # source id
    cite: str  # "Boren et al. 2011"
    range_text: str  # "89–103%"
    measure: str
    status: str
    note: str


@dataclass(frozen=True)
class Catalog:
    exercises: tuple[Exercise, ...]
    sources: dict[str, Source] = field(default_factory=dict)

    def exercise(self, exercise_id: str) -> Exercise:
        for exercise in self.exercises:
            if exercise.id == exercise_id:
                return exercise
        raise KeyError(f"no exercise '{exercise_id}' in the catalog")

    def source(self, source_id: str) -> Source:
        try:
            return self.sources[source_id]
        except KeyError:
            raise KeyError(f"no source '{source_id}' in the catalog") from None

    def families(self) -> tuple[Exercise, ...]:
        """The main (standard) entry of each family, in file order."""
        return tuple(e for e in self.exercises if e.is_family_main)

    def family_members(self, family_id: str) -> tuple[Exercise, ...]:
        """Every entry of a family, easiest first, following the easier/harder links.

        Each entry appears once, even if broken data links in a circle."""
        main = self.exercise(family_id)
        known = {e.id: e for e in self.exercises}
        seen = {main.id}

        def walk(side: str) -> list[Exercise]:
            found: list[Exercise] = []
            current = main
            while getattr(current, side) in known and getattr(current, side) not in seen:
                current = known[getattr(current, side)]
                seen.add(current.id)
                found.append(current)
            return found

        easier = walk("easier")
        harder = walk("harder")
        return (*reversed(easier), main, *harder)

    def by_phase(self, phase: str) -> tuple[Exercise, ...]:
        return tuple(e for e in self.exercises if e.phase == phase)

    def without_precautions(self, tags: list[str] | tuple[str, ...] | set[str]) -> tuple[Exercise, ...]:
        """The entries that carry none of the given precaution tags."""
        banned = set(tags)
        return tuple(e for e in self.exercises if not banned.intersection(e.precautions))

    def to_dict(self) -> dict:
        return catalog_to_dict(self)


# --- from and to plain data -------------------------------------------------------------


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _source_from_dict(source_id: str, data: dict) -> Source:
    return Source(
        id=source_id,
        cite=data["cite"],
        authors=data["authors"],
        year=int(data["year"]),
        title=data["title"],
        journal=data["journal"],
        verified=bool(data["verified"]),
        url=data.get("url", "") or "",
        note=data.get("note", "") or "",
    )


def _dosing_from_dict(goal: str, data: dict) -> Dosing:
    return Dosing(
        goal=goal,
        sets=span_from_data(data["sets"]),
        reps=span_from_data(data["reps"]),
        hold_s=span_from_data(data.get("hold_s", 0)),
        rest_s=span_from_data(data["rest_s"]),
        days_per_week=span_from_data(data["days_per_week"]),
        basis=data["basis"],
        source=data["source"],
        note=data.get("note", "") or "",
    )


def _emg_from_dict(data: dict) -> EmgEntry:
    return EmgEntry(
        study=data["study"],
        low=data["low"],
        high=data["high"],
        measure=data["measure"],
        status=data["status"],
        sd=data.get("sd"),
        note=data.get("note", "") or "",
    )


def exercise_from_dict(data: dict) -> Exercise:
    leg = data["working_leg"]
    return Exercise(
        id=data["id"],
        name=data["name"],
        aliases=tuple(data.get("aliases", ()) or ()),
        family=data["family"],
        level=data["level"],
        easier=data.get("easier"),
        harder=data.get("harder"),
        phase=data["phase"],
        position=data["position"],
        equipment=tuple(data.get("equipment", ()) or ()),
        working_leg=WorkingLeg(works=leg["works"], headline=leg["headline"], text=leg["text"]),
        purpose=data["purpose"],
        setup=tuple(data["setup"]),
        steps=tuple(data["steps"]),
        cues=tuple(data["cues"]),
        common_errors=tuple(data["common_errors"]),
        dosing={goal: _dosing_from_dict(goal, data["dosing"][goal]) for goal in GOALS if goal in data["dosing"]},
        emg=tuple(_emg_from_dict(e) for e in data.get("emg", ()) or ()),
        precautions=tuple(data.get("precautions", ()) or ()),
        requires=tuple(data.get("requires", ()) or ()),
        both_sides=bool(data.get("both_sides", False)),
        note=data.get("note", "") or "",
    )


def catalog_from_dict(data: dict) -> Catalog:
    """Build the engine objects from the catalog's plain data (the YAML or its JSON)."""
    sources = {sid: _source_from_dict(sid, s) for sid, s in (data.get("sources") or {}).items()}
    exercises = tuple(exercise_from_dict(e) for e in data.get("exercises") or ())
    return Catalog(exercises=exercises, sources=sources)


def _source_to_dict(source: Source) -> dict:
    out = {
        "cite": source.cite,
        "authors": source.authors,
        "year": source.year,
        "title": source.title,
        "journal": source.journal,
        "verified": source.verified,
    }
    if source.url:
        out["url"] = source.url
    if source.note:
        out["note"] = source.note
    return out


def _dosing_to_dict(dosing: Dosing) -> dict:
    out = {
        "sets": dosing.sets.to_data(),
        "reps": dosing.reps.to_data(),
        "hold_s": dosing.hold_s.to_data(),
        "rest_s": dosing.rest_s.to_data(),
        "days_per_week": dosing.days_per_week.to_data(),
        "basis": dosing.basis,
        "source": dosing.source,
    }
    if dosing.note:
        out["note"] = dosing.note
    return out


def _emg_to_dict(entry: EmgEntry) -> dict:
    out = {
        "study": entry.study,
        "low": entry.low,
        "high": entry.high,
        "measure": entry.measure,
        "status": entry.status,
    }
    if entry.sd is not None:
        out["sd"] = entry.sd
    if entry.note:
        out["note"] = entry.note
    return out


def exercise_to_dict(exercise: Exercise) -> dict:
    out: dict[str, object] = {
        "id": exercise.id,
        "name": exercise.name,
        "aliases": list(exercise.aliases),
        "family": exercise.family,
        "level": exercise.level,
        "easier": exercise.easier,
        "harder": exercise.harder,
        "phase": exercise.phase,
        "position": exercise.position,
        "equipment": list(exercise.equipment),
        "working_leg": {
            "works": exercise.working_leg.works,
            "headline": exercise.working_leg.headline,
            "text": exercise.working_leg.text,
        },
        "purpose": exercise.purpose,
        "setup": list(exercise.setup),
        "steps": list(exercise.steps),
        "cues": list(exercise.cues),
        "common_errors": list(exercise.common_errors),
        "dosing": {goal: _dosing_to_dict(d) for goal, d in exercise.dosing.items()},
        "emg": [_emg_to_dict(e) for e in exercise.emg],
        "precautions": list(exercise.precautions),
    }
    if exercise.requires:
        out["requires"] = list(exercise.requires)
    if exercise.both_sides:
        out["both_sides"] = True
    if exercise.note:
        out["note"] = exercise.note
    return out


def catalog_to_dict(catalog: Catalog) -> dict:
    return {
        "sources": {sid: _source_to_dict(s) for sid, s in catalog.sources.items()},
        "exercises": [exercise_to_dict(e) for e in catalog.exercises],
    }


# --- the evidence table ------------------------------------------------------------------


def evidence_rows(catalog: Catalog) -> list[EvidenceRow]:
    """One row per (exercise, %MVIC entry), for the evidence table.

    Sorted by family (catalog order of the family's main entry), then by level within the
    family (easiest first), then by the study's year and citation. Exercises with no EMG
    entry produce no row.
    """
    family_rank = {e.id: i for i, e in enumerate(catalog.families())}
    member_rank: dict[str, int] = {}
    for main in catalog.families():
        for i, member in enumerate(catalog.family_members(main.id)):
            member_rank[member.id] = i
    file_rank = {e.id: i for i, e in enumerate(catalog.exercises)}

    keyed: list[tuple[tuple, EvidenceRow]] = []
    for exercise in catalog.exercises:
        for entry in exercise.emg:
            source = catalog.sources.get(entry.study)
            row = EvidenceRow(
                exercise_id=exercise.id,
                exercise_name=exercise.name,
                family=exercise.family,
                study=entry.study,
                cite=source.cite if source else entry.study,
                range_text=entry.range_text(),
                measure=entry.measure,
                status=entry.status,
                note=entry.note,
            )
            key = (
                family_rank.get(exercise.family, len(family_rank)),
                member_rank.get(exercise.id, len(file_rank)),
                file_rank[exercise.id],
                source.year if source else 0,
                row.cite,
            )
            keyed.append((key, row))
    keyed.sort(key=lambda pair: pair[0])
    return [row for _, row in keyed]
