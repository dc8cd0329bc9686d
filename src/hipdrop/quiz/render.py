"""Static HTML for a quiz: readable and printable with no Python, made live by the quiz widget.

Every question is a fieldset with a legend and native inputs with labels: radio buttons or check
boxes for choice questions, a text box for numbers, and native ``<select>`` menus for ordering
and matching. A generated question shows the problem of its first seed (version 1) and a "New
numbers" button that the live quiz turns on. The answer key sits in a closed ``<details>`` after
the questions (on paper it is printed on its own page). The bank itself is embedded as JSON for
the worker to grade. Every word of the core comes from the message catalog passed as ``texts``
(``hipdrop.messages``; English without one).
"""

import json
import re
from collections.abc import Mapping
from dataclasses import replace
from html import escape

from ..messages import Messages, messages
from . import generated_html
from .generated import Problem, problem_for
from .grading import answer_html, number_text
from .model import GENERATED_TYPES, Bank, Question, bank_to_dict
from .progress import fingerprint, store_key
from .shuffle import question_order

# The order of the static page (before Python, and on paper): shuffled too, so that a list is
# never printed in its right order. Each attempt in the browser then gets its own seed.
STATIC_SEED = 1

_ONE_PARAGRAPH = re.compile(r"\A<p>(?P<inner>(?:(?!<p>).)*)</p>\Z", re.S)

MULTIPLE_RULE = messages()["quiz.hint.multiple"]  # in English; a page uses its own catalog


def _inline(html: str) -> str | None:
    match = _ONE_PARAGRAPH.match(html.strip())
    return match.group("inner") if match else None


def _json_for_script(data: dict) -> str:
    # No "<", ">" or "&" at all inside the <script>: nothing in the data can end the element,
    # open a comment state or look like markup. JSON decodes the escapes back unchanged.
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _hint(question: Question, texts: Messages) -> str:
    if question.type == "multiple":
        return texts["quiz.hint.multiple"]
    if question.type == "numeric" and question.numeric:
        n = question.numeric
        unit = f" {n.unit}" if n.unit else ""
        if n.tolerance == 0:
            return texts["quiz.hint.numeric_exact"]
        return texts.format("quiz.hint.numeric_tolerance", tolerance=texts.number(number_text(n.tolerance)), unit=unit)
    if question.type == "ordering":
        return texts.format("quiz.hint.ordering", first=texts.ordinal(1), last=texts.ordinal(len(question.items)))
    if question.type == "matching":
        return texts["quiz.hint.matching"]
    return ""


def _choices_html(base: str, question: Question) -> str:
    kind = "checkbox" if question.type == "multiple" else "radio"
    return "".join(
        f'<div class="hd-option" data-option="{escape(o.id)}">'
        f'<input type="{kind}" id="{escape(base)}--{escape(o.id)}" name="{escape(base)}" value="{escape(o.id)}">'
        f'<label for="{escape(base)}--{escape(o.id)}">{o.html}</label>'
        f'<div class="hd-option-feedback" hidden></div>'
        "</div>"
        for o in question.options
    )


def _numeric_html(base: str, unit: str, hint_id: str, texts: Messages) -> str:
    label = texts.format("quiz.label.answer_in", unit=escape(unit)) if unit else texts["quiz.label.answer"]
    unit_html = f'<span class="hd-unit" aria-hidden="true">{escape(unit)}</span>' if unit else ""
    return (
        '<div class="hd-numeric">'
        f'<label for="{escape(base)}--value">{label}</label> '
        '<span class="hd-numeric-entry">'
        f'<input type="text" inputmode="decimal" autocomplete="off" spellcheck="false" '
        f'id="{escape(base)}--value" name="{escape(base)}" aria-describedby="{escape(hint_id)}">'
        f"{unit_html}</span></div>"
    )


def _ordering_html(base: str, question: Question, texts: Messages) -> str:
    places = "".join(f'<option value="{n}">{texts.ordinal(n)}</option>' for n in range(1, len(question.items) + 1))
    return "".join(
        f'<div class="hd-item" data-item="{escape(i.id)}">'
        f'<select id="{escape(base)}--{escape(i.id)}" name="{escape(base)}--{escape(i.id)}">'
        f'<option value="">{texts["quiz.label.place"]}</option>{places}</select>'
        f'<label for="{escape(base)}--{escape(i.id)}">{i.html}</label>'
        '<div class="hd-part-feedback" hidden></div>'
        "</div>"
        for i in question.items
    )


def _matching_html(base: str, question: Question, texts: Messages) -> str:
    choices = "".join(f'<option value="{escape(r.id)}">{escape(r.text)}</option>' for r in question.right)
    return "".join(
        f'<div class="hd-pair" data-left="{escape(i.id)}">'
        f'<label for="{escape(base)}--{escape(i.id)}">{i.html}</label>'
        f'<select id="{escape(base)}--{escape(i.id)}" name="{escape(base)}--{escape(i.id)}">'
        f'<option value="">{texts["quiz.label.choose"]}</option>{choices}</select>'
        '<div class="hd-part-feedback" hidden></div>'
        "</div>"
        for i in question.left
    )


def _printed_choices(question: Question, texts: Messages) -> str:
    """On paper a menu shows none of its choices: list them, for print only."""
    printed = "".join(f"<li>{r.html}</li>" for r in question.right)
    return (
        f'<div class="hd-print-only hd-choices"><p>{texts["quiz.print.choose_from"]}</p>'
        f'<ol type="A">{printed}</ol></div>'
    )


def _in_order(parts: tuple, ids: list[str] | None) -> tuple:
    if not ids:
        return parts
    by_id = {p.id: p for p in parts}
    return tuple(by_id[i] for i in ids)


def _static_order(bank: Bank, question: Question) -> Question:
    order = question_order(bank.id, question, STATIC_SEED)
    return replace(
        question,
        options=_in_order(question.options, order.get("options")),
        items=_in_order(question.items, order.get("items")),
        left=_in_order(question.left, order.get("left")),
        right=_in_order(question.right, order.get("right")),
    )


def static_problem(question: Question, generators: Mapping | None) -> Problem:
    """The problem a generated question shows before Python starts and on paper: version 1."""
    assert question.generated is not None  # only generated questions have a static problem
    return problem_for(question, question.generated.first_seed, generators)


def _generated_html(base: str, problem: Problem, hint_id: str, texts: Messages) -> str:
    hint = generated_html.hint(problem, texts)
    return (
        f'<div class="hd-problem" data-seed="{problem.seed}">{generated_html.problem_html(problem, texts)}</div>'
        '<p class="hd-problem-status" role="status"></p>'
        f'<p class="hd-hint" id="{escape(hint_id)}">{escape(hint)}</p>'
        f"{_numeric_html(base, problem.unit, hint_id, texts)}"
        '<p class="hd-new-numbers-line"><button type="button" class="hd-action hd-new-numbers" hidden>'
        f"{texts['quiz.button.new_numbers']}</button></p>"
    )


def _question_html(
    bank: Bank, number: int, question: Question, texts: Messages, generators: Mapping | None = None
) -> str:
    question = _static_order(bank, question)
    base = f"{bank.id}--{question.id}"
    hint_id = f"{base}--hint"
    inline_prompt = _inline(question.prompt_html)
    if inline_prompt is not None:
        number_text_ = texts.format("quiz.question.number_inline", n=number)
        legend = f'<span class="hd-qnum">{number_text_}</span> {inline_prompt}'
        prompt_block = ""
    else:
        legend = f'<span class="hd-qnum">{texts.format("quiz.question.number", n=number)}</span>'
        prompt_block = f'<div class="hd-prompt">{question.prompt_html}</div>'
    hint = "" if question.type in GENERATED_TYPES else _hint(question, texts)
    hint_html = f'<p class="hd-hint" id="{escape(hint_id)}">{escape(hint)}</p>' if hint else ""
    described = f' aria-describedby="{escape(hint_id)}"' if hint and question.type != "numeric" else ""
    if question.type == "numeric":
        body = _numeric_html(base, question.numeric.unit if question.numeric else "", hint_id, texts)
    elif question.type in GENERATED_TYPES:
        body = _generated_html(base, static_problem(question, generators), hint_id, texts)
    elif question.type == "ordering":
        body = f'<div class="hd-items">{_ordering_html(base, question, texts)}</div>'
    elif question.type == "matching":
        body = f'<div class="hd-pairs">{_matching_html(base, question, texts)}</div>{_printed_choices(question, texts)}'
    else:
        body = f'<div class="hd-options">{_choices_html(base, question)}</div>'
    return (
        f'<fieldset class="hd-question" id="{escape(base)}" data-question="{escape(question.id)}" '
        f'data-type="{escape(question.type)}"{described}>'
        f"<legend>{legend}</legend>{prompt_block}{hint_html}{body}"
        f'<div class="hd-explanation" hidden></div>'
        f'<div class="hd-answer" hidden></div>'
        "</fieldset>"
    )


def _key_answer_html(question: Question, texts: Messages, generators: Mapping | None) -> str:
    if question.type not in GENERATED_TYPES:
        return answer_html(question, texts)
    problem = static_problem(question, generators)
    return (
        f'<div class="hd-key-problem" data-question="{escape(question.id)}" data-seed="{problem.seed}">'
        f"{generated_html.key_html(problem, texts)}</div>"
    )


def _answer_key_html(bank: Bank, texts: Messages, generators: Mapping | None = None) -> str:
    items = "".join(
        "<li>"
        + _key_answer_html(q, texts, generators)
        + f'<div class="hd-key-explanation">{q.explanation_html}</div>'
        + f'<p><a href="{escape(q.link)}">{texts["quiz.key.lesson_link"]}</a></p>'
        + "</li>"
        for q in bank.questions
    )
    summary = texts.format("quiz.key.summary", title=escape(bank.title))
    return f'<details class="hd-answer-key"><summary>{summary}</summary><ol>{items}</ol></details>'


def _intro_html(bank: Bank, texts: Messages) -> str:
    key = "quiz.intro.exam" if bank.mode == "exam" else "quiz.intro.practice"
    return f'<p class="hd-quiz-intro">{texts[key]}</p>'


# A five-digit seed, as the live quiz draws them (quiz.js newSeed): the placeholder's length.
_PLACEHOLDER_SEED = 10000


def _version_placeholder(texts: Messages) -> str:
    """The version line's words with a stand-in seed, hidden: while the quiz starts, its place is
    kept (hipdrop.css), so the questions do not move down when the live line arrives."""
    link = texts.format("quiz.live.version_link", seed=_PLACEHOLDER_SEED)
    return texts.format("quiz.live.version", seed=_PLACEHOLDER_SEED, link=link)


def render_quiz(bank: Bank, texts: Messages | None = None, generators: Mapping | None = None) -> str:
    """The complete static HTML of one quiz, in the words of ``texts`` (English without it).
    ``generators``: the course's problem generators, for its generated questions."""
    texts = messages() if texts is None else texts
    title_id = f"{bank.id}--title"
    questions = "".join(_question_html(bank, n, q, texts, generators) for n, q in enumerate(bank.questions, 1))
    submit_label = texts["quiz.button.submit" if bank.mode == "exam" else "quiz.button.check"]
    return (
        '<section class="hd-widget hd-quiz" data-hipdrop-widget="quiz" data-search-exclude '
        f'data-quiz="{escape(bank.id)}" '
        f'data-mode="{escape(bank.mode)}" data-fingerprint="{fingerprint(bank)}" '
        f'data-store-key="{escape(store_key(bank.id))}" aria-labelledby="{escape(title_id)}">'
        f'<h2 class="hd-quiz-title" id="{escape(title_id)}">{escape(bank.title)}</h2>'
        f'<p class="hd-status" role="status">{texts["quiz.status.static"]}</p>'
        f"{_intro_html(bank, texts)}"
        f'<p class="hd-version" hidden>{escape(_version_placeholder(texts))}</p>'
        f'<form class="hd-quiz-form" novalidate>{questions}'
        '<div class="hd-quiz-actions">'
        f'<button type="submit" class="hd-action hd-action--primary hd-submit" hidden>{submit_label}</button>'
        '<button type="button" class="hd-action hd-show-answers" hidden aria-expanded="false">'
        f"{texts['quiz.button.show_answers']}</button>"
        f'<button type="button" class="hd-action hd-retry-quiz" hidden>{texts["quiz.button.retry"]}</button>'
        f'<button type="button" class="hd-action hd-reset" hidden>{texts["quiz.button.reset"]}</button>'
        "</div>"
        '<div class="hd-result" tabindex="-1" role="status" aria-live="polite"></div>'
        "</form>"
        f"{_answer_key_html(bank, texts, generators)}"
        f'<script type="application/json" class="hd-data">{_json_for_script(bank_to_dict(bank))}</script>'
        "</section>"
    )
