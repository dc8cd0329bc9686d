"""Content quality of the course prose: what a reader notices if it slips.

- Each lesson reads plainly (Flesch reading ease >= 50 with textstat 0.7.3, markup stripped).
- Each lesson opens with objectives, ends with a summary and its check quiz.
- Every quiz question links to a heading that exists in its lesson.
- Every acronym and technical term used in a lesson is defined in the glossary, and every glossary
  term shows its definition on hover (includes/abbreviations.md).
- None of the source article's known slips (domain brief section 3.8) appears anywhere in the course.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from markdown.extensions.toc import slugify

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
LESSONS = [
    "what-is-trendelenburg.md",
    "mechanics.md",
    "causes-and-assessment.md",
    "progression.md",
    "dosing.md",
    "walking.md",
]
READING_EASE_FLOOR = 50.0

# Technical words a lesson may use only if the glossary defines them.
JARGON = [
    "abductor", "adduction", "stance leg", "swing leg", "MVIC", "EMG", "moment arm", "lever",
    "superincumbent weight", "joint reaction force", "gluteus medius", "gluteus minimus", "TFL",
    "compensated", "uncompensated", "Trendelenburg sign", "Trendelenburg test", "motor control",
    "activation", "proprioception", "isometric", "osteoarthritis", "tendinopathy",
    "avascular necrosis", "coxa vara", "foot drop", "instrumented implant", "first-class lever",
    "red flag", "false positive", "false negative", "rep", "set", "superior gluteal nerve",
]

# Technical words that must show their definition on hover wherever a lesson uses them.
HOVER = [
    "abductors", "adduction", "stance leg", "swing leg", "moment arm", "first-class lever",
    "superincumbent weight", "joint reaction force", "gluteus medius", "gluteus minimus",
    "motor control", "proprioception", "isometric", "osteoarthritis", "gluteal tendinopathy",
    "avascular necrosis", "coxa vara", "foot drop", "superior gluteal nerve", "Trendelenburg sign",
    "Trendelenburg gait", "compensated", "uncompensated",
]

# Slips from the source article that must never reach the course (domain brief 3.8).
BANNED = {
    "misspelt Friedrich": r"Freidrich",
    "misspelt Bolgla": r"\bBolga\b",
    "wrong muscle count": r"\b27\s+(hip\s+)?muscles",
    "wrong lever class": r"third[- ]class\s+lever|class\s*(3|III)\s+lever",
    "overstated claim": r"\bonly\s+way\b",
}


# ---------------------------------------------------------------- helpers


def _textstat():
    """textstat 0.7.3 (pinned: later versions download a dictionary at run time) imports
    pkg_resources, which is why setuptools is pinned below 81 in requirements.lock."""
    import textstat

    return textstat


def prose(markdown: str) -> str:
    """The text a reader reads as sentences: Markdown, HTML, macros and tables removed."""
    text = re.sub(r"<!--.*?-->", " ", markdown, flags=re.S)
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ", text, flags=re.S)
    text = re.sub(r"^```.*?^```", " ", text, flags=re.S | re.M)
    text = re.sub(r"<figcaption>(.*?)</figcaption>", r"\n\1\n", text, flags=re.S)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", text)  # images (alt text is not prose)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\{[:#.][^}]*\}|\{ *[#.][^}]*\}|\{ *width=[^}]*\}", " ", text)  # attr_list
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links keep their text
    units: list[list[str]] = [[]]  # paragraphs and list items, each read as a unit
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", "|", "*[", "!!!", "???")):
            units.append([])  # blank lines, headings, tables, abbreviations, admonition titles
            continue
        line = re.sub(r"^(>\s*)+", "", line)
        if re.match(r"^([-*+]|\d+\.)\s+", line):
            units.append([])
            line = re.sub(r"^([-*+]|\d+\.)\s+", "", line)
        units[-1].append(line.replace("**", "").replace("*", "").replace("`", ""))
    pieces = [" ".join(unit).strip() for unit in units]
    # A unit that ends without punctuation (a list item, a caption) is still read as a sentence.
    pieces = [p if p[-1] in ".!?:" else p.rstrip(";,") + "." for p in pieces if p]
    return " ".join(pieces)


def headings_ids(markdown: str) -> set[str]:
    """The ids MkDocs gives the page's headings: an explicit { #id }, else the toc slug."""
    ids = set()
    for match in re.finditer(r"^#{1,6}\s+(.*?)\s*$", markdown, flags=re.M):
        title = match.group(1)
        explicit = re.search(r"\{\s*#([\w-]+)[^}]*\}\s*$", title)
        if explicit:
            ids.add(explicit.group(1))
        else:
            ids.add(slugify(re.sub(r"[*_`]", "", title), "-"))
    return ids


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def glossary_terms() -> list[str]:
    """Glossary entries are '### Term { #id }' headings."""
    return [
        m.group(1).strip()
        for m in re.finditer(r"^###\s+(.*?)\s*(\{[^}]*\})?\s*$", read(DOCS / "glossary.md"), flags=re.M)
    ]


def abbreviations() -> dict[str, str]:
    """includes/abbreviations.md: '*[term]: definition' lines (case matters, as in Markdown abbr)."""
    text = read(ROOT / "includes" / "abbreviations.md")
    return {m.group(1): m.group(2).strip() for m in re.finditer(r"^\*\[([^\]]+)\]:\s*(.+)$", text, flags=re.M)}


def _base(term: str) -> str:
    """'Hip abductors' and 'hip abductor' name the same entry."""
    term = term.lower().strip()
    return term[:-1] if term.endswith("s") and not term.endswith("ss") else term


def glossary_names() -> set[str]:
    """Every name an entry answers to: 'Electromyography (EMG)' -> electromyography, emg."""
    names = set()
    for term in glossary_terms():
        names.add(_base(re.sub(r"\s*\(.*?\)", "", term)))
        names.update(_base(inner) for inner in re.findall(r"\((.*?)\)", term))
    return names


def in_glossary(word: str) -> bool:
    """A word is defined if an entry is named by it, names part of it, or contains it."""
    word = _base(word)
    return any(
        word == name
        or re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", word)
        or re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", name)
        for name in glossary_names()
    )


def quiz_bank(number: int) -> dict:
    return yaml.safe_load(read(ROOT / "quizzes" / f"lesson-{number}.yml"))


# ---------------------------------------------------------------- tests


@pytest.mark.parametrize("name", LESSONS)
def test_lesson_reads_plainly(name):
    textstat = _textstat()
    text = prose(read(DOCS / "lessons" / name))
    assert len(text.split()) > 400, f"{name}: too little prose to measure ({len(text.split())} words)"
    score = textstat.flesch_reading_ease(text)
    assert score >= READING_EASE_FLOOR, f"{name}: Flesch reading ease {score:.1f} < {READING_EASE_FLOOR}"


def test_prose_stripping_keeps_sentences_and_drops_markup():
    sample = (
        "# Title { #t }\n\nBy the end you will:\n\n- do one thing;\n- do **another**\n\n"
        "| a | b |\n|---|---|\n\n{{ quiz(\"lesson-1\") }}\n\nSee [lesson 2](mechanics.md#cane).\n"
        "<!-- mechanics-lab -->\n*[EMG]: electromyography\n"
    )
    assert prose(sample) == "By the end you will: do one thing. do another. See lesson 2."


@pytest.mark.parametrize("number,name", list(enumerate(LESSONS, start=1)))
def test_lesson_has_objectives_summary_and_quiz(number, name):
    text = read(DOCS / "lessons" / name)
    first_section = text.split("\n## ", 1)[0]
    assert "By the end of this lesson you will be able to" in first_section, f"{name}: no objectives up front"
    assert re.search(r"^- ", first_section, flags=re.M), f"{name}: objectives are not a list"
    assert re.search(r"^## Summary\b", text, flags=re.M), f"{name}: no '## Summary' section"
    slot = f'{{{{ quiz("lesson-{number}") }}}}'
    assert slot in text, f"{name}: no quiz slot {slot}"
    assert text.index(slot) > text.index("## Summary"), f"{name}: the quiz must come after the summary"


@pytest.mark.parametrize("number,name", list(enumerate(LESSONS, start=1)))
def test_quiz_links_point_to_real_lesson_sections(number, name):
    bank = quiz_bank(number)
    assert 4 <= len(bank["questions"]) <= 6, f"lesson-{number}.yml: {len(bank['questions'])} questions, want 4-6"
    for question in bank["questions"]:
        target, _, anchor = question["link"].partition("#")
        page = DOCS / target
        assert page.is_file(), f"lesson-{number}.yml {question['id']}: link to missing page {target}"
        assert anchor in headings_ids(read(page)), (
            f"lesson-{number}.yml {question['id']}: no heading #{anchor} in {target}"
        )
        if question["type"] in ("single", "true_false"):
            assert all(option.get("feedback") for option in question["options"])
            assert sum(bool(option.get("correct")) for option in question["options"]) == 1
        elif question["type"] == "multiple":
            assert all(option.get("feedback") for option in question["options"])
            assert any(option.get("correct") for option in question["options"])
        else:
            assert question["feedback"].get("correct") and question["feedback"].get("incorrect")


@pytest.mark.parametrize("name", LESSONS)
def test_lesson_acronyms_and_jargon_are_in_the_glossary(name):
    text = prose(read(DOCS / "lessons" / name))
    acronyms = sorted(set(re.findall(r"\b[A-Z]{2,}\b", text)))
    missing = [a for a in acronyms if not in_glossary(a)]
    assert not missing, f"{name}: acronyms missing from docs/glossary.md: {missing}"
    used = [w for w in JARGON if re.search(rf"\b{re.escape(w)}", text, flags=re.I)]
    missing = [w for w in used if not in_glossary(w)]
    assert not missing, f"{name}: terms missing from docs/glossary.md: {missing}"


@pytest.mark.parametrize("name", LESSONS)
def test_lesson_terms_show_their_definition_on_hover(name):
    """Markdown abbreviations match whole words, case-sensitively: the key must be spelt as used."""
    text = prose(read(DOCS / "lessons" / name))
    hover = abbreviations()
    wanted = set(re.findall(r"\b[A-Z]{2,}\b", text))
    wanted |= {w for w in HOVER if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)}
    missing = sorted(w for w in wanted if w not in hover)
    assert not missing, f"{name}: no hover definition in includes/abbreviations.md for {missing}"


def test_every_hover_definition_belongs_to_a_glossary_term():
    strays = sorted(term for term in abbreviations() if not in_glossary(term))
    assert not strays, f"includes/abbreviations.md terms missing from docs/glossary.md: {strays}"


def test_glossary_checks_can_tell_defined_from_undefined():
    assert in_glossary("MVIC") and in_glossary("hip abductors") and in_glossary("compensated")
    assert not in_glossary("sarcomere")


def _course_files():
    files = sorted(DOCS.rglob("*.md")) + sorted((ROOT / "quizzes").glob("*.yml"))
    files += sorted((ROOT / "exercises").glob("*.yml")) + sorted((ROOT / "includes").glob("*.md"))
    return files


@pytest.mark.parametrize("slip,pattern", sorted(BANNED.items()))
def test_no_slip_from_the_source_article(slip, pattern):
    hits = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in _course_files()
        for n, line in enumerate(read(path).splitlines(), start=1)
        if re.search(pattern, line, flags=re.I)
    ]
    assert not hits, f"{slip} ({pattern}) found at {hits}"


def test_glossary_is_in_alphabetical_order():
    keys = [re.sub(r"[^a-z0-9 ]", "", term.lower()) for term in glossary_terms()]
    out_of_order = [(a, b) for a, b in zip(keys, keys[1:]) if a > b]
    assert not out_of_order, f"docs/glossary.md entries out of order: {out_of_order}"


# People who commented under the source article: their questions are FAQ material, their names never.
COMMENTERS = [
    "Suhail", "Ali W", "Hewett", "Bungay", "Kumble", "Fenn", "Proksch", "Westcott", "Christie",
    "Mikels", "jackie b", "Roddick", "Hintzen", "Michael Lau", "Lynass", "Mark Lewis",
]


def test_faq_answers_link_to_the_lesson_that_explains_them():
    sections = re.split(r"^## ", read(DOCS / "faq.md"), flags=re.M)[1:]
    assert len(sections) >= 10, "the FAQ should answer every question the article's readers asked"
    unlinked = [s.splitlines()[0] for s in sections if not re.search(r"\]\(lessons/[\w-]+\.md#[\w-]+\)", s)]
    assert not unlinked, f"FAQ answers without a link to a lesson section: {unlinked}"


@pytest.mark.parametrize("name", COMMENTERS)
def test_no_reader_is_named(name):
    hits = [str(p.relative_to(ROOT)) for p in _course_files() if re.search(rf"\b{re.escape(name)}\b", read(p))]
    assert not hits, f"a commenter's name ({name}) appears in {hits}"


def _section(markdown: str, anchor: str) -> str:
    start = re.search(rf"^##\s.*\{{\s*#{anchor}\s*\}}\s*$", markdown, flags=re.M)
    assert start, f"no section #{anchor}"
    rest = markdown[start.end():]
    end = re.search(r"^##\s", rest, flags=re.M)
    return rest[: end.start()] if end else rest


def test_worked_example_numbers_match_the_mechanics_engine():
    """The lesson's arithmetic is the engine's arithmetic: BW 700 N, W = 5/6 BW, b 10 cm, a 5 cm, 70°."""
    from hipdrop.mechanics.model import Inputs
    from hipdrop.mechanics.statics import solve

    def run(lean_cm: float):
        return solve(Inputs(
            body_weight_n=700, weight_share_pct=100 * 5 / 6, body_weight_arm_cm=10, abductor_arm_cm=5,
            abductor_angle_deg=70, lean_cm=lean_cm, cane_force_n=0, cane_hand="opposite", cane_arm_cm=30,
            abductor_capacity_n=5000,
        ))

    text = read(DOCS / "lessons" / "mechanics.md")
    upright = run(0)
    example = _section(text, "worked-example")
    for shown in (
        f"{upright.superincumbent_weight_n:,.0f} N",
        f"{upright.abductor_force_n:,.0f} N",
        f"{upright.abductor_force_bw:.1f} times body weight",
        f"{upright.joint_force_vertical_n - upright.superincumbent_weight_n:,.0f} N",
        f"{upright.joint_force_lateral_n:,.0f} N",
        f"{upright.joint_force_n:,.0f} N",
        f"{upright.joint_force_bw:.1f} times body weight",
    ):
        assert shown in example, f"worked example should show {shown!r}"
    leaning = run(5)
    lean = _section(text, "trunk-lean")
    for shown in (f"{leaning.abductor_force_n:,.0f} N", f"{leaning.joint_force_bw:.1f} times body weight"):
        assert shown in lean, f"trunk-lean example should show {shown!r}"
