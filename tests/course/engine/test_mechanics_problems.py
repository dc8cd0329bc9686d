"""The mechanics problems in versions: drawn within their stated ranges, answered by the lab's own
model, the same for the same seed, graded with their tolerance, and right against the lesson's
worked example. Standard library, hipdrop and hipdrop_course.engine only: these tests also run
inside Pyodide (tests/course/browser/test_engine_in_pyodide.py)."""

import math

from hipdrop.quiz.grading import grade_question
from hipdrop.quiz.model import Feedback, Generated, Question
from hipdrop_course.engine.mechanics import problems
from hipdrop_course.engine.mechanics.model import Inputs
from hipdrop_course.engine.mechanics.presets import SPECS
from hipdrop_course.engine.mechanics.statics import solve

SEEDS = range(1, 301)
NAMES = {
    "mechanics.abductor-force": problems.abductor_force,
    "mechanics.joint-force": problems.joint_force,
    "mechanics.trunk-lean": problems.trunk_lean,
    "mechanics.cane": problems.cane,
}


def given(problem, symbol):
    return next(g.value for g in problem.givens if g.symbol == symbol)


def whole(value: float) -> int:
    """Half up, as a reader rounds (Python's round() goes to the even neighbour)."""
    return math.floor(value + 0.5)


def model_result(problem):
    """The lab's model, run on the values the problem gives the reader."""
    cane = "C" in {g.symbol for g in problem.givens}
    inputs = Inputs(
        body_weight_n=given(problem, "BW"),
        weight_share_pct=SPECS["weight_share_pct"].default,
        body_weight_arm_cm=given(problem, "b"),
        abductor_arm_cm=given(problem, "a"),
        abductor_angle_deg=SPECS["abductor_angle_deg"].default,
        lean_cm=given(problem, "L") if "L" in {g.symbol for g in problem.givens} else 0,
        cane_force_n=given(problem, "C") if cane else 0,
        cane_hand="opposite",
        cane_arm_cm=given(problem, "d") if cane else SPECS["cane_arm_cm"].default,
        abductor_capacity_n=SPECS["abductor_capacity_n"].default,
    )
    return solve(inputs)


def test_every_generator_is_registered_by_its_name_and_the_same_seed_gives_the_same_problem():
    assert problems.GENERATORS == {
        name: f"hipdrop_course.engine.mechanics.problems:{function.__name__}" for name, function in NAMES.items()
    }
    for generate in NAMES.values():
        for seed in (1, 2, 777):
            assert generate(seed) == generate(seed)
        assert len({generate(seed).values() for seed in SEEDS}) > 100  # the seeds really vary the numbers


def test_values_are_drawn_within_their_stated_ranges():
    for generate in NAMES.values():
        for seed in SEEDS:
            problem = generate(seed)
            body_weight, body_arm, abductor_arm = (given(problem, s) for s in ("BW", "b", "a"))
            assert 500 <= body_weight <= 1000 and body_weight % 10 == 0, (seed, body_weight)
            assert 8 <= body_arm <= 12 and (body_arm * 2) % 1 == 0
            assert 2 <= body_arm / abductor_arm <= 3 and (abductor_arm * 2) % 1 == 0  # Standring; Pauwels
            symbols = {g.symbol for g in problem.givens}
            if "θ" in symbols:
                assert given(problem, "θ") == 70  # Kosmahl, PT245
            if "L" in symbols:
                assert 1 <= given(problem, "L") <= 5 and (given(problem, "L") * 2) % 1 == 0
            if "C" in symbols:
                cane = given(problem, "C")
                assert 0.05 * body_weight - 5 < cane <= 0.10 * body_weight and cane % 5 == 0
                assert given(problem, "d") == 40
            assert problem.answer > 0 and problem.unit == "N"


def test_the_answer_is_the_labs_model_rounded_to_a_whole_newton_with_a_two_percent_tolerance():
    for name, generate in NAMES.items():
        for seed in SEEDS:
            problem = generate(seed)
            result = model_result(problem)
            expected = result.joint_force_n if name == "mechanics.joint-force" else result.abductor_force_n
            assert problem.answer == whole(expected), (name, seed)
            assert problem.tolerance == math.ceil(problem.answer * 2 / 100)


def test_the_worked_example_of_lesson_2_comes_out_as_the_lesson_says():
    """700 N body weight, arms of 10 and 5 cm: W about 583 N, abductors about 1,167 N, the joint
    about 1,726 N, about 2.5 times body weight; a lean to 5 cm halves the abductor force."""
    abductor = problems.abductor_force_problem(1, 700.0, 10.0, 5.0)
    assert abductor.answer == 1167
    assert abductor.steps[0].result == "583.3 N" and abductor.steps[2].result == "1.67 × BW"
    joint = problems.joint_force_problem(1, 700.0, 10.0, 5.0)
    assert joint.answer == 1726
    assert "1,096.3 N" in joint.steps[2].numbers and joint.steps[3].result == "399.0 N"
    assert joint.steps[-1].result == "2.47 × BW"
    assert problems.trunk_lean_problem(1, 700.0, 10.0, 5.0, 5.0).answer == 583


def test_the_working_shows_each_steps_numbers_and_ends_at_the_answer():
    for name, generate in NAMES.items():
        problem = generate(42)
        assert problem.steps[0].equation.startswith("W = 83.33% × BW")
        assert f"{given(problem, 'BW'):g} N" in problem.steps[0].numbers
        final = next(s for s in reversed(problem.steps) if not s.result.endswith("BW"))
        shown = float(final.result.removesuffix(" N").replace(",", ""))
        assert abs(shown - problem.answer) <= 0.5, (name, final)
        assert all(s.title and s.equation and s.numbers and s.result for s in problem.steps)


def test_a_generated_question_grades_a_mechanics_answer_with_its_tolerance():
    question = Question(
        id="calc",
        type="generated_numeric",
        prompt_html="<p>Work it out.</p>",
        feedback=Feedback(correct_html="<p>Right.</p>", incorrect_html="<p>Again.</p>"),
        generated=Generated("mechanics.joint-force", 1, 1000),
    )
    problem = problems.joint_force(5)

    def verdict(value):
        return grade_question(question, {"seed": 5, "value": value}, generators=NAMES).verdict

    assert verdict(f"{problem.answer}") == "correct"
    assert verdict(f"{problem.answer + problem.tolerance:,} N") == "correct"  # "1,760 N" as a reader types it
    assert verdict(f"{problem.answer - problem.tolerance - 1}") == "incorrect"
    assert verdict(f"{problem.answer * 2}") == "incorrect"
