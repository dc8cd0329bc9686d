"""The example course (examples/sourdough, built from the installed wheel in a fresh venv), in
Chromium: Python starts in the worker from the site's own Pyodide and engine wheel, and answering
the quiz gets feedback graded by it."""

import re

import pytest
import yaml
from playwright.sync_api import expect

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
