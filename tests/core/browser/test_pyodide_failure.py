"""When Pyodide cannot load, or fails after it is up, the widget says so in its status with a
Retry that brings it back, the lesson stays readable, and no call hangs: a runtime that is missing,
an engine exception in a call, a worker ended or crashed mid-session, a boot that stalls, an
unknown widget kind and a widget script that failed to download."""

import json

import yaml
from playwright.sync_api import expect

from support import PYODIDE_TIMEOUT_MS, ROOT, question_count, score_sentence, reach

LESSON = "lessons/what-is-trendelenburg/"


def test_runtime_404_shows_failure_with_retry_and_no_uncaught_error(context, site_url):
    errors = []
    context.route("**/assets/pyodide/**", lambda route: route.fulfill(status=404, body="gone"))
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + LESSON)

    quiz = page.locator('[data-hipdrop-widget="quiz"]').first
    expect(reach(quiz)).to_have_attribute("data-hipdrop-state", "failed", timeout=PYODIDE_TIMEOUT_MS)
    status = quiz.locator(".hd-status")
    expect(status).to_contain_text("Python could not start")
    expect(status.get_by_role("button", name="Retry")).to_be_visible()
    # The lesson and the static quiz stay usable.
    expect(page.locator("h1")).to_be_visible()
    expect(quiz.locator("fieldset").first).to_be_visible()
    expect(quiz.locator(".hd-answer-key summary")).to_be_visible()
    assert errors == []

    # Once the runtime can be fetched again, Retry brings the quiz to life.
    context.unroute("**/assets/pyodide/**")
    status.get_by_role("button", name="Retry").click()
    expect(reach(quiz)).to_have_attribute("data-hipdrop-state", "ready", timeout=PYODIDE_TIMEOUT_MS)
    expect(quiz.get_by_role("button", name="Check answers")).to_be_visible()
    assert errors == []


def test_engine_wheel_404_also_fails_visibly(context, site_url):
    context.route("**/*.whl", lambda route: route.fulfill(status=404, body="gone"))
    page = context.new_page()
    page.goto(site_url + LESSON)
    quiz = page.locator('[data-hipdrop-widget="quiz"]').first
    expect(reach(quiz)).to_have_attribute("data-hipdrop-state", "failed", timeout=PYODIDE_TIMEOUT_MS)
    expect(quiz.locator(".hd-status")).to_contain_text("course engine could not be downloaded")


def test_a_tampered_engine_wheel_is_refused_and_retry_brings_the_real_one(context, site_url):
    """The lock gives the wheel's sha256: Pyodide refuses other bytes, the engine never runs, the
    widget says why, with Retry, and nothing waits for a reply that cannot come."""
    def tampered(route):
        response = route.fetch()
        body = bytearray(response.body())
        body[len(body) // 2] ^= 0xFF
        route.fulfill(response=response, body=bytes(body))

    context.route("**/*.whl", tampered)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + LESSON)
    quiz = page.locator('[data-hipdrop-widget="quiz"]').first
    expect(reach(quiz)).to_have_attribute("data-hipdrop-state", "failed", timeout=PYODIDE_TIMEOUT_MS)
    status = quiz.locator(".hd-status")
    expect(status).to_contain_text("the course engine did not match its checksum, so it was not run")
    assert page.evaluate("() => hipdrop.call('engine.ping', {}).then(() => 'answered', e => 'refused')") == "refused"
    expect_static_content_usable(page, quiz)

    # The browser's cache may hold the damaged copy: Retry asks the server again.
    context.unroute("**/*.whl")
    retry_brings_the_quiz_back(page, quiz)
    assert errors == []


# ------------------------------------------------ faults after Python is up, each with a Retry

# Test-only handles on the page's worker, installed before the page's scripts run: every Worker
# the page starts is kept in window.__hdWorkers, and the next request for the method named in
# window.__hdBreakNext goes out with its params emptied (a call with bad params).
WORKER_HANDLES = """
(() => {
  const Original = window.Worker;
  window.__hdWorkers = [];
  window.Worker = class extends Original {
    constructor(...args) {
      super(...args);
      window.__hdWorkers.push(this);
    }
    postMessage(message, ...rest) {
      if (message && message.method && message.method === window.__hdBreakNext) {
        window.__hdBreakNext = null;
        message = { ...message, params: {} };
      }
      return super.postMessage(message, ...rest);
    }
  };
})();
"""


def first_question(name="lesson-1"):
    bank = yaml.safe_load((ROOT / "quizzes" / f"{name}.yml").read_text())
    question = bank["questions"][0]
    return question, next(o for o in question["options"] if o.get("correct"))


def faulty_page(context, site_url, timeouts=None):
    context.add_init_script(WORKER_HANDLES)
    if timeouts:
        context.add_init_script(f"window.hipdropTimeouts = {json.dumps(timeouts)};")
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(site_url + LESSON)
    quiz = page.locator('[data-hipdrop-widget="quiz"]').first
    expect(reach(quiz)).to_have_attribute("data-hipdrop-state", "ready", timeout=PYODIDE_TIMEOUT_MS)
    expect(reach(quiz)).to_have_attribute("data-quiz-ready", "true", timeout=PYODIDE_TIMEOUT_MS)
    return page, quiz


def check_first_right(quiz):
    question, right = first_question()
    quiz.locator(f'fieldset[data-question="{question["id"]}"] input[value="{right["id"]}"]').check()
    quiz.get_by_role("button", name="Check answers").click()


def expect_static_content_usable(page, quiz):
    expect(page.locator("h1")).to_be_visible()
    expect(quiz.locator("fieldset").first).to_be_visible()
    key = quiz.locator(".hd-answer-key summary")
    key.click()
    expect(quiz.locator(".hd-answer-key")).to_have_attribute("open", "")


def retry_brings_the_quiz_back(page, quiz):
    page.evaluate("() => { window.hipdropTimeouts = {}; }")  # the real limits for the new start
    quiz.locator(".hd-status").get_by_role("button", name="Retry").click()
    expect(reach(quiz)).to_have_attribute("data-hipdrop-state", "ready", timeout=PYODIDE_TIMEOUT_MS)
    expect(quiz.locator(".hd-status")).to_have_text(
        "Ready. Python runs in your browser; nothing you enter leaves this device.")
    check_first_right(quiz)
    # One mark of the six questions of lesson 1: 1/6 = 16.7 %, shown rounded.
    expect(quiz.locator(".hd-result")).to_have_text(score_sentence(1, question_count("lesson-1")))


def test_an_engine_exception_in_a_call_shows_in_the_widget_and_retry_brings_it_back(context, site_url):
    page, quiz = faulty_page(context, site_url)
    page.evaluate("() => { window.__hdBreakNext = 'quiz.submit'; }")
    check_first_right(quiz)
    status = quiz.locator(".hd-status")
    # quiz.submit without its bank: the engine's KeyError comes back as an error reply.
    expect(status).to_contain_text("Python could not finish this step: 'bank'.")
    expect(reach(quiz)).to_have_attribute("data-hipdrop-state", "failed")
    expect(quiz.locator(".hd-result")).to_have_text("Your answers could not be checked: 'bank'")
    expect(status.get_by_role("button", name="Retry")).to_be_visible()
    expect_static_content_usable(page, quiz)
    retry_brings_the_quiz_back(page, quiz)
    assert page.errors == []


def test_a_worker_that_is_ended_mid_session_fails_its_calls_and_retry_brings_it_back(context, site_url):
    page, quiz = faulty_page(context, site_url, timeouts={"call": 2_000})
    page.evaluate("() => window.__hdWorkers.at(-1).terminate()")
    check_first_right(quiz)
    status = quiz.locator(".hd-status")
    expect(status).to_contain_text("Python stopped working in this browser: Python stopped answering.")
    expect(quiz.locator(".hd-result")).to_have_text("Your answers could not be checked: Python stopped answering")
    # Every later call fails at once instead of waiting.
    assert page.evaluate("() => hipdrop.call('engine.ping', {}).then(() => 'answered', e => e.message)") == (
        "Python stopped answering")
    expect_static_content_usable(page, quiz)
    retry_brings_the_quiz_back(page, quiz)
    assert page.errors == []


def test_a_worker_that_throws_fails_pending_calls_at_once_and_retry_brings_it_back(context, site_url):
    page, quiz = faulty_page(context, site_url)
    # The browser reports an uncaught error of the worker as an error event on the Worker object.
    reply = page.evaluate(
        """() => {
          const pending = hipdrop.call('engine.ping', {}).then(() => 'answered', e => e.message);
          window.__hdWorkers.at(-1).dispatchEvent(new ErrorEvent('error', { message: 'out of memory', cancelable: true }));
          return pending;
        }"""
    )
    assert reply == "the Python worker stopped (out of memory)"
    expect(quiz.locator(".hd-status")).to_contain_text(
        "Python stopped working in this browser: the Python worker stopped (out of memory).")
    retry_brings_the_quiz_back(page, quiz)
    assert page.errors == []


def test_a_boot_that_stalls_times_out_with_retry(context, site_url):
    stalled = []
    context.route("**/assets/pyodide/pyodide.asm.wasm", lambda route: stalled.append(route))  # never answered
    context.add_init_script("window.hipdropTimeouts = { boot: 3000 };")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + LESSON)
    quiz = page.locator('[data-hipdrop-widget="quiz"]').first
    expect(reach(quiz)).to_have_attribute("data-hipdrop-state", "failed", timeout=PYODIDE_TIMEOUT_MS)
    status = quiz.locator(".hd-status")
    expect(status).to_contain_text("Python could not start in this browser: Python took too long to start.")
    assert stalled, "the runtime was never asked for"
    expect_static_content_usable(page, quiz)

    context.unroute("**/assets/pyodide/pyodide.asm.wasm")
    retry_brings_the_quiz_back(page, quiz)
    assert errors == []


UNKNOWN = '<section class="hd-widget" data-hipdrop-widget="no-such-kind"><p>Static text of a widget this course does not have.</p></section>'


def test_an_unknown_widget_kind_fails_alone_and_the_other_widgets_work(context, site_url):
    def with_unknown_widget(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace("</h1>", "</h1>" + UNKNOWN, 1))

    context.route(site_url + LESSON, with_unknown_widget)
    page, quiz = faulty_page(context, site_url)
    unknown = page.locator('[data-hipdrop-widget="no-such-kind"]')
    expect(reach(unknown)).to_have_attribute("data-hipdrop-state", "failed")
    status = unknown.get_by_role("status")
    expect(status).to_contain_text(
        "This part of the page could not be started: the 'no-such-kind' widget could not be loaded")
    expect(status.get_by_role("button", name="Retry")).to_be_visible()
    expect(unknown).to_contain_text("Static text of a widget this course does not have.")
    check_first_right(quiz)
    expect(quiz.locator(".hd-result")).to_have_text(score_sentence(1, question_count("lesson-1")))
    # Retry asks again, and says again: the widget does not exist.
    status.get_by_role("button", name="Retry").click()
    expect(unknown).to_have_attribute("data-hipdrop-import-failures", "2")
    expect(status).to_contain_text("the 'no-such-kind' widget could not be loaded")
    expect(reach(quiz)).to_have_attribute("data-hipdrop-state", "ready")
    assert page.errors == []


def test_a_widget_script_that_failed_to_download_comes_back_with_retry(context, site_url):
    context.route("**/widgets/quiz.js*", lambda route: route.fulfill(status=503, body="busy"))
    context.add_init_script(WORKER_HANDLES)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + LESSON)
    quiz = page.locator('[data-hipdrop-widget="quiz"]').first
    expect(reach(quiz)).to_have_attribute("data-hipdrop-state", "failed", timeout=PYODIDE_TIMEOUT_MS)
    expect(quiz.locator(".hd-status")).to_contain_text("the 'quiz' widget could not be loaded")
    expect_static_content_usable(page, quiz)
    context.unroute("**/widgets/quiz.js*")
    retry_brings_the_quiz_back(page, quiz)
    assert errors == []
