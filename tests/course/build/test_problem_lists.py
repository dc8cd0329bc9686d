"""The course data, the picker's answers and the lab's settings report bad input the same way:
every problem found, under a head that counts them (one base, hipdrop.problems.ProblemsError)."""

from hipdrop_course.engine.mechanics.model import InputProblem, MechanicsInputError
from hipdrop_course.engine.picker.answers import AnswersError
from hipdrop.problems import ProblemsError
from hipdrop_tools.course.errors import DataError, Problem


def test_each_lists_every_problem_under_a_head_that_counts_them():
    data = DataError([Problem("quizzes/a.yml", "q1", "answer", "is missing"), Problem("exercises/catalog.yml", "", "", "is empty")])
    assert str(data) == (
        "2 problems in the course data:\n"
        "  - quizzes/a.yml: q1: field 'answer': is missing\n"
        "  - exercises/catalog.yml: is empty"
    )
    answers = AnswersError(["field 'pain': must be from 0 to 10, got 11"])
    assert str(answers) == "1 problem with the answers:\n  - field 'pain': must be from 0 to 10, got 11"
    lab = MechanicsInputError([InputProblem("lean_cm", "Trunk lean (lean_cm): enter a number in cm.")])
    assert str(lab) == "1 problem with the lab settings:\n  - Trunk lean (lean_cm): enter a number in cm."
    for error in (data, answers, lab):
        assert isinstance(error, ProblemsError) and isinstance(error, ValueError)
        assert error.report() == str(error)
