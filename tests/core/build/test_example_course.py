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
    assert config["theme"]["name"] == "material" and set(config["theme"]) == {"name", "palette"}
    assert [p["scheme"] for p in config["theme"]["palette"]] == ["default", "slate"]  # the reader's choice
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


# ---- the generator's wheel: the generator alone

def test_the_generators_wheel_holds_only_the_generator(example_course):
    """`make wheel`'s wheel (tests/helpers/example_course.py builds it the same way): the packages
    hipdrop and hipdrop_tools and its dist-info, no course's Python or browser files, and metadata
    that names no course."""
    with zipfile.ZipFile(example_course.wheel) as archive:
        names = archive.namelist()
        info = [n for n in names if n.split("/")[0].endswith(".dist-info")]
        metadata = {n: archive.read(n).decode("utf-8") for n in info if not n.endswith("RECORD")}
    tops = {name.split("/")[0] for name in names}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"hipdrop", "hipdrop_tools"}, sorted(tops)
    assert len([t for t in tops if t.endswith(".dist-info")]) == 1
    assert [n for n in names if re.search(r"hipdrop_course|(^|/)macros/|site_assets", n)] == []
    assert [n for n in names if COURSE_WORDS.search(n)] == []
    for name, text in metadata.items():
        assert not COURSE_WORDS.search(text), f"{name}: {COURSE_WORDS.search(text).group(0)!r}"
        assert "hipdrop.packs" not in text, f"{name}: the generator registers no pack"
    assert "Provides-Extra: handouts" in metadata[next(n for n in metadata if n.endswith("/METADATA"))]


# ---- what every course gets from the generator

def test_it_gets_the_generators_theme_fixes(example_course):
    page = (example_course.site / "rise" / "index.html").read_text()
    # Material's storage helpers that never throw when the browser refuses storage
    assert "__md_get=(e,_,t=__md_scope)=>{try{" in page
    # the search dialog's accessible name
    assert re.search(r'class="md-search"[^>]*role="dialog"[^>]*aria-label="Search"', page)
    # the tables that scroll sideways become named, focusable regions
    assert "data-hd-scrollable" in page


def test_its_icon_is_the_generators_neutral_one_in_its_theme_colour(example_course):
    from hipdrop_tools.build.icons import default_icon
    from support import ROOT

    icons = example_course.site / "assets" / "hipdrop" / "icons"
    for name, data in default_icon("#3f51b5").items():  # the plugin's default theme_color
        assert (icons / name).read_bytes() == data, name
        assert data != (ROOT / "site_assets" / "icons" / name).read_bytes(), f"{name}: this course's icon"
    manifest = yaml.safe_load((example_course.site / "manifest.webmanifest").read_text())
    assert {icon["src"] for icon in manifest["icons"]} == {f"assets/hipdrop/icons/{n}" for n in default_icon("#3f51b5")}
    assert '<link rel="icon" href="../assets/hipdrop/icons/icon.svg">' in (example_course.site / "rise" / "index.html").read_text()


def test_handouts_without_the_extra_say_what_to_install(example_course):
    """The wheel installed without its handouts extra (no Playwright, no pypdf): the command says
    what to install, with no traceback."""
    result = subprocess.run([example_course.bin("hipdrop"), "handouts", "--site", str(example_course.site)],
                            cwd=example_course.course, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "pip install 'hipdrop[handouts]'" in result.stderr and "playwright" in result.stderr
    assert "Traceback" not in result.stderr


# ---- a course with a widget of its own (tests/helpers/widget_course.py), from the same wheel

def test_a_course_with_its_own_widget_builds_from_the_wheel_and_passes_verify(example_course, widget_course):
    page = (widget_course.site / "index.html").read_text()
    # The static HTML its macro wrote, with the answer its engine gave at build time.
    assert 'data-hipdrop-widget="boiling"' in page and "At 1500 m, water boils at about 95 °C." in page
    assert (widget_course.site / "assets" / "hipdrop" / "js" / "widgets" / "boiling.js").is_file()
    assert "/* ---- boiling.css ---- */" in (widget_course.site / "assets" / "hipdrop" / "css" / "course.css").read_text()
    with zipfile.ZipFile(engine_wheel(widget_course.site)) as archive:
        names = archive.namelist()
        registry = archive.read("hipdrop/_registry.py").decode()
    assert "hipdrop_course/engine/__init__.py" in names and "'boiling.at': 'hipdrop_course.engine:boiling_point'" in registry
    result = subprocess.run([example_course.bin("hipdrop"), "verify", str(widget_course.site)],
                            cwd=widget_course.course, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "1 with widgets" in result.stdout, result.stdout
    found = [f"{rel}: {m.group(0)!r}" for rel, text in text_files(widget_course.site)
             for m in [COURSE_WORDS.search(text)] if m]
    assert found == [], "\n".join(found)
