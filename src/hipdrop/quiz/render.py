"""Static HTML for a quiz: readable and printable with no Python, made live by the quiz widget.

Every question is a fieldset with a legend and native inputs with labels. The answer key sits in
a closed ``<details>`` after the questions (on paper it is printed separately). The bank itself is
embedded as JSON for the worker to grade.
"""

import json
import re
from html import escape

from .model import Bank, Question, bank_to_dict

_ONE_PARAGRAPH = re.compile(r"\A<p>(?P<inner>(?:(?!<p>).)*)</p>\Z", re.S)


def _inline(html: str) -> str | None:
    match = _ONE_PARAGRAPH.match(html.strip())
    return match.group("inner") if match else None


def _json_for_script(data: dict) -> str:
    # "</" would end the <script> element early; "<!--" could open a comment state.
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")


def _question_html(bank: Bank, number: int, question: Question) -> str:
    base = f"{bank.id}--{question.id}"
    inline_prompt = _inline(question.prompt_html)
    if inline_prompt is not None:
        legend = f'<span class="hd-qnum">Question {number}.</span> {inline_prompt}'
        prompt_block = ""
    else:
        legend = f'<span class="hd-qnum">Question {number}</span>'
        prompt_block = f'<div class="hd-prompt">{question.prompt_html}</div>'
    kind = "checkbox" if len(question.correct_ids) > 1 else "radio"
    options = "".join(
        f'<div class="hd-option" data-option="{escape(o.id)}">'
        f'<input type="{kind}" id="{escape(base)}--{escape(o.id)}" name="{escape(base)}" value="{escape(o.id)}">'
        f'<label for="{escape(base)}--{escape(o.id)}">{o.html}</label>'
        f'<div class="hd-option-feedback" hidden></div>'
        "</div>"
        for o in question.options
    )
    return (
        f'<fieldset class="hd-question" id="{escape(base)}" data-question="{escape(question.id)}">'
        f"<legend>{legend}</legend>{prompt_block}"
        f'<div class="hd-options">{options}</div>'
        f'<div class="hd-explanation" hidden></div>'
        "</fieldset>"
    )


def _answer_key_html(bank: Bank) -> str:
    items = "".join(
        "<li>"
        + "; ".join(o.html for o in q.options if o.correct)
        + f'<div class="hd-key-explanation">{q.explanation_html}</div>'
        + f'<p><a href="{escape(q.link)}">Read the lesson section</a></p>'
        + "</li>"
        for q in bank.questions
    )
    return (
        '<details class="hd-answer-key">'
        f"<summary>Answer key: {escape(bank.title)}</summary><ol>{items}</ol></details>"
    )


def render_quiz(bank: Bank) -> str:
    """The complete static HTML of one quiz."""
    title_id = f"{bank.id}--title"
    questions = "".join(_question_html(bank, n, q) for n, q in enumerate(bank.questions, 1))
    return (
        f'<section class="hd-widget hd-quiz" data-hipdrop-widget="quiz" data-quiz="{escape(bank.id)}" '
        f'data-mode="{escape(bank.mode)}" aria-labelledby="{escape(title_id)}">'
        f'<h2 class="hd-quiz-title" id="{escape(title_id)}">{escape(bank.title)}</h2>'
        '<p class="hd-status" role="status">Answers can be checked here once Python has loaded in '
        "your browser. Until then, or without it, use the answer key below the questions.</p>"
        f'<form class="hd-quiz-form" novalidate>{questions}'
        '<div class="hd-quiz-actions"><button type="submit" class="md-button md-button--primary" hidden>'
        "Check answers</button></div>"
        '<div class="hd-result" tabindex="-1" aria-live="polite"></div>'
        "</form>"
        f"{_answer_key_html(bank)}"
        f'<script type="application/json" class="hd-data">{_json_for_script(bank_to_dict(bank))}</script>'
        "</section>"
    )
