"""A student works a generated mechanics problem in lesson 2's quiz, by keyboard: the page shows
the problem the engine makes in Pyodide for this quiz version, which is the problem CPython makes
for the same seed; an answer within the tolerance is right, one outside it is wrong; after each
answer the working is shown step by step; "New numbers" gives another person's numbers."""

import yaml
from playwright.sync_api import expect

from hipdrop.quiz.generated import attempt_seed, next_seed
from quiz_versions import generators, model, problem
from support import PYODIDE_TIMEOUT_MS, ROOT, reach

PAGE = "lessons/mechanics/"
VERSION = 4242


def question(question_id: str) -> dict:
    bank = yaml.safe_load((ROOT / "quizzes" / "lesson-2.yml").read_text())
    return next(q for q in bank["questions"] if q["id"] == question_id)


def open_quiz(page, site_url):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_url}{PAGE}?quiz-version={VERSION}")
    quiz = page.locator('[data-hipdrop-widget="quiz"][data-quiz="lesson-2"]')
    expect(reach(quiz)).to_have_attribute("data-quiz-ready", "true", timeout=PYODIDE_TIMEOUT_MS)
    page.errors = errors
    return quiz


def shown_values(box) -> list[str]:
    return box.locator(".hd-givens td").all_inner_texts()


def expected_values(shown_problem) -> list[str]:
    return [f"{g.value:,g} {g.unit}" for g in shown_problem.givens]


def answer_by_keyboard(page, box, text: str) -> None:
    """Into the box from the keyboard, then Enter: the form's own submission."""
    box.locator("input").focus()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)
    page.keyboard.press("Enter")


def test_a_student_answers_a_generated_problem_by_keyboard_and_sees_the_working(page, site_url):
    source = question("l2-calc-abductor")
    quiz = open_quiz(page, site_url)
    box = quiz.locator(f'fieldset[data-question="{source["id"]}"]')

    # The problem Pyodide shows is the one CPython makes for the same seed.
    seed = attempt_seed("lesson-2", model(source), VERSION, 0)
    shown = problem(source, seed)
    expect(box.locator(".hd-problem")).to_have_attribute("data-seed", str(seed))
    assert shown_values(box) == expected_values(shown)
    expect(box.locator(".hd-asked")).to_have_text(shown.question)
    expect(box.locator(".hd-hint")).to_contain_text(f"±{shown.tolerance:g} N")

    # Right at the edge of the tolerance.
    answer_by_keyboard(page, box, f"{shown.answer + shown.tolerance:,g}")
    expect(box).to_have_attribute("data-verdict", "correct")
    working = box.locator(".hd-explanation .hd-working")
    expect(working).to_be_visible()
    expect(working.locator("li")).to_have_count(len(shown.steps))
    for step, item in zip(shown.steps, working.locator("li").all()):
        expect(item).to_contain_text(f"{step.equation} = {step.numbers} = {step.result}")

    # Just outside it.
    answer_by_keyboard(page, box, f"{shown.answer + shown.tolerance + 1:g}")
    expect(box).to_have_attribute("data-verdict", "incorrect")
    expect(box.locator(".hd-explanation")).to_contain_text("Not quite.")
    expect(box.locator(".hd-explanation .hd-working")).to_contain_text(shown.steps[-1].result)

    # "New numbers", by keyboard: another problem, the one CPython gives for the next turn.
    box.locator(".hd-new-numbers").focus()
    page.keyboard.press("Enter")
    new_seed = next_seed("lesson-2", model(source), VERSION, 1, seed, generators())
    expect(box.locator(".hd-problem")).to_have_attribute("data-seed", str(new_seed))
    fresh = problem(source, new_seed)
    assert fresh.values() != shown.values()
    assert shown_values(box) == expected_values(fresh)
    said = "; ".join(f"{g.name} ({g.symbol}) {v}" for g, v in zip(fresh.givens, expected_values(fresh)))
    expect(box.locator(".hd-problem-status")).to_have_text(f"New numbers: {said}.")
    expect(box.locator("input")).to_have_value("")
    expect(box.locator(".hd-explanation")).to_be_hidden()
    assert box.get_attribute("data-verdict") is None
    key = quiz.locator(f'.hd-key-problem[data-question="{source["id"]}"]')
    expect(key).to_have_attribute("data-seed", str(new_seed))  # the answer key follows the problem shown

    answer_by_keyboard(page, box, f"{fresh.answer:g}")
    expect(box).to_have_attribute("data-verdict", "correct")

    # Back later: the same problem, with the answer given.
    page.reload()
    quiz = page.locator('[data-hipdrop-widget="quiz"][data-quiz="lesson-2"]')
    expect(reach(quiz)).to_have_attribute("data-quiz-ready", "true", timeout=PYODIDE_TIMEOUT_MS)
    box = quiz.locator(f'fieldset[data-question="{source["id"]}"]')
    expect(box.locator(".hd-problem")).to_have_attribute("data-seed", str(new_seed))
    expect(box.locator("input")).to_have_value(f"{fresh.answer:g}")
    assert page.errors == []


def test_before_python_the_page_shows_version_one_with_its_answer_in_the_key(page, site_url):
    """Static first: the problem of the first seed, readable and printable, its answer in the key."""
    source = question("l2-calc-abductor")
    page.route("**/assets/pyodide/**", lambda route: route.abort())
    page.goto(site_url + PAGE)
    box = page.locator(f'fieldset[data-question="{source["id"]}"]')
    first = problem(source, source["seeds"]["first"])
    assert shown_values(box) == expected_values(first)
    expect(box.locator(".hd-new-numbers")).to_be_hidden()
    key = page.locator(f'.hd-key-problem[data-question="{source["id"]}"]')
    expect(key).to_contain_text(f"Right answer: {first.answer:,g} N")
