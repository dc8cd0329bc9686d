"""A generated problem as HTML: the problem (statement, given values, what is asked) and its
working, step by step. Every text a generator gives is escaped here; the core's own words come
from the message catalog. Used by the static page (build time) and by the worker (``quiz.problem``
and grading), so the page shows the same HTML before and after Python starts."""

from html import escape

from ..messages import Messages, messages
from .generated import Problem
from .grading import number_text, numeric_answer_html
from .model import NumericAnswer


def _texts(texts: Messages | None) -> Messages:
    return messages() if texts is None else texts


def _quantity(value: float, unit: str, texts: Messages) -> str:
    number = texts.number(number_text(value))
    return f"{number} {escape(unit)}" if unit else number


def problem_html(problem: Problem, texts: Messages | None = None) -> str:
    """The problem's statement, a table of its given values, and the question asked."""
    texts = _texts(texts)
    rows = "".join(
        f'<tr><th scope="row">{escape(g.name)} ({escape(g.symbol)})</th>'
        f"<td>{_quantity(g.value, g.unit, texts)}</td></tr>"
        for g in problem.givens
    )
    return (
        f"<p>{escape(problem.statement)}</p>"
        f'<table class="hd-givens"><caption>{escape(texts["quiz.problem.given"])}</caption>'
        f"<tbody>{rows}</tbody></table>"
        f'<p class="hd-asked"><strong>{escape(problem.question)}</strong></p>'
    )


def hint(problem: Problem, texts: Messages | None = None) -> str:
    """The line under the problem: how close an answer must be."""
    texts = _texts(texts)
    if problem.tolerance == 0:
        return texts["quiz.hint.numeric_exact"]
    unit = f" {problem.unit}" if problem.unit else ""
    tolerance = texts.number(number_text(problem.tolerance))
    return texts.format("quiz.hint.numeric_tolerance", tolerance=tolerance, unit=unit)


def working_html(problem: Problem, texts: Messages | None = None) -> str:
    """The working, one numbered step per line: title, equation, numbers, result."""
    texts = _texts(texts)
    steps = "".join(
        f"<li><strong>{escape(s.title)}.</strong> "
        f'<span class="hd-equation">{escape(s.equation)}</span> = {escape(s.numbers)} = '
        f"<strong>{escape(s.result)}</strong></li>"
        for s in problem.steps
    )
    note = f"<p>{escape(problem.note)}</p>" if problem.note else ""
    return (
        f'<div class="hd-working"><p><strong>{escape(texts["quiz.problem.working"])}</strong></p>'
        f"<ol>{steps}</ol>{note}</div>"
    )


def key_html(problem: Problem, texts: Messages | None = None) -> str:
    """The answer key's entry: the right answer, the range that counts, and the working."""
    answer = NumericAnswer(value=problem.answer, tolerance=problem.tolerance, unit=problem.unit)
    return numeric_answer_html(answer, texts) + working_html(problem, texts)
