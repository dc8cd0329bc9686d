"""When Pyodide cannot load, the widget says so with Retry, and the lesson stays readable."""

from playwright.sync_api import expect

from support import PYODIDE_TIMEOUT_MS

LESSON = "lessons/what-is-trendelenburg/"


def test_runtime_404_shows_failure_with_retry_and_no_uncaught_error(context, site_url):
    errors = []
    context.route("**/assets/pyodide/**", lambda route: route.fulfill(status=404, body="gone"))
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + LESSON)

    quiz = page.locator('[data-hipdrop-widget="quiz"]').first
    expect(quiz).to_have_attribute("data-hipdrop-state", "failed", timeout=PYODIDE_TIMEOUT_MS)
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
    expect(quiz).to_have_attribute("data-hipdrop-state", "ready", timeout=PYODIDE_TIMEOUT_MS)
    expect(quiz.get_by_role("button", name="Check answers")).to_be_visible()
    assert errors == []


def test_engine_wheel_404_also_fails_visibly(context, site_url):
    context.route("**/*.whl", lambda route: route.fulfill(status=404, body="gone"))
    page = context.new_page()
    page.goto(site_url + LESSON)
    quiz = page.locator('[data-hipdrop-widget="quiz"]').first
    expect(quiz).to_have_attribute("data-hipdrop-state", "failed", timeout=PYODIDE_TIMEOUT_MS)
    expect(quiz.locator(".hd-status")).to_contain_text("course engine could not be downloaded")
