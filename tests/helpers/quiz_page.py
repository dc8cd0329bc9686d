"""Answering a quiz widget in a Playwright page, as a reader does: shared by the browser tests."""


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
