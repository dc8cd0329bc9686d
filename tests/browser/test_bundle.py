"""The classroom bundle: unzipped anywhere, its launcher serves the whole course with widgets, and
its pages opened straight from disk still read, link and search, with widgets that say what to do."""

import re
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect
from watch import PageWatch

import hipdrop
from support import PYODIDE_TIMEOUT_MS, ROOT

NAME = f"hip-drop-course-{hipdrop.__version__}"


@pytest.fixture(scope="module")
def unzipped(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "hipdrop_tools", "--root", str(ROOT), "bundle", "--out", str(out)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    archive = out / f"{NAME}.zip"
    assert archive.is_file()
    dest = tmp_path_factory.mktemp("classroom")
    with zipfile.ZipFile(archive) as zipped:
        assert {n.split("/")[0] for n in zipped.namelist()} == {NAME}
        zipped.extractall(dest)
    folder = dest / NAME
    for name in ("serve.py", "README.txt", "index.html", "site/index.html"):
        assert (folder / name).is_file(), name
    return folder


@pytest.fixture
def launcher(unzipped):
    """serve.py as a teacher starts it, but with no site-packages (-S: the standard library only),
    no browser, and a free port."""
    process = subprocess.Popen(
        [sys.executable, "-S", str(unzipped / "serve.py"), "--no-browser", "--port", "0"],
        cwd=unzipped.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    line = process.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:\d+/", line)
    if not match:
        process.kill()
        pytest.fail(f"the launcher did not start: {line}{process.stderr.read()}")
    yield match.group(0)
    process.terminate()
    process.wait(timeout=10)


# One option ticked in lesson 1's six questions: the score sentence, right (1/6 = 17 %) or wrong.
SCORE_ONE_TICK = re.compile(r"^You scored [01] out of 6 \((0|17)%\)\.$")


def test_the_launcher_serves_every_page_and_the_widgets_run(context, unzipped, launcher):
    parsed = urlparse(launcher)
    watch = PageWatch(f"{parsed.scheme}://{parsed.netloc}").attach(context)
    page = context.new_page()
    pages = sorted(p.relative_to(unzipped / "site").as_posix() for p in (unzipped / "site").rglob("*.html"))
    assert "lessons/mechanics.html" in pages
    for path in pages:
        page.goto(launcher + path, wait_until="load")
        expect(page.locator("h1").first).to_be_visible()
        for widget in page.locator("[data-hipdrop-widget]").all():
            expect(widget).to_have_attribute("data-hipdrop-state", "ready", timeout=PYODIDE_TIMEOUT_MS)
        page.wait_for_load_state("networkidle")
    page.goto(launcher + "lessons/what-is-trendelenburg.html")
    quiz = page.locator('[data-hipdrop-widget="quiz"]').first
    expect(quiz).to_have_attribute("data-hipdrop-state", "ready", timeout=PYODIDE_TIMEOUT_MS)
    quiz.locator("fieldset.hd-question").first.locator("input").first.check()
    quiz.get_by_role("button", name=re.compile("Check")).click()
    expect(quiz.locator(".hd-result")).to_have_text(SCORE_ONE_TICK)
    # A link from there goes to the lab, which runs too.
    page.locator('nav a[href$="mechanics.html"]').first.click()
    lab = page.locator('[data-hipdrop-widget="mechanics"]')
    expect(lab).to_have_attribute("data-hipdrop-state", "ready", timeout=PYODIDE_TIMEOUT_MS)
    assert watch.problems() == []


def test_opened_from_disk_pages_links_and_search_work_and_widgets_point_to_the_launcher(context, unzipped):
    requested = []
    context.on("request", lambda r: requested.append(r.url))
    errors = []
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))

    page.goto((unzipped / "index.html").as_uri())  # the double-clicked file
    expect(page).to_have_url(re.compile(r"/site/index\.html$"))
    page.locator('nav a[href$="what-is-trendelenburg.html"]').first.click()
    expect(page.locator("h1")).to_contain_text("Trendelenburg")

    quiz = page.locator('[data-hipdrop-widget="quiz"]').first
    expect(quiz).to_have_attribute("data-hipdrop-state", "needs-launcher")
    expect(quiz.locator(".hd-status")).to_contain_text("serve.py")
    expect(quiz.locator("fieldset").first).to_be_visible()

    page.keyboard.press("/")
    page.keyboard.type("cane", delay=30)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=10_000)
    results.first.locator("a").first.click()
    expect(page.locator("h1")).to_be_visible()
    assert page.url.startswith("file://")

    assert [u for u in requested if not u.startswith(("file:", "data:", "about:", "blob:"))] == []
    assert errors == []
