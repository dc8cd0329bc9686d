"""Properties of the program picker over the whole answer space, with the real exercise catalog.

Hypothesis draws every combination of answers (valid or not): the picker never crashes; bad
answers are refused with problems; a red flag always gives a referral; every phase of a program
has an exercise; no program holds an exercise a stated precaution or missing equipment excludes;
the same answers always give the same program.
"""

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hipdrop.picker import AnswersError, Program, Referral, RestAdvice, answers_from_dict, pick
from hipdrop.picker import answers as A
from hipdrop.picker.render import render
from hipdrop.picker.rules import EQUIPMENT_PROVIDES, OPTIONAL_EQUIPMENT
from hipdrop.picker.safety import HIGH_PAIN, STOP_WALKING_WORSE
from hipdrop_tools.catalog import load_catalog
from hipdrop_tools.project import Project
from support import ROOT

CATALOG = load_catalog(Project(ROOT))
BY_ID = {e.id: e for e in CATALOG.exercises}

PARTIAL_BANS = {"single-leg-weight-bearing", "high-load", "balance-demand"}


def subsets(values):
    return st.lists(st.sampled_from(values), unique=True).map(sorted)


# Every field, over its whole range of valid values (optional ones may be left out).
valid_fields = st.fixed_dictionaries(
    {
        "weak_side": st.sampled_from(A.SIDES),
        "pain_now": st.integers(*A.PAIN_RANGE),
        "single_leg_stance": st.sampled_from(A.STANCE_ABILITY),
        "side_plank": st.sampled_from(A.SIDE_PLANK_ABILITY),
        "single_leg_squat": st.sampled_from(A.SQUAT_ABILITY),
        "goal": st.sampled_from(A.GOALS),
        "minutes_per_day": st.integers(*A.MINUTES_RANGE),
        "days_per_week": st.integers(*A.DAYS_RANGE),
    },
    optional={
        "red_flags": subsets(A.RED_FLAG_IDS),
        "recent_surgery_or_fracture": st.booleans(),
        "operated_side": st.sampled_from(A.OPERATED_SIDES),
        "clinician_guidance": st.booleans(),
        "weight_bearing": st.sampled_from(A.WEIGHT_BEARING),
        "precautions": subsets(A.PRECAUTIONS),
        "equipment": subsets(A.EQUIPMENT),
    },
)

# Answers after surgery or a fracture with a clinician's limits and no red flag, so that the
# precaution rules are exercised often (in valid_fields most such combinations contradict).
limited_fields = valid_fields.flatmap(
    lambda d: st.fixed_dictionaries(
        {
            "recent_surgery_or_fracture": st.just(True),
            "clinician_guidance": st.just(True),
            "operated_side": st.sampled_from(A.OPERATED_SIDES),
            "weight_bearing": st.sampled_from(("full", "partial")),
            "precautions": subsets(A.PRECAUTIONS),
            "red_flags": st.just([]),
            "pain_now": st.integers(0, HIGH_PAIN - 1),
            "equipment": subsets(A.EQUIPMENT),
        }
    ).map(lambda limits: {**d, **limits})
)

# Anything at all in any field, including unknown fields and out-of-range numbers.
junk = st.one_of(st.none(), st.booleans(), st.integers(-5, 200), st.text(max_size=8),
                 st.lists(st.text(max_size=8), max_size=3))
any_fields = st.one_of(
    valid_fields,
    st.dictionaries(st.sampled_from(A.FIELDS + ("colour",)), junk),
    valid_fields.flatmap(lambda d: st.dictionaries(st.sampled_from(A.FIELDS), junk).map(lambda j: {**d, **j})),
)

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def outcome_of(data):
    try:
        answers = answers_from_dict(data)
    except AnswersError as error:
        assert error.problems and all(isinstance(p, str) and p for p in error.problems)
        return None, None
    return answers, pick(answers, CATALOG)


@SETTINGS
@given(any_fields)
def test_never_crashes_and_bad_answers_are_refused_with_problems(data):
    answers, outcome = outcome_of(data)
    if outcome is not None:
        assert isinstance(outcome, (Program, Referral, RestAdvice))
        assert render(outcome, "../")


@SETTINGS
@given(valid_fields, st.sampled_from(A.RED_FLAG_IDS))
def test_every_red_flag_gives_a_referral_and_no_exercises(data, flag):
    data = {**data, "red_flags": sorted(set(data.get("red_flags", [])) | {flag})}
    answers, outcome = outcome_of(data)
    if answers is None:
        return  # contradictory on other fields; refused before any advice
    assert isinstance(outcome, Referral)
    assert flag in [t.answer for t in outcome.triggers]
    assert "hd-program-exercise" not in render(outcome)


@SETTINGS
@given(st.one_of(valid_fields, limited_fields))
def test_programs_respect_every_stated_limit_and_have_exercises_in_every_phase(data):
    answers, outcome = outcome_of(data)
    if not isinstance(outcome, Program):
        if answers is not None and not answers.red_flags and isinstance(outcome, RestAdvice):
            assert answers.pain_now >= HIGH_PAIN
        return
    assert not answers.red_flags and answers.pain_now < HIGH_PAIN
    assert STOP_WALKING_WORSE in [r.text for r in outcome.stop_rules]
    assert outcome.phases
    owned = {word for item in answers.equipment for word in EQUIPMENT_PROVIDES[item]}
    for phase in outcome.phases:
        assert phase.exercises, f"phase {phase.id} is empty"
        for chosen in phase.exercises:
            tags = set(BY_ID[chosen.id].precautions)
            if answers.weight_bearing == "partial":
                assert not tags & PARTIAL_BANS, chosen.id
            if "hip-precautions" in answers.precautions:
                assert "hip-flexion-past-90" not in tags, chosen.id
            if "no-lying-on-operated-side" in answers.precautions and "lies-on-side" in tags:
                lain_on = {side.stance for side in chosen.sides}
                assert not lain_on & set(answers.operated_sides), chosen.id
            needed = set(BY_ID[chosen.id].equipment) - set(OPTIONAL_EQUIPMENT)
            assert needed <= owned, chosen.id
            assert chosen.sides and all(s.stance in ("left", "right") for s in chosen.sides)


@SETTINGS
@given(valid_fields)
def test_the_same_answers_always_give_the_same_program(data):
    answers, outcome = outcome_of(data)
    if answers is None:
        return
    again = pick(answers_from_dict(json.loads(json.dumps(data))), CATALOG)
    assert again == outcome
    assert json.dumps(again.to_dict()) == json.dumps(outcome.to_dict())


def test_the_rules_name_no_exercise():
    """Rules choose by phase, level, position, equipment and tags: never by an id or a name."""
    rules = (ROOT / "src/hipdrop/picker/rules.py").read_text()
    for exercise in CATALOG.exercises:
        assert not re.search(rf"(?<![\w-]){re.escape(exercise.id)}(?![\w-])", rules), exercise.id
    assert not re.search(r"\.(id|name|family)\s*(==|!=|in\b)", rules)
