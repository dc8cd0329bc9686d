"""Generated numeric questions in the core engine: a toy generator stands in for a course's.
Standard library and hipdrop only: these tests also run inside Pyodide."""

from dataclasses import replace

from hipdrop.quiz.draws import Draws
from hipdrop.quiz.generated import (
    Given,
    Problem,
    Step,
    UnknownGenerator,
    attempt_seed,
    next_seed,
    problem_for,
    version_seeds,
)
from hipdrop.quiz.grading import grade_bank, grade_question, normalise_response, submit
from hipdrop.quiz.model import Bank, Feedback, Generated, Question, bank_from_dict, bank_to_dict
from hipdrop.quiz.render import render_quiz


def toy(seed: int) -> Problem:
    """Two lengths drawn from the seed; the answer is their sum, within 1 cm."""
    draws = Draws(seed, "toy")
    a, b = draws.integer(1, 9), draws.grid("0.5", "3", "0.5")
    return Problem(
        seed=seed,
        statement="Two <b>sticks</b> lie end to end.",
        givens=(Given("a", "First stick", a, "cm"), Given("b", "Second stick", b, "cm")),
        question="How long are they together (L)?",
        unit="cm",
        answer=a + b,
        tolerance=1,
        steps=(Step("Add them", "L = a + b", f"{a} cm + {b:g} cm", f"{a + b:g} cm"),),
        note="Sticks are not hips.",
    )


GENERATORS = {"toy.sum": toy}


def question(first: int = 1, last: int = 50) -> Question:
    return Question(
        id="sum",
        type="generated_numeric",
        prompt_html="<p>Add the sticks.</p>",
        explanation_html="<p>Lengths add.</p>",
        link="lessons/sticks/#sum",
        feedback=Feedback(correct_html="<p>Yes, they add.</p>", incorrect_html="<p>Add them again.</p>"),
        generated=Generated("toy.sum", first, last),
    )


def bank(mode: str = "practice") -> Bank:
    return Bank(id="sticks", title="Sticks", mode=mode, questions=(question(),))


def raises(error_type, call) -> str:
    try:
        call()
    except error_type as error:
        return str(error)
    raise AssertionError(f"expected {error_type.__name__}")


# ---------------------------------------------------------------- draws and seeds


def test_the_same_seed_draws_the_same_numbers_and_another_seed_other_numbers():
    def sequence(seed):
        draws = Draws(seed, "key")
        return [draws.integer(0, 10**6) for _ in range(5)] + [draws.grid("4", "12", "0.5") for _ in range(5)]

    assert sequence(7) == sequence(7)
    assert sequence(7) != sequence(8)
    assert sequence(7) != [Draws(7, "other").integer(0, 10**6) for _ in range(5)] + sequence(7)[5:]


def test_grid_values_are_exact_steps_inside_their_range():
    draws = Draws(3, "grid")
    values = {draws.grid("4", "12", "0.5") for _ in range(400)}
    assert values <= {4 + k / 2 for k in range(17)}
    assert {4.0, 12.0} <= values  # both bounds are reachable
    assert raises(ValueError, lambda: draws.grid("1", "2", "0.3")).startswith("1 to 2 is not")


def test_attempt_seeds_stay_in_range_and_new_numbers_are_really_new():
    q = question(10, 40)
    seeds = {attempt_seed("sticks", q, attempt, turn) for attempt in range(1, 60) for turn in range(3)}
    assert min(seeds) >= 10 and max(seeds) <= 40 and len(seeds) > 15
    for attempt in range(1, 30):
        shown = attempt_seed("sticks", q, attempt, 0)
        new = next_seed("sticks", q, attempt, 1, shown, GENERATORS)
        assert toy(new).values() != toy(shown).values()


def test_versions_are_the_first_seeds_with_new_numbers():
    seeds = version_seeds(question(), 5, GENERATORS)
    assert seeds[0] == 1 and seeds == sorted(seeds)
    values = [toy(s).values() for s in seeds]
    assert len(set(values)) == 5
    skipped = [s for s in range(1, seeds[-1]) if s not in seeds]
    assert all(toy(s).values() in values for s in skipped)  # a seed is passed over only for repeating numbers
    message = raises(ValueError, lambda: version_seeds(question(1, 3), 4, GENERATORS))
    assert "fewer than the 4 versions" in message


# ---------------------------------------------------------------- grading


def test_an_answer_within_the_tolerance_of_the_problem_shown_is_right_and_the_working_follows():
    seed = 12
    problem = toy(seed)
    right = grade_question(question(), {"seed": seed, "value": f"{problem.answer + 1:g}"}, generators=GENERATORS)
    assert right.verdict == "correct" and right.score == 1
    assert "Yes, they add." in right.feedback_html
    assert "How to work it out" in right.feedback_html and "L = a + b" in right.feedback_html
    assert f"{problem.answer:g} cm" in right.answer_html
    wrong = grade_question(question(), {"seed": seed, "value": f"{problem.answer + 1.5:g}"}, generators=GENERATORS)
    assert wrong.verdict == "incorrect" and wrong.score == 0
    assert "Add them again." in wrong.feedback_html and "How to work it out" in wrong.feedback_html


def test_each_seed_is_graded_against_its_own_answer():
    first, other = 1, next(s for s in range(2, 50) if abs(toy(s).answer - toy(1).answer) > 2)
    answer = f"{toy(first).answer:g}"
    assert grade_question(question(), {"seed": first, "value": answer}, generators=GENERATORS).correct
    assert not grade_question(question(), {"seed": other, "value": answer}, generators=GENERATORS).correct


def test_no_answer_is_unanswered_shows_no_working_but_the_answer_of_the_problem_shown():
    result = grade_question(question(), {"seed": 5, "value": ""}, generators=GENERATORS)
    assert result.verdict == "unanswered" and not result.complete
    assert "How to work it out" not in result.feedback_html
    assert f"{toy(5).answer:g} cm" in result.answer_html
    assert grade_question(question(), None, generators=GENERATORS).verdict == "unanswered"


def test_an_exam_waits_for_the_generated_answer():
    refused = submit(bank("exam"), {"sum": {"seed": 5, "value": ""}}, generators=GENERATORS)
    assert not refused.accepted and refused.unanswered == ("sum",)
    value = f"{toy(5).answer:g}"
    accepted = submit(bank("exam"), {"sum": {"seed": 5, "value": value}}, generators=GENERATORS)
    assert accepted.accepted and accepted.result.score == 1


def test_a_response_with_a_seed_outside_the_range_or_a_bad_shape_is_refused():
    assert "seed 51 is not a whole number from 1 to 50" in raises(
        ValueError, lambda: normalise_response(question(), {"seed": 51, "value": "3"})
    )
    assert "expected {seed, value}" in raises(ValueError, lambda: normalise_response(question(), "3"))
    assert "expected {seed, value}" in raises(
        ValueError, lambda: normalise_response(question(), {"seed": 2, "value": "3", "extra": 1})
    )
    assert "not a whole number" in raises(ValueError, lambda: normalise_response(question(), {"seed": True}))


def test_an_unknown_generator_or_a_bad_problem_is_named():
    message = raises(UnknownGenerator, lambda: problem_for(question(), 1, {}))
    assert "no problem generator named 'toy.sum'" in message
    bad = {"toy.sum": lambda seed: {"answer": 1}}
    assert "not a hipdrop.quiz.generated.Problem" in raises(TypeError, lambda: problem_for(question(), 1, bad))
    liar = {"toy.sum": lambda seed: replace(toy(seed), seed=seed + 1)}
    assert "says it is seed 3" in raises(ValueError, lambda: problem_for(question(), 2, liar))
    infinite = {"toy.sum": lambda seed: replace(toy(seed), answer=float("inf"))}
    assert "finite numbers" in raises(ValueError, lambda: problem_for(question(), 2, infinite))


def test_the_bank_travels_to_the_browser_and_back_with_its_generated_question():
    data = bank_to_dict(bank())
    assert data["questions"][0]["generated"] == {"generator": "toy.sum", "first_seed": 1, "last_seed": 50}
    again = bank_from_dict(data)
    assert again == bank()
    value = f"{toy(9).answer:g}"
    assert grade_bank(again, {"sum": {"seed": 9, "value": value}}, generators=GENERATORS).score == 1


# ---------------------------------------------------------------- the static page


def test_the_static_quiz_shows_version_one_with_its_key_and_escapes_the_generators_text():
    html = render_quiz(bank(), generators=GENERATORS)
    problem = toy(1)
    assert 'class="hd-problem" data-seed="1"' in html
    assert "Two &lt;b&gt;sticks&lt;/b&gt; lie end to end." in html and "<b>sticks" not in html
    assert "<caption>Given</caption>" in html
    assert f"<td>{problem.givens[0].value:g} cm</td>" in html
    assert "within ±1 cm of the right value" in html
    assert 'class="hd-action hd-new-numbers" hidden>New numbers</button>' in html
    key = html.split('class="hd-answer-key"', 1)[1]
    assert 'data-question="sum" data-seed="1"' in key
    assert f"{problem.answer:g} cm" in key and "L = a + b" in key and "Sticks are not hips." in key
