"""Content quality of the course prose: what a reader notices if it slips.

- Each lesson reads plainly (Flesch reading ease >= 60 with textstat 0.7.3, markup stripped).
- Each lesson opens with objectives, ends with a summary and its check quiz (4 to 8 questions).
- Every quiz question links to a heading that exists in its lesson.
- Every acronym and technical term used in a lesson is defined in the glossary, and every glossary
  term shows its definition on hover (includes/abbreviations.md).
- None of the source article's known slips (domain brief section 3.8) appears anywhere in the course.
- None of the statements a clinical review corrected (issue 14) comes back: in lessons, glossary, FAQ,
  teachers' pages, hover definitions, quiz banks or the mechanics lab's notes.
- Every source tag a reader sees, "(Author year)", leads to a full entry in docs/references.md.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from markdown.extensions.toc import slugify

ROOT = Path(__file__).resolve().parents[3]
DOCS = ROOT / "docs"
# Each lesson page and the quiz bank its check quiz shows.
LESSON_BANKS = [
    ("what-is-trendelenburg.md", "lesson-1"),
    ("mechanics.md", "lesson-2"),
    ("causes-and-assessment.md", "lesson-3"),
    ("telling-it-apart.md", "lesson-3b"),
    ("progression.md", "lesson-4"),
    ("dosing.md", "lesson-5"),
    ("walking.md", "lesson-6"),
]
LESSONS = [name for name, _ in LESSON_BANKS]
READING_EASE_FLOOR = 60.0

# Technical words a lesson may use only if the glossary defines them.
JARGON = [
    "abductor", "adduction", "stance leg", "swing leg", "MVIC", "EMG", "moment arm", "lever",
    "superincumbent weight", "joint reaction force", "gluteus medius", "gluteus minimus", "TFL",
    "compensated", "uncompensated", "Trendelenburg sign", "Trendelenburg test", "motor control",
    "activation", "proprioception", "isometric", "osteoarthritis", "tendinopathy",
    "avascular necrosis", "coxa vara", "foot drop", "instrumented implant", "first-class lever",
    "red flag", "false positive", "false negative", "rep", "set", "superior gluteal nerve",
    "sensitivity", "specificity", "kappa", "antalgic", "waddle", "greater trochanter",
    "leg-length difference", "multiple sclerosis", "cerebral palsy", "stroke", "pelvic girdle pain",
    "surgical approach", "progressive muscular atrophy", "abductor lurch",
]

# Technical words that must show their definition on hover wherever a lesson uses them.
HOVER = [
    "abductors", "adduction", "stance leg", "swing leg", "moment arm", "first-class lever",
    "superincumbent weight", "joint reaction force", "gluteus medius", "gluteus minimus",
    "motor control", "proprioception", "isometric", "osteoarthritis", "gluteal tendinopathy",
    "avascular necrosis", "coxa vara", "foot drop", "superior gluteal nerve", "Trendelenburg sign",
    "Trendelenburg gait", "compensated", "uncompensated", "sensitivity", "specificity", "kappa",
    "greater trochanter", "cerebral palsy", "progressive muscular atrophy", "abductor lurch",
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


def quiz_bank(bank: str) -> dict:
    return yaml.safe_load(read(ROOT / "quizzes" / f"{bank}.yml"))


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


@pytest.mark.parametrize("name,bank", LESSON_BANKS)
def test_lesson_has_objectives_summary_and_quiz(name, bank):
    text = read(DOCS / "lessons" / name)
    first_section = text.split("\n## ", 1)[0]
    assert "By the end of this lesson you will be able to" in first_section, f"{name}: no objectives up front"
    assert re.search(r"^- ", first_section, flags=re.M), f"{name}: objectives are not a list"
    assert re.search(r"^## Summary\b", text, flags=re.M), f"{name}: no '## Summary' section"
    slot = f'{{{{ quiz("{bank}") }}}}'
    assert slot in text, f"{name}: no quiz slot {slot}"
    assert text.index(slot) > text.index("## Summary"), f"{name}: the quiz must come after the summary"


@pytest.mark.parametrize("name,bank", LESSON_BANKS)
def test_quiz_links_point_to_real_lesson_sections(name, bank):
    questions = quiz_bank(bank)["questions"]
    assert 4 <= len(questions) <= 8, f"{bank}.yml: {len(questions)} questions, want 4-8"
    for question in questions:
        target, _, anchor = question["link"].partition("#")
        page = DOCS / target
        assert page.is_file(), f"{bank}.yml {question['id']}: link to missing page {target}"
        assert anchor in headings_ids(read(page)), (
            f"{bank}.yml {question['id']}: no heading #{anchor} in {target}"
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
    from hipdrop_course.engine.mechanics.model import Inputs
    from hipdrop_course.engine.mechanics.statics import solve

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


# ---------------------------------------------------------------- clinical corrections (issue 14)

# Statements a physiotherapist's review found wrong. Each pattern matches the old wording (and close
# rewordings of it) within one sentence; the text is searched with line breaks joined, so a statement
# split over two lines is still found.
CORRECTED = {
    "coxa vara does not shorten the abductors' lever": r"coxa vara[^.]{0,120}\bshort(ens|er|ened)\b|shortens the abductors' lever",
    "joint force 2.5-4 x BW mixes Pauwels's 4 x W with body weight": (
        r"2\.5\s*(to|–|-)\s*4\s*(times|×|x)\s*(BW|body\s+weight)|4\s*(times|×)\s*(BW|body\s+weight)\s*\(Pauwels"
    ),
    "leaning 'helps the hip but costs the knee' is one-sided": (
        r"costs the knee|not (advised|recommended) as a (way to unload|strategy)[^.]*on its own"
    ),
    "bare citation with no author: Gait & Posture 2014": r"Gait\s*(&|&amp;|and)?\s*Posture,?\s*2014",
    "bare citation with no author: (JOSPT Open 2024)": r"\(JOSPT Open,? 2024\)",
    "bare citation: (Gray's Anatomy) with no editor, edition or year": r"\(Gray's Anatomy[;)]|Gray's Anatomy hip chapter",
    "progressive muscular atrophy is a muscle-wasting disease, not a disease of the nerves": (
        r"wasting (from )?a disease of the nerves|wasting disease of the nerves"
    ),
    "the superior gluteal nerve comes from the L4-S1 roots; it does not 'leave the spine'": (
        r"(superior gluteal|this) nerve leaves the spine"
    ),
    "cerebral palsy is a brain condition, not a disease of nerve or muscle": r"nerve or muscle, such as[^.]*cerebral palsy",
    "abductor tendon tears belong with the muscles, not with pain": (
        r"Tears of the abductor tendons can also follow a hip replacement"
    ),
    "'Duchenne or abductor lurch' named without saying what it is": r"Duchenne or abductor lurch",
    "gym jargon: rep max": r"\brep[- ]max\b|\b\d+\s*RM\b",
    "no trial tested the progression: not 'the progression that helps'": r"(exercise )?progression that helps",
    "the moving-on check is the course's own, not the clinical test's": r"This is\s+the time used in the clinical test",
    "the self-check cannot use both hands on the hips and one on the counter": (
        r"Put your hands or thumbs on the bony tops of your hips"
    ),
}


def _reader_facing_files():
    """Every file whose words reach a reader: pages, hover definitions, quiz banks, the site's
    description, and the notes the mechanics lab prints under its figure."""
    files = sorted(DOCS.rglob("*.md")) + sorted((ROOT / "quizzes").glob("*.yml"))
    files += [ROOT / "includes" / "abbreviations.md", ROOT / "mkdocs.yml"]
    files += [ROOT / "macros" / "engine" / "mechanics" / "presets.py"]
    return files


def _joined(path: Path) -> str:
    """Line breaks (and the indentation and string quotes that wrap Python text) folded to spaces."""
    text = read(path)
    if path.suffix == ".py":
        text = re.sub(r'"\s*\n\s*"', "", text)
    return re.sub(r"\s*\n\s*", " ", text)


@pytest.mark.parametrize("statement,pattern", sorted(CORRECTED.items()))
def test_no_corrected_statement_comes_back(statement, pattern):
    hits = []
    for path in _reader_facing_files():
        for match in re.finditer(pattern, _joined(path), flags=re.I):
            hits.append(f"{path.relative_to(ROOT)}: ...{match.group(0)}...")
    assert not hits, f"{statement}: found {hits}"


def test_correction_patterns_catch_the_old_wording():
    """Each pattern still matches the sentence it was written against, so a typo cannot disarm it."""
    old = [
        "If that part is short, bent or broken ... A thigh bone whose neck is at too small an angle (coxa vara) shortens the abductors' lever.",
        "Force pressing the hip joint | 2.5 to 4 times BW | Gray's Anatomy; Pauwels 1935",
        "explain why leaning over the stance leg helps the hip but costs the knee;",
        "it is not advised as a way to unload the joints on its own (Gait & Posture 2014).",
        "It also felt the least natural (JOSPT Open 2024).",
        "Textbook models use a ratio of about 2 to 1 (Gray's Anatomy).",
        "people whose muscles were wasting from a disease of the nerves",
        "This nerve leaves the spine at the low back (L4 to S1)",
        "Diseases of nerve or muscle, such as polio, muscular dystrophy or cerebral palsy.",
        "Tears of the abductor tendons can also follow a hip replacement.",
        "Some clinicians call this a Duchenne or abductor lurch.",
        "A 10-rep max is a load you can lift 10 times.",
        "and the exercise progression that helps.",
        "for 30 seconds with the pelvis level. This is the time used in the clinical test",
        "Put your hands or thumbs on the bony tops of your hips, or wear a belt",
    ]
    for statement, pattern in CORRECTED.items():
        assert any(re.search(pattern, sentence, flags=re.I) for sentence in old), f"pattern for {statement!r} matches nothing"


def test_duchenne_is_explained_wherever_it_is_named():
    """Readers hear 'Duchenne' as the muscular dystrophy: every mention must say it is not that."""
    for path in _reader_facing_files():
        text = _joined(path)
        for match in re.finditer(r"Duchenne", text):
            near = text[max(0, match.start() - 300): match.end() + 300]
            assert re.search(r"muscular dystrophy", near), f"{path.relative_to(ROOT)}: 'Duchenne' without explanation"


@pytest.mark.parametrize("name", LESSONS)
def test_emg_is_defined_where_a_lesson_first_uses_it(name):
    text = prose(read(DOCS / "lessons" / name))
    first = re.search(r"\bEMG\b", text)
    if first:
        near = text[max(0, first.start() - 200): first.end() + 200]
        assert re.search(r"electromyography", near, flags=re.I), f"{name}: EMG used before it is defined"


def test_self_check_says_which_hand_rests_on_the_counter_and_why():
    section = _section(read(DOCS / "lessons" / "causes-and-assessment.md"), "self-check")
    assert "standing leg's side" in section
    assert re.search(r"Why the hand on the standing leg's side", section), "the self-check must say why"
    # One hand on the counter the whole time: no step may ask for both hands elsewhere.
    assert not re.search(r"\bhands\b[^.]*\bhips\b", section)


def test_moving_on_check_is_called_the_courses_own():
    section = _section(read(DOCS / "lessons" / "dosing.md"), "phase-criteria")
    assert "the course's own" in section and "Hardcastle and Nade 1985" in section


def test_mvic_figures_say_peak_or_mean():
    text = read(DOCS / "lessons" / "progression.md")
    assert re.search(r"Boren 2011 reported \*\*peak\*\* values", text)
    assert re.search(r"report \*\*means\*\*", text)


# ---------------------------------------------------------------- every source tag has a reference

TAG_PAGES = [DOCS / "lessons" / name for name in LESSONS] + [
    DOCS / n for n in ("glossary.md", "faq.md", "index.md", "about.md")
] + [DOCS / "teachers" / n for n in ("index.md", "lesson-plans.md")]
YEAR = r"(?:1[89]\d\d|20\d\d)[a-z]?|n\.d\."


def source_tags(text: str) -> set[tuple[str, str]]:
    """(first name-word, year) for each citation inside parentheses: '(Neumann 1998)',
    '(Bolgla and Uhl 2005; Boren 2011)', '(Frost, n.d.)', '(walking-modification study, JOSPT Open 2024)'."""
    tags = set()
    for group in re.findall(r"\(([^()]*?(?:" + YEAR + r"))\)", text):
        for part in group.split(";"):
            year = re.search(YEAR, part)
            words = re.findall(r"\b[A-Z][A-Za-z'’-]+", part)
            if year and words:
                tags.add((words[0] if words[0] not in {"Pauwels's"} else "Pauwels", year.group(0)))
    return tags


def reference_entries() -> list[str]:
    """docs/references.md list items, each joined onto one line."""
    text = read(DOCS / "references.md")
    return [re.sub(r"\s*\n\s*", " ", item) for item in re.split(r"\n- ", text)[1:]]


def test_source_tag_reader_finds_authors_and_years():
    assert source_tags("as shown (Bolgla and Uhl 2005; Boren 2011) and (Frost, n.d.).") == {
        ("Bolgla", "2005"), ("Boren", "2011"), ("Frost", "n.d."),
    }


@pytest.mark.parametrize("page", TAG_PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_every_source_tag_leads_to_a_full_reference(page):
    entries = reference_entries()
    missing = sorted(
        f"{who} {year}"
        for who, year in source_tags(_joined(page))
        if not any(who in entry and year in entry for entry in entries)
    )
    assert not missing, f"{page.relative_to(ROOT)}: source tags with no entry in docs/references.md: {missing}"


def test_every_reference_entry_is_full():
    """Authors (or a named body), a title, a journal or publisher, a year; books give an edition."""
    for entry in reference_entries():
        entry = entry.split("\n## ")[0]
        assert re.search(YEAR, entry), f"reference without a year: {entry[:80]}"
        assert re.search(r"\*[^*]+\*|Unpublished study, ", entry), (
            f"reference without a journal or book title in italics (or 'Unpublished study'): {entry[:80]}"
        )
        if re.search(r"Gray's Anatomy|Kinesiology of the Musculoskeletal|Gait Analysis:|Apley's", entry):
            assert re.search(r"\b\d+(st|nd|rd|th) ed\.", entry), f"book without an edition: {entry[:80]}"
