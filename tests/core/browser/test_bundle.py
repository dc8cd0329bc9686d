"""The classroom bundle: unzipped anywhere, its launcher serves the whole course with widgets, and
its pages opened straight from disk still read, link and search, with widgets that say what to do."""

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urldefrag, urlparse

import pytest
import yaml
from playwright.sync_api import expect
from watch import PageWatch

from support import PYODIDE_TIMEOUT_MS, ROOT, SERVICE_WORKERS, reach

pytestmark = SERVICE_WORKERS  # the bundle as a teacher runs it, its service worker included

# Every link of a page as the browser resolves it, widgets' own links included (read once they run).
LINKS_SCRIPT = "() => [...document.querySelectorAll('a[href], area[href]')].map((a) => a.href)"
# Every method the page asks the Python worker for.
POST_PROBE = """
window.hdPosts = [];
const post = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (message, ...rest) {
  window.hdPosts.push(String(message && message.method));
  return post.call(this, message, ...rest);
};
"""


@pytest.fixture(scope="module")
def unzipped(unzipped_bundle) -> Path:
    """The bundle made by `hipdrop bundle` and unzipped (conftest, once per session)."""
    for name in ("serve.py", "README.txt", "index.html", "site/index.html"):
        assert (unzipped_bundle / name).is_file(), name
    return unzipped_bundle


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


def score_one_tick() -> re.Pattern:
    """The score sentence after one option is ticked in lesson 1's quiz: right (1/N) or wrong (0/N)."""
    count = len(yaml.safe_load((ROOT / "quizzes" / "lesson-1.yml").read_text(encoding="utf-8"))["questions"])
    return re.compile(rf"^You scored [01] out of {count} \(({round(100 / count)}|0)%\)\.$")


def test_the_launcher_serves_every_page_every_link_answers_and_the_widgets_run(context, unzipped, launcher, report):
    parsed = urlparse(launcher)
    watch = PageWatch(f"{parsed.scheme}://{parsed.netloc}").attach(context)
    context.add_init_script(POST_PROBE)
    page = context.new_page()
    pages = sorted(p.relative_to(unzipped / "site").as_posix() for p in (unzipped / "site").rglob("*.html"))
    assert "lessons/mechanics.html" in pages
    links = []
    for path in pages:
        page.goto(launcher + path, wait_until="load")
        expect(page.locator("h1").first).to_be_visible()
        for widget in page.locator("[data-hipdrop-widget]").all():
            expect(reach(widget)).to_have_attribute("data-hipdrop-state", "ready", timeout=PYODIDE_TIMEOUT_MS)
        page.wait_for_load_state("networkidle")
        links += [(path, href) for href in page.evaluate(LINKS_SCRIPT) if href.startswith(launcher)]
    # Follow every internal link of every page through the launcher: each one answers 200.
    targets = sorted({urldefrag(href).url for _, href in links})
    answers = {url: context.request.get(url).status for url in targets}
    broken = [f"{path}: {href} -> HTTP {answers[urldefrag(href).url]}" for path, href in links
              if answers[urldefrag(href).url] != 200]
    report(f"links, bundle through its launcher: {len(links)} internal links on {len(pages)} pages followed, "
           f"{len(targets)} distinct addresses requested, {len(broken)} not answering 200")
    assert broken == []
    assert len(targets) > len(pages)
    page.goto(launcher + "lessons/what-is-trendelenburg.html")
    quiz = page.locator('[data-hipdrop-widget="quiz"]').first
    expect(reach(quiz)).to_have_attribute("data-hipdrop-state", "ready", timeout=PYODIDE_TIMEOUT_MS)
    quiz.locator("fieldset.hd-question").first.locator("input").first.check()
    sent = page.evaluate("() => window.hdPosts.length")
    quiz.get_by_role("button", name=re.compile("Check")).click()
    expect(quiz.locator(".hd-result")).to_have_text(score_one_tick())
    # graded by the engine in the Python worker, not in JavaScript
    assert [m for m in page.evaluate(f"() => window.hdPosts.slice({sent})") if m.startswith("quiz.")], "no quiz call to Python"
    # A link from there goes to the lab, which runs too.
    page.locator('nav a[href$="mechanics.html"]').first.click()
    lab = page.locator('[data-hipdrop-widget="mechanics"]')
    expect(reach(lab)).to_have_attribute("data-hipdrop-state", "ready", timeout=PYODIDE_TIMEOUT_MS)
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


def test_the_launcher_answers_a_missing_page_with_the_course_404_page(context, unzipped, launcher):
    response = context.request.get(launcher + "lessons/no-such-lesson.html")
    assert response.status == 404
    assert response.text() == (unzipped / "site" / "404.html").read_text(encoding="utf-8")
