"""Moodle XML, written with xml.etree.ElementTree (never by joining strings).

Types: single and multiple -> multichoice (Moodle's partial credit matches the course's rule:
each right option +100/C %, each wrong option -100/C %); true/false -> truefalse; numeric ->
numerical (with tolerance, a catch-all wrong answer carrying the "incorrect" feedback, and the
unit); matching -> matching; ordering -> matching, each item matched to its place.

A generated question's versions are numerical questions in a category of their own,
``<bank>/<question id>``, below the bank's: a quiz draws one with Moodle's "random question from
this category", so neighbours get different numbers. (Moodle's calculated type would need the
model written again as a Moodle formula; the versions keep every number the course's engine's.)
"""

import xml.etree.ElementTree as ET

from hipdrop.quiz.grading import number_text
from hipdrop.quiz.model import Bank, Question
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

RIGHT_FEEDBACK = "<p>Your answer is correct.</p>"
PARTIAL_FEEDBACK = "<p>Your answer is partially correct.</p>"
WRONG_FEEDBACK = "<p>Your answer is incorrect.</p>"


def _text(parent: ET.Element, tag: str, value: str, fmt: str | None = "html") -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(element, "text").text = value
    return element


def _value(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = value


def _fraction(value: float) -> str:
    return f"{value * 100:.5f}".rstrip("0").rstrip(".")


def _number(value: float) -> str:
    return number_text(value).replace(",", "")


def _common(quiz: ET.Element, kind: str, question: Question, text: str) -> ET.Element:
    element = ET.SubElement(quiz, "question", {"type": kind})
    _text(element, "name", question.id, fmt=None)
    _text(element, "questiontext", text)
    _text(element, "generalfeedback", explanation_with_link(question))
    _value(element, "defaultgrade", "1")
    _value(element, "penalty", "0")
    _value(element, "hidden", "0")
    _value(element, "idnumber", question.id)
    return element


def _combined_feedback(element: ET.Element, question: Question) -> None:
    fb = question.feedback
    _text(element, "correctfeedback", fb.correct_html if fb else RIGHT_FEEDBACK)
    _text(element, "partiallycorrectfeedback", (fb.partial_html or fb.incorrect_html) if fb else PARTIAL_FEEDBACK)
    _text(element, "incorrectfeedback", fb.incorrect_html if fb else WRONG_FEEDBACK)
    ET.SubElement(element, "shownumcorrect")


def _answer(parent: ET.Element, fraction: str, text: str, feedback: str, fmt: str | None = "html") -> ET.Element:
    answer = ET.SubElement(parent, "answer", {"fraction": fraction, **({"format": fmt} if fmt else {})})
    ET.SubElement(answer, "text").text = text
    _text(answer, "feedback", feedback)
    return answer


def _tags(element: ET.Element, question: Question) -> None:
    tags = ET.SubElement(element, "tags")
    for key, value in sorted(question.tags.items()):
        tag = ET.SubElement(tags, "tag")
        ET.SubElement(tag, "text").text = f"{key}-{value}"


def _multichoice(quiz: ET.Element, question: Question) -> ET.Element:
    element = _common(quiz, "multichoice", question, question.prompt_html)
    multiple = question.type == "multiple"
    _value(element, "single", "false" if multiple else "true")
    _value(element, "shuffleanswers", "false" if question.type == "true_false" else "true")
    _value(element, "answernumbering", "abc")
    _combined_feedback(element, question)
    share = 1 / len(question.correct_ids)
    for option in question.options:
        if multiple:
            fraction = _fraction(share if option.correct else -share)
        else:
            fraction = "100" if option.correct else "0"
        _answer(element, fraction, option.html, option.feedback_html)
    return element


def _truefalse(quiz: ET.Element, question: Question, truth: bool) -> ET.Element:
    element = _common(quiz, "truefalse", question, question.prompt_html)
    for value in (True, False):
        option = option_by_truth(question, value)
        _answer(
            element,
            "100" if value == truth else "0",
            "true" if value else "false",
            option.feedback_html,
            fmt="moodle_auto_format",
        )
    return element


def _numerical(quiz: ET.Element, question: Question) -> ET.Element:
    n = numeric_of(question)
    element = _common(quiz, "numerical", question, numeric_prompt(question))
    fb = question.feedback
    right = _answer(
        element, "100", _number(n.value), fb.correct_html if fb else RIGHT_FEEDBACK, fmt="moodle_auto_format"
    )
    _value(right, "tolerance", _number(n.tolerance))
    wrong = _answer(element, "0", "*", fb.incorrect_html if fb else WRONG_FEEDBACK, fmt="moodle_auto_format")
    _value(wrong, "tolerance", "0")
    if n.unit:
        units = ET.SubElement(element, "units")
        unit = ET.SubElement(units, "unit")
        _value(unit, "multiplier", "1")
        _value(unit, "unit_name", n.unit)
    _value(element, "unitgradingtype", "0")  # the unit is optional and never costs marks
    _value(element, "unitpenalty", "0")
    _value(element, "showunits", "3")  # no unit box: the question text names the unit
    _value(element, "unitsleft", "0")
    return element


def _matching(quiz: ET.Element, question: Question) -> ET.Element:
    element = _common(quiz, "matching", question, matching_prompt(question))
    _value(element, "shuffleanswers", "true")
    _combined_feedback(element, question)
    for pair in matching_pairs(question):
        sub = _text(element, "subquestion", pair.left_html)
        answer = ET.SubElement(sub, "answer")
        ET.SubElement(answer, "text").text = pair.right_text
    return element


def render(bank: Bank, category: str = CATEGORY_ROOT) -> tuple[str, list[ExportWarning]]:
    warnings: list[ExportWarning] = []
    quiz = ET.Element("quiz")
    quiz.append(ET.Comment(f" {bank.title}: exported from the course by hipdrop "))
    bank_category = f"$course$/top/{category}/{bank.id}"

    def switch_to(path: str) -> None:
        category_question = ET.SubElement(quiz, "question", {"type": "category"})
        _text(category_question, "category", path, fmt=None)

    switch_to(bank_category)
    group: str | None = None
    for question in bank.questions:
        if version_group(question) != group:
            group = version_group(question)
            switch_to(f"{bank_category}/{group}" if group else bank_category)
        if question.type in ("single", "multiple"):
            element = _multichoice(quiz, question)
        elif question.type == "true_false":
            truth = true_false_value(question)
            element = _truefalse(quiz, question, truth) if truth is not None else _multichoice(quiz, question)
        elif question.type == "numeric":
            element = _numerical(quiz, question)
        elif question.type in ("ordering", "matching"):
            reason = matching_skip_reason(question)
            if reason:
                warnings.append(ExportWarning(bank.id, question.id, reason))
                continue
            element = _matching(quiz, question)
        else:
            warnings.append(ExportWarning(bank.id, question.id, f"skipped: Moodle XML has no '{question.type}' type"))
            continue
        _tags(element, question)
    ET.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="unicode") + "\n", warnings
