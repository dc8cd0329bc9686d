"""The core's message catalogs: every language says everything English says, with the same
placeholders; a missing language or key falls back to English; grading and the static quiz speak
the language they are given.

Standard library only: these run in Pyodide too (tests/course/browser/test_engine_in_pyodide.py)."""

import json

from hipdrop.browser import dispatch
from hipdrop.messages import CATALOGS, CLIENT_PREFIXES, Messages, client_messages, messages, placeholders
from hipdrop.messages import en
from hipdrop.quiz.grading import grade_bank, grade_question, submit
from hipdrop.quiz.model import Bank, Item, NumericAnswer, Option, Question, bank_to_dict
from hipdrop.quiz.render import render_quiz


def numeric() -> Question:
    return Question(id="force", type="numeric", prompt_html="<p>How much?</p>",
                    numeric=NumericAnswer(value=1167.5, tolerance=2.5, unit="N"),
                    explanation_html="<p>why</p>", link="../l/#f")


def ordering() -> Question:
    items = tuple(Item(id=i, html=i.upper()) for i in "abc")
    return Question(id="steps", type="ordering", prompt_html="<p>In order?</p>", items=items,
                    explanation_html="<p>why</p>", link="../l/#s")


def single() -> Question:
    options = (Option(id="a", html="A", correct=True, feedback_html="", text="A"),
               Option(id="b", html="B", correct=False, feedback_html="", text="B"))
    return Question(id="pick", type="single", prompt_html="<p>Which?</p>", options=options,
                    explanation_html="<p>why</p>", link="../l/#p")


def exam() -> Bank:
    return Bank(id="exam", title="Exam", mode="exam", questions=(single(), numeric(), ordering()))


def test_every_language_has_every_english_key_and_no_other():
    for code, catalog in CATALOGS.items():
        assert catalog.LANGUAGE == code
        assert set(catalog.MESSAGES) == set(en.MESSAGES), code


def test_every_translation_keeps_the_placeholders_of_its_key():
    for code, catalog in CATALOGS.items():
        wrong = [k for k, text in catalog.MESSAGES.items() if placeholders(text) != placeholders(en.MESSAGES[k])]
        assert wrong == [], (code, wrong)


def test_every_translation_is_translated():
    # A text identical to the English one is a forgotten translation, except these (names, numbers).
    same_everywhere = {"quiz.question.number", "quiz.question.number_inline", "engine.error.worker_detail",
                       "present.position",
                       # handouts: a paper size's name, "PDF", a page count and the punctuation around values
                       "handouts.paper.a4", "handouts.list.pdf", "handouts.list.pages", "handouts.list.file",
                       "handouts.pages.one", "handouts.pages.many", "handouts.pdf_link.facts",
                       "handouts.search.item"}
    for code, catalog in CATALOGS.items():
        if code == "en":
            continue
        same = [k for k, text in catalog.MESSAGES.items() if text == en.MESSAGES[k] and k not in same_everywhere]
        assert same == [], (code, same)


def test_an_unknown_language_is_english_and_a_region_is_its_language():
    assert messages("xx").language == "en"
    assert messages(None).language == "en"
    assert messages("fr-CA").language == "fr" and messages("fr_BE").language == "fr"
    assert messages("FR")["quiz.button.check"] == "Vérifier les réponses"


def test_a_key_a_language_lacks_is_english():
    partial = Messages(language="xx", texts={**en.MESSAGES, "status.retry": "Encore"})
    assert partial["status.retry"] == "Encore"
    assert messages("fr")["quiz.button.check"] != en.MESSAGES["quiz.button.check"]
    assert set(messages("fr")) == set(en.MESSAGES)


def test_format_fills_placeholders_and_leaves_unknown_ones():
    texts = messages("en")
    assert texts.format("present.question.count", n=2, total=5) == "Question 2 of 5"
    assert texts.format("quiz.live.version", seed=123).endswith("share {link}.")


def test_client_messages_are_the_scripts_keys_only_and_json():
    client = client_messages("fr")
    assert client["language"] == "fr"
    keys = set(client["messages"])
    assert keys and all(k.startswith(CLIENT_PREFIXES) for k in keys)
    assert "quiz.button.check" not in keys and "status.retry" in keys
    assert json.loads(json.dumps(client)) == client


def test_french_numbers_ordinals_and_lists():
    fr = messages("fr")
    assert fr.number("1,167.5") == "1\u202f167,5"
    assert [fr.ordinal(n) for n in (1, 2, 11)] == ["1er", "2e", "11e"]
    assert fr.series(["1", "2", "3"]) == "1, 2 et 3"
    en_ = messages("en")
    assert [en_.ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "111th"]


def test_grading_speaks_the_language_it_is_given():
    fr = messages("fr")
    result = grade_bank(exam(), {"pick": ["a"], "force": "1168", "steps": {"a": 1, "b": 3, "c": 2}}, fr)
    assert result.summary == "Votre score\u00a0: 2,33 sur 3 (78\u00a0%)."
    pick, force, steps = result.questions
    assert pick.verdict_text == "Juste." and pick.score_text == ""
    assert "Bonne réponse\u00a0:" in force.answer_html and "1\u202f167,5 N" in force.answer_html
    assert steps.verdict_text == "En partie juste." and steps.score_text == " 0,33 point sur 1."
    assert [p.feedback_html for p in steps.parts] == [
        "<strong>Au bon rang.</strong>", "<strong>Pas au bon rang.</strong>", "<strong>Pas au bon rang.</strong>"]
    unreadable = grade_question(numeric(), "beaucoup", fr)
    assert "«\u00a0beaucoup\u00a0» ne peut pas être lu comme un nombre." in unreadable.feedback_html


def test_exam_refusal_in_french_names_the_questions():
    refused = submit(exam(), {"pick": ["a"]}, messages("fr"))
    assert not refused.accepted
    assert refused.message.endswith("Les questions 2 et 3 n'ont pas encore de réponse complète.")
    one = submit(exam(), {"pick": ["a"], "force": "1"}, messages("fr"))
    assert one.message.endswith("La question 3 n'a pas encore de réponse complète.")


def test_english_is_the_default_and_unchanged():
    result = grade_bank(exam(), {"steps": {"a": 1}})
    assert result.summary == "You scored 0.33 out of 3 (11%)."
    assert result.questions[2].verdict_text == "Partly right." and result.questions[2].score_text == " 0.33 of 1 mark."
    assert result.questions[0].verdict_text == "Not answered."


def test_a_partial_mark_is_rounded_half_up():
    items = tuple(Item(id=str(i), html=str(i)) for i in range(8))
    eight = Question(id="eight", type="ordering", prompt_html="<p>Order</p>", items=items,
                     explanation_html="", link="#")
    assert grade_question(eight, {"0": 1}).score_text == " 0.13 of 1 mark."


def test_the_static_quiz_in_french():
    html = render_quiz(exam(), messages("fr"))
    for words in ("Valider les réponses", "Afficher les réponses", "Recommencer", "Effacer la progression",
                  "Mode examen.", "Corrigé\u00a0: Exam", "Rang…", "du 1er au 3e",
                  "Votre réponse, en N", "±2,5 N près", "Lire la section de la leçon"):
        assert words in html, words
    for english in ("Submit answers", "Show answers", "Reset progress", "Place…", "Answer key"):
        assert english not in html, english


def test_the_worker_grades_in_the_language_the_page_names():
    params = {"bank": bank_to_dict(exam()), "responses": {"pick": ["b"]}, "language": "fr"}
    reply = json.loads(dispatch("quiz.submit", json.dumps(params)))
    assert reply["ok"] and reply["result"]["message"].startswith("Ceci est un examen")
    reply = json.loads(dispatch("quiz.grade", json.dumps(params)))
    assert reply["result"]["questions"][0]["verdict_text"] == "Pas tout à fait."
    english = json.loads(dispatch("quiz.grade", json.dumps({**params, "language": "xx"})))
    assert english["result"]["questions"][0]["verdict_text"] == "Not quite."
