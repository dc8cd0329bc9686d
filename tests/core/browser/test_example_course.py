"""The example course (examples/sourdough, built from the installed wheel in a fresh venv), in
Chromium: Python starts in the worker from the site's own Pyodide and engine wheel, and answering
the quiz gets feedback graded by it. The mini course with a widget of its own (built with the same
wheel, tests/helpers/widget_course.py): the widget's Python answers. Both pass axe-core in the light
and the dark palette, at desktop width and at 320 px (tests/helpers/a11y_audit.py)."""

import re

import pytest
import yaml
from playwright.sync_api import expect

from a11y_audit import audit_site
from example_course import COURSE
from hipdrop_tools.offline.serve import serve_in_thread
from support import PYODIDE_TIMEOUT_MS
from quiz_page import answer, fieldset

# The first test to ask for the example course builds a wheel, a venv and the site: minutes.
pytestmark = pytest.mark.timeout(900)

# Pyodide boots in about 3 s on an idle machine; with six sessions on two cores it has taken 40 s.
# Allow the engine client's own boot limit (90 s), which is when the page itself gives up.
BOOT_TIMEOUT_MS = max(PYODIDE_TIMEOUT_MS, 90_000)
BANK = yaml.safe_load((COURSE / "quizzes" / "how-dough-rises.yml").read_text())


@pytest.fixture(scope="module")
def example_url(example_course):
    server, url = serve_in_thread(example_course.site)
    yield url
    server.shutdown()


def open_quiz(page, url):
    errors, requests, workers = [], [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requests.append(request.url))
    page.on("worker", lambda worker: workers.append(worker.url))
    page.goto(url + "rise/")
    quiz = page.locator('[data-hipdrop-widget="quiz"][data-quiz="how-dough-rises"]')
    expect(quiz).to_have_attribute("data-hipdrop-state", "ready", timeout=BOOT_TIMEOUT_MS)
    expect(quiz).to_have_attribute("data-quiz-ready", "true", timeout=BOOT_TIMEOUT_MS)
    return quiz, errors, requests, workers


def test_python_runs_in_the_worker_from_the_sites_own_files(page, example_url):
    _, errors, requests, workers = open_quiz(page, example_url)
    assert any(w.startswith(example_url) and w.endswith("worker.js") for w in workers), workers
    for needed in (r"/pyodide\.asm\.wasm$", r"/engine/[0-9a-f]+/pyodide-lock\.json$", r"/engine/[0-9a-f]+/hipdrop_course_engine-[^/]+\.whl$"):
        assert any(re.search(needed, r) and r.startswith(example_url) for r in requests), (needed, requests)
    elsewhere = [r for r in requests if not r.startswith((example_url, "data:", "blob:"))]
    assert elsewhere == [], "requests that left the site"
    ping = page.evaluate("() => window.hipdrop.call('engine.ping', {})")
    assert ping["platform"] == "emscripten", ping
    assert errors == []


def test_answering_the_quiz_gets_feedback_graded_in_the_browser(page, example_url):
    quiz, errors, _, _ = open_quiz(page, example_url)
    questions = BANK["questions"]
    wrong, rest = questions[0], questions[1:]
    bad = next(o for o in wrong["options"] if not o.get("correct"))
    fieldset(quiz, wrong).locator(f'input[value="{bad["id"]}"]').check()
    for question in rest:
        answer(quiz, question, right=True)
    quiz.get_by_role("button", name="Check answers").click()

    n = len(questions)
    expect(quiz.locator(".hd-result")).to_have_text(f"You scored {n - 1} out of {n} ({int(100 * (n - 1) / n + 0.5)}%).")
    box = fieldset(quiz, wrong)
    expect(box).to_have_attribute("data-verdict", "incorrect")
    expect(box.locator(f'.hd-option[data-option="{bad["id"]}"] .hd-option-feedback')).to_contain_text(bad["feedback"])
    for question in rest:
        expect(fieldset(quiz, question)).to_have_attribute("data-verdict", "correct")
    numeric = next(q for q in questions if q["type"] == "numeric")
    expect(fieldset(quiz, numeric)).to_contain_text(numeric["feedback"]["correct"])
    assert errors == []


@pytest.fixture(scope="module")
def widget_url(widget_course):
    server, url = serve_in_thread(widget_course.site)
    yield url
    server.shutdown()


def test_a_courses_own_widget_gets_its_answer_from_python_in_the_browser(page, widget_url):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(widget_url)
    widget = page.locator('[data-hipdrop-widget="boiling"]')
    expect(widget.locator(".boiling-answer")).to_have_text("At 1500 m, water boils at about 95 °C.")  # static
    expect(widget).to_have_attribute("data-hipdrop-state", "ready", timeout=BOOT_TIMEOUT_MS)
    widget.get_by_label("Altitude in metres").fill("3000")
    widget.get_by_role("button", name="Work it out").click()
    expect(widget.locator(".boiling-answer")).to_have_text("At 3000 m, water boils at about 90 °C.")
    assert page.evaluate("() => window.hipdrop.call('boiling.at', {altitude: 600})") == {"celsius": 98.0}
    assert errors == []


def audit(browser, url: str, site) -> dict[str, list[str]]:
    """axe-core's findings on every page of a site, in both palettes, at desktop width and 320 px."""
    pages = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html"))
    pages = ["" if p == "./" else p for p in pages] + ["404.html"]
    context = browser.new_context(color_scheme="light", reduced_motion="reduce")
    try:
        findings = audit_site(context, url, pages, BOOT_TIMEOUT_MS)
    finally:
        context.close()
    assert all(sorted(f.axe) == ["default", "slate"] for f in findings), "not audited in both palettes"
    assert any(f.widget_states for f in findings) and all(set(f.widget_states) <= {"ready"} for f in findings)
    return {f"{f.path} [{scheme}{', 320 px' if narrow else ''}]": found
            for f in findings for narrow, results in ((False, f.axe), (True, f.axe_narrow))
            for scheme, found in results.items() if found}


def test_axe_finds_nothing_on_the_example_course_in_either_palette(browser, example_course, example_url):
    assert audit(browser, example_url, example_course.site) == {}


def test_axe_finds_nothing_on_the_course_with_its_own_widget_in_either_palette(browser, widget_course, widget_url):
    assert audit(browser, widget_url, widget_course.site) == {}
