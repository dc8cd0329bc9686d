"""Multiple-select partial credit with unequal numbers of right and wrong options, against marks
worked out by hand from the rule in docs/teachers/authoring-quizzes.md:

    With C right options, each right option ticked earns 1/C and each wrong option ticked takes
    1/C away. The mark never goes below 0.

Standard library only: these run in Pyodide too (tests/course/browser/test_engine_in_pyodide.py)."""

import json

from hipdrop.browser import dispatch
from hipdrop.quiz.grading import grade_question
from hipdrop.quiz.model import Bank, Option, Question, bank_to_dict


def option(oid: str, correct: bool = False) -> Option:
    return Option(id=oid, html=oid.upper(), correct=correct, feedback_html=f"<p>fb {oid}</p>", text=oid.upper())


def multiple(right: str, wrong: str) -> Question:
    options = tuple(option(o, True) for o in right) + tuple(option(o) for o in wrong)
    return Question(id="multi", type="multiple", prompt_html="<p>Which?</p>", options=options,
                    explanation_html="<p>why</p>", link="../l/#m")


# Three right (a, b, c), one wrong (d): C = 3, each tick is worth a third of the mark.
THREE_RIGHT_ONE_WRONG = [
    ("abc", 1.0, "correct"),           # 3/3
    ("ab", 2 / 3, "partial"),          # 2/3
    ("a", 1 / 3, "partial"),           # 1/3
    ("abcd", 2 / 3, "partial"),        # 3/3 - 1/3
    ("abd", 1 / 3, "partial"),         # 2/3 - 1/3
    ("ad", 0.0, "incorrect"),          # 1/3 - 1/3
    ("d", 0.0, "incorrect"),           # -1/3, and never below 0
]

# Two right (a, b), three wrong (c, d, e): C = 2, each tick is worth half the mark.
TWO_RIGHT_THREE_WRONG = [
    ("ab", 1.0, "correct"),            # 2/2
    ("a", 0.5, "partial"),             # 1/2
    ("abc", 0.5, "partial"),           # 2/2 - 1/2
    ("abcd", 0.0, "incorrect"),        # 2/2 - 2/2
    ("abcde", 0.0, "incorrect"),       # 2/2 - 3/2 = -1/2, and never below 0
    ("ac", 0.0, "incorrect"),          # 1/2 - 1/2
    ("cde", 0.0, "incorrect"),         # -3/2, and never below 0
]


def check(question: Question, cases) -> None:
    for ticked, mark, verdict in cases:
        result = grade_question(question, list(ticked))
        assert abs(result.score - mark) < 1e-3, (ticked, result.score, mark)
        assert result.verdict == verdict, (ticked, result.verdict, verdict)
        assert result.max_score == 1


def test_three_right_one_wrong():
    check(multiple("abc", "d"), THREE_RIGHT_ONE_WRONG)


def test_two_right_three_wrong():
    check(multiple("ab", "cde"), TWO_RIGHT_THREE_WRONG)


def test_the_same_marks_through_the_page_protocol():
    """The worker's path: quiz.grade through dispatch, with the bank as the page sends it."""
    for question, cases in ((multiple("abc", "d"), THREE_RIGHT_ONE_WRONG), (multiple("ab", "cde"), TWO_RIGHT_THREE_WRONG)):
        bank = bank_to_dict(Bank(id="b", title="B", mode="practice", questions=(question,)))
        for ticked, mark, _ in cases:
            reply = json.loads(dispatch("quiz.grade", json.dumps({"bank": bank, "responses": {"multi": list(ticked)}})))
            assert reply["ok"], reply
            assert abs(reply["result"]["score"] - mark) < 1e-3, (ticked, reply["result"]["score"], mark)



def test_the_percentage_rounds_half_up():
    """1 right of 8 single-choice questions is 12.5 %, shown as 13 % (worked by hand)."""
    from hipdrop.quiz.grading import grade_bank

    single = [Question(id=f"q{n}", type="single", prompt_html="<p>Pick a.</p>",
                       options=(option("a", True), option("b")), explanation_html="<p>why</p>", link="../l/#m")
              for n in range(8)]
    result = grade_bank(Bank(id="eight", title="Eight", mode="practice", questions=tuple(single)), {"q0": ["a"]})
    assert result.summary == "You scored 1 out of 8 (13%)."
