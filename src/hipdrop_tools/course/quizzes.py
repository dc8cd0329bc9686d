"""Load quiz banks from ``quizzes/*.yml``: schema check, cross-checks, Markdown to safe HTML.

``load_banks`` returns the checked source data; ``engine_bank`` turns one bank into the engine's
``Bank`` with text rendered and lesson links resolved for the page that shows it.

Every problem in every file is collected before anything stops: unknown types and missing fields
(the schema), no right answer, duplicate ids (across all banks), matching sides of unequal
length, lesson links whose page or heading does not exist, Markdown that does not render, a
generated question whose generator the course does not register, whose seed range is backwards,
or whose first seed does not make a problem.
"""

import dataclasses
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import jsonschema

from hipdrop.quiz.generated import problem_for
from hipdrop.quiz.model import (
    CHOICE_TYPES,
    GENERATED_TYPES,
    QUESTION_TYPES,
    Bank,
    Feedback,
    Generated,
    Item,
    NumericAnswer,
    Option,
    Question,
)
from hipdrop_tools.build.page_urls import public_page_url
from hipdrop_tools.course import markdown_text
from hipdrop_tools.course.data_files import EntryNamer, read_yaml, schema, schema_problems, yaml_files
from hipdrop_tools.course.errors import DataError, Problem
from hipdrop_tools.course.generators import course_generators
from hipdrop_tools.course.headings import heading_ids
from hipdrop_tools.course.project import Project

SINGLE_ANSWER_TYPES = ("single", "true_false")
_REQUIRED = re.compile(r"^'(?P<name>[^']+)' is a required property$")


@dataclass(frozen=True)
class SourceBank:
    path: Path
    shown_as: str
    data: dict
    # The course's problem generators by name (the bank's generated questions name them).
    generators: Mapping[str, Callable] = dataclasses.field(default_factory=dict)


def _duplicates(ids: list[str]) -> list[str]:
    return sorted({i for i in ids if ids.count(i) > 1})


def _markdown_fields(question: dict) -> list[tuple[str, str, bool]]:
    """(field path, Markdown text, must be inline) for every text field of a question."""
    fields = [("prompt", question["prompt"], False), ("explanation", question["explanation"], False)]
    for n, option in enumerate(question.get("options", [])):
        fields += [(f"options[{n}].text", option["text"], True), (f"options[{n}].feedback", option["feedback"], False)]
    for key in ("items", "left", "right"):
        fields += [(f"{key}[{n}].text", item["text"], True) for n, item in enumerate(question.get(key, []))]
    for key, text in (question.get("feedback") or {}).items():
        fields.append((f"feedback.{key}", text, False))
    return fields


def _link_problem(link: str, project: Project) -> str | None:
    target, _, anchor = link.partition("#")
    page = project.docs_dir / target
    if not page.is_file():
        return f"'{link}' does not resolve: no page docs/{target}"
    if anchor not in heading_ids(page):
        return f"'{link}' does not resolve: docs/{target} has no heading with id '{anchor}'"
    return None


# The answer fields each type uses; any other answer field is a mistake (it would be ignored).
TYPE_FIELDS = {
    "single": {"options"},
    "true_false": {"options"},
    "multiple": {"options"},
    "numeric": {"answer", "tolerance", "unit", "feedback"},
    "ordering": {"items", "feedback"},
    "matching": {"left", "right", "feedback"},
    "generated_numeric": {"generator", "seeds", "feedback"},
}
ANSWER_FIELDS = set().union(*TYPE_FIELDS.values())


def _generated_problems(question: dict, generators: Mapping[str, Callable]) -> list[tuple[str, str]]:
    """A generated question: its generator is registered, its seeds run forward, and its first
    seed (the static page's version 1) makes a problem."""
    seeds, name = question["seeds"], question["generator"]
    out = []
    if seeds["last"] < seeds["first"]:
        out.append(("seeds.last", f"{seeds['last']} is below seeds.first ({seeds['first']}): the range is empty"))
    if name not in generators:
        known = ", ".join(sorted(generators)) or "none: the course's packs register no generator"
        out.append(("generator", f"no problem generator named '{name}' (registered: {known})"))
    if out:
        return out
    question_model = Question(
        id=question["id"],
        type=question["type"],
        prompt_html="",
        generated=Generated(name, seeds["first"], seeds["last"]),
    )
    try:
        problem_for(question_model, seeds["first"], generators)
    except Exception as error:  # the course's code: any failure is reported, not a traceback
        out.append(("generator", f"'{name}' failed for seed {seeds['first']}: {type(error).__name__}: {error}"))
    return out


def _answer_problems(question: dict, generators: Mapping[str, Callable]) -> list[tuple[str, str]]:
    """(field, message) for answers that cannot be graded."""
    kind = question["type"]
    out = [
        (name, f"not used by a '{kind}' question (it uses: {', '.join(sorted(TYPE_FIELDS[kind]))})")
        for name in sorted(ANSWER_FIELDS & set(question) - TYPE_FIELDS[kind])
    ]
    if kind in GENERATED_TYPES:
        out += _generated_problems(question, generators)
    elif kind in CHOICE_TYPES:
        options = question["options"]
        out += [("options", f"option id '{d}' is used twice") for d in _duplicates([o["id"] for o in options])]
        correct = [o for o in options if o.get("correct")]
        if not correct:
            out.append(("options", "no option is marked correct: true"))
        elif kind in SINGLE_ANSWER_TYPES and len(correct) > 1:
            out.append(("options", f"a '{kind}' question needs exactly one correct option"))
    elif kind == "ordering":
        out += [("items", f"item id '{d}' is used twice") for d in _duplicates([i["id"] for i in question["items"]])]
    elif kind == "matching":
        left, right = question["left"], question["right"]
        out += [("left", f"item id '{d}' is used twice") for d in _duplicates([i["id"] for i in left])]
        out += [("right", f"item id '{d}' is used twice") for d in _duplicates([i["id"] for i in right])]
        if len(left) != len(right):
            out.append(("right", f"unequal sides: {len(left)} items on the left but {len(right)} on the right"))
        right_ids = {i["id"] for i in right}
        for n, item in enumerate(left):
            if item["match"] not in right_ids:
                out.append((f"left[{n}].match", f"'{item['match']}' is not the id of a right-hand item"))
        matched = [i["match"] for i in left]
        out += [("left", f"right-hand item '{d}' is matched twice") for d in _duplicates(matched)]
    return out


def _cross_check(bank: SourceBank, project: Project) -> list[Problem]:
    problems = []
    for question in bank.data["questions"]:
        entry = f"question '{question['id']}'"

        def problem(field: str, message: str, entry: str = entry) -> None:
            problems.append(Problem(bank.shown_as, entry, field, message))

        for field, message in _answer_problems(question, bank.generators):
            problem(field, message)
        link_problem = _link_problem(question["link"], project)
        if link_problem:
            problem("link", link_problem)
        for field, text, inline in _markdown_fields(question):
            for message in markdown_text.render_problems(text, inline=inline):
                problem(field, message)
    return problems


def _valid_question(question: object) -> bool:
    return _question_validator().is_valid(question)


@cache
def _question_validator() -> jsonschema.Draft202012Validator:
    """One question's schema, built once (building a validator resolves the schema each time)."""
    return jsonschema.Draft202012Validator({"$ref": "#/$defs/question", "$defs": schema("quiz")["$defs"]})


def _named_field(problem: Problem) -> Problem:
    """Schema messages made plainer: "'tolerance' is a required property" at the question gets
    the field 'tolerance'; an enum miss on 'type' says "unknown question type"."""
    if problem.field == "type" and " is not one of " in problem.message:
        given = problem.message.split(" is not one of ", 1)[0]
        known = ", ".join(QUESTION_TYPES)
        return Problem(
            problem.file, problem.entry, problem.field, f"unknown question type {given} (known types: {known})"
        )
    match = _REQUIRED.match(problem.message)
    if not match:
        return problem
    field = f"{problem.field}.{match['name']}" if problem.field else match["name"]
    return Problem(problem.file, problem.entry, field, problem.message)


def load_banks(project: Project) -> dict[str, SourceBank]:
    """Every bank in ``quizzes/``, checked; raises DataError listing every problem in every file.

    One build needs the banks twice (the quiz macros and the plugin's Moodle exports): the checked
    result is reused while no bank and no page (lesson links are checked) has changed.
    """
    return dict(_load_banks_while_unchanged(project, _data_stamp(project)))


def _data_stamp(project: Project) -> tuple:
    files = [*project.quizzes_dir.glob("*.yml"), *project.docs_dir.rglob("*.md")]
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files))


@lru_cache(maxsize=2)
def _load_banks_while_unchanged(project: Project, stamp: tuple) -> dict[str, SourceBank]:
    return _check_banks(project)


@lru_cache(maxsize=256)
def _read_and_validate(
    path: Path, shown_as: str, stamp: tuple[int, int]
) -> tuple[dict, tuple[Problem, ...], tuple | None]:
    """One bank file read and checked against the schema: its data, the schema's problems and
    the questions that passed (None when the file has no list of questions). Remembered while the
    file is unchanged (``stamp``: its modification time and size): `mkdocs serve` rebuilds after
    every lesson edit, and then only the links to the lessons need checking again."""
    data = read_yaml(path, shown_as)
    found = tuple(_named_field(p) for p in schema_problems(data, "quiz", shown_as, EntryNamer("questions", "question")))
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        return data, found, None  # type: ignore[return-value]
    return data, found, tuple(q for q in data["questions"] if _valid_question(q))


def _check_banks(project: Project) -> dict[str, SourceBank]:
    problems: list[Problem] = []
    banks: dict[str, SourceBank] = {}
    seen_questions: dict[str, list[str]] = {}
    generators = course_generators(project)
    for path in yaml_files(project.quizzes_dir):
        shown_as = project.relative(path)
        stat = path.stat()
        try:
            data, found, valid = _read_and_validate(path, shown_as, (stat.st_mtime_ns, stat.st_size))
        except DataError as error:
            problems += error.problems
            continue
        problems += found
        if valid is None:
            continue
        # Questions that passed the schema are cross-checked too, so one run lists everything.
        bank = SourceBank(path=path, shown_as=shown_as, data={**data, "questions": list(valid)}, generators=generators)
        if isinstance(data.get("id"), str) and path.stem != data["id"]:
            problems.append(Problem(shown_as, "", "id", f"'{data['id']}' must match the file name '{path.stem}'"))
        problems += _cross_check(bank, project)
        ids_here = [q["id"] for q in valid]
        for question_id in dict.fromkeys(ids_here):
            seen_questions.setdefault(question_id, []).append(shown_as)
        for duplicate in _duplicates(ids_here):
            problems.append(
                Problem(
                    shown_as,
                    f"question '{duplicate}'",
                    "id",
                    f"duplicate question id (used {ids_here.count(duplicate)} times in this file)",
                )
            )
        if not found:
            banks[data["id"]] = bank
    for question_id, files in seen_questions.items():
        for here in files if len(files) > 1 else ():
            others = ", ".join(f for f in files if f != here)
            problems.append(
                Problem(here, f"question '{question_id}'", "id", f"duplicate question id (also in {others})")
            )
    if problems:
        raise DataError(problems)
    return banks


def page_url(docs_path: str) -> str:
    """docs-relative 'lessons/x.md#part' -> its URL on the public web build ('lessons/x/#part'),
    as MkDocs maps it (``page_urls.public_page_url``). For exports that leave the site; pages
    link through the build's own mapping (``page_urls.PageUrls``), which differs in the bundle."""
    return public_page_url(docs_path)


def _item(item: dict) -> Item:
    return Item(
        id=item["id"],
        html=markdown_text.to_inline_html(item["text"]) or markdown_text.to_html(item["text"]),
        text=markdown_text.to_plain(item["text"]),
        match=item.get("match", ""),
    )


def _question(q: dict, link_url: Callable[[str], str]) -> Question:
    feedback = q.get("feedback")
    return Question(
        id=q["id"],
        type=q["type"],
        prompt_html=markdown_text.to_html(q["prompt"]),
        options=tuple(
            Option(
                id=o["id"],
                html=markdown_text.to_inline_html(o["text"]) or markdown_text.to_html(o["text"]),
                correct=bool(o.get("correct", False)),
                feedback_html=markdown_text.to_html(o["feedback"]),
                text=markdown_text.to_plain(o["text"]),
            )
            for o in q.get("options", [])
        ),
        explanation_html=markdown_text.to_html(q["explanation"]),
        link=link_url(q["link"]),
        tags={k: str(v) for k, v in q["tags"].items()},
        numeric=(
            NumericAnswer(value=float(q["answer"]), tolerance=float(q["tolerance"]), unit=q.get("unit", ""))
            if q["type"] == "numeric"
            else None
        ),
        items=tuple(_item(i) for i in q.get("items", [])),
        left=tuple(_item(i) for i in q.get("left", [])),
        right=tuple(_item(i) for i in q.get("right", [])),
        generated=(
            Generated(q["generator"], q["seeds"]["first"], q["seeds"]["last"]) if q["type"] in GENERATED_TYPES else None
        ),
        feedback=(
            Feedback(
                correct_html=markdown_text.to_html(feedback["correct"]),
                incorrect_html=markdown_text.to_html(feedback["incorrect"]),
                partial_html=markdown_text.to_html(feedback["partial"]) if "partial" in feedback else "",
            )
            if feedback
            else None
        ),
    )


def engine_bank(bank: SourceBank, link_url: Callable[[str], str]) -> Bank:
    """The bank with Markdown rendered to HTML and lesson links as URLs for the showing page."""
    data = bank.data
    return Bank(
        id=data["id"],
        title=data["title"],
        mode=data.get("mode", "practice"),
        questions=tuple(_question(q, link_url) for q in data["questions"]),
    )
