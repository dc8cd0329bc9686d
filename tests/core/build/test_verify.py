"""`hipdrop verify SITE_DIR` passes on a good build and fails loudly, naming every file and what is
wrong, on a build whose widget pages cannot start Python: an engine that ignored the plugin (no
engine or Pyodide meta tags), files deleted from the site, a course built without the plugin.

Every broken site is a copy: the shared built site is never changed.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT

HIPDROP = [sys.executable, "-m", "hipdrop_tools"]
EXAMPLE = ROOT / "examples" / "sourdough"
WIDGET = re.compile(r"data-hipdrop-widget=")


def verify(site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*HIPDROP, "verify", str(site)], capture_output=True, text=True, timeout=300)


def problems(result: subprocess.CompletedProcess) -> list[str]:
    """The listed problems ('  - FILE: message'), after checking that the run failed cleanly."""
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert re.fullmatch(r"\d+ problems? in the built site:", lines[0]), lines[0]
    listed = [line[len("  - "):] for line in lines[1:]]
    assert all(listed), lines
    assert len(listed) == int(lines[0].split()[0])
    return listed


def widget_pages(site: Path) -> list[str]:
    """Every page holding a widget, found by reading the HTML (not by the code under test)."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if WIDGET.search(p.read_text()))


def only(site: Path, pattern: str) -> Path:
    found = list(site.rglob(pattern))
    assert len(found) == 1, (pattern, found)
    return found[0]


@pytest.fixture
def site_copy(built_site, tmp_path) -> Path:
    dest = tmp_path / "site"
    shutil.copytree(built_site, dest)
    return dest


def test_a_good_build_passes(built_site):
    result = verify(built_site)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    pages = len(list(built_site.rglob("*.html")))
    assert f"{pages} pages checked, {len(widget_pages(built_site))} with widgets" in result.stdout


def test_widget_pages_without_the_engine_tags_fail(site_copy):
    """An engine that ignores the plugin: the pages hold widgets, but name no engine or Pyodide."""
    pages = widget_pages(site_copy)
    assert len(pages) >= 3
    for rel in pages:
        path = site_copy / rel
        html = re.sub(r'<meta name="hipdrop-(engine-lock|pyodide)" content="[^"]*">', "", path.read_text())
        path.write_text(html)
    listed = problems(verify(site_copy))
    for rel in pages:
        assert any(p.startswith(f"{rel}: has widgets") and "hipdrop-engine-lock" in p for p in listed), (rel, listed)
        assert any(p.startswith(f"{rel}: has widgets") and "hipdrop-pyodide" in p for p in listed), (rel, listed)
    assert len(listed) == 2 * len(pages), listed


def test_a_deleted_engine_wheel_is_named_once_by_its_lock(site_copy):
    wheel = only(site_copy, "*.whl")
    wheel.unlink()
    lock = (wheel.parent / "pyodide-lock.json").relative_to(site_copy).as_posix()
    listed = problems(verify(site_copy))
    named = [p for p in listed if p.startswith(f"{lock}: the engine wheel it lists for hipdrop-course-engine")]
    assert len(named) == 1 and named[0].endswith("is not in the site"), listed
    # the service worker would try to precache it too
    assert any(p.startswith("sw.js: precaches") and wheel.name in p for p in listed), listed


def test_a_deleted_engine_lock_is_named_on_every_widget_page(site_copy):
    only(site_copy, "pyodide-lock.json").unlink()
    listed = problems(verify(site_copy))
    for rel in widget_pages(site_copy):
        named = [p for p in listed if p.startswith(f"{rel}: the engine's lock it names")]
        assert named and named[0].endswith("is not in the site"), listed


def test_an_engine_wheel_changed_after_the_build_is_named(site_copy):
    """The browser would refuse it (its sha256 is not the lock's): verify says so before a reader."""
    wheel = only(site_copy, "*.whl")
    wheel.write_bytes(wheel.read_bytes() + b"\0")
    listed = problems(verify(site_copy))
    assert f"{wheel.relative_to(site_copy).as_posix()}: its sha256 is not the one the engine's lock gives, so the browser would refuse it" in listed, listed


def test_a_deleted_pyodide_file_is_named(site_copy):
    only(site_copy, "pyodide.asm.wasm").unlink()
    listed = problems(verify(site_copy))
    lacking = [p for p in listed if "lacks pyodide.asm.wasm" in p]
    assert len(lacking) == len(widget_pages(site_copy)), listed


def test_a_missing_widget_script_or_bridge_is_named(site_copy):
    quiz_pages = sorted(p.relative_to(site_copy).as_posix() for p in site_copy.rglob("*.html")
                        if 'data-hipdrop-widget="quiz"' in p.read_text())
    assert quiz_pages
    only(site_copy, "widgets/quiz.js").unlink()
    listed = problems(verify(site_copy))
    for rel in quiz_pages:
        assert any(p.startswith(f"{rel}: has a 'quiz' widget but its script") for p in listed), listed

    only(site_copy, "bridge.js").unlink()
    listed = problems(verify(site_copy))
    for rel in widget_pages(site_copy):
        assert any(p.startswith(f"{rel}: the bridge script it loads") for p in listed), listed


def test_a_page_that_does_not_load_the_bridge(site_copy):
    rel = widget_pages(site_copy)[0]
    path = site_copy / rel
    path.write_text(re.sub(r'<script[^>]*bridge\.js[^>]*></script>', "", path.read_text()))
    listed = problems(verify(site_copy))
    assert listed == [f"{rel}: has widgets but does not load the bridge script (bridge.js), so no widget starts"]


def test_a_page_without_its_content_security_policy(site_copy):
    page = site_copy / "index.html"
    page.write_text(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page.read_text()))
    assert problems(verify(site_copy)) == ["index.html: no Content-Security-Policy meta tag"]


def test_an_inline_script_the_policy_does_not_allow(site_copy):
    page = site_copy / "index.html"
    page.write_text(page.read_text().replace("</body>", "<script>document.title = 'changed'</script></body>", 1))
    listed = problems(verify(site_copy))
    assert len(listed) == 1 and listed[0].startswith(
        "index.html: an inline script is not allowed by the page's Content-Security-Policy ('sha256-"), listed


def test_a_page_that_loads_files_from_another_site(site_copy):
    """A theme or plugin that adds a CDN stylesheet or script (Material's web fonts, for one)."""
    page = site_copy / "index.html"
    cdn = '<link rel="stylesheet" href="https://fonts.example.com/css"><script src="//cdn.example.com/x.js"></script>'
    page.write_text(page.read_text().replace("</head>", cdn + "</head>", 1))
    assert problems(verify(site_copy)) == [
        "index.html: loads https://fonts.example.com/css from another site: a course serves every file itself (no CDN)",
        "index.html: loads //cdn.example.com/x.js from another site: a course serves every file itself (no CDN)",
    ]


def test_the_service_worker_lists_a_page_that_is_gone(site_copy):
    page = next(p for p in sorted(site_copy.glob("*/index.html")) if not WIDGET.search(p.read_text()))
    folder = page.parent.name
    page.unlink()
    listed = problems(verify(site_copy))
    assert f"sw.js: lists the page '{folder}/', which is not in the site" in listed, listed


def test_a_site_without_a_service_worker_passes(site_copy):
    (site_copy / "sw.js").unlink()
    assert verify(site_copy).returncode == 0


def test_a_missing_manifest(site_copy):
    (site_copy / "manifest.webmanifest").unlink()
    listed = problems(verify(site_copy))
    assert "manifest.webmanifest: the web app manifest is missing" in listed
    # and every page that links to it says so
    assert any(p.startswith("index.html: the web app manifest it links to") for p in listed), listed


def test_every_problem_is_listed_in_one_run(site_copy):
    only(site_copy, "*.whl").unlink()
    only(site_copy, "pyodide.mjs").unlink()
    (site_copy / "manifest.webmanifest").unlink()
    listed = problems(verify(site_copy))
    assert any("engine wheel" in p for p in listed)
    assert any("lacks pyodide.mjs" in p for p in listed)
    assert any(p.startswith("manifest.webmanifest:") for p in listed)


def test_a_course_built_without_the_plugin_fails(tmp_path):
    """The example course with `hipdrop` taken out of its plugins: MkDocs builds it without
    complaint, but the result is not a course, and verify says why, page by page."""
    course = tmp_path / "course"
    shutil.copytree(EXAMPLE, course)
    config = course / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^\s*- hipdrop\b.*\n", "", config.read_text()))
    assert "hipdrop" not in config.read_text()
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                           cwd=course, capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    listed = problems(verify(tmp_path / "site"))
    assert "index.html: no Content-Security-Policy meta tag" in listed
    assert "manifest.webmanifest: the web app manifest is missing" in listed
    assert any(p.startswith("rise/index.html: a macro call was not rendered: '{{ quiz(") for p in listed), listed


@pytest.mark.parametrize("case", ["missing", "a file", "empty"])
def test_a_wrong_folder_is_one_clear_line(tmp_path, case):
    target = tmp_path / "nowhere"
    if case == "a file":
        target.write_text("not a site")
    elif case == "empty":
        target.mkdir()
    result = verify(target)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"hipdrop: {target}: "), result.stderr
