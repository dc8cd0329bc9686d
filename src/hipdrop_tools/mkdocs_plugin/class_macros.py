"""Macro ``class_results()``: the teacher's class results page (issue 26).

The static block holds every quiz bank of the course (as the engine takes them, lesson links made
from this page) and the controls; ``class-results.js`` makes it live: it reads the result codes
students show (pasted, typed or scanned) with the engine (``results.read``: hipdrop.quiz.class_results)
and keeps them only in the teacher's browser. Before Python starts the block says what it does;
its buttons appear once it can work.
"""

import json
from html import escape

from hipdrop.messages import Messages, messages
from hipdrop.quiz.model import bank_to_dict
from hipdrop_tools.course.quizzes import engine_bank, load_banks

WIDGET_ID = "hd-class"


def _json_for_script(data: dict) -> str:
    # No "<", ">" or "&" inside the <script>: nothing in the data can end the element (as the quiz's).
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _button(kind: str, words: str, primary: bool = False) -> str:
    classes = "hd-action hd-action--primary" if primary else "hd-action"
    return f'<button type="button" class="{classes} hd-class-{kind}" hidden>{escape(words)}</button>'


def class_results_html(banks: list[dict], texts: Messages) -> str:
    """The block, static: what it is, the box for codes, the (hidden) buttons, the banks' data."""
    title_id, codes_id = f"{WIDGET_ID}--title", f"{WIDGET_ID}--codes"
    return (
        '<section class="hd-widget hd-class" data-hipdrop-widget="class-results" data-search-exclude '
        f'aria-labelledby="{title_id}">'
        f'<h2 class="hd-class-title" id="{title_id}">{escape(texts["class.title"])}</h2>'
        f'<p class="hd-status" role="status">{escape(texts["class.status.static"])}</p>'
        f'<p class="hd-class-privacy">{escape(texts["class.privacy"])}</p>'
        '<div class="hd-class-collect">'
        f'<label for="{codes_id}">{escape(texts["class.paste.label"])}</label>'
        f'<textarea id="{codes_id}" class="hd-class-codes" rows="4" spellcheck="false" autocomplete="off" '
        'autocapitalize="characters"></textarea>'
        '<p class="hd-class-buttons">'
        f"{_button('add', texts['class.paste.add'], primary=True)}{_button('scan', texts['class.scan.start'])}"
        f"{_button('stop', texts['class.scan.stop'])}</p>"
        '<div class="hd-class-camera" hidden>'
        f'<video muted playsinline aria-label="{escape(texts["class.scan.video"])}"></video></div>'
        '<div class="hd-class-notes" role="status" aria-live="polite"></div>'
        "</div>"
        f'<div class="hd-class-table"><p class="hd-class-empty">{escape(texts["class.empty"])}</p></div>'
        '<p class="hd-class-actions">'
        f"{_button('project', texts['class.project'])}{_button('csv', texts['class.csv'])}"
        f"{_button('delete', texts['class.delete'])}</p>"
        f'<script type="application/json" class="hd-data">{_json_for_script({"banks": banks})}</script>'
        "</section>"
    )


def macros(project) -> dict:
    texts = messages(project.language)

    def class_results(page) -> str:
        banks = load_banks(project)  # raises DataError: the build stops, every problem listed
        ordered = sorted(banks, key=lambda b: (b == "final", b))  # lessons first, the final quiz last
        return class_results_html([bank_to_dict(engine_bank(banks[b], page.link)) for b in ordered], texts)

    return {"class_results": class_results}
