"""GIFT, Moodle's plain-text quiz format. Special characters ~ = # { } : and \\ are escaped.

Text is written in GIFT's [html] format: the HTML the course itself shows, already safe. Blank
lines end a question in GIFT, so line breaks inside text are written as spaces.

A generated question's versions are numeric questions with their tolerance (``{#answer:tolerance}``)
under a category of their own, ``<bank>/<question id>`` (``$CATEGORY``), as in the Moodle XML
export: a quiz draws one of them at random.
"""

from hipdrop.quiz.grading import number_text
from hipdrop.quiz.model import CHOICE_TYPES, Bank, Question
from hipdrop_tools.lms.export import (
    CATEGORY_ROOT,
    ExportWarning,
    explanation_with_link,
    matching_pairs,
    matching_prompt,
    matching_skip_reason,
    numeric_of,
    numeric_prompt,
    option_by_truth,
    true_false_value,
    version_group,
)

SPECIAL = "\\~=#{}:"


def escape(text: str) -> str:
    """Escape GIFT's special characters and fold line breaks (a blank line ends a question)."""
    out = "".join("\\" + ch if ch in SPECIAL else ch for ch in text)
    return " ".join(out.split("\n")).strip()


def _weight(fraction: float) -> str:
    return f"{fraction * 100:.5f}".rstrip("0").rstrip(".")


def _number(value: float) -> str:
    return number_text(value).replace(",", "")


def _choices(question: Question) -> list[str]:
    lines = []
    right = [o for o in question.options if o.correct]
    share = 1 / len(right)
    for option in question.options:
        if question.type == "multiple":
            mark = f"~%{_weight(share if option.correct else -share)}%"
        else:
            mark = "=" if option.correct else "~"
        lines.append(f"\t{mark}{escape(option.html)}#{escape(option.feedback_html)}")
    return lines


def _body(question: Question) -> tuple[str, list[str]] | None:
    """(question text, answer lines) or None when GIFT cannot carry the question."""
    if question.type == "true_false":
        truth = true_false_value(question)
        if truth is not None:
            wrong = option_by_truth(question, not truth).feedback_html
            right = option_by_truth(question, truth).feedback_html
            return question.prompt_html, [f"\t{'TRUE' if truth else 'FALSE'}#{escape(wrong)}#{escape(right)}"]
        return question.prompt_html, _choices(question)
    if question.type in CHOICE_TYPES:
        return question.prompt_html, _choices(question)
    if question.type == "numeric":
        n = numeric_of(question)
        fb = question.feedback.correct_html if question.feedback else ""
        return numeric_prompt(question), [f"\t={_number(n.value)}:{_number(n.tolerance)}#{escape(fb)}"]
    if question.type in ("ordering", "matching"):
        pairs = matching_pairs(question)
        if any("->" in p.right_text or "->" in p.left_html for p in pairs):
            return None
        return matching_prompt(question), [f"\t={escape(p.left_html)} -> {escape(p.right_text)}" for p in pairs]
    return None


def question_gift(question: Question) -> str | None:
    body = _body(question)
    if body is None:
        return None
    text, answers = body
    numeric = "#" if question.type == "numeric" else ""
    general = f"\t####{escape(explanation_with_link(question))}"
    lines = [f"// {question.id} ({question.type})", f"::{escape(question.id)}::[html]{escape(text)}{{{numeric}"]
    return "\n".join([*lines, *answers, general, "}"])


def render(bank: Bank, category: str = CATEGORY_ROOT) -> tuple[str, list[ExportWarning]]:
    warnings: list[ExportWarning] = []
    blocks = [
        f"// {bank.title}",
        "// Exported from the course by hipdrop; import in Moodle as GIFT.",
        f"$CATEGORY: {category}/{bank.id}",
    ]
    group: str | None = None
    for question in bank.questions:
        if version_group(question) != group:
            group = version_group(question)
            blocks.append(f"$CATEGORY: {category}/{bank.id}" + (f"/{group}" if group else ""))
        reason = matching_skip_reason(question) if question.type in ("ordering", "matching") else None
        text = None if reason else question_gift(question)
        if text is None:
            warnings.append(
                ExportWarning(
                    bank.id,
                    question.id,
                    reason or f"skipped: GIFT cannot carry this {question.type} question (a '->' in its text)",
                )
            )
            continue
        blocks.append(text)
    return "\n\n".join(blocks) + "\n", warnings
