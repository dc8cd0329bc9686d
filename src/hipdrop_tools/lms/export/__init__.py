"""Export quiz banks for course platforms: GIFT (``gift.py``) and Moodle XML (``moodle_xml.py``)
for Moodle, IMS QTI 2.1 and 1.2 packages (``qti.py``) for Canvas, Blackboard and others.

Both start from the engine's ``Bank`` (text already rendered to safe HTML, raw HTML shown as
text). A generated question becomes N numeric questions, its versions 1 to N (the same seeds as
the printed worksheets' versions, ``hipdrop.quiz.generated.version_seeds``), each with its own
numbers, answer, tolerance and working (in the general feedback): every number comes from the
course's own generator, never from a formula re-written for a platform. Each format groups them
so that a student meets one: a Moodle question category per generated question (draw one with a
"random question" from it), and a QTI section that selects one.

A question type a format cannot carry is converted where a faithful equivalent exists (ordering
becomes matching: each item is matched to its place), otherwise skipped with a warning that
names the bank, the question and the reason.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from hipdrop.quiz.generated import problem_for, version_seeds
from hipdrop.quiz.generated_html import problem_html, working_html
from hipdrop.quiz.grading import ordinal
from hipdrop.quiz.model import GENERATED_TYPES, Bank, Feedback, NumericAnswer, Option, Question
from hipdrop_tools.course.quizzes import SourceBank, engine_bank, page_url

FORMATS = ("gift", "moodle-xml", "qti")
EXTENSIONS = {"gift": "gift", "moodle-xml": "xml"}  # qti: <bank>.qti21.zip and <bank>.qti12.zip
CATEGORY_ROOT = "Quizzes"  # the default Moodle category; the plugin passes the course's short name
# Moodle's matching question needs at least 2 questions and 3 answers; GIFT matching needs 3 pairs.
MIN_MATCHING_PAIRS = 3
# Versions of each generated question, when the course does not say (plugin: handouts.worksheet_versions).
DEFAULT_VERSIONS = 3
VERSION_MARK = "-v"  # version n of question "q" is the numeric question "q-vn"


@dataclass(frozen=True)
class ExportWarning:
    bank: str
    question: str
    message: str

    def __str__(self) -> str:
        return f"{self.bank}: question '{self.question}': {self.message}"


@dataclass(frozen=True)
class Pair:
    left_html: str
    right_text: str


def export_bank_model(bank: SourceBank, base_url: str = "", versions: int = DEFAULT_VERSIONS) -> Bank:
    """The bank for export: lesson links as absolute URLs when the site's address is known,
    else as site paths (``lessons/boiling/#steam``); each generated question as ``versions``
    numeric questions (``version_questions``)."""
    model = engine_bank(
        bank, lambda docs_path: base_url.rstrip("/") + "/" + page_url(docs_path) if base_url else page_url(docs_path)
    )
    questions: list[Question] = []
    for question in model.questions:
        if question.type in GENERATED_TYPES:
            questions += version_questions(question, bank.generators, versions)
        else:
            questions.append(question)
    return replace(model, questions=tuple(questions))


def version_questions(question: Question, generators: Mapping, count: int) -> list[Question]:
    """Versions 1 to ``count`` of a generated question, as numeric questions: the author's prompt
    and the problem's own text and values; the working in the general feedback. Each keeps the
    generator and its one seed (``generated``), and is named ``<id>-v<n>``."""
    assert question.generated is not None  # a generated question always has its source
    out = []
    for number, seed in enumerate(version_seeds(question, count, generators), 1):
        problem = problem_for(question, seed, generators)
        working = working_html(problem)
        fb = question.feedback or Feedback(correct_html="", incorrect_html="")
        out.append(
            replace(
                question,
                id=f"{question.id}{VERSION_MARK}{number}",
                type="numeric",
                prompt_html=question.prompt_html + problem_html(problem),
                numeric=NumericAnswer(value=problem.answer, tolerance=problem.tolerance, unit=problem.unit),
                feedback=replace(fb, partial_html=""),
                explanation_html=working + question.explanation_html,
                generated=replace(question.generated, first_seed=seed, last_seed=seed),
            )
        )
    return out


def version_group(question: Question) -> str | None:
    """The generated question a numeric question is a version of (its id), else None."""
    if question.type != "numeric" or question.generated is None:
        return None
    return question.id.rsplit(VERSION_MARK, 1)[0]


def explanation_with_link(question: Question) -> str:
    if question.link.startswith(("http://", "https://")):
        more = f'<p>Read more: <a href="{question.link}">{question.link}</a></p>'
    else:
        more = f"<p>Read more in the course, page {question.link}</p>"
    return question.explanation_html + more


def numeric_prompt(question: Question) -> str:
    unit = question.numeric.unit if question.numeric else ""
    return question.prompt_html + (f"<p>Give your answer in {unit}.</p>" if unit else "")


def matching_pairs(question: Question) -> list[Pair]:
    """Matching as (left, right) pairs; ordering converted to matching: each item to its place."""
    if question.type == "ordering":
        return [Pair(i.html, ordinal(n)) for n, i in enumerate(question.items, 1)]
    right = {r.id: r.text for r in question.right}
    return [Pair(item.html, right[item.match]) for item in question.left]


def matching_prompt(question: Question) -> str:
    if question.type == "ordering":
        return question.prompt_html + "<p>Give each item its place in the order (1st is first).</p>"
    return question.prompt_html


def matching_skip_reason(question: Question) -> str | None:
    pairs = len(question.items if question.type == "ordering" else question.left)
    if pairs < MIN_MATCHING_PAIRS:
        return (
            f"skipped: a {question.type} question with {pairs} "
            f"{'items' if question.type == 'ordering' else 'pairs'} cannot be carried "
            f"(Moodle's matching needs at least {MIN_MATCHING_PAIRS})"
        )
    return None


def true_false_value(question: Question) -> bool | None:
    """For a true/false question whose options read True and False: whether True is right."""
    texts = {o.text.strip().lower(): o for o in question.options}
    if set(texts) != {"true", "false"}:
        return None
    return texts["true"].correct


def option_by_truth(question: Question, truth: bool) -> Option:
    wanted = "true" if truth else "false"
    return next(o for o in question.options if o.text.strip().lower() == wanted)


def numeric_of(question: Question) -> NumericAnswer:
    """The answer of a numeric question (which the bank's schema makes carry one)."""
    if question.numeric is None:
        raise ValueError(f"question '{question.id}' is numeric but has no answer")
    return question.numeric


Renderer = Callable[[Bank, str], tuple[str, list[ExportWarning]]]


def renderer(fmt: str) -> Renderer:
    from hipdrop_tools.lms.export import gift, moodle_xml  # they import this module's helpers

    return {"gift": gift.render, "moodle-xml": moodle_xml.render}[fmt]


def export_all(
    banks: dict[str, SourceBank],
    fmt: str,
    base_url: str = "",
    category: str = CATEGORY_ROOT,
    versions: int = DEFAULT_VERSIONS,
) -> tuple[Mapping[str, str | bytes], list[ExportWarning]]:
    """Every bank in one format: ({file name: text, or bytes for the QTI zips}, warnings).
    ``category``: the Moodle question category the banks go under (the course's short name);
    ``versions``: how many versions of each generated question."""
    if fmt == "qti":
        from hipdrop_tools.lms.export.qti import export_packages

        return export_packages(banks, base_url, versions)
    render = renderer(fmt)
    files: dict[str, str] = {}
    warnings: list[ExportWarning] = []
    for bank_id in sorted(banks):
        text, found = render(export_bank_model(banks[bank_id], base_url, versions), category)
        files[f"{bank_id}.{EXTENSIONS[fmt]}"] = text
        warnings += found
    return files, warnings
