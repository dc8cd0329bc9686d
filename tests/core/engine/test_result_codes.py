"""Result codes and the class table: a student's answers carried in a short code, read back and
graded on the teacher's page. Standard library only: these run in Pyodide too."""

import csv
import io
import json
import random
from dataclasses import replace

from hipdrop.browser import Session, dispatch
from hipdrop.messages import messages
from hipdrop.quiz.class_results import class_csv, read_class
from hipdrop.quiz.grading import grade_bank
from hipdrop.quiz.model import Bank, Feedback, Item, NumericAnswer, Option, Question, bank_to_dict
from hipdrop.quiz.result_code import (
    ALPHABET,
    CodeError,
    UnsupportedQuestion,
    check_holds,
    make_code,
    normalised,
    read_code,
    version_text,
)

FEEDBACK = Feedback(correct_html="<p>yes</p>", incorrect_html="<p>no</p>")


def option(oid: str, correct: bool = False) -> Option:
    return Option(id=oid, html=oid.upper(), correct=correct, feedback_html=f"<p>because {oid}</p>", text=oid.upper())


def every_type_bank(bank_id: str = "every-type") -> Bank:
    items = tuple(Item(id=i, html=i, text=i) for i in ("one", "two", "three", "four"))
    left = tuple(Item(id=f"l{n}", html=f"L{n}", text=f"L{n}", match=f"r{n}") for n in range(1, 4))
    right = tuple(Item(id=f"r{n}", html=f"R{n}", text=f"R{n}") for n in range(1, 4))
    return Bank(
        id=bank_id,
        title="Every type",
        mode="practice",
        questions=(
            Question(id="s", type="single", prompt_html="<p>S?</p>", options=(option("a", True), option("b"), option("c")), link="../x/#s"),
            Question(id="m", type="multiple", prompt_html="<p>M?</p>",
                     options=(option("a", True), option("b", True), option("c"), option("d")), link="../x/#m"),
            Question(id="tf", type="true_false", prompt_html="<p>T?</p>", options=(option("true", True), option("false")), link="#t"),
            Question(id="n", type="numeric", prompt_html="<p>N?</p>", numeric=NumericAnswer(583.0, 10.0, "N"),
                     feedback=FEEDBACK, link="#n"),
            Question(id="o", type="ordering", prompt_html="<p>O?</p>", items=items, feedback=FEEDBACK, link="#o"),
            Question(id="x", type="matching", prompt_html="<p>X?</p>", left=left, right=right, feedback=FEEDBACK, link="#x"),
        ),
    )


SOME_ANSWERS = {
    "s": ["b"],
    "m": ["a", "c"],
    "tf": ["true"],
    "n": "1,000 N",
    "o": {"one": 2, "two": 1, "four": 4},
    "x": {"l1": "r1", "l3": "r2"},
}


def test_a_code_read_back_gives_the_same_answers_score_and_nickname():
    bank = every_type_bank()
    made = make_code(bank, SOME_ANSWERS, nickname="Léa B.", attempt=4242)
    read = read_code(made.text, [bank])
    assert read.responses == made.responses
    assert read.nickname == "Léa B." and read.attempt == 4242 and read.quiz == bank.id
    # The numeric answer travels as right or wrong; every other answer as given.
    assert {k: v for k, v in read.responses.items() if k != "n"} == {k: v for k, v in SOME_ANSWERS.items() if k != "n"}
    assert grade_bank(bank, read.responses).percent == grade_bank(bank, SOME_ANSWERS).percent == read.percent


def test_random_attempts_of_every_type_survive_the_round_trip():
    bank = every_type_bank()
    rng = random.Random(26)
    for _ in range(40):
        answers = {
            "s": rng.choice([None, ["a"], ["b"], ["c"]]),
            "m": rng.sample(["a", "b", "c", "d"], rng.randint(0, 4)),
            "tf": rng.choice([None, ["true"], ["false"]]),
            "n": rng.choice(["", "583", "590 N", "1e9", "abc", "-3,5"]),
            "o": {i: rng.randint(1, 4) for i in rng.sample(["one", "two", "three", "four"], rng.randint(0, 4))},
            "x": {lf: rng.choice(["r1", "r2", "r3"]) for lf in rng.sample(["l1", "l2", "l3"], rng.randint(0, 3))},
        }
        made = make_code(bank, answers, attempt=rng.randrange(2**15))
        read = read_code(made.text, [bank])
        assert read.responses == made.responses
        assert read.percent == grade_bank(bank, answers).percent


def test_the_text_is_base32_grouped_by_four_short_enough_to_type():
    made = make_code(every_type_bank(), SOME_ANSWERS)
    groups = made.text.split("-")
    assert all(len(g) == 4 for g in groups[:-1]) and 1 <= len(groups[-1]) <= 4
    assert set(made.text.replace("-", "")) <= set(ALPHABET)
    assert made.text[0] == "1"  # the format version
    assert len(made.text.replace("-", "")) <= 24


def test_reading_forgives_case_spaces_and_the_usual_misreadings():
    bank = every_type_bank()
    made = make_code(bank, SOME_ANSWERS)
    sloppy = made.text.lower().replace("-", " ").replace("1", "l").replace("0", "o")
    assert read_code(sloppy, [bank]).responses == made.responses
    assert normalised(" 1i-Lo ") == "1110"


def test_every_single_mistyped_character_is_caught():
    bank = every_type_bank()
    rng = random.Random(7)
    for attempt in range(20):
        symbols = normalised(make_code(bank, SOME_ANSWERS, attempt=rng.randrange(2**15)).text)
        for place in range(len(symbols)):
            for wrong in ALPHABET:
                if wrong == symbols[place]:
                    continue
                typed = symbols[:place] + wrong + symbols[place + 1 :]
                assert not check_holds(typed), (symbols, place, wrong)


def test_every_swap_of_two_different_neighbours_is_caught():
    bank = every_type_bank()
    rng = random.Random(8)
    for attempt in range(20):
        symbols = normalised(make_code(bank, SOME_ANSWERS, nickname=str(attempt), attempt=rng.randrange(2**15)).text)
        for place in range(len(symbols) - 1):
            a, b = symbols[place], symbols[place + 1]
            if a == b:
                continue
            swapped = symbols[:place] + b + a + symbols[place + 2 :]
            assert not check_holds(swapped)
            try:
                read_code(swapped, [bank])
            except CodeError as error:
                assert error.reason == "check"
            else:
                raise AssertionError(f"a swap at {place} was read")


def test_a_code_from_another_version_of_the_bank_is_refused_with_the_quiz_title():
    bank = every_type_bank()
    made = make_code(bank, SOME_ANSWERS)
    changed = replace(bank, questions=(replace(bank.questions[0], prompt_html="<p>S, reworded?</p>"), *bank.questions[1:]))
    assert version_text(changed) != version_text(bank)
    try:
        read_code(made.text, [changed])
    except CodeError as error:
        assert error.reason == "other_version" and error.values == {"title": "Every type"}
    else:
        raise AssertionError("a code of another version was read")


def test_the_version_ignores_lesson_links_which_depend_on_the_page_showing_the_quiz():
    bank = every_type_bank()
    elsewhere = replace(bank, questions=tuple(replace(q, link="../../other/page/" + q.link) for q in bank.questions))
    assert read_code(make_code(bank, SOME_ANSWERS).text, [elsewhere]).responses


def test_codes_of_an_unknown_quiz_or_that_are_not_codes_are_refused_saying_why():
    bank = every_type_bank()
    other = make_code(every_type_bank("another-quiz"), SOME_ANSWERS)
    reasons = {}
    for name, text in {"unknown_quiz": other.text, "characters": "https://example.org/", "empty": " - "}.items():
        try:
            read_code(text, [bank])
        except CodeError as error:
            reasons[name] = error.reason
    assert reasons == {"unknown_quiz": "unknown_quiz", "characters": "characters", "empty": "empty"}


def test_a_code_whose_score_does_not_match_its_answers_is_refused():
    from hipdrop.quiz import result_code

    bank = every_type_bank()
    made = make_code(bank, SOME_ANSWERS)
    # The same answers with another percentage, check character made right: only the score is wrong.
    symbols = normalised(made.text)
    number = result_code._from_base32(symbols[1:-1])
    low = 2 ** (result_code.QUIZ_TAG_BITS + result_code.VERSION_BITS + result_code.ATTEMPT_BITS)
    head, rest = divmod(number, low)
    percents, percent = divmod(head, result_code.PERCENT_RADIX)
    forged_body = "1" + result_code._to_base32((percents * result_code.PERCENT_RADIX + (percent + 1) % 101) * low + rest)
    forged = forged_body + result_code.check_character(forged_body)
    try:
        read_code(forged, [bank])
    except CodeError as error:
        assert error.reason == "damaged"
    else:
        raise AssertionError("a code with a forged score was read")


def test_the_nickname_is_cut_to_sixteen_characters_and_loses_control_characters():
    made = make_code(every_type_bank(), {}, nickname="  Ana\u0000Maria\n de la Fuente y Ortega ")
    assert made.nickname == "AnaMaria de la F"


def test_a_question_type_a_code_cannot_carry_is_said_plainly():
    bank = every_type_bank()
    odd = replace(bank, questions=(replace(bank.questions[0], type="essay"),))
    try:
        make_code(odd, {})
    except UnsupportedQuestion as error:
        assert "essay" in str(error)
    else:
        raise AssertionError("an essay question was carried")


def test_the_class_table_counts_right_answers_and_the_most_chosen_wrong_option():
    bank = every_type_bank()
    codes = [
        make_code(bank, {"s": ["a"], "n": "583"}, nickname="Ann", attempt=1).text,
        make_code(bank, {"s": ["b"], "n": "1"}, nickname="Bo", attempt=2).text,
        make_code(bank, {"s": ["c"]}, attempt=3).text,
        make_code(bank, {"s": ["c"], "m": ["c"]}, attempt=4).text,
    ]
    result = read_class(codes + ["", codes[0]], [bank])
    assert len(result.accepted) == 4
    assert [(r.line, r.reason) for r in result.refused] == [(6, "duplicate")]
    (quiz,) = result.quizzes
    assert quiz.students == 4
    single, multi = quiz.questions[0], quiz.questions[1]
    assert (single.right, single.answered, single.percent_right) == (1, 4, 25)
    assert single.wrong is not None and (single.wrong.option, single.wrong.count) == ("c", 2)
    assert single.wrong.feedback_html == "<p>because c</p>"
    assert multi.wrong is not None and multi.wrong.option == "c"
    assert quiz.questions[3].right == 1 and quiz.questions[3].wrong is None  # numeric: right or wrong only
    assert [r.nickname for r in quiz.rows] == ["Ann", "Bo", "", ""]
    assert sum(band.count for band in quiz.bands) == 4
    assert quiz.bands[-1].label == "90–100%" and quiz.bands[3].count == 1  # Ann: 2 of 6 = 33 %


def test_the_csv_has_a_row_per_student_and_never_a_formula():
    bank = every_type_bank()
    codes = [make_code(bank, {"s": ["a"]}, nickname="=HYPERLINK(1)", attempt=9).text]
    rows = list(csv.reader(io.StringIO(class_csv(read_class(codes, [bank])))))
    assert rows[0][:6] == ["quiz", "version", "nickname", "score", "out of", "percent"] and rows[0][6:] == [f"Question {n}" for n in range(1, 7)]
    assert rows[1][:6] == ["every-type", version_text(bank), "'=HYPERLINK(1)", "1", "6", "17"]
    assert rows[1][6:] == ["1", "0", "0", "0", "0", "0"]


def test_refusals_are_worded_in_the_teachers_language():
    refused = read_class(["1ABC-DEFG"], [every_type_bank()], messages("fr")).refused
    assert refused[0].reason == "check" and refused[0].message.startswith("Ce code contient une faute de frappe")


def test_the_worker_makes_a_code_and_reads_a_class_through_the_dispatcher():
    session = Session()
    bank = every_type_bank()
    loaded = json.loads(dispatch("quiz.load", json.dumps({"bank": bank_to_dict(bank)}), session))["result"]
    made = json.loads(dispatch("results.code", json.dumps({**loaded, "responses": SOME_ANSWERS, "nickname": "Sam", "attempt": 5}), session))
    assert made["ok"] and made["result"]["nickname"] == "Sam"
    params = {"bank_keys": [loaded["bank_key"]], "codes": [made["result"]["code"]], "language": "en"}
    table = json.loads(dispatch("results.read", json.dumps(params), session))["result"]
    assert table["quizzes"][0]["rows"][0]["nickname"] == "Sam"
    exported = json.loads(dispatch("results.csv", json.dumps(params), session))["result"]["csv"]
    assert exported.splitlines()[1].startswith("every-type,")
    bad = json.loads(dispatch("results.code", json.dumps({**loaded, "attempt": 2**15}), session))
    assert bad["ok"] is False and "attempt" in bad["error"]["message"]


def doubled(seed: int):
    """A problem whose answer is twice its seed (a generator as a course registers one)."""
    from hipdrop.quiz.generated import Given, Problem, Step

    return Problem(
        seed=seed,
        statement="A number is doubled.",
        givens=(Given("n", "The number", seed, ""),),
        question="What is twice the number?",
        unit="",
        answer=2 * seed,
        tolerance=0,
        steps=(Step("Double it", "2 × n", f"2 × {seed}", f"{2 * seed}"),),
    )


def test_a_generated_numeric_answer_travels_as_right_or_wrong():
    from hipdrop.quiz.model import Generated

    generators = {"toy.double": doubled}
    question = Question(
        id="double", type="generated_numeric", prompt_html="<p>Double it.</p>", explanation_html="",
        link="", feedback=Feedback(correct_html="", incorrect_html=""), generated=Generated("toy.double", 3, 40),
    )
    bank = Bank(id="doubles", title="Doubles", mode="practice", questions=(question,))
    right = make_code(bank, {"double": {"seed": 7, "value": "14"}}, generators=generators)
    wrong = make_code(bank, {"double": {"seed": 7, "value": "15"}}, generators=generators)
    blank = make_code(bank, {}, generators=generators)
    assert (right.percent, wrong.percent, blank.percent) == (100, 0, 0)
    assert read_code(right.text, [bank], generators).percent == 100
    back = read_code(wrong.text, [bank], generators)
    assert back.percent == 0 and "double" in back.responses
    assert "double" not in read_code(blank.text, [bank], generators).responses
