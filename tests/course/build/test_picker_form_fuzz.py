"""The picker's form path (`answers_from_form`: what a browser form or an address query sends,
every value a list of strings) fuzzed with hypothesis: strings of any kind, repeated keys, floats,
missing fields. Expected outcomes come from the form as a reader sees it (its fields, choices and
number ranges, written out here by hand from the built form on the program page), not from the
function under test. One test is a consistency check between the form path and the JSON path,
and is named so."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hipdrop_course.engine.picker import AnswersError, answers_from_dict
from hipdrop_course.engine.picker.answers import answers_from_form

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# The form as a reader fills it in (program page): one choice per question, numbers in ranges.
CHOICES = {
    "weak_side": ["left", "right", "both", "not-sure"],
    "single_leg_stance": ["yes", "no", "not-tried"],
    "side_plank": ["none", "knees", "feet"],
    "single_leg_squat": ["no", "box", "free", "not-tried"],
    "goal": ["motor-control", "strength", "endurance", "return-to-sport"],
    "pain_onset": ["new", "long-standing"],
    "walking_worse": ["no", "all"],
    "pregnancy": ["no", "under-16-weeks", "16-to-19-weeks", "20-weeks-or-more", "gave-birth-last-12-weeks"],
}
# Yes/no questions: the form sends "yes" or "no"; the answers hold True or False.
YES_NO = ("age_16_or_over", "falls_or_walking_aid", "outer_hip_pain")
RANGES = {"pain_now": (0, 10), "minutes_per_day": (5, 90), "days_per_week": (1, 7)}
EQUIPMENT = ["step", "band", "wall", "chair", "mirror", "weight"]
HIGH_PAIN = 7  # pain of 7 out of 10 or more gives rest advice (program page); kept below here
SINGLE_VALUED = [*CHOICES, *RANGES, *YES_NO]


@st.composite
def valid_form(draw) -> dict[str, list[str]]:
    """A whole, consistent set of answers without red flags or surgery, as the form sends it."""
    fields = {name: [draw(st.sampled_from(values))] for name, values in CHOICES.items()}
    for name, (low, high) in RANGES.items():
        fields[name] = [str(draw(st.integers(low, HIGH_PAIN - 1 if name == "pain_now" else high)))]
    fields["recent_surgery_or_fracture"] = ["no"]
    fields["red_flags"] = ["none"]  # the reader ticked "None of these apply to me"
    for name in YES_NO:
        fields[name] = [draw(st.sampled_from(["yes", "no"]))]
    equipment = draw(st.lists(st.sampled_from(EQUIPMENT), unique=True))
    if equipment:
        fields["equipment"] = equipment
    return fields


def named_fields(error: AnswersError) -> set[str]:
    """The field names a reader is told about: every problem names its field in quotes."""
    return {name for problem in error.problems for name in re.findall(r"'([a-z0-9_]+)'", problem)}


def outcome(fields):
    try:
        return answers_from_form(fields), None
    except AnswersError as error:
        assert error.problems and all("field" in p for p in error.problems), error.problems
        return None, error


@SETTINGS
@given(st.dictionaries(st.text(max_size=30), st.lists(st.text(max_size=30), max_size=4), max_size=12))
def test_any_strings_at_all_give_answers_or_problems_never_a_crash(fields):
    outcome(fields)  # any other exception fails the test


@SETTINGS
@given(valid_form())
def test_a_whole_form_is_accepted_with_the_values_the_reader_gave(fields):
    answers, error = outcome(fields)
    assert error is None, error.problems
    for name in CHOICES:
        assert getattr(answers, name) == fields[name][0]
    for name in RANGES:
        assert getattr(answers, name) == int(fields[name][0])
    assert set(answers.equipment) == set(fields.get("equipment", []))
    for name in YES_NO:
        assert getattr(answers, name) is (fields[name][0] == "yes")
    assert answers.recent_surgery_or_fracture is False and answers.red_flags == ()


@SETTINGS
@given(valid_form(), st.data())
def test_a_missing_field_is_named(fields, data):
    missing = data.draw(st.sampled_from(SINGLE_VALUED))
    del fields[missing]
    answers, error = outcome(fields)
    assert answers is None and missing in named_fields(error)


@SETTINGS
@given(valid_form())
def test_no_warning_sign_left_blank_is_named_not_taken_as_none(fields):
    del fields["red_flags"]
    answers, error = outcome(fields)
    assert answers is None and "red_flags" in named_fields(error)


@SETTINGS
@given(valid_form(), st.data())
def test_a_field_sent_twice_is_named(fields, data):
    name = data.draw(st.sampled_from(SINGLE_VALUED))
    fields[name] = [fields[name][0], fields[name][0]]  # the same value twice is still twice
    answers, error = outcome(fields)
    assert answers is None and name in named_fields(error)


@SETTINGS
@given(valid_form(), st.sampled_from(sorted(RANGES)), st.floats(allow_nan=True, allow_infinity=True))
def test_a_number_that_is_not_a_whole_number_is_named(fields, name, number):
    text = repr(number)  # "3.0", "2.5", "nan", "inf", "1e+100": never a whole number as written
    fields[name] = [text]
    answers, error = outcome(fields)
    assert answers is None and name in named_fields(error), text


@SETTINGS
@given(valid_form(), st.sampled_from(sorted(RANGES)), st.integers(-1000, 1000))
def test_a_whole_number_is_accepted_exactly_when_the_form_allows_it(fields, name, number):
    low, high = RANGES[name]
    fields[name] = [str(number)]
    answers, error = outcome(fields)
    if low <= number <= high:
        assert error is None, error.problems
        assert getattr(answers, name) == number
    else:
        assert answers is None and name in named_fields(error)


@SETTINGS
@given(valid_form(), st.sampled_from(sorted(CHOICES)), st.text(min_size=1, max_size=20))
def test_a_choice_the_form_does_not_offer_is_named(fields, name, text):
    if text.strip() in CHOICES[name]:
        return
    fields[name] = [text]
    answers, error = outcome(fields)
    assert answers is None and name in named_fields(error)  # an empty one counts as missing


@SETTINGS
@given(valid_form())
def test_consistency_the_form_path_and_the_json_path_give_the_same_answers(fields):
    typed = {name: values[0] for name, values in fields.items() if name in CHOICES}
    typed |= {name: int(fields[name][0]) for name in RANGES}
    typed |= {name: fields[name][0] == "yes" for name in YES_NO}
    typed |= {"recent_surgery_or_fracture": False, "red_flags": [], "equipment": fields.get("equipment", [])}
    assert answers_from_form(fields) == answers_from_dict(typed)
