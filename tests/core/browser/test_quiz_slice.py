"""The quizzes, live: graded by the engine running in Pyodide, with feedback, answers, retry,
progress kept across reloads, the seeded shuffle, exam mode and a keyboard-only run."""

import re

import pytest
import yaml
from playwright.sync_api import expect


from quiz_page import answer, booted_quiz_page, choose, fieldset, fresh_attempt
from support import PYODIDE_TIMEOUT_MS, ROOT, reach, score_sentence

LESSON = "lessons/what-is-trendelenburg/"
FINAL = "final-quiz/"


def bank(name: str = "lesson-1") -> dict:
    return yaml.safe_load((ROOT / "quizzes" / f"{name}.yml").read_text())


def open_quiz(page, site_url, path=LESSON, quiz_id="lesson-1"):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + path)
    quiz = page.locator(f'[data-hipdrop-widget="quiz"][data-quiz="{quiz_id}"]')
    expect(reach(quiz)).to_have_attribute("data-hipdrop-state", "ready", timeout=PYODIDE_TIMEOUT_MS)
    expect(reach(quiz)).to_have_attribute("data-quiz-ready", "true", timeout=PYODIDE_TIMEOUT_MS)
    page.errors = errors
    return quiz


# The tests that need only a quiz's answers share one booted page per quiz (Python started once for
# them); the tests about loading, reloading, the address or the page's first focus open their own.
@pytest.fixture(scope="module")
def lesson_page(module_context, site_url):
    return booted_quiz_page(module_context, site_url + LESSON, "lesson-1", PYODIDE_TIMEOUT_MS)


@pytest.fixture(scope="module")
def final_page(module_context, site_url):
    return booted_quiz_page(module_context, site_url + FINAL, "final", PYODIDE_TIMEOUT_MS)


def option_order(quiz) -> list[list[str]]:
    return quiz.locator("fieldset[data-question]").evaluate_all(
        "sets => sets.map(s => [...s.querySelectorAll('[data-option],[data-item],[data-left]')]"
        ".map(e => e.dataset.option || e.dataset.item || e.dataset.left))"
    )


# ---------------------------------------------------------------- practice mode (lesson 1)


def test_all_right_answers_score_full_marks_with_feedback(lesson_page):
    page, quiz = lesson_page, fresh_attempt(lesson_page, "lesson-1")
    questions = bank()["questions"]
    for question in questions:
        choose(quiz, question, next(o for o in question["options"] if o.get("correct")))
    quiz.get_by_role("button", name="Check answers").click()
    n = len(questions)
    expect(quiz.locator(".hd-result")).to_have_text(f"You scored {n} out of {n} (100%).")
    expect(quiz.locator(".hd-result")).to_be_focused()
    first = fieldset(quiz, questions[0])
    expect(first).to_have_attribute("data-verdict", "correct")
    expect(first.locator(".hd-option-feedback:visible")).to_contain_text("Correct")
    assert page.errors == []


# What the page asks its worker, kept for the test (installed before the page's scripts run).
SENT_TO_WORKER = """
(() => {
  const Original = window.Worker;
  window.__hdSent = [];
  window.Worker = class extends Original {
    postMessage(message, ...rest) {
      if (message?.method?.startsWith("quiz.")) {
        window.__hdSent.push({ method: message.method, bank: "bank" in (message.params ?? {}) });
      }
      return super.postMessage(message, ...rest);
    }
  };
})();
"""


def test_the_bank_goes_to_the_worker_once_per_page_not_with_every_call(page, site_url):
    page.add_init_script(SENT_TO_WORKER)
    quiz = open_quiz(page, site_url)
    question = bank()["questions"][0]
    choose(quiz, question, next(o for o in question["options"] if o.get("correct")))
    quiz.get_by_role("button", name="Check answers").click()
    expect(quiz.locator(".hd-result")).to_have_text(re.compile(r"You scored 1 out of \d+"))
    sent = page.evaluate("window.__hdSent")
    quizzes = page.locator('[data-hipdrop-widget="quiz"]').count()
    assert [m["method"] for m in sent if m["bank"]] == ["quiz.load"] * quizzes
    assert {"quiz.restore", "quiz.order", "quiz.submit"} <= {m["method"] for m in sent if not m["bank"]}
    assert page.errors == []


def test_a_wrong_answer_shows_that_options_feedback_and_the_explanation(lesson_page):
    quiz = fresh_attempt(lesson_page, "lesson-1")
    question = bank()["questions"][0]
    wrong = next(o for o in question["options"] if not o.get("correct"))
    choose(quiz, question, wrong)
    quiz.get_by_role("button", name="Check answers").click()
    box = fieldset(quiz, question)
    expect(box).to_have_attribute("data-verdict", "incorrect")
    feedback = box.locator(f'.hd-option[data-option="{wrong["id"]}"] .hd-option-feedback')
    expect(feedback).to_be_visible()
    expect(feedback).to_contain_text(" ".join(wrong["feedback"].split()[:3]))
    expect(box.locator(".hd-explanation")).to_contain_text("Not quite")
    expect(box.locator(".hd-explanation a")).to_have_attribute("href", re.compile(r"#"))
    expect(quiz.locator(".hd-result")).to_have_text(re.compile(r"You scored 0 out of \d+ \(0%\)\."))


def test_show_answers_and_retry_come_after_an_attempt(lesson_page):
    quiz = fresh_attempt(lesson_page, "lesson-1")
    show = quiz.get_by_role("button", name="Show answers")
    retry = quiz.get_by_role("button", name="Retry")
    expect(show).to_be_hidden()
    expect(retry).to_be_hidden()
    question = bank()["questions"][0]
    choose(quiz, question, next(o for o in question["options"] if not o.get("correct")))
    quiz.get_by_role("button", name="Check answers").click()
    expect(show).to_be_visible()
    answer_box = fieldset(quiz, question).locator(".hd-answer")
    expect(answer_box).to_be_hidden()
    show.click()
    right = next(o for o in question["options"] if o.get("correct"))
    expect(answer_box).to_be_visible()
    expect(answer_box).to_contain_text(f"Right answer: {right['text']}")
    expect(quiz.get_by_role("button", name="Hide answers")).to_have_attribute("aria-expanded", "true")

    version = quiz.get_attribute("data-seed")
    retry.click()
    expect(quiz.locator("input:checked")).to_have_count(0)
    expect(quiz.locator(".hd-explanation:visible")).to_have_count(0)
    expect(quiz).not_to_have_attribute("data-seed", version)
    expect(quiz.locator(".hd-result")).to_contain_text("New attempt")


def test_progress_survives_a_reload_and_can_be_reset(page, site_url):
    quiz = open_quiz(page, site_url)
    first, second = bank()["questions"][:2]
    right = next(o for o in first["options"] if o.get("correct"))
    choose(quiz, first, right)
    version = quiz.get_attribute("data-seed")
    order = option_order(quiz)

    page.reload()
    quiz = open_quiz(page, site_url)
    expect(fieldset(quiz, first).locator(f'input[value="{right["id"]}"]')).to_be_checked()
    assert quiz.get_attribute("data-seed") == version and option_order(quiz) == order

    choose(quiz, second, second["options"][0])
    quiz.get_by_role("button", name="Check answers").click()
    expect(quiz.locator(".hd-result")).to_contain_text("You scored")
    page.reload()
    quiz = open_quiz(page, site_url)
    expect(quiz.locator(".hd-result")).to_contain_text("You scored")
    expect(fieldset(quiz, first)).to_have_attribute("data-verdict", "correct")

    quiz.get_by_role("button", name="Reset progress").click()
    expect(quiz.locator("input:checked")).to_have_count(0)
    assert page.evaluate("() => localStorage.getItem('hipdrop.quiz.lesson-1')") is None
    page.reload()
    quiz = open_quiz(page, site_url)
    expect(quiz.locator("input:checked")).to_have_count(0)
    expect(quiz.locator(".hd-result")).to_have_text("")


def test_a_corrupted_or_outdated_store_is_reset_without_error(page, site_url):
    quiz = open_quiz(page, site_url)
    for stored, reason in (
        ("{this is not json", "corrupted"),
        ('{"format": 1, "fingerprint": "from-an-older-quiz", "seed": 5, "responses": {}, "submitted": false}', "outdated"),
    ):
        page.evaluate("(value) => localStorage.setItem('hipdrop.quiz.lesson-1', value)", stored)
        page.reload()
        quiz = open_quiz(page, site_url)
        expect(quiz).to_have_attribute("data-store-reset", reason)
        assert page.evaluate("() => localStorage.getItem('hipdrop.quiz.lesson-1')") is None
        question = bank()["questions"][0]
        choose(quiz, question, next(o for o in question["options"] if o.get("correct")))
        quiz.get_by_role("button", name="Check answers").click()
        expect(quiz.locator(".hd-result")).to_contain_text("You scored 1 out of")
        assert page.errors == []


# Every layout shift of the page, kept from its start (the browser's own measure, as Lighthouse's CLS).
LAYOUT_SHIFTS = """window.hdShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.hdShifts.push(entry.value);
}).observe({ type: "layout-shift", buffered: true });"""


def test_a_reader_who_opens_a_lesson_at_its_quiz_sees_no_question_move_while_python_starts(context, site_url):
    """The version line arrives with Python: its place is kept from the start, so the questions
    the reader is looking at do not jump down (they did by three lines on a phone)."""
    context.add_init_script(LAYOUT_SHIFTS)
    page = context.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + LESSON + "#lesson-1--title")
    quiz = page.locator('[data-hipdrop-widget="quiz"][data-quiz="lesson-1"]')
    expect(quiz).to_have_attribute("data-seed", re.compile(r"^\d+$"), timeout=PYODIDE_TIMEOUT_MS)
    expect(quiz.locator(".hd-version")).to_be_visible()
    expect(quiz.locator(".hd-version")).to_contain_text(f"Version {quiz.get_attribute('data-seed')}")
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert page.evaluate("window.hdShifts") == []


def test_the_same_version_number_gives_the_same_order(page, site_url):
    quiz = open_quiz(page, site_url + "", f"{FINAL}?quiz-version=4242", "final")
    expect(quiz).to_have_attribute("data-seed", "4242")
    expect(quiz.locator(".hd-version")).to_contain_text("Version 4242")
    first = option_order(quiz)
    quiz = open_quiz(page, site_url, f"{FINAL}?quiz-version=4242", "final")
    assert option_order(quiz) == first
    quiz = open_quiz(page, site_url, f"{FINAL}?quiz-version=777", "final")
    assert option_order(quiz) != first
    link = quiz.locator(".hd-version a")
    expect(link).to_have_attribute("href", re.compile(r"quiz-version=777"))


# ---------------------------------------------------------------- exam mode (final quiz, all seven types)


def test_exam_mode_needs_every_answer_then_reviews_everything(page, site_url):
    quiz = open_quiz(page, site_url, FINAL, "final")
    questions = bank("final")["questions"]
    assert {q["type"] for q in questions} == {
        "single", "multiple", "true_false", "numeric", "ordering", "matching", "generated_numeric"}
    submit = quiz.get_by_role("button", name="Submit answers")
    for question in questions[:-1]:
        answer(quiz, question, right=True)
    submit.click()
    result = quiz.locator(".hd-result")
    expect(result).to_contain_text(f"answer every question before you submit. Question {len(questions)} is")
    expect(result).to_be_focused()
    expect(fieldset(quiz, questions[-1])).to_have_attribute("data-verdict", "unanswered")
    expect(quiz.locator(".hd-explanation:visible")).to_have_count(0)

    answer(quiz, questions[-1], right=True)
    submit.click()
    n = len(questions)
    expect(result).to_contain_text(f"You scored {n} out of {n} (100%).")
    expect(result).to_be_focused()
    expect(quiz.locator(".hd-explanation:visible")).to_have_count(n)
    expect(quiz.locator(".hd-answer:visible")).to_have_count(n)
    expect(submit).to_be_hidden()
    expect(quiz.locator("fieldset[data-question] :is(input, select):enabled")).to_have_count(0)

    page.reload()
    quiz = open_quiz(page, site_url, FINAL, "final")
    expect(quiz.locator(".hd-result")).to_contain_text(f"You scored {n} out of {n}")
    expect(quiz.get_by_role("button", name="Submit answers")).to_be_hidden()
    assert page.errors == []


def test_every_type_answered_wrong_gets_its_feedback(final_page):
    quiz = fresh_attempt(final_page, "final")
    questions = bank("final")["questions"]
    for question in questions:
        answer(quiz, question, right=False)
    quiz.get_by_role("button", name="Submit answers").click()
    expect(quiz.locator(".hd-result")).to_contain_text("You scored 0 out of")
    seen = set()
    for question in questions:
        if question["type"] in seen:
            continue
        seen.add(question["type"])
        box = fieldset(quiz, question)
        expect(box).to_have_attribute("data-verdict", "incorrect")
        explanation = box.locator(".hd-explanation")
        expect(explanation).to_contain_text("Not quite.")
        if question["type"] in ("numeric", "ordering", "matching", "generated_numeric"):
            expect(explanation).to_contain_text(" ".join(question["feedback"]["incorrect"].split()[:4]))
        if question["type"] == "generated_numeric":
            expect(explanation.locator(".hd-working")).to_contain_text("How to work it out")
        if question["type"] == "ordering":
            expect(box.locator(".hd-part-feedback").first).to_have_text("Not in the right place.")
        if question["type"] == "matching":
            expect(box.locator(".hd-part-feedback").first).to_have_text("Not the right match.")
        if question["type"] in ("single", "multiple", "true_false"):
            wrong = next(o for o in question["options"] if not o.get("correct"))
            expect(box.locator(f'[data-option="{wrong["id"]}"] .hd-option-feedback')).to_contain_text("Not correct")
    assert len(seen) == 7


# ---------------------------------------------------------------- keyboard only


def test_a_keyboard_only_run(page, site_url):
    quiz = open_quiz(page, site_url)
    questions = bank()["questions"]
    in_quiz = "() => !!document.activeElement.closest('[data-quiz=\"lesson-1\"] fieldset')"
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate(in_quiz):
            break
    else:
        raise AssertionError("Tab never reached the quiz")
    for question in questions:
        right = next(o["id"] for o in question["options"] if o.get("correct"))
        assert page.evaluate("() => document.activeElement.closest('fieldset').dataset.question") == question["id"]
        for _ in range(len(question["options"])):
            if page.evaluate("() => document.activeElement.checked && document.activeElement.value") == right:
                break
            page.keyboard.press("ArrowDown")
        assert page.evaluate("() => document.activeElement.value") == right
        page.keyboard.press("Space")  # selects the focused radio if the arrows have not
        page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Check answers"
    page.keyboard.press("Enter")
    n = len(questions)
    result = quiz.locator(".hd-result")
    expect(result).to_have_text(f"You scored {n} out of {n} (100%).")
    expect(result).to_be_focused()
    assert result.get_attribute("aria-live") == "polite"
    page.keyboard.press("Shift+Tab")  # back from the result to the buttons: Reset, Retry, Show answers
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Show answers"
    page.keyboard.press("Space")
    expect(quiz.locator(".hd-answer:visible")).to_have_count(n)


def test_ordering_and_matching_menus_work_by_keyboard(final_page):
    page, quiz = final_page, fresh_attempt(final_page, "final")
    first_select = quiz.locator("fieldset[data-type='ordering'] select").first
    first_select.focus()
    page.keyboard.press("ArrowDown")
    assert first_select.input_value() == "1"
    menu = quiz.locator("fieldset[data-type='matching'] select").first
    menu.focus()
    page.keyboard.press("ArrowDown")
    assert menu.input_value() != ""


def test_the_quiz_is_readable_with_an_answer_key_before_python_loads(built_site):
    html = (built_site / LESSON / "index.html").read_text()
    assert html.count("<fieldset") == len(bank()["questions"])
    assert "<legend>" in html and "Answer key" in html
    final = (built_site / FINAL / "index.html").read_text()
    assert final.count("<fieldset") == len(bank("final")["questions"]) >= 30
    assert final.count("<select") > 0 and 'inputmode="decimal"' in final


def test_retry_keeps_the_order_of_a_shared_version_link(page, site_url):
    quiz = open_quiz(page, site_url, f"{LESSON}?quiz-version=4242")
    order = option_order(quiz)
    quiz.get_by_role("button", name="Check answers").click()
    quiz.get_by_role("button", name="Retry").click()
    expect(quiz.locator(".hd-result")).to_contain_text("The order stays that of version 4242")
    assert quiz.get_attribute("data-seed") == "4242" and option_order(quiz) == order


# ---------------------------------------------------------------- multiple-select partial credit, in Pyodide
# Marks worked out by hand from the authoring guide's rule (docs/teachers/authoring-quizzes.md):
# with C right options each right tick earns 1/C, each wrong tick takes 1/C away, never below 0.


def test_partial_credit_three_right_one_wrong_in_the_exam(final_page):
    quiz = fresh_attempt(final_page, "final")
    questions = bank("final")["questions"]
    count = len(questions)
    muscles = next(q for q in questions if q["id"] == "final-abductor-muscles")
    assert [o["id"] for o in muscles["options"] if o.get("correct")] == ["medius", "minimus", "tfl"]
    for question in questions:
        if question is not muscles:
            answer(quiz, question, right=True)
    choose(quiz, muscles, {"id": "medius"})
    choose(quiz, muscles, {"id": "minimus"})
    quiz.get_by_role("button", name="Submit answers").click()
    # Two of the three right muscles, no wrong one: 2/3 = 0.67 of the mark; every other question
    # right, so (count - 1) + 2/3 marks of count (with 38 questions: 37.67 of 38, 99 %).
    expect(fieldset(quiz, muscles)).to_have_attribute("data-verdict", "partial")
    expect(fieldset(quiz, muscles).locator(".hd-explanation p").first).to_have_text("Partly right. 0.67 of 1 mark.")
    expect(quiz.locator(".hd-result")).to_contain_text(score_sentence(count - 1 + 2 / 3, count))


def test_partial_credit_two_right_three_wrong_by_the_engine_in_pyodide(final_page):
    page = final_page
    fresh_attempt(page, "final")
    marks = page.evaluate(
        """async () => {
          const bank = JSON.parse(document.querySelector('[data-quiz="final"] script.hd-data').textContent);
          const question = bank.questions.find(q => q.id === "final-stop-rules");
          question.options.push({ ...question.options.at(-1), id: "third-wrong", correct: false });
          const only = { ...bank, questions: [question] };
          const ticks = [["sharp-pain", "walking-worse", "mild-ache"], ["sharp-pain"],
                         ["sharp-pain", "walking-worse", "mild-ache", "tired", "third-wrong"], ["sharp-pain", "tired"]];
          const marks = [];
          for (const ticked of ticks) {
            const result = await hipdrop.call("quiz.grade", { bank: only, responses: { "final-stop-rules": ticked } });
            marks.push(result.score);
          }
          return { right: question.options.filter(o => o.correct).length, wrong: question.options.filter(o => !o.correct).length, marks };
        }"""
    )
    assert (marks["right"], marks["wrong"]) == (2, 3)
    # 2/2 - 1/2 = 0.5; 1/2; 2/2 - 3/2 = -0.5, never below 0; 1/2 - 1/2 = 0.
    assert marks["marks"] == [0.5, 0.5, 0, 0]
