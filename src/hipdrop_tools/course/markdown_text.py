"""Markdown written in data files (quiz prompts, feedback) to HTML, with raw HTML shown as text.

Python-Markdown has no safe mode; its documented way is to remove the raw-HTML processors, so
``<script>`` in a prompt is escaped and displayed, never run.
"""

import functools
import re
from html.parser import HTMLParser

import markdown

_SINGLE_PARAGRAPH = re.compile(r"\A<p>(?P<inner>.*)</p>\Z", re.S)


@functools.cache
def _converter() -> markdown.Markdown:
    """One converter, reused (building one costs more than converting a prompt; the build
    converts thousands). Python-Markdown's reset() clears its state between texts."""
    md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


@functools.lru_cache(maxsize=16384)
def to_html(text: str) -> str:
    """Block Markdown to HTML. Remembered by text: a build renders each quiz text several times
    (the page, the checks, three export formats), and `mkdocs serve` rebuilds on every edit."""
    return _converter().reset().convert(text or "").strip()


def to_inline_html(text: str) -> str | None:
    """Markdown that renders to a single paragraph, as its inline HTML; None if it is more than that."""
    match = _SINGLE_PARAGRAPH.match(to_html(text))
    if match is None or "<p>" in match.group("inner"):
        return None
    return match.group("inner")


class _TextOf(HTMLParser):
    """The text a reader sees, with or without what sits inside <code>."""

    def __init__(self, skip_code: bool):
        super().__init__(convert_charrefs=True)
        self.skip_code = skip_code
        self.in_code = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "code":
            self.in_code += 1

    def handle_endtag(self, tag):
        if tag == "code":
            self.in_code -= 1

    def handle_data(self, data):
        if not (self.skip_code and self.in_code):
            self.parts.append(data)


def _text_of(html: str, skip_code: bool = False) -> str:
    parser = _TextOf(skip_code)
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


def to_plain(text: str) -> str:
    """Markdown as plain text (for a <select> option, or an export that cannot carry HTML)."""
    return " ".join(_text_of(to_html(text)).split())


_LEFTOVERS = (
    (re.compile(r"\*\*|__"), "an unclosed bold marker (** or __)"),
    (re.compile(r"`"), "an unclosed code marker (`)"),
    (re.compile(r"\]\("), "a link that did not render: check its [text](target) brackets"),
    (re.compile(r"\[[^\]\n]+\]\[[^\]\n]*\]"), "a reference link whose [label] is not defined"),
)


def render_problems(text: str, inline: bool = False) -> list[str]:
    """Why a Markdown field does not render as meant; an empty list when it is fine.

    ``inline``: the field is shown inside a label or a menu, so it must be one paragraph.
    """
    try:
        html = to_html(text)
    except Exception as error:  # Python-Markdown rarely fails, but a failure must not pass silently
        return [f"Markdown does not render: {error}"]
    if not _text_of(html).strip():
        return ["Markdown renders to nothing visible"]
    visible = _text_of(html, skip_code=True)
    problems = [f"Markdown does not render: {what}" for pattern, what in _LEFTOVERS if pattern.search(visible)]
    if inline and to_inline_html(text) is None:
        problems.append("must be one paragraph of inline Markdown (no blank lines, lists, headings or quotes)")
    return problems
