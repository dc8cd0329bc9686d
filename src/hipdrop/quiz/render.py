"""Static HTML for a quiz: readable and printable with no Python, made live by the quiz widget.

Every question is a fieldset with a legend and native inputs with labels: radio buttons or check
boxes for choice questions, a text box for numbers, and native ``<select>`` menus for ordering
and matching. The answer key sits in a closed ``<details>`` after the questions (on paper it is
printed on its own page). The bank itself is embedded as JSON for the worker to grade.
"""

import json
import re
from dataclasses import replace
from html import escape

from .grading import answer_html, number_text, ordinal
from .model import Bank, Question, bank_to_dict
from .progress import fingerprint, store_key
from .shuffle import question_order

# The order of the static page (before Python, and on paper): shuffled too, so that a list is
# never printed in its right order. Each attempt in the browser then gets its own seed.
STATIC_SEED = 1

_ONE_PARAGRAPH = re.compile(r"\A<p>(?P<inner>(?:(?!<p>).)*)</p>\Z", re.S)

MULTIPLE_RULE = (
    "Choose every answer that is right. Each right choice earns an equal share of the mark, "
    "each wrong choice takes the same share away, and the mark never goes below zero."
)


def _inline(html: str) -> str | None:
    match = _ONE_PARAGRAPH.match(html.strip())
    return match.group("inner") if match else None


def _json_for_script(data: dict) -> str:
    # No "<", ">" or "&" at all inside the <script>: nothing in the data can end the element,
    # open a comment state or look like markup. JSON decodes the escapes back unchanged.
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _hint(question: Question) -> str:
    if question.type == "multiple":
        return MULTIPLE_RULE
    if question.type == "numeric" and question.numeric:
        n = question.numeric
        unit = f" {n.unit}" if n.unit else ""
        if n.tolerance == 0:
            return "Type a number. Only the exact value counts."
        return f"Type a number. Anything within ±{number_text(n.tolerance)}{unit} of the right value counts."
    if question.type == "ordering":
        return (
            f"Give each item its place, from 1st to {ordinal(len(question.items))}. "
            "Each item in its right place earns an equal share of the mark."
        )
    if question.type == "matching":
        return "Choose the right match for each item. Each right match earns an equal share of the mark."
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


def _numeric_html(base: str, question: Question, hint_id: str) -> str:
    unit = question.numeric.unit if question.numeric else ""
    label = f"Your answer, in {escape(unit)}" if unit else "Your answer"
    unit_html = f'<span class="hd-unit" aria-hidden="true">{escape(unit)}</span>' if unit else ""
    return (
        '<div class="hd-numeric">'
        f'<label for="{escape(base)}--value">{label}</label> '
        '<span class="hd-numeric-entry">'
        f'<input type="text" inputmode="decimal" autocomplete="off" spellcheck="false" '
        f'id="{escape(base)}--value" name="{escape(base)}" aria-describedby="{escape(hint_id)}">'
        f"{unit_html}</span></div>"
    )


def _ordering_html(base: str, question: Question) -> str:
    places = "".join(
        f'<option value="{n}">{ordinal(n)}</option>' for n in range(1, len(question.items) + 1)
    )
    return "".join(
        f'<div class="hd-item" data-item="{escape(i.id)}">'
        f'<select id="{escape(base)}--{escape(i.id)}" name="{escape(base)}--{escape(i.id)}">'
        f'<option value="">Place…</option>{places}</select>'
        f'<label for="{escape(base)}--{escape(i.id)}">{i.html}</label>'
        '<div class="hd-part-feedback" hidden></div>'
        "</div>"
        for i in question.items
    )


def _matching_html(base: str, question: Question) -> str:
    choices = "".join(f'<option value="{escape(r.id)}">{escape(r.text)}</option>' for r in question.right)
    return "".join(
        f'<div class="hd-pair" data-left="{escape(i.id)}">'
        f'<label for="{escape(base)}--{escape(i.id)}">{i.html}</label>'
        f'<select id="{escape(base)}--{escape(i.id)}" name="{escape(base)}--{escape(i.id)}">'
        f'<option value="">Choose…</option>{choices}</select>'
        '<div class="hd-part-feedback" hidden></div>'
        "</div>"
        for i in question.left
    )


def _printed_choices(question: Question) -> str:
    """On paper a menu shows none of its choices: list them, for print only."""
    printed = "".join(f"<li>{r.html}</li>" for r in question.right)
    return f'<div class="hd-print-only hd-choices"><p>Choose from (write the letter):</p><ol type="A">{printed}</ol></div>'



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


def _question_html(bank: Bank, number: int, question: Question) -> str:
    question = _static_order(bank, question)
    base = f"{bank.id}--{question.id}"
    hint_id = f"{base}--hint"
    inline_prompt = _inline(question.prompt_html)
    if inline_prompt is not None:
        legend = f'<span class="hd-qnum">Question {number}.</span> {inline_prompt}'
        prompt_block = ""
    else:
        legend = f'<span class="hd-qnum">Question {number}</span>'
        prompt_block = f'<div class="hd-prompt">{question.prompt_html}</div>'
    hint = _hint(question)
    hint_html = f'<p class="hd-hint" id="{escape(hint_id)}">{escape(hint)}</p>' if hint else ""
    described = f' aria-describedby="{escape(hint_id)}"' if hint and question.type != "numeric" else ""
    if question.type == "numeric":
        body = _numeric_html(base, question, hint_id)
    elif question.type == "ordering":
        body = f'<div class="hd-items">{_ordering_html(base, question)}</div>'
    elif question.type == "matching":
        body = f'<div class="hd-pairs">{_matching_html(base, question)}</div>{_printed_choices(question)}'
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


def _answer_key_html(bank: Bank) -> str:
    items = "".join(
        "<li>"
        + answer_html(q)
        + f'<div class="hd-key-explanation">{q.explanation_html}</div>'
        + f'<p><a href="{escape(q.link)}">Read the lesson section</a></p>'
        + "</li>"
        for q in bank.questions
    )
    return (
        '<details class="hd-answer-key">'
        f"<summary>Answer key: {escape(bank.title)}</summary><ol>{items}</ol></details>"
    )


def _intro_html(bank: Bank) -> str:
    if bank.mode == "exam":
        return (
            '<p class="hd-quiz-intro"><strong>Exam mode.</strong> Answer every question, then submit '
            "once. You then see your score and the explanation of every question. Each question "
            "is worth 1 mark.</p>"
        )
    return (
        '<p class="hd-quiz-intro">Each question is worth 1 mark. Check your answers as often as you '
        "like; your answers are kept in this browser only.</p>"
    )


def render_quiz(bank: Bank) -> str:
    """The complete static HTML of one quiz."""
    title_id = f"{bank.id}--title"
    questions = "".join(_question_html(bank, n, q) for n, q in enumerate(bank.questions, 1))
    submit_label = "Submit answers" if bank.mode == "exam" else "Check answers"
    return (
        f'<section class="hd-widget hd-quiz" data-hipdrop-widget="quiz" data-quiz="{escape(bank.id)}" '
        f'data-mode="{escape(bank.mode)}" data-fingerprint="{fingerprint(bank)}" '
        f'data-store-key="{escape(store_key(bank.id))}" aria-labelledby="{escape(title_id)}">'
        f'<h2 class="hd-quiz-title" id="{escape(title_id)}">{escape(bank.title)}</h2>'
        '<p class="hd-status" role="status">Answers can be checked here once Python has loaded in '
        "your browser. Until then, or without it, use the answer key below the questions.</p>"
        f"{_intro_html(bank)}"
        '<p class="hd-version" hidden></p>'
        f'<form class="hd-quiz-form" novalidate>{questions}'
        '<div class="hd-quiz-actions">'
        f'<button type="submit" class="hd-action hd-action--primary hd-submit" hidden>{submit_label}</button>'
        '<button type="button" class="hd-action hd-show-answers" hidden aria-expanded="false">Show answers</button>'
        '<button type="button" class="hd-action hd-retry-quiz" hidden>Retry</button>'
        '<button type="button" class="hd-action hd-reset" hidden>Reset progress</button>'
        "</div>"
        '<div class="hd-result" tabindex="-1" role="status" aria-live="polite"></div>'
        "</form>"
        f"{_answer_key_html(bank)}"
        f'<script type="application/json" class="hd-data">{_json_for_script(bank_to_dict(bank))}</script>'
        "</section>"
    )
