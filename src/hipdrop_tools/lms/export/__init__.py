"""Export quiz banks for course platforms: GIFT (``gift.py``) and Moodle XML (``moodle_xml.py``)
for Moodle, IMS QTI 2.1 and 1.2 packages (``qti.py``) for Canvas, Blackboard and others.

Both start from the engine's ``Bank`` (text already rendered to safe HTML, raw HTML shown as
text). A question type a format cannot carry is converted where a faithful equivalent exists
(ordering becomes matching: each item is matched to its place), otherwise skipped with a warning
that names the bank, the question and the reason.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from hipdrop.quiz.grading import ordinal
from hipdrop.quiz.model import Bank, NumericAnswer, Option, Question
from hipdrop_tools.course.quizzes import SourceBank, engine_bank, page_url

FORMATS = ("gift", "moodle-xml", "qti")
EXTENSIONS = {"gift": "gift", "moodle-xml": "xml"}  # qti: <bank>.qti21.zip and <bank>.qti12.zip
CATEGORY_ROOT = "Quizzes"  # the default Moodle category; the plugin passes the course's short name
# Moodle's matching question needs at least 2 questions and 3 answers; GIFT matching needs 3 pairs.
MIN_MATCHING_PAIRS = 3


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


def export_bank_model(bank: SourceBank, base_url: str = "") -> Bank:
    """The bank for export: lesson links as absolute URLs when the site's address is known,
    else as site paths (``lessons/boiling/#steam``)."""
    return engine_bank(
        bank, lambda docs_path: base_url.rstrip("/") + "/" + page_url(docs_path) if base_url else page_url(docs_path)
    )


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
    banks: dict[str, SourceBank], fmt: str, base_url: str = "", category: str = CATEGORY_ROOT
) -> tuple[Mapping[str, str | bytes], list[ExportWarning]]:
    """Every bank in one format: ({file name: text, or bytes for the QTI zips}, warnings).
    ``category``: the Moodle question category the banks go under (the course's short name)."""
    if fmt == "qti":
        from hipdrop_tools.lms.export.qti import export_packages

        return export_packages(banks, base_url)
    render = renderer(fmt)
    files: dict[str, str] = {}
    warnings: list[ExportWarning] = []
    for bank_id in sorted(banks):
        text, found = render(export_bank_model(banks[bank_id], base_url), category)
        files[f"{bank_id}.{EXTENSIONS[fmt]}"] = text
        warnings += found
    return files, warnings
