"""The generator (src/) names no course: no word of this course (its subject, its widgets, its
name) in any file of src/ (Python, JavaScript, CSS, JSON, templates, the package's README) nor in
the package's metadata in pyproject.toml. This course's words live in its own folders (macros/,
site_assets/, docs/, quizzes/, exercises/, mkdocs.yml).

Allowed, and why:
- ``hipdrop`` written as one word: the generator's own name (its packages, the plugin, the CLI, the
  ``data-hipdrop-*`` attributes, the ``hipdrop-`` cache prefix);
- ``src/hipdrop_tools/vendor/``: the Pyodide runtime and the iframe-worker shim, third-party files
  staged from npm by `make setup` (not committed, not ours).
"""

import re
import tomllib

from support import ROOT

SRC = ROOT / "src"
COURSE_WORDS = re.compile(
    r"trendelenburg|hip[\s_-]+drop|picker|exercis|physiotherap|\bphysio\b|pelvi[sc]|glute|abduct|adductor"
    r"|\bgait\b|\bhip\b|\bhips\b|\bknee|\blimp|clinician|warning signs?\b|red flag|%\s*mvic|\bmvic\b|mechanics",
    re.I,
)
LEFT_OUT = ("vendor", "__pycache__")


def src_files():
    for path in sorted(SRC.rglob("*")):
        rel = path.relative_to(SRC)
        if path.is_file() and not any(part in LEFT_OUT or part.endswith(".egg-info") for part in rel.parts):
            yield rel, path


def test_the_check_knows_this_courses_words():
    for text in ("Trendelenburg gait", "Hip Drop", "hip-drop-course", "the program picker", "Exercises",
                 "your physiotherapist", "the pelvis drops", "gluteus medius", "hip abductors", "%MVIC"):
        assert COURSE_WORDS.search(text), text
    for text in ("hipdrop_tools", "data-hipdrop-widget", "isinstance(x, str)", "lesson", "course booklet"):
        assert not COURSE_WORDS.search(text), text


def test_no_file_of_the_generator_names_this_course():
    found, files = [], 0
    for rel, path in src_files():
        files += 1
        text = path.read_bytes().decode("utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            for match in COURSE_WORDS.finditer(line):
                found.append(f"src/{rel}:{number}: {match.group(0)!r}")
    assert files > 100, "the check saw too few files"
    assert found == [], "\n".join(found)


def test_the_package_metadata_names_no_course():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    readme = (ROOT / project["readme"]).read_text(encoding="utf-8")
    assert project["readme"].startswith("src/"), "the package's README is the generator's, not the repository's"
    for field, value in {**project, "readme": readme}.items():
        assert not COURSE_WORDS.search(str(value)), f"pyproject.toml [project] {field}: {COURSE_WORDS.search(str(value)).group(0)!r}"
