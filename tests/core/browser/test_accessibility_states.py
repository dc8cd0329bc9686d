"""Accessibility of the states a reader reaches after the first one: axe-core (no rule left out)
in the light and the dark palette on a graded practice quiz with its button focused and hovered,
a quiz with its answers shown, a submitted exam, a built program, the rest advice and a referral,
the lab with the pelvis dropping, a failed widget with Retry, and presentation mode. axe's
`incomplete` results (what it could not decide) are reviewed too: see a11y_audit.run_axe_full.

(Every page's first state, at desktop width and at 320 px, is audited by test_accessibility.py.)"""

from urllib.parse import urlencode

import pytest
import yaml
from playwright.sync_api import expect

from a11y_audit import prepare, run_axe_full, wait_for_stillness
from support import PYODIDE_TIMEOUT_MS, ROOT, question_count, score_sentence, reach

pytestmark = pytest.mark.timeout(300)

LESSON = "lessons/what-is-trendelenburg/"
PICKER_ANSWERS = {
    "red_flags": ["none"], "age_16_or_over": ["yes"], "pregnancy": ["no"], "falls_or_walking_aid": ["no"],
    "weak_side": ["right"], "pain_now": ["3"], "pain_onset": ["new"], "outer_hip_pain": ["no"],
    "recent_surgery_or_fracture": ["no"], "single_leg_stance": ["yes"], "side_plank": ["knees"],
    "single_leg_squat": ["no"], "walking_worse": ["no"], "goal": ["strength"],
    "equipment": ["step", "wall", "chair"], "minutes_per_day": ["20"], "days_per_week": ["3"],
}
SCHEMES = ("default", "slate")


@pytest.fixture
def audited(context, site_url):
    """A page with axe-core, that knows the site's address and collects uncaught errors."""
    prepare(context)  # axe-core and our probe
    page = context.new_page()
    page.site_url = site_url
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    return page


def bank(name):
    return yaml.safe_load((ROOT / "quizzes" / f"{name}.yml").read_text())


def axe_in_both_palettes(page, before_each=lambda: None) -> dict:
    """Violations and unreviewed incomplete results, palette by palette. The palette is switched
    the way Material switches it (the body's data-md-color-scheme), so focus and hover stay put."""
    found = {}
    for scheme in SCHEMES:
        page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
        before_each()
        wait_for_stillness(page)
        violations, incomplete = run_axe_full(page)
        problems = violations + [f"incomplete, and short on review: {i}" for i in incomplete]
        if problems:
            found[scheme] = problems
    return found


def ready(page, selector):
    widget = page.locator(selector)
    expect(reach(widget)).to_have_attribute("data-hipdrop-state", "ready", timeout=PYODIDE_TIMEOUT_MS)
    return widget


def check(found):
    assert found == {}, "\n".join(f"[{s}]\n  " + "\n  ".join(items) for s, items in found.items())


def test_a_graded_practice_quiz_with_its_buttons_focused_and_hovered(audited):
    page = audited
    page.goto(page.site_url + LESSON)
    quiz = ready(page, '[data-hipdrop-widget="quiz"]')
    expect(reach(quiz)).to_have_attribute("data-quiz-ready", "true", timeout=PYODIDE_TIMEOUT_MS)
    questions = bank("lesson-1")["questions"]
    right = next(o for o in questions[0]["options"] if o.get("correct"))
    wrong = next(o for o in questions[1]["options"] if not o.get("correct"))
    quiz.locator(f'fieldset[data-question="{questions[0]["id"]}"] input[value="{right["id"]}"]').check()
    quiz.locator(f'fieldset[data-question="{questions[1]["id"]}"] input[value="{wrong["id"]}"]').check()
    submit = quiz.get_by_role("button", name="Check answers")
    submit.click()
    # 1 of 6 right: 16.7 %, shown rounded.
    expect(quiz.locator(".hd-result")).to_have_text(score_sentence(1, question_count("lesson-1")))
    for name in ("Check answers", "Show answers", "Retry", "Reset progress"):
        button = quiz.get_by_role("button", name=name, exact=True)
        check(axe_in_both_palettes(page, lambda b=button: (b.hover(), b.focus())))
    assert page.errors == []


def test_a_quiz_with_its_answers_shown(audited):
    page = audited
    page.goto(page.site_url + LESSON)
    quiz = ready(page, '[data-hipdrop-widget="quiz"]')
    expect(reach(quiz)).to_have_attribute("data-quiz-ready", "true", timeout=PYODIDE_TIMEOUT_MS)
    quiz.get_by_role("button", name="Check answers").click()
    expect(quiz.locator(".hd-result")).to_have_text(score_sentence(0, question_count("lesson-1")))
    quiz.get_by_role("button", name="Show answers").click()
    expect(quiz.locator(".hd-answer:visible")).to_have_count(question_count("lesson-1"))
    check(axe_in_both_palettes(page))


def test_a_submitted_exam(audited):
    from quiz_page import answer

    page = audited
    page.goto(page.site_url + "final-quiz/")
    quiz = ready(page, '[data-hipdrop-widget="quiz"]')
    expect(reach(quiz)).to_have_attribute("data-quiz-ready", "true", timeout=PYODIDE_TIMEOUT_MS)
    questions = bank("final")["questions"]
    for n, question in enumerate(questions):
        answer(quiz, question, right=n % 2 == 0)
    quiz.get_by_role("button", name="Submit answers").click()
    half = (len(questions) + 1) // 2
    expect(quiz.locator(".hd-result")).to_contain_text(f"You scored {half} out of {len(questions)}")
    expect(quiz.locator(".hd-explanation:visible")).to_have_count(len(questions))
    check(axe_in_both_palettes(page))


@pytest.mark.parametrize(
    ("answers", "outcome", "shown"),
    [
        (PICKER_ANSWERS, "program", "Your program"),
        ({**PICKER_ANSWERS, "pain_now": ["8"]}, "rest", "Rest and review first"),
        ({**PICKER_ANSWERS, "red_flags": ["saddle-numbness"]}, "referral", "emergency department"),
    ],
    ids=["program", "rest", "referral"],
)
def test_each_picker_outcome(audited, answers, outcome, shown):
    page = audited
    page.goto(page.site_url + "program/?" + urlencode(answers, doseq=True))
    picker = ready(page, '[data-hipdrop-widget="picker"]')
    expect(picker).to_have_attribute("data-outcome", outcome, timeout=PYODIDE_TIMEOUT_MS)
    expect(picker.locator(".hd-program-result")).to_contain_text(shown)
    check(axe_in_both_palettes(page))


def test_the_lab_with_the_pelvis_dropping(audited):
    page = audited
    page.goto(page.site_url + "lessons/mechanics/")
    lab = ready(page, '[data-hipdrop-widget="mechanics"]')
    expect(lab).to_have_attribute("data-live", "true")
    weak = lab.get_by_role("button", name="Weak abductors")
    weak.press("Enter")
    slider = lab.get_by_role("slider", name="Trunk lean toward the stance hip")
    expect(lab).to_have_attribute("data-pelvis", "drops")
    expect(lab.locator(".hd-mech-numbers tr", has_text="Pelvis").locator("td")).to_have_text("drops on the swing side")
    # With a preset button focused or hovered, Material shows its title in a tooltip that it adds
    # to the end of <body>, outside every landmark (axe: region): Material's, not fixed here. The reader's
    # next step, the slider, is focused here.
    slider.focus()
    expect(page.locator(".md-tooltip2")).to_have_count(0)  # the button's tooltip has gone
    check(axe_in_both_palettes(page, slider.focus))


def test_a_failed_widget_with_retry(audited):
    page = audited
    # The context's route: Python's worker may fetch through the service worker, which installs
    # quickly on a first visit (the page's own route does not see those requests).
    page.context.route("**/assets/pyodide/**", lambda route: route.fulfill(status=404, body="gone"))
    page.goto(page.site_url + LESSON)
    quiz = page.locator('[data-hipdrop-widget="quiz"]')
    expect(reach(quiz)).to_have_attribute("data-hipdrop-state", "failed", timeout=PYODIDE_TIMEOUT_MS)
    retry = quiz.locator(".hd-status").get_by_role("button", name="Retry")
    expect(retry).to_be_visible()
    check(axe_in_both_palettes(page, lambda: (retry.hover(), retry.focus())))


def test_presentation_mode(audited):
    page = audited
    page.goto(page.site_url + LESSON)
    ready(page, '[data-hipdrop-widget="quiz"]')
    page.keyboard.press("p")
    page.wait_for_function("() => document.documentElement.classList.contains('hd-presenting')")
    check(axe_in_both_palettes(page))
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => new URLSearchParams(location.search).get('present') !== 'start'")
    check(axe_in_both_palettes(page))
