"""The core's page scripts (and the handouts' page preparation) and style sheets write no reader-visible English of their own: every
word they show comes from the page's message catalog (hipdrop.messages, written into the page at
build time), so that a course in another language shows none.

The check: no string literal in the core scripts is a text of the English catalog (or one of its
pieces between placeholders), no longer piece of a catalog text appears anywhere in them, and no
style sheet generates text with a letter in it. (Literals joined with "+" across lines are only
caught piece by piece.)"""

import re

from hipdrop.messages import PLACEHOLDER, en
from hipdrop_tools.course.project import CORE_ASSETS_DIR, PACKAGE_DIR

# The page scripts and the script that readies a page for paper (`hipdrop handouts`).
SCRIPT_DIRS = (CORE_ASSETS_DIR / "js", PACKAGE_DIR / "handouts" / "js")
_LITERAL = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`(?:[^`\\]|\\.)*`', re.S)
_COMMENT = re.compile(r"^[ \t]*//[^\n]*|/\*.*?\*/", re.M | re.S)
_TEMPLATE_SLOT = re.compile(r"\$\{[^}]*\}")
LONG_PIECE = 12  # characters: shorter pieces ("Next", " and ") may occur in code by chance


def core_scripts() -> list:
    return sorted(p for folder in SCRIPT_DIRS for p in folder.rglob("*.js"))


def catalog_pieces() -> set[str]:
    """Every English text split at its placeholders, each piece stripped, if it has a letter."""
    pieces = set()
    for text in en.MESSAGES.values():
        for piece in PLACEHOLDER.split(text)[::2]:  # split() puts the placeholder names at odd places
            piece = piece.strip(" .,:;()'")
            if re.search(r"[A-Za-z]", piece):
                pieces.add(piece)
    return pieces


def literals(source: str) -> list[str]:
    """The string literals of a script (comments left out), template slots removed."""
    code = _COMMENT.sub("", source)
    return [_TEMPLATE_SLOT.sub(" ", m.group(0)[1:-1]).strip(" .,:;()'") for m in _LITERAL.finditer(code)]


def test_the_check_finds_a_hard_coded_word():
    assert "Retry" in catalog_pieces()
    assert literals('// the "Present" button\nbutton.textContent = `Retry`;') == ["Retry"]


def test_no_core_script_writes_an_english_word_of_the_catalog():
    pieces = catalog_pieces()
    assert core_scripts(), "no script found"
    found = []
    for script in core_scripts():
        source = script.read_text(encoding="utf-8")
        code = _COMMENT.sub("", source)
        found += [f"{script.name}: {lit!r}" for lit in literals(source) if lit in pieces]
        found += [f"{script.name}: …{p}…" for p in pieces if len(p) >= LONG_PIECE and p in code]
    assert found == []


def test_no_style_sheet_writes_a_word_of_its_own():
    # Generated text (``content:``) with a letter in it comes from the catalog's css.* keys, as
    # custom properties the build writes into each page (hipdrop_tools.build.messages_html).
    found = []
    for sheet in sorted((CORE_ASSETS_DIR / "css").rglob("*.css")):
        for value in re.findall(r"\bcontent\s*:\s*([^;}]*)", sheet.read_text(encoding="utf-8")):
            found += [f"{sheet.name}: {s}" for s in re.findall(r'"[^"]*"|\'[^\']*\'', value) if re.search(r"[A-Za-z]", s)]
    assert found == []
