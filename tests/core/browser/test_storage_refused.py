"""With storage refused (site data blocked, or storage full) no page throws, Material's inline
helpers and our scripts alike; the quiz says plainly that progress cannot be kept on this device
and still grades; the picker and the lab work."""

from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from a11y_audit import PALETTE_TOGGLE, settle_widgets
from storage_refusal import BLOCKED, FULL
from support import PYODIDE_TIMEOUT_MS, question_count, score_sentence, reach

pytestmark = pytest.mark.timeout(600)

LESSON = "lessons/what-is-trendelenburg/"
# A whole set of picker answers (every field the form asks for), as a reader would give them.
PICKER_ANSWERS = {
    "red_flags": ["none"], "age_16_or_over": ["yes"], "pregnancy": ["no"], "falls_or_walking_aid": ["no"],
    "weak_side": ["right"], "pain_now": ["3"], "pain_onset": ["new"], "outer_hip_pain": ["no"],
    "recent_surgery_or_fracture": ["no"], "single_leg_stance": ["yes"], "side_plank": ["knees"],
    "single_leg_squat": ["no"], "walking_worse": ["no"], "goal": ["strength"],
    "equipment": ["step", "wall", "chair"], "minutes_per_day": ["20"], "days_per_week": ["3"],
}
BLOCKED_NOTE = (
    "Your progress cannot be kept on this device: this browser does not let the course store anything "
    "(site data is blocked). Your answers are still checked; they are lost when you leave or reload the page."
)
FULL_NOTE = (
    "Your progress cannot be kept on this device: the browser's storage for this site is full. "
    "Your answers are still checked; they are lost when you leave or reload the page."
)


def refusing_page(browser, script):
    context = browser.new_context()
    context.add_init_script(script)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return context, page


@pytest.mark.parametrize(("refusal", "every_page"), [(BLOCKED, True), (FULL, False)], ids=["blocked", "full"])
def test_no_page_throws_when_storage_is_refused(browser, site_url, all_pages, built_site, refusal, every_page):
    # Full storage only refuses writes, which Material already guards: its pages with widgets and
    # the home page are enough there. Blocked storage refuses every read: every page.
    pages = all_pages if every_page else [
        p for p in all_pages if p == "" or "data-hipdrop-widget" in (built_site / p / "index.html").read_text()]
    context, page = refusing_page(browser, refusal)
    try:
        errors, states = {}, {}
        for path in pages:
            page.errors.clear()
            page.goto(site_url + path, wait_until="load")
            states[path] = set(settle_widgets(page, PYODIDE_TIMEOUT_MS)) - {"ready"}
            # The palette toggle writes the reader's choice through Material's __md_set.
            before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            page.locator(PALETTE_TOGGLE).click()
            page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') !== s", arg=before)
            if page.errors:
                errors[path or "/"] = list(page.errors)
        assert errors == {}
        assert {path: s for path, s in states.items() if s} == {}
    finally:
        context.close()


def grade_first_question_right(page):
    quiz = page.locator('[data-hipdrop-widget="quiz"]').first
    expect(reach(quiz)).to_have_attribute("data-quiz-ready", "true", timeout=PYODIDE_TIMEOUT_MS)
    expect(quiz.locator("fieldset[data-question]")).to_have_count(question_count("lesson-1"))
    first = quiz.locator("fieldset[data-question]").first
    # lesson-1's first question: the bank marks the right option; read it from the page's data.
    right = page.evaluate(
        """() => {
          const bank = JSON.parse(document.querySelector('[data-quiz="lesson-1"] script.hd-data').textContent);
          return bank.questions[0].options.find(o => o.correct).id;
        }"""
    )
    first.locator(f'input[value="{right}"]').check()
    quiz.get_by_role("button", name="Check answers").click()
    # One mark of six: 1/6 = 16.7 %, shown as a whole percentage.
    expect(quiz.locator(".hd-result")).to_have_text(score_sentence(1, question_count("lesson-1")))
    return quiz


@pytest.mark.parametrize(("refusal", "note", "problem"), [(BLOCKED, BLOCKED_NOTE, "blocked"), (FULL, FULL_NOTE, "full")],
                         ids=["blocked", "full"])
def test_the_quiz_says_progress_cannot_be_kept_and_still_grades(browser, site_url, refusal, note, problem):
    context, page = refusing_page(browser, refusal)
    try:
        page.goto(site_url + LESSON)
        quiz = grade_first_question_right(page)
        expect(quiz.locator(".hd-store-note")).to_have_text(note)
        expect(quiz).to_have_attribute("data-store-problem", problem)
        # Nothing was kept: a reload starts with no answers and no score.
        page.reload()
        quiz = page.locator('[data-hipdrop-widget="quiz"]').first
        expect(reach(quiz)).to_have_attribute("data-quiz-ready", "true", timeout=PYODIDE_TIMEOUT_MS)
        expect(quiz.locator("input:checked")).to_have_count(0)
        expect(quiz.locator(".hd-result")).to_have_text("")
        assert page.errors == []
    finally:
        context.close()


def test_with_storage_allowed_the_quiz_makes_no_such_claim(page, site_url):
    page.goto(site_url + LESSON)
    quiz = page.locator('[data-hipdrop-widget="quiz"]').first
    expect(reach(quiz)).to_have_attribute("data-quiz-ready", "true", timeout=PYODIDE_TIMEOUT_MS)
    expect(quiz.locator(".hd-store-note")).to_have_count(0)


def test_the_picker_and_the_lab_work_with_site_data_blocked(browser, site_url):
    context, page = refusing_page(browser, BLOCKED)
    try:
        answers = {**PICKER_ANSWERS, "red_flags": ["saddle-numbness"]}
        page.goto(site_url + "program/?" + urlencode(answers, doseq=True))
        picker = page.locator('[data-hipdrop-widget="picker"]')
        expect(picker).to_have_attribute("data-outcome", "referral", timeout=PYODIDE_TIMEOUT_MS)
        expect(picker.locator(".hd-program-result")).to_have_attribute("data-urgency", "emergency-today")
        expect(picker.locator(".hd-program-result")).to_contain_text("emergency department")

        page.goto(site_url + "lessons/mechanics/")
        lab = reach(page.locator('[data-hipdrop-widget="mechanics"]'))
        expect(lab).to_have_attribute("data-live", "true", timeout=PYODIDE_TIMEOUT_MS)
        lab.get_by_role("button", name="Weak abductors").click()
        expect(lab.locator(".hd-mech-numbers tr", has_text="Pelvis").locator("td")).to_have_text("drops on the swing side")
        assert page.errors == []
    finally:
        context.close()
