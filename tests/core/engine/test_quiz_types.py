"""Every quiz question type: grading and its edges, the seeded shuffle, exam rules, saved progress,
and the static HTML. Standard library only: these run in Pyodide too."""

import json

from hipdrop.browser import dispatch
from hipdrop.quiz.grading import grade_bank, grade_question, parse_number, submit
from hipdrop.quiz.model import Bank, Feedback, Item, NumericAnswer, Option, Question, bank_to_dict
from hipdrop.quiz.progress import fingerprint, restore
from hipdrop.quiz.render import MULTIPLE_RULE, render_quiz
from hipdrop.quiz.shuffle import attempt_order, shuffled

FEEDBACK = Feedback(correct_html="<p>well done</p>", incorrect_html="<p>try again</p>", partial_html="<p>partly</p>")


def option(oid: str, correct: bool = False) -> Option:
    return Option(id=oid, html=oid.upper(), correct=correct, feedback_html=f"<p>fb {oid}</p>", text=oid.upper())


def single() -> Question:
    return Question(id="single", type="single", prompt_html="<p>One?</p>",
                    options=(option("a", True), option("b"), option("c")), explanation_html="<p>why</p>",
                    link="../l/#s")


def multiple() -> Question:
    # two right options (a, b), two wrong (c, d): each tick is worth 1/2
    return Question(id="multi", type="multiple", prompt_html="<p>Which?</p>",
                    options=(option("a", True), option("b", True), option("c"), option("d")),
                    explanation_html="<p>why</p>", link="../l/#m")


def true_false() -> Question:
    return Question(id="tf", type="true_false", prompt_html="<p>True?</p>",
                    options=(option("true", True), option("false")), explanation_html="<p>why</p>", link="#t")


def numeric(tolerance: float = 10.0) -> Question:
    return Question(id="num", type="numeric", prompt_html="<p>How many newtons?</p>",
                    numeric=NumericAnswer(value=583.0, tolerance=tolerance, unit="N"), feedback=FEEDBACK,
                    explanation_html="<p>why</p>", link="#n")


def ordering() -> Question:
    items = tuple(Item(id=i, html=i.title(), text=i.title()) for i in ("first", "second", "third", "fourth"))
    return Question(id="order", type="ordering", prompt_html="<p>Order them</p>", items=items,
                    feedback=FEEDBACK, explanation_html="<p>why</p>", link="#o")


def matching() -> Question:
    left = tuple(Item(id=f"l{n}", html=f"Left {n}", text=f"Left {n}", match=f"r{n}") for n in (1, 2, 3))
    right = tuple(Item(id=f"r{n}", html=f"Right {n}", text=f"Right {n}") for n in (1, 2, 3))
    return Question(id="match", type="matching", prompt_html="<p>Match them</p>", left=left, right=right,
                    feedback=FEEDBACK, explanation_html="<p>why</p>", link="#x")


def bank(mode: str = "practice") -> Bank:
    return Bank(id="all", title="All types", mode=mode,
                questions=(single(), multiple(), true_false(), numeric(), ordering(), matching()))


def right_answers() -> dict:
    return {
        "single": ["a"], "multi": ["a", "b"], "tf": ["true"], "num": "583",
        "order": {"first": 1, "second": 2, "third": 3, "fourth": 4},
        "match": {"l1": "r1", "l2": "r2", "l3": "r3"},
    }


# ---------------------------------------------------------------- choice types


def test_single_right_wrong_and_empty():
    assert grade_question(single(), ["a"]).score == 1.0
    wrong = grade_question(single(), ["b"])
    assert wrong.score == 0.0 and wrong.verdict == "incorrect"
    assert wrong.chosen[0].feedback_html == "<p>fb b</p>" and wrong.correct_options == ("a",)
    for empty in ([], None, ""):
        result = grade_question(single(), empty)
        assert result.verdict == "unanswered" and result.score == 0.0 and not result.complete


def test_single_refuses_two_options():
    try:
        grade_question(single(), ["a", "b"])
    except ValueError as error:
        assert "only one" in str(error)
    else:
        raise AssertionError("two options accepted for a single-choice question")


def test_multiple_partial_credit_rule():
    mark = lambda chosen: grade_question(multiple(), chosen).score  # noqa: E731
    assert mark(["a", "b"]) == 1.0
    assert mark(["a"]) == 0.5
    assert mark(["a", "c"]) == 0.0  # +1/2 - 1/2
    assert mark(["a", "b", "c"]) == 0.5
    assert mark(["c", "d"]) == 0.0  # never below zero
    assert mark(["a", "b", "c", "d"]) == 0.0
    assert grade_question(multiple(), ["a"]).verdict == "partial"


def test_multiple_gives_feedback_for_every_chosen_option():
    result = grade_question(multiple(), ["b", "c"])
    assert [(c.option, c.correct) for c in result.chosen] == [("b", True), ("c", False)]
    assert "Right answers" in result.answer_html and "A" in result.answer_html and "B" in result.answer_html


def test_true_false():
    assert grade_question(true_false(), ["true"]).correct
    assert not grade_question(true_false(), ["false"]).correct


# ---------------------------------------------------------------- numeric


def test_numeric_tolerance_bounds_are_included():
    q = numeric(tolerance=10)
    assert grade_question(q, "573").correct and grade_question(q, "593").correct
    assert not grade_question(q, "572.9").correct and not grade_question(q, "593.1").correct


def test_numeric_bounds_survive_floating_point_noise():
    q = Question(id="f", type="numeric", prompt_html="<p>x</p>", numeric=NumericAnswer(2.5, 0.1, ""),
                 feedback=FEEDBACK)
    assert grade_question(q, "2.6").correct and grade_question(q, "2.4").correct
    assert not grade_question(q, "2.61").correct


def test_numeric_exact_answer_with_zero_tolerance():
    q = numeric(tolerance=0)
    assert grade_question(q, "583").correct and not grade_question(q, "584").correct


def test_numeric_reads_what_people_type():
    assert parse_number("1,167") == 1167.0
    assert parse_number("1 167") == 1167.0
    assert parse_number("2,5") == 2.5
    assert parse_number("583 N", "N") == 583.0
    assert parse_number("−3") == -3.0
    assert parse_number("1,167.5") == 1167.5
    assert parse_number("about 500") is None and parse_number("") is None


def test_numeric_feedback_for_right_wrong_unreadable_and_empty():
    assert grade_question(numeric(), "585").feedback_html == "<p>well done</p>"
    assert grade_question(numeric(), "600").feedback_html == "<p>try again</p>"
    unreadable = grade_question(numeric(), "lots<b>")
    assert unreadable.answered and not unreadable.correct
    assert "could not be read as a number" in unreadable.feedback_html and "<b>" not in unreadable.feedback_html
    empty = grade_question(numeric(), "")
    assert empty.verdict == "unanswered" and empty.feedback_html == ""
    assert "573" in grade_question(numeric(), "1").answer_html and "593" in grade_question(numeric(), "1").answer_html


# ---------------------------------------------------------------- ordering and matching


def test_ordering_full_partial_and_empty():
    right = {"first": 1, "second": 2, "third": 3, "fourth": 4}
    assert grade_question(ordering(), right).correct
    swapped = grade_question(ordering(), {"first": "2", "second": "1", "third": "3", "fourth": "4"})
    assert swapped.score == 0.5 and swapped.verdict == "partial"
    assert swapped.feedback_html == "<p>partly</p>"
    assert [p.correct for p in swapped.parts] == [False, False, True, True]
    half_done = grade_question(ordering(), {"first": 1})
    assert half_done.score == 0.25 and half_done.answered and not half_done.complete
    assert grade_question(ordering(), {}).verdict == "unanswered"


def test_ordering_rejects_a_place_that_does_not_exist():
    try:
        grade_question(ordering(), {"first": 9})
    except ValueError as error:
        assert "first" in str(error)
    else:
        raise AssertionError("place 9 of 4 accepted")


def test_matching_full_partial_and_wrong():
    assert grade_question(matching(), {"l1": "r1", "l2": "r2", "l3": "r3"}).correct
    partial = grade_question(matching(), {"l1": "r1", "l2": "r3", "l3": "r2"})
    assert abs(partial.score - 1 / 3) < 1e-3 and partial.verdict == "partial"
    wrong = grade_question(matching(), {"l1": "r2", "l2": "r3", "l3": "r1"})
    assert wrong.score == 0.0 and wrong.feedback_html == "<p>try again</p>"
    assert "Left 1 → Right 1" in wrong.answer_html


# ---------------------------------------------------------------- the whole bank, exam mode


def test_all_right_scores_full_marks_with_a_summary():
    result = grade_bank(bank(), right_answers())
    assert result.score == result.max_score == 6.0 and result.percent == 100
    assert result.summary == "You scored 6 out of 6 (100%)."
    assert result.complete and result.unanswered == ()


def test_partial_marks_add_up_in_the_summary():
    answers = {**right_answers(), "multi": ["a"], "num": "1000"}
    result = grade_bank(bank(), answers)
    assert result.score == 4.5 and "4.5 out of 6" in result.summary


def test_exam_refuses_to_grade_until_everything_is_answered():
    answers = right_answers()
    del answers["tf"]
    answers["order"] = {"first": 1}
    refused = submit(bank("exam"), answers)
    assert not refused.accepted and refused.result is None
    assert set(refused.unanswered) == {"tf", "order"}
    assert "Questions 3 and 5" in refused.message
    accepted = submit(bank("exam"), right_answers())
    assert accepted.accepted and accepted.result.score == 6.0


def test_practice_grades_whatever_is_answered():
    result = submit(bank("practice"), {"single": ["a"]})
    assert result.accepted and result.result.score == 1.0


def test_responses_for_unknown_questions_are_an_error():
    try:
        grade_bank(bank(), {"nope": ["a"]})
    except ValueError as error:
        assert "nope" in str(error)
    else:
        raise AssertionError("unknown question accepted")


# ---------------------------------------------------------------- shuffle


def test_same_seed_same_order_and_seeds_differ():
    first = attempt_order(bank(), 12345)
    assert attempt_order(bank(), 12345) == first
    orders = {json.dumps(attempt_order(bank(), seed), sort_keys=True) for seed in range(1, 30)}
    assert len(orders) > 10


def test_shuffle_keeps_every_option_and_true_false_order():
    order = attempt_order(bank(), 777)
    assert sorted(order["single"]["options"]) == ["a", "b", "c"]
    assert sorted(order["match"]["right"]) == ["r1", "r2", "r3"]
    assert order["tf"]["options"] == ["true", "false"]
    assert order["num"] == {}


def test_ordering_is_never_shown_already_in_order():
    for seed in range(1, 200):
        assert attempt_order(bank(), seed)["order"]["items"] != ["first", "second", "third", "fourth"]


def test_shuffle_is_a_permutation_for_any_seed():
    ids = [str(n) for n in range(10)]
    for seed in (1, 2, 99_999):
        assert sorted(shuffled(ids, seed, "k")) == ids


def test_bad_seeds_are_refused():
    for seed in (0, 100_000, "12", 1.5, True):
        try:
            attempt_order(bank(), seed)
        except ValueError:
            continue
        raise AssertionError(f"seed {seed!r} accepted")


# ---------------------------------------------------------------- saved progress


def saved(**changes) -> str:
    data = {"format": 1, "fingerprint": fingerprint(bank()), "seed": 4242,
            "responses": {"single": ["b"], "num": "583"}, "submitted": True}
    data.update(changes)
    return json.dumps(data)


def test_progress_is_restored():
    progress = restore(bank(), saved(), fingerprint(bank()))
    assert progress.seed == 4242 and progress.submitted and progress.reset == ""
    assert progress.responses == {"single": ["b"], "num": "583"}


def test_nothing_saved_is_a_fresh_start():
    assert restore(bank(), None, fingerprint(bank())).to_dict() == {
        "seed": None, "responses": {}, "submitted": False, "reset": ""}


def test_corrupted_or_outdated_progress_is_reset_without_error():
    fp = fingerprint(bank())
    assert restore(bank(), "{not json", fp).reset == "corrupted"
    assert restore(bank(), "[1, 2]", fp).reset == "corrupted"
    assert restore(bank(), saved(seed="x"), fp).reset == "corrupted"
    assert restore(bank(), saved(responses={"single": ["zzz"]}), fp).reset == "corrupted"
    assert restore(bank(), saved(responses={"gone": ["a"]}), fp).reset == "corrupted"
    assert restore(bank(), saved(format=0), fp).reset == "outdated"
    assert restore(bank(), saved(fingerprint="older"), fp).reset == "outdated"
    assert restore(bank(), saved(fingerprint="older"), fp).responses == {}


def test_fingerprint_changes_when_the_bank_does():
    changed = Bank(id="all", title="All types, edited", mode="practice", questions=bank().questions)
    assert fingerprint(changed) != fingerprint(bank())
    assert fingerprint(bank()) == fingerprint(bank())


# ---------------------------------------------------------------- static HTML


def test_static_html_has_a_labelled_native_control_for_every_part():
    html = render_quiz(bank())
    assert html.count("<fieldset") == 6 and html.count("<legend>") == 6
    assert html.count('type="radio"') == 3 + 2 and html.count('type="checkbox"') == 4
    assert 'inputmode="decimal"' in html and "Your answer, in N" in html
    assert html.count("<select") == 4 + 3
    assert html.count("<label") == 3 + 4 + 2 + 1 + 4 + 3
    assert MULTIPLE_RULE in html and "Answer key" in html


def test_select_option_text_is_escaped():
    q = matching()
    evil = Item(id="r1", html="&lt;b&gt;", text="<b>bold</b>")
    q = Question(**{**q.__dict__, "right": (evil, *q.right[1:])})
    html = render_quiz(Bank(id="e", title="E", mode="practice", questions=(q,)))
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html


def test_worker_methods_for_order_restore_and_submit():
    data = bank_to_dict(bank("exam"))
    order = json.loads(dispatch("quiz.order", json.dumps({"bank": data, "seed": 5})))
    assert order["ok"] and set(order["result"]) == {"single", "multi", "tf", "num", "order", "match"}
    reply = json.loads(dispatch("quiz.submit", json.dumps({"bank": data, "responses": {}})))
    assert reply["ok"] and reply["result"]["accepted"] is False
    graded = json.loads(dispatch("quiz.submit", json.dumps({"bank": data, "responses": right_answers()})))
    assert graded["result"]["result"]["score"] == 6.0
    fresh = json.loads(dispatch("quiz.restore", json.dumps({"bank": data, "stored": "garbage", "fingerprint": "x"})))
    assert fresh["ok"] and fresh["result"]["reset"] == "corrupted"


def test_static_html_never_lists_an_ordering_question_in_its_right_order():
    html = render_quiz(bank())
    positions = [html.index(f'data-item="{i}"') for i in ("first", "second", "third", "fourth")]
    assert positions != sorted(positions)
    assert html.count('class="hd-print-only hd-choices"') == 1  # matching choices, for paper
