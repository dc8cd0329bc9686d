"""The lesson's check quiz is graded by the engine running in Pyodide, with feedback."""

import re

import yaml
from playwright.sync_api import expect

from support import PYODIDE_TIMEOUT_MS
from support import ROOT

LESSON = "lessons/what-is-trendelenburg/"


def bank():
    return yaml.safe_load((ROOT / "quizzes" / "lesson-1.yml").read_text())


def open_quiz(page, site_url):
    page.goto(site_url + LESSON)
    quiz = page.locator('[data-hipdrop-widget="quiz"][data-quiz="lesson-1"]')
    expect(quiz).to_have_attribute("data-hipdrop-state", "ready", timeout=PYODIDE_TIMEOUT_MS)
    return quiz


def choose(quiz, question, option):
    quiz.locator(f'fieldset[data-question="{question["id"]}"] input[value="{option["id"]}"]').check()


def test_all_right_answers_score_full_marks_with_feedback(page, site_url):
    quiz = open_quiz(page, site_url)
    questions = bank()["questions"]
    for question in questions:
        choose(quiz, question, next(o for o in question["options"] if o.get("correct")))
    quiz.get_by_role("button", name="Check answers").click()
    expect(quiz.locator(".hd-result")).to_have_text(f"You scored {len(questions)} out of {len(questions)}.")
    expect(quiz.locator(".hd-result")).to_be_focused()
    first = quiz.locator(f'fieldset[data-question="{questions[0]["id"]}"]')
    expect(first).to_have_attribute("data-verdict", "correct")
    expect(first.locator(".hd-option-feedback:visible")).to_contain_text("Correct")


def test_a_wrong_answer_shows_that_options_feedback_and_the_explanation(page, site_url):
    quiz = open_quiz(page, site_url)
    question = bank()["questions"][0]
    wrong = next(o for o in question["options"] if not o.get("correct"))
    choose(quiz, question, wrong)
    quiz.get_by_role("button", name="Check answers").click()
    fieldset = quiz.locator(f'fieldset[data-question="{question["id"]}"]')
    expect(fieldset).to_have_attribute("data-verdict", "incorrect")
    feedback = fieldset.locator(f'.hd-option[data-option="{wrong["id"]}"] .hd-option-feedback')
    expect(feedback).to_be_visible()
    first_words = " ".join(wrong["feedback"].split()[:3])
    expect(feedback).to_contain_text(first_words)
    expect(fieldset.locator(".hd-explanation")).to_contain_text("Not quite")
    link = fieldset.locator(".hd-explanation a")
    expect(link).to_have_attribute("href", re.compile(r"#"))
    expect(quiz.locator(".hd-result")).to_have_text(re.compile(r"You scored 0 out of \d+\."))


def test_the_quiz_is_readable_with_an_answer_key_before_python_loads(page, site_url, built_site):
    html = (built_site / LESSON / "index.html").read_text()
    assert html.count("<fieldset") == len(bank()["questions"])
    assert "<legend>" in html and "Answer key" in html
