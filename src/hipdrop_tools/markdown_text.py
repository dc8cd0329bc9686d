"""Markdown written in data files (quiz prompts, feedback) to HTML, with raw HTML shown as text.

Python-Markdown has no safe mode; its documented way is to remove the raw-HTML processors, so
``<script>`` in a prompt is escaped and displayed, never run.
"""

import re

import markdown

_SINGLE_PARAGRAPH = re.compile(r"\A<p>(?P<inner>.*)</p>\Z", re.S)


def _converter() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


def to_html(text: str) -> str:
    """Block Markdown to HTML."""
    return _converter().convert(text or "").strip()


def to_inline_html(text: str) -> str | None:
    """Markdown that renders to a single paragraph, as its inline HTML; None if it is more than that."""
    match = _SINGLE_PARAGRAPH.match(to_html(text))
    if match is None or "<p>" in match.group("inner"):
        return None
    return match.group("inner")
