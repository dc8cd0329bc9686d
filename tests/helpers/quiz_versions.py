"""A generated question's versions as the engine makes them (the course's own generators), for the
tests that check what the exports, the worksheets and the pages show."""

from hipdrop.quiz.generated import Problem, problem_for, version_seeds
from hipdrop.quiz.model import Generated, Question
from hipdrop_tools.course.config import worksheet_versions
from hipdrop_tools.course.generators import course_generators
from hipdrop_tools.course.project import Project
from support import ROOT


def generators() -> dict:
    return course_generators(Project(root=ROOT))


def model(question: dict) -> Question:
    """A bank's generated question (its YAML) as the engine's Question, enough to make problems."""
    seeds = question["seeds"]
    return Question(
        id=question["id"],
        type=question["type"],
        prompt_html="",
        generated=Generated(question["generator"], seeds["first"], seeds["last"]),
    )


def problem(question: dict, seed: int) -> Problem:
    return problem_for(model(question), seed, generators())


def versions_of(question: dict, count: int | None = None) -> list[tuple[str, Problem]]:
    """[(exported item id, problem)] for versions 1 to N (default: the course's handouts.worksheet_versions)."""
    table = generators()
    seeds = version_seeds(model(question), count or worksheet_versions(ROOT), table)
    return [(f"{question['id']}-v{n}", problem_for(model(question), seed, table)) for n, seed in enumerate(seeds, 1)]


def item_ids(question: dict) -> list[str]:
    """The exported items of a bank question: itself, or a generated question's versions."""
    if question["type"] == "generated_numeric":
        return [item_id for item_id, _ in versions_of(question)]
    return [question["id"]]
