"""What the widgets must show for the engine suites' inputs, computed here by the engine in CPython
(the same inputs the browsers are given by keyboard), so that Firefox and WebKit are held to the
results the engine gives everywhere else."""

from dataclasses import dataclass

import yaml

from hipdrop_course.engine.mechanics.lab import resolve
from hipdrop_course.engine.mechanics.statics import solve
from hipdrop_course.engine.mechanics.text import describe
from hipdrop_course.engine.picker import answers_from_form, pick
from hipdrop.quiz.generated import attempt_seed
from hipdrop.quiz.grading import grade_bank
from quiz_versions import model, problem
from hipdrop_course.catalog import load_catalog
from hipdrop_tools.course.project import Project
from hipdrop_tools.course.quizzes import engine_bank, load_banks
from support import ROOT


def bank(name: str) -> dict:
    return yaml.safe_load((ROOT / "quizzes" / f"{name}.yml").read_text())


def mixed_responses(questions: list[dict], bank_id: str = "", version: int | None = None) -> tuple[dict, dict]:
    """Every other question right (the first, third …), the rest wrong: ({id: response}, {id: right?}).
    A generated question's problem is the one quiz ``version`` of bank ``bank_id`` shows."""
    responses, right = {}, {}
    for index, question in enumerate(questions):
        ok = index % 2 == 0
        right[question["id"]] = ok
        kind = question["type"]
        if kind in ("single", "true_false", "multiple"):
            picks = [o["id"] for o in question["options"] if bool(o.get("correct")) == ok]
            responses[question["id"]] = picks if kind == "multiple" else picks[:1]
        elif kind == "numeric":
            responses[question["id"]] = numeric_text(question, ok)
        elif kind == "generated_numeric":
            if version is None:
                raise ValueError(f"{question['id']}: a generated question's numbers need the quiz version")
            seed = attempt_seed(bank_id, model(question), version, 0)
            shown = problem(question, seed)
            value = shown.answer if ok else shown.answer * 2 + shown.tolerance + 7
            responses[question["id"]] = {"seed": seed, "value": f"{value:g}"}
        elif kind == "ordering":
            n = len(question["items"])
            responses[question["id"]] = {
                item["id"]: place if ok else place % n + 1 for place, item in enumerate(question["items"], 1)
            }
        elif kind == "matching":
            ids = [r["id"] for r in question["right"]]
            responses[question["id"]] = {
                item["id"]: item["match"] if ok else ids[(ids.index(item["match"]) + 1) % len(ids)]
                for item in question["left"]
            }
    return responses, right


def numeric_text(question: dict, right: bool) -> str:
    value = question["answer"] if right else question["answer"] * 2 + question["tolerance"] + 7
    return f"{value:g}"


def quiz_summary(name: str, version: int | None = None) -> str:
    questions = bank(name)["questions"]
    responses, _ = mixed_responses(questions, name, version)
    source = load_banks(Project(ROOT))[name]
    checked = engine_bank(source, lambda link: link)
    return grade_bank(checked, responses, generators=source.generators).summary


PICKER_FORM = {
    "red_flags": ["none"],
    "age_16_or_over": ["yes"],
    "pregnancy": ["no"],
    "falls_or_walking_aid": ["no"],
    "weak_side": ["right"],
    "pain_now": ["3"],
    "pain_onset": ["new"],
    "outer_hip_pain": ["no"],
    "recent_surgery_or_fracture": ["no"],
    "single_leg_stance": ["no"],
    "side_plank": ["knees"],
    "single_leg_squat": ["no"],
    "walking_worse": ["no"],
    "goal": ["strength"],
    "equipment": ["step", "wall", "chair"],
    "minutes_per_day": ["20"],
    "days_per_week": ["3"],
}


def program_exercises(form: dict = PICKER_FORM) -> list[str]:
    """The exercise names of the program, in order, as the engine picks them."""
    outcome = pick(answers_from_form(form), load_catalog(Project(ROOT))).to_dict()
    assert outcome["kind"] == "program", outcome["kind"]
    return [exercise["name"] for phase in outcome["phases"] for exercise in phase["exercises"]]


@dataclass(frozen=True)
class LabExpectation:
    abductor_force: str  # as the numbers table shows it, e.g. "583 N"
    description: str
    pelvis_drops: bool


def lab(settings: dict) -> LabExpectation:
    result = solve(resolve(settings))
    return LabExpectation(
        abductor_force=f"{round(result.abductor_force_n):,} N",
        description=describe(result),
        pelvis_drops=not result.holds_level,
    )
