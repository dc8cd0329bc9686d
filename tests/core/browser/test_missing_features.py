"""A browser that lacks what Pyodide needs is told which feature is missing (hipdrop_tools/assets/js/support.js),
not a generic failure; the page stays readable. Chromium, with the feature taken away before the
page's scripts run."""

import pytest
from playwright.sync_api import expect

from support import PYODIDE_TIMEOUT_MS, reach

LESSON = "lessons/what-is-trendelenburg/"

REMOVALS = {
    "WebAssembly": "delete globalThis.WebAssembly;",
    "BigInt64Array": "delete globalThis.BigInt64Array;",
    # A Worker that ignores its options, as a browser without module workers does.
    "module workers": "const Real = Worker; globalThis.Worker = function Worker(url) { return new Real(url); };",
}


@pytest.mark.parametrize("feature", list(REMOVALS))
def test_a_missing_feature_is_named_in_the_status(page, site_url, feature):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(REMOVALS[feature])
    started = []
    page.on("worker", lambda w: w.url.endswith("/worker.js") and started.append(w.url))
    page.goto(site_url + LESSON)
    quiz = page.locator('[data-hipdrop-widget="quiz"]').first
    expect(reach(quiz)).to_have_attribute("data-hipdrop-state", "failed", timeout=PYODIDE_TIMEOUT_MS)
    status = quiz.locator(".hd-status")
    expect(status).to_contain_text(f"Python could not start in this browser: it lacks {feature}, which Python needs;")
    expect(quiz.locator("fieldset").first).to_be_visible()
    assert started == [], "the Python worker was started anyway"
    assert errors == []


def test_with_every_feature_present_nothing_is_named(page, site_url):
    page.goto(site_url + LESSON)
    quiz = page.locator('[data-hipdrop-widget="quiz"]').first
    expect(reach(quiz)).to_have_attribute("data-hipdrop-state", "ready", timeout=PYODIDE_TIMEOUT_MS)
    support = "document.querySelector('script[src*=\"bridge.js\"]').src.replace('bridge.js', 'support.js')"
    assert page.evaluate(f"async () => (await import({support})).missingFeatures()") == []
