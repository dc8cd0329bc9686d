"""Load quiz banks from ``quizzes/*.yml``: schema check, cross-checks, Markdown to safe HTML.

``load_banks`` returns the checked source data; ``engine_bank`` turns one bank into the engine's
``Bank`` with text rendered and lesson links resolved for the page that shows it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hipdrop.quiz.model import Bank, Option, Question

from . import markdown_text
from .data_files import EntryNamer, read_yaml, schema_problems, yaml_files
from .errors import DataError, Problem
from .project import Project

SINGLE_ANSWER_TYPES = ("single", "true_false")


@dataclass(frozen=True)
class SourceBank:
    path: Path
    shown_as: str
    data: dict


def _cross_check(bank: SourceBank, project: Project) -> list[Problem]:
    problems = []
    for question in bank.data["questions"]:
        entry = f"question '{question['id']}'"

        def problem(field: str, message: str) -> None:
            problems.append(Problem(bank.shown_as, entry, field, message))

        option_ids = [o["id"] for o in question["options"]]
        for duplicate in sorted({i for i in option_ids if option_ids.count(i) > 1}):
            problem("options", f"option id '{duplicate}' is used twice")
        correct = [o for o in question["options"] if o.get("correct")]
        if not correct:
            problem("options", "no option is marked correct: true")
        elif question["type"] in SINGLE_ANSWER_TYPES and len(correct) > 1:
            problem("options", f"a '{question['type']}' question needs exactly one correct option")
        target = question["link"].split("#", 1)[0]
        if not (project.docs_dir / target).is_file():
            problem("link", f"'{question['link']}' does not resolve: no page docs/{target}")
    return problems


def load_banks(project: Project) -> dict[str, SourceBank]:
    """Every bank in ``quizzes/``, checked; raises DataError listing every problem in every file."""
    problems: list[Problem] = []
    banks: dict[str, SourceBank] = {}
    seen_questions: dict[str, str] = {}
    namer = EntryNamer("questions", "question")
    for path in yaml_files(project.quizzes_dir):
        shown_as = project.relative(path)
        try:
            data = read_yaml(path, shown_as)
        except DataError as error:
            problems += error.problems
            continue
        found = schema_problems(data, "quiz", shown_as, namer)
        if found:
            problems += found
            continue
        bank = SourceBank(path=path, shown_as=shown_as, data=data)
        if path.stem != data["id"]:
            problems.append(Problem(shown_as, "", "id", f"'{data['id']}' must match the file name '{path.stem}'"))
        problems += _cross_check(bank, project)
        for question in data["questions"]:
            first = seen_questions.setdefault(question["id"], shown_as)
            if first != shown_as or [q["id"] for q in data["questions"]].count(question["id"]) > 1:
                problems.append(
                    Problem(shown_as, f"question '{question['id']}'", "id",
                            f"duplicate question id (also in {first})")
                )
        banks[data["id"]] = bank
    if problems:
        raise DataError(problems)
    return banks


def engine_bank(bank: SourceBank, link_url: Callable[[str], str]) -> Bank:
    """The bank with Markdown rendered to HTML and lesson links as URLs for the showing page."""
    data = bank.data
    return Bank(
        id=data["id"],
        title=data["title"],
        mode=data.get("mode", "practice"),
        questions=tuple(
            Question(
                id=q["id"],
                type=q["type"],
                prompt_html=markdown_text.to_html(q["prompt"]),
                options=tuple(
                    Option(
                        id=o["id"],
                        html=markdown_text.to_inline_html(o["text"]) or markdown_text.to_html(o["text"]),
                        correct=bool(o.get("correct", False)),
                        feedback_html=markdown_text.to_html(o["feedback"]),
                    )
                    for o in q["options"]
                ),
                explanation_html=markdown_text.to_html(q["explanation"]),
                link=link_url(q["link"]),
                tags={k: str(v) for k, v in q["tags"].items()},
            )
            for q in data["questions"]
        ),
    )
