"""Load the exercise catalog (``exercises/catalog.yml``): schema check, cross-checks, engine objects.

Public API:

- ``load_catalog(project, path=None) -> hipdrop_course.engine.catalog.Catalog``: reads the YAML, validates it
  against ``schemas/catalog.schema.json`` (jsonschema, draft 2020-12), then runs the checks a
  schema cannot express. Raises ``DataError`` listing every problem, each naming the file, the
  exercise (or source) and the field.
- ``load_catalog_data(project, path=None) -> dict``: the same checks, returning the plain data
  (the shape ``hipdrop_course.engine.catalog.catalog_from_dict`` reads; handy for embedding as JSON).
- ``cross_check(data, shown_as, project) -> list[Problem]``: the cross-checks alone.
- ``PAGES_DIR``: where the family pages live, under docs/. (Each exercise's figure is drawn by
  the motion engine from its movement; the catalog names no picture.)

Cross-checks: unique exercise ids; ``family`` names an existing standard entry whose id is the
family id; ``easier``/``harder`` resolve, stay within the family and are mutual; every member of a
family is reachable from its main entry and its level matches its side; ranges are low <= high;
every ``source``/``study`` id is in ``sources``; each ``cite`` ends with its year; main entries
have a page ``docs/exercises/<id>.md``; precaution tags agree with the position (``lies-on-side``,
``lies-on-back``, ``side-plank-loading``, ``single-leg-weight-bearing``); the body's weight on one
leg or in a side plank carries ``abductor-loading`` (and on one leg ``outer-hip-compression``); a band
or a weight carries ``added-resistance``; ``low-load`` is only on activation drills without a band or
a weight, never with ``high-load`` or ``impact``, and only ``low-load`` drills are dosed above 3 days.

Movements (``exercises/motion.yml``, the key frames of each exercise's animation, beside the
catalog): ``load_motions(project, catalog) -> {exercise id: Motion}`` validates the file against
``schemas/motion.schema.json``, then checks that every catalog exercise has exactly one entry, that
no entry names an unknown exercise, and that the props agree with the catalog's equipment (a band,
counter, wall, weight or box is drawn exactly when the exercise needs one). Each problem names the
file, the exercise and the field.
"""

from pathlib import Path

from hipdrop_tools.course.data_files import dotted, read_yaml, schema_problems
from hipdrop_tools.course.errors import DataError, Problem
from hipdrop_tools.course.project import Project

from .engine.catalog import Catalog, catalog_from_dict
from .engine.motion.exercise import Motion, motion_from_dict

PAGES_DIR = Path("exercises")
# The catalog: a data folder of the course (the pack's data_dirs), relative to its root.
CATALOG_DIR = "exercises"
CATALOG_FILE = "catalog.yml"
MOTION_FILE = "motion.yml"
# Catalog equipment -> the prop of motion.yml that draws it.
EQUIPMENT_PROPS = {"band": "band", "support": "counter", "wall": "wall", "weight": "weight", "chair": "box"}


def _entry_namer(data: object, path: list) -> tuple[str, str]:
    """JSON path -> (entry, field): exercises by id, sources by key."""
    if len(path) >= 2 and path[0] == "exercises" and isinstance(path[1], int):
        items = data.get("exercises") if isinstance(data, dict) else None
        item = items[path[1]] if isinstance(items, list) and path[1] < len(items) else None
        name = item.get("id") if isinstance(item, dict) else None
        entry = f"exercise '{name}'" if name else f"exercise #{path[1] + 1}"
        return entry, dotted(path[2:])
    if len(path) >= 2 and path[0] == "sources":
        return f"source '{path[1]}'", dotted(path[2:])
    return "", dotted(path)


def _span(value) -> tuple[int, int]:
    return (value[0], value[1]) if isinstance(value, list) else (value, value)


def cross_check(data: dict, shown_as: str, project: Project) -> list[Problem]:
    problems: list[Problem] = []
    exercises = data["exercises"]
    sources = data["sources"]
    by_id: dict[str, dict] = {}

    def problem(exercise_id: str, field: str, message: str) -> None:
        problems.append(Problem(shown_as, f"exercise '{exercise_id}'", field, message))

    for source_id, source in sources.items():
        if not source["cite"].rstrip().endswith(str(source["year"])):
            problems.append(
                Problem(
                    shown_as,
                    f"source '{source_id}'",
                    "cite",
                    f"'{source['cite']}' must end with the year {source['year']}",
                )
            )

    for exercise in exercises:
        if exercise["id"] in by_id:
            problem(exercise["id"], "id", "duplicate exercise id (ids must be unique)")
        else:
            by_id[exercise["id"]] = exercise

    pages = project.docs_dir / PAGES_DIR
    for exercise in exercises:
        eid = exercise["id"]
        family = by_id.get(exercise["family"])
        if family is None:
            problem(eid, "family", f"'{exercise['family']}' is not an exercise id in the catalog")
        elif family["id"] != family["family"] or family["level"] != "standard":
            problem(
                eid,
                "family",
                f"'{exercise['family']}' is not a family's main entry (a standard entry whose family is its own id)",
            )
        if exercise["id"] == exercise["family"] and exercise["level"] != "standard":
            problem(eid, "level", "a family's main entry (family equal to its id) must be 'standard'")
        if exercise["level"] == "standard" and exercise["id"] != exercise["family"]:
            problem(
                eid,
                "level",
                f"only the family's main entry is 'standard'; the main entry of "
                f"'{exercise['family']}' is '{exercise['family']}'",
            )

        for side, back in (("easier", "harder"), ("harder", "easier")):
            target_id = exercise[side]
            if target_id is None:
                continue
            target = by_id.get(target_id)
            if target is None:
                problem(eid, side, f"'{target_id}' is not an exercise id in the catalog")
                continue
            if target_id == eid:
                problem(eid, side, "an exercise cannot be its own easier or harder version")
                continue
            if target["family"] != exercise["family"]:
                problem(eid, side, f"'{target_id}' belongs to family '{target['family']}', not '{exercise['family']}'")
            if target[back] != eid:
                problem(
                    eid,
                    side,
                    f"'{target_id}' must name '{eid}' as its {back} version "
                    f"(it names {target[back]!r}); easier/harder links go both ways",
                )

        for goal, dose in exercise["dosing"].items():
            for key in ("sets", "reps", "hold_s", "rest_s", "days_per_week"):
                if key in dose:
                    low, high = _span(dose[key])
                    if low > high:
                        problem(eid, f"dosing.{goal}.{key}", f"range [{low}, {high}] has low above high")
            if dose["source"] not in sources:
                problem(eid, f"dosing.{goal}.source", f"'{dose['source']}' is not in the sources table")
            _, days_high = _span(dose["days_per_week"])
            if days_high > 7:
                problem(eid, f"dosing.{goal}.days_per_week", "a week has 7 days")

        for index, entry in enumerate(exercise["emg"]):
            if entry["study"] not in sources:
                problem(eid, f"emg[{index}].study", f"'{entry['study']}' is not in the sources table")
            if entry["low"] > entry["high"]:
                problem(eid, f"emg[{index}]", f"low {entry['low']} is above high {entry['high']}")

        if exercise["id"] == exercise["family"] and not (pages / f"{eid}.md").is_file():
            problem(eid, "id", f"no page docs/{(PAGES_DIR / (eid + '.md')).as_posix()} for this family")

    problems += _chain_problems(data, shown_as, by_id)
    problems += _tag_problems(data, shown_as)
    return problems


# Tags that follow from the position: an exercise in one of these positions must carry the tag,
# and one that carries the tag must be in one of them.
POSITION_TAGS = {
    "lies-on-side": ("side-lying", "side-plank"),
    "lies-on-back": ("lying-on-back",),
    "side-plank-loading": ("side-plank", "incline-side-plank"),
}
ONE_LEG_POSITIONS = ("standing", "standing-on-step", "incline-side-plank")
# Equipment that adds resistance: an exercise uses one exactly when it carries 'added-resistance'.
RESISTANCE_EQUIPMENT = ("band", "weight")
# Only low-load drills are dosed on more than this many days a week (ACSM 2009's 2 to 3 days).
MAX_DAYS_UNLESS_LOW_LOAD = 3


def _tag_problems(data: dict, shown_as: str) -> list[Problem]:
    """Precaution tags agree with the exercise: position, load, equipment, phase and dose."""
    problems = []
    for exercise in data["exercises"]:
        eid, tags, position = exercise["id"], set(exercise["precautions"]), exercise["position"]

        def problem(message: str, eid: str = eid, field: str = "precautions") -> None:
            problems.append(Problem(shown_as, f"exercise '{eid}'", field, message))

        for tag, positions in POSITION_TAGS.items():
            if (position in positions) != (tag in tags):
                where = " or ".join(positions)
                problem(f"'{tag}' must be carried exactly by the exercises done {where} (this one is '{position}')")
        if position in ONE_LEG_POSITIONS and "single-leg-weight-bearing" not in tags:
            problem(f"a '{position}' exercise puts the weight on one leg: add 'single-leg-weight-bearing'")
        shifts_weight = position == "standing-two-legs" and exercise["working_leg"]["works"] == "stance"
        if (
            shifts_weight or tags & {"single-leg-weight-bearing", "side-plank-loading"}
        ) and "abductor-loading" not in tags:
            problem(
                "the side hip muscles of the leg (or hip) that carries the body hold the pelvis up: "
                "add 'abductor-loading'"
            )
        if "single-leg-weight-bearing" in tags and "outer-hip-compression" not in tags:
            problem(
                "standing on one leg presses the outer hip (the standing hip drifts inward): "
                "add 'outer-hip-compression'"
            )
        resisted = bool(set(exercise["equipment"]) & set(RESISTANCE_EQUIPMENT))
        if resisted != ("added-resistance" in tags):
            problem("'added-resistance' must be carried exactly by the exercises that use a band or a weight")
        if {"low-load", "high-load"} <= tags:
            problem("an exercise cannot be both 'low-load' and 'high-load'")
        if "low-load" in tags and exercise["phase"] != "activation":
            problem(
                "'low-load' marks activation drills (the only exercises dosed on most days); "
                f"this one is in phase '{exercise['phase']}'"
            )
        if "low-load" in tags and "added-resistance" in tags:
            problem("an exercise with a band or a weight is not 'low-load'")
        if "impact" in tags and "low-load" in tags:
            problem("a hop is not 'low-load'")
        if "low-load" not in tags:
            for goal, dose in exercise["dosing"].items():
                if _span(dose["days_per_week"])[1] > MAX_DAYS_UNLESS_LOW_LOAD:
                    problem(
                        f"only 'low-load' drills are dosed on more than {MAX_DAYS_UNLESS_LOW_LOAD} days a "
                        "week; give this one at most 3",
                        field=f"dosing.{goal}.days_per_week",
                    )
    return problems


def _chain_problems(data: dict, shown_as: str, by_id: dict[str, dict]) -> list[Problem]:
    """Every family member is reachable from the main entry, on the side its level says."""
    problems = []
    side_of: dict[str, str] = {}
    for main in (e for e in data["exercises"] if e["id"] == e["family"]):
        side_of[main["id"]] = "standard"
        for side in ("easier", "harder"):
            seen = {main["id"]}
            current = main
            while current[side] in by_id and current[side] not in seen:
                seen.add(current[side])
                current = by_id[current[side]]
                side_of.setdefault(current["id"], side)
    for exercise in data["exercises"]:
        eid = exercise["id"]
        if exercise["family"] not in by_id or eid == exercise["family"]:
            continue
        found_side = side_of.get(eid)
        if found_side is None:
            problems.append(
                Problem(
                    shown_as,
                    f"exercise '{eid}'",
                    "family",
                    f"not reachable from '{exercise['family']}' through easier/harder links",
                )
            )
        elif found_side != exercise["level"]:
            problems.append(
                Problem(
                    shown_as,
                    f"exercise '{eid}'",
                    "level",
                    f"is '{exercise['level']}' but sits on the {found_side} side of '{exercise['family']}'",
                )
            )
    return problems


def load_catalog_data(project: Project, path: Path | None = None) -> dict:
    """The checked plain data of the catalog; raises DataError listing every problem."""
    path = path or project.root / CATALOG_DIR / CATALOG_FILE
    shown_as = project.relative(path)
    if not path.is_file():
        raise DataError([Problem(shown_as, "", "", "the exercise catalog is missing")])
    data = read_yaml(path, shown_as)
    problems = schema_problems(data, "catalog", shown_as, _entry_namer, package="hipdrop_course")
    if problems:
        raise DataError(problems)
    assert isinstance(data, dict)  # the schema asks for a mapping
    problems = cross_check(data, shown_as, project)
    if problems:
        raise DataError(problems)
    return {"sources": data["sources"], "exercises": data["exercises"]}


def load_catalog(project: Project, path: Path | None = None) -> Catalog:
    """The checked catalog as engine objects; raises DataError listing every problem."""
    return catalog_from_dict(load_catalog_data(project, path))


def load_exercises(project: Project) -> tuple:
    """The pack's data loader for ``hipdrop check``: the catalog's exercises, checked."""
    return load_catalog(project).exercises


def _motion_namer(data: object, path: list) -> tuple[str, str]:
    if path:
        return f"exercise '{path[0]}'", dotted(path[1:])
    return "", ""


def motion_problems(motions: dict, catalog: Catalog, shown_as: str) -> list[Problem]:
    """Every catalog exercise has a movement, every movement an exercise, props match equipment."""
    problems: list[Problem] = []
    known = {exercise.id: exercise for exercise in catalog.exercises}
    for exercise in catalog.exercises:
        if exercise.id not in motions:
            problems.append(
                Problem(
                    shown_as, f"exercise '{exercise.id}'", "", f"no movement: add '{exercise.id}' with its key frames"
                )
            )
    for exercise_id, motion in motions.items():
        where = f"exercise '{exercise_id}'"
        entry = known.get(exercise_id)
        if entry is None:
            problems.append(
                Problem(shown_as, where, "", f"'{exercise_id}' is not an exercise id in {CATALOG_DIR}/{CATALOG_FILE}")
            )
            continue
        for equipment, prop in EQUIPMENT_PROPS.items():
            needed, drawn = equipment in entry.equipment, prop in motion
            if needed and not drawn:
                problems.append(
                    Problem(
                        shown_as, where, prop, f"the catalog's equipment has '{equipment}': say where the {prop} goes"
                    )
                )
            elif drawn and not needed:
                problems.append(
                    Problem(
                        shown_as, where, prop, f"a {prop} is drawn but the catalog's equipment has no '{equipment}'"
                    )
                )
        for index, frame in enumerate([motion, *motion["keyframes"]]):
            for side, arm in (frame.get("arms") or {}).items():
                target = arm if isinstance(arm, str) else arm.get("reach", "")
                if target in ("counter", "wall") and target not in motion:
                    field = f"arms.{side}" if index == 0 else f"keyframes[{index - 1}].arms.{side}"
                    problems.append(
                        Problem(
                            shown_as, where, field, f"the hand reaches a {target} that is not drawn: add '{target}'"
                        )
                    )
    return problems


def load_motions(project: Project, catalog: Catalog, path: Path | None = None) -> dict[str, Motion]:
    """The checked movements of every catalog exercise; raises DataError listing every problem."""
    path = path or project.root / CATALOG_DIR / MOTION_FILE
    shown_as = project.relative(path)
    if not path.is_file():
        raise DataError(
            [Problem(shown_as, "", "", "the exercises' movements are missing (one entry per catalog exercise)")]
        )
    data = read_yaml(path, shown_as)
    problems = schema_problems(data, "motion", shown_as, _motion_namer, package="hipdrop_course")
    if problems:
        raise DataError(problems)
    assert isinstance(data, dict)  # the schema asks for a mapping
    problems = motion_problems(data, catalog, shown_as)
    if problems:
        raise DataError(problems)
    positions = {exercise.id: exercise.position for exercise in catalog.exercises}
    return {
        exercise_id: motion_from_dict(exercise_id, positions[exercise_id], entry) for exercise_id, entry in data.items()
    }


def load_movements(project: Project) -> dict[str, Motion]:
    """The pack's data loader for ``hipdrop check``: the exercises' movements, checked."""
    return load_motions(project, load_catalog(project))
