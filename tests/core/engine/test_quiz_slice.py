"""Grading of single-answer questions and the worker dispatcher (stdlib only: runs in Pyodide too)."""

import json

from hipdrop.browser import Session, dispatch
from hipdrop.quiz.grading import grade_bank
from hipdrop.quiz.model import Bank, Option, Question, bank_from_dict, bank_to_dict


def make_bank() -> Bank:
    def question(qid: str, right: str, wrong: str) -> Question:
        return Question(
            id=qid,
            type="single",
            prompt_html=f"<p>{qid}?</p>",
            options=(
                Option(id=right, html=right, correct=True, feedback_html=f"<p>yes {right}</p>"),
                Option(id=wrong, html=wrong, correct=False, feedback_html=f"<p>no {wrong}</p>"),
            ),
            explanation_html="<p>because</p>",
            link="../lesson/#part",
        )

    return Bank(id="b", title="B", mode="practice", questions=(question("q1", "a", "b"), question("q2", "c", "d")))


def test_right_answer_scores_and_gets_its_feedback():
    result = grade_bank(make_bank(), {"q1": ["a"]})
    first = result.questions[0]
    assert first.correct and first.score == 1.0
    assert first.chosen[0].feedback_html == "<p>yes a</p>"
    assert first.link == "../lesson/#part"


def test_wrong_answer_gets_that_options_feedback_and_the_right_answer():
    first = grade_bank(make_bank(), {"q1": ["b"]}).questions[0]
    assert not first.correct and first.score == 0.0
    assert first.chosen[0].feedback_html == "<p>no b</p>"
    assert first.correct_options == ("a",)


def test_unanswered_questions_score_zero_and_total_is_the_sum():
    result = grade_bank(make_bank(), {"q1": ["a"]})
    assert (result.score, result.max_score) == (1.0, 2.0)
    assert result.questions[1].answered is False


def test_bank_survives_the_json_round_trip_the_browser_uses():
    bank = make_bank()
    assert bank_from_dict(json.loads(json.dumps(bank_to_dict(bank)))) == bank


def test_dispatch_grades_and_reports_python_errors_as_messages():
    params = {"bank": bank_to_dict(make_bank()), "responses": {"q2": ["c"]}}
    reply = json.loads(dispatch("quiz.grade", json.dumps(params)))
    assert reply["ok"] and reply["result"]["score"] == 1.0

    bad = json.loads(dispatch("quiz.grade", json.dumps({**params, "responses": {"q2": ["zzz"]}})))
    assert bad["ok"] is False and "zzz" in bad["error"]["message"]

    unknown = json.loads(dispatch("no.such.method", "{}"))
    assert unknown["ok"] is False and "no.such.method" in unknown["error"]["message"]


def test_a_bank_is_sent_once_then_named_by_its_key_and_sent_again_to_a_new_worker():
    data = bank_to_dict(make_bank())
    session = Session()
    loaded = json.loads(dispatch("quiz.load", json.dumps({"bank": data}), session))
    key = loaded["result"]["bank_key"]
    assert key.startswith(data["id"] + "-")
    graded = json.loads(dispatch("quiz.grade", json.dumps({"bank_key": key, "responses": {"q2": ["c"]}}), session))
    assert graded["ok"] and graded["result"]["score"] == 1.0
    # A changed bank gets another key; the same bank, loaded again, the same one.
    changed = json.loads(dispatch("quiz.load", json.dumps({"bank": {**data, "title": data["title"] + "!"}}), session))
    assert changed["result"]["bank_key"] != key
    again = json.loads(dispatch("quiz.load", json.dumps({"bank": data}), session))
    assert again["result"]["bank_key"] == key
    # A worker started afresh has a new session: the key is unknown there, so the page loads again.
    fresh = json.loads(dispatch("quiz.submit", json.dumps({"bank_key": key, "responses": {}}), Session()))
    assert fresh["ok"] is False and fresh["error"]["type"] == "UnknownBank"
