"""A course that is not this one (examples/sourdough: three pages, one quiz bank, `plugins: [search,
hipdrop]` and nothing else) builds from the installed wheel in a fresh venv, passes `hipdrop
verify`, and carries nothing of the Hip Drop course: no page, script, data file or engine module
of it. The browser half is tests/core/browser/test_example_course.py.
"""

import re
import subprocess
import zipfile

import pytest
import yaml

from example_course import COURSE

# The first test to ask for the example course builds a wheel, a venv and the site: minutes.
pytestmark = pytest.mark.timeout(900)

# Words of the Hip Drop course and its pack. "hipdrop" alone is the tool's name (the plugin, its
# asset folder, its data attributes) and may appear; the course's name, written apart, may not.
COURSE_WORDS = re.compile(r"hip[\s_-]+drop|trendelenburg|picker|mechanics", re.I)


def text_files(site):
    """(site-relative path, text) of every file of the site that is text (UTF-8, no NUL byte)."""
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if b"\0" in data:
            continue
        try:
            yield path.relative_to(site).as_posix(), data.decode("utf-8")
        except UnicodeDecodeError:
            continue


def engine_wheel(site):
    wheels = list(site.rglob("*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def test_the_course_is_only_what_an_author_writes():
    config = yaml.safe_load((COURSE / "mkdocs.yml").read_text())
    assert config["theme"] == {"name": "material"}
    assert config["plugins"] == ["search", "hipdrop"]
    assert set(config) <= {"site_name", "site_description", "theme", "plugins", "nav"}
    assert sorted(p.name for p in COURSE.iterdir()) == ["docs", "mkdocs.yml", "quizzes"]
    pages = sorted((COURSE / "docs").glob("*.md"))
    assert 2 <= len(pages) <= 3
    for page in pages:
        assert "This is an example course" in page.read_text(), page.name
    assert '{{ quiz("how-dough-rises") }}' in (COURSE / "docs" / "rise.md").read_text()
    for path in COURSE.rglob("*"):
        if path.is_file():
            assert not COURSE_WORDS.search(path.read_text()), path


def test_it_builds_strict_from_the_installed_wheel(example_course):
    assert example_course.build.returncode == 0
    # the mkdocs that built it is the fresh venv's, with the plugin from the wheel, not this checkout
    show = subprocess.run([example_course.bin("python"), "-c",
                           "import hipdrop_tools, mkdocs; print(hipdrop_tools.__file__)"],
                          capture_output=True, text=True, check=True)
    assert str(example_course.venv) in show.stdout, show.stdout
    assert (example_course.site / "rise" / "index.html").is_file()


def test_hipdrop_verify_passes_on_it(example_course):
    result = subprocess.run([example_course.bin("hipdrop"), "verify", str(example_course.site)],
                            cwd=example_course.course, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "4 pages checked, 1 with widgets" in result.stdout, result.stdout


def test_no_file_of_the_site_mentions_the_hip_drop_course(example_course):
    found = [f"{rel}: {match.group(0)!r}" for rel, text in text_files(example_course.site)
             for match in [COURSE_WORDS.search(text)] if match]
    assert found == [], "\n".join(found)


def test_the_engine_wheel_holds_only_the_core(example_course):
    with zipfile.ZipFile(engine_wheel(example_course.site)) as archive:
        names = archive.namelist()
        # Bytecode too (the words of its strings are in it as UTF-8).
        texts = {name: archive.read(name).decode("utf-8", errors="replace") for name in names}
    tops = {name.split("/")[0] for name in names}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"hipdrop"}, sorted(tops)
    assert "hipdrop/quiz/grading.py" in names
    assert [n for n in names if COURSE_WORDS.search(n)] == []
    assert [n for n, text in texts.items() if COURSE_WORDS.search(text)] == []


def test_the_site_is_named_after_the_course(example_course):
    manifest = yaml.safe_load((example_course.site / "manifest.webmanifest").read_text())
    assert manifest["name"] == "How sourdough rises (an example course)"
