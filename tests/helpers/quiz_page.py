"""Answering a quiz widget in a Playwright page, as a reader does: shared by the browser tests.
A booted quiz page (Python up) serves several tests of a module: each test starts with
``fresh_attempt``, the quiz as a reader who has just opened it finds it."""

from playwright.sync_api import expect

RESET_DONE = "Progress reset: nothing of this quiz is kept in this browser any more."


def booted_quiz_page(context, url: str, quiz_id: str, timeout_ms: int):
    """A new page of ``context`` at ``url``, its quiz reached and ready (Python up); the page's
    uncaught errors are collected in ``page.errors``."""
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(url)
    quiz = page.locator(f'[data-hipdrop-widget="quiz"][data-quiz="{quiz_id}"]')
    quiz.scroll_into_view_if_needed()  # Python starts when a reader reaches the quiz
    expect(quiz).to_have_attribute("data-hipdrop-state", "ready", timeout=timeout_ms)
    expect(quiz).to_have_attribute("data-quiz-ready", "true", timeout=timeout_ms)
    return page


def fresh_attempt(page, quiz_id: str):
    """The booted page's quiz with nothing kept (the quiz's own Reset progress: no answer, no
    feedback, no result, the buttons of a first attempt, nothing stored), errors cleared: the quiz."""
    quiz = page.locator(f'[data-hipdrop-widget="quiz"][data-quiz="{quiz_id}"]')
    quiz.scroll_into_view_if_needed()
    quiz.get_by_role("button", name="Reset progress").click()
    expect(quiz.locator(".hd-result")).to_have_text(RESET_DONE)
    expect(quiz.locator("input:checked")).to_have_count(0)
    assert page.evaluate("(id) => localStorage.getItem('hipdrop.quiz.' + id)", quiz_id) is None
    page.errors.clear()
    return quiz


def fieldset(quiz, question):
    return quiz.locator(f'fieldset[data-question="{question["id"]}"]')


def choose(quiz, question, option):
    fieldset(quiz, question).locator(f'input[value="{option["id"]}"]').check()


def generated_answer(box, question, right=True) -> str:
    """The answer to the generated problem on the page (its seed read from it), made by the
    course's generator in CPython: right, or well outside the tolerance."""
    from quiz_versions import problem

    shown = problem(question, int(box.locator(".hd-problem").get_attribute("data-seed")))
    return f"{shown.answer if right else shown.answer * 2 + shown.tolerance + 7:g}"


def answer(quiz, question, right=True):
    """Answer any type of question, all right or all wrong."""
    box = fieldset(quiz, question)
    kind = question["type"]
    if kind in ("single", "true_false", "multiple"):
        picks = [o for o in question["options"] if bool(o.get("correct")) == right]
        for option in picks if kind == "multiple" else picks[:1]:
            box.locator(f'input[value="{option["id"]}"]').check()
    elif kind == "numeric":
        box.locator("input").fill(str(question["answer"] if right else question["answer"] * 2 + question["tolerance"] + 7))
    elif kind == "generated_numeric":
        box.locator("input").fill(generated_answer(box, question, right))
    elif kind == "ordering":
        n = len(question["items"])
        for place, item in enumerate(question["items"], 1):
            box.locator(f'.hd-item[data-item="{item["id"]}"] select').select_option(str(place if right else place % n + 1))
    elif kind == "matching":
        ids = [r["id"] for r in question["right"]]
        for item in question["left"]:
            wrong = ids[(ids.index(item["match"]) + 1) % len(ids)]
            box.locator(f'.hd-pair[data-left="{item["id"]}"] select').select_option(item["match"] if right else wrong)
