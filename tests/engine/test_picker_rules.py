"""The program picker's rules, one test each, over a small catalog made for the tests.

Standard library and hipdrop only (no pytest), so the same file runs inside Pyodide.
"""

import json

from hipdrop.browser import dispatch
from hipdrop.catalog import catalog_from_dict
from hipdrop.picker import AnswersError, Program, Referral, RestAdvice, answers_from_dict, pick
from hipdrop.picker.answers import answers_from_form, answers_to_form
from hipdrop.picker.render import render, render_text
from hipdrop.picker.safety import RED_FLAGS, STOP_WALKING_WORSE


def dosing(sets=2, reps=10, hold=0, rest=30, days=(2, 3), source="acsm"):
    return {"sets": sets, "reps": reps, "hold_s": hold, "rest_s": rest, "days_per_week": list(days),
            "basis": "guideline", "source": source}


def entry(eid, *, family, level, phase, position, works, easier=None, harder=None, equipment=(),
          precautions=(), dose=None):
    return {
        "id": eid, "name": eid.replace("-", " ").title(), "family": family, "level": level,
        "easier": easier, "harder": harder, "phase": phase, "position": position,
        "equipment": list(equipment),
        "working_leg": {"works": works, "headline": "h", "text": "t"},
        "purpose": "p", "setup": ["s"], "steps": ["s"], "cues": ["Keep the pelvis level", "Go slowly"],
        "common_errors": ["e"],
        "dosing": dose or {"motor-control": dosing(2, 10, 5, 30, (5, 7), "convention"),
                           "strength": dosing([2, 3], [8, 12], 0, [60, 90], (2, 3)),
                           "endurance": dosing(2, [15, 20], 0, 30, (2, 3))},
        "precautions": list(precautions), "illustration": f"{eid}.svg",
    }


SLWB = ("single-leg-weight-bearing", "balance-demand")

CATALOG = {
    "sources": {
        "acsm": {"cite": "ACSM 2009", "authors": "ACSM", "year": 2009, "title": "t", "journal": "j",
                 "verified": True},
        "convention": {"cite": "Clinical convention", "authors": "-", "year": 2020, "title": "t",
                       "journal": "j", "verified": False},
    },
    "exercises": [
        entry("lift-held", family="lift", level="easier", phase="activation", position="standing",
              works="stance", harder="lift", equipment=("support",), precautions=SLWB),
        entry("lift", family="lift", level="standard", phase="activation", position="standing-on-step",
              works="stance", easier="lift-held", equipment=("step", "mirror"), precautions=SLWB),
        entry("plank-knees", family="plank", level="easier", phase="strengthening", position="side-plank",
              works="both", harder="plank", precautions=("lies-on-side",)),
        entry("plank", family="plank", level="standard", phase="strengthening", position="side-plank",
              works="both", easier="plank-knees", precautions=("lies-on-side",)),
        entry("top-leg", family="top-leg", level="standard", phase="strengthening", position="side-lying",
              works="moving", harder="top-leg-band", precautions=("lies-on-side",)),
        entry("top-leg-band", family="top-leg", level="harder", phase="strengthening",
              position="side-lying", works="moving", easier="top-leg", equipment=("band",),
              precautions=("lies-on-side",)),
        entry("squat-held", family="squat", level="easier", phase="movement-retraining",
              position="standing", works="stance", harder="squat-box", equipment=("support",),
              precautions=SLWB),
        entry("squat-box", family="squat", level="easier", phase="movement-retraining",
              position="standing", works="stance", easier="squat-held", harder="squat",
              equipment=("chair",), precautions=SLWB),
        entry("squat", family="squat", level="standard", phase="movement-retraining",
              position="standing", works="stance", easier="squat-box", harder="squat-deep",
              equipment=("chair",), precautions=SLWB + ("hip-flexion-past-90",)),
        entry("squat-deep", family="squat", level="harder", phase="movement-retraining",
              position="standing", works="stance", easier="squat", equipment=("chair",),
              precautions=SLWB + ("hip-flexion-past-90", "high-load")),
    ],
}


def catalog():
    return catalog_from_dict(CATALOG)


def answers(**changes):
    data = {
        "weak_side": "left", "pain_now": 2, "single_leg_stance": "yes", "side_plank": "feet",
        "single_leg_squat": "no", "goal": "strength", "minutes_per_day": 30, "days_per_week": 3,
        "equipment": ["step", "band", "chair", "mirror"],
    }
    data.update(changes)
    return answers_from_dict(data)


def program(**changes) -> Program:
    outcome = pick(answers(**changes), catalog())
    assert isinstance(outcome, Program), outcome
    return outcome


def chosen(outcome: Program) -> dict:
    return {e.id: e for phase in outcome.phases for e in phase.exercises}


def problems_for(data) -> list:
    try:
        answers_from_dict(data)
    except AnswersError as error:
        return error.problems
    raise AssertionError("the answers were accepted")


# --- answers -----------------------------------------------------------------------------


def test_every_problem_is_listed_and_names_its_field():
    data = answers().to_dict()
    data.update(pain_now=12, weak_side="middle", colour="blue", equipment=["step", "rope"])
    problems = problems_for(data)
    joined = "\n".join(problems)
    assert len(problems) == 4
    for field in ("pain_now", "weak_side", "colour", "equipment"):
        assert f"'{field}'" in joined


def test_missing_answers_are_named():
    problems = problems_for({"weak_side": "left"})
    assert "field 'goal': missing" in problems and "field 'pain_now': missing" in problems


def test_contradictory_answers_are_refused():
    data = answers().to_dict()
    data.update(operated_side="left", weight_bearing="partial")
    problems = problems_for(data)
    assert any("operated_side" in p and "no recent surgery" in p for p in problems)
    assert any("weight_bearing" in p for p in problems)


def test_standing_on_a_leg_that_may_not_take_full_weight_is_a_contradiction():
    data = answers(single_leg_stance="yes").to_dict()
    data.update(recent_surgery_or_fracture=True, operated_side="left", clinician_guidance=True,
                weight_bearing="partial")
    assert any("single_leg_stance" in p for p in problems_for(data))


def test_form_strings_become_typed_answers_and_back():
    original = answers(weak_side="both", equipment=["band", "wall"])
    form = answers_to_form(original)
    assert form["pain_now"] == ["2"] and form["equipment"] == ["band", "wall"]
    assert answers_from_form(form) == original


def test_form_numbers_that_are_not_numbers_are_named():
    form = answers_to_form(answers())
    form["minutes_per_day"] = ["lots"]
    try:
        answers_from_form(form)
    except AnswersError as error:
        assert error.problems == ["field 'minutes_per_day': must be a whole number, got 'lots'"]
    else:
        raise AssertionError("accepted")


# --- safety ------------------------------------------------------------------------------


def test_each_red_flag_gives_a_referral_naming_it_and_no_exercises():
    for flag in RED_FLAGS:
        outcome = pick(answers(red_flags=[flag.id]), catalog())
        assert isinstance(outcome, Referral)
        assert [t.answer for t in outcome.triggers] == [flag.id]
        assert outcome.whom and outcome.what_to_do
        html = render(outcome)
        assert "hd-program-exercise" not in html and flag.label.split(",")[0] in html


def test_the_most_urgent_flag_sets_the_referral():
    outcome = pick(answers(red_flags=["nerve-injury", "saddle-numbness"]), catalog())
    assert outcome.urgency == "emergency" and "emergency" in outcome.whom
    assert len(outcome.triggers) == 2


def test_surgery_without_a_clinicians_guidance_gives_a_referral():
    outcome = pick(answers(recent_surgery_or_fracture=True, operated_side="left"), catalog())
    assert isinstance(outcome, Referral) and outcome.triggers[0].field == "clinician_guidance"


def test_no_weight_on_the_leg_gives_a_referral():
    outcome = pick(answers(recent_surgery_or_fracture=True, operated_side="left", clinician_guidance=True,
                           weight_bearing="none", single_leg_stance="no"), catalog())
    assert isinstance(outcome, Referral) and outcome.triggers[0].field == "weight_bearing"


def test_high_pain_gives_rest_advice_and_moderate_pain_a_program():
    assert isinstance(pick(answers(pain_now=8), catalog()), RestAdvice)
    assert isinstance(pick(answers(pain_now=4), catalog()), Program)


def test_every_program_carries_the_walking_worse_stop_rule():
    assert STOP_WALKING_WORSE == "If walking is worse after an exercise, stop that exercise."
    assert STOP_WALKING_WORSE in [r.text for r in program().stop_rules]
    assert STOP_WALKING_WORSE in render(program())


# --- precautions --------------------------------------------------------------------------


def test_partial_weight_bearing_removes_single_leg_work():
    outcome = program(recent_surgery_or_fracture=True, operated_side="left", clinician_guidance=True,
                      weight_bearing="partial", single_leg_stance="no")
    for exercise in chosen(outcome).values():
        assert exercise.position not in ("standing", "standing-on-step")
    assert [p.id for p in outcome.phases] == ["strengthening"]
    assert any("full weight" in r.text for r in outcome.left_out)


def test_hip_precautions_remove_deep_hip_bending():
    outcome = program(recent_surgery_or_fracture=True, operated_side="left", clinician_guidance=True,
                      precautions=["hip-precautions"], single_leg_squat="yes")
    assert "squat" not in chosen(outcome) and "squat-deep" not in chosen(outcome)
    assert "squat-box" in chosen(outcome)


def test_no_lying_on_the_operated_side_keeps_only_lying_on_the_other_side():
    # Right hip weak and operated: the top-leg lift lies on the left side (the right leg on top
    # works); the side plank is done on both sides, so it would lie on the right too.
    outcome = program(weak_side="right", recent_surgery_or_fracture=True, operated_side="right",
                      clinician_guidance=True, precautions=["no-lying-on-operated-side"])
    ids = chosen(outcome)
    assert "top-leg-band" in ids and "plank" not in ids and "plank-knees" not in ids
    assert [s.stance for s in ids["top-leg-band"].sides] == ["left"]
    assert any("lie on your right side" in r.text for r in outcome.left_out)


def test_exercises_where_both_hips_work_are_done_on_both_sides_weak_side_first():
    sides = chosen(program(weak_side="right"))["plank"].sides
    assert [(s.stance, s.moving) for s in sides] == [("right", "left"), ("left", "right")]


# --- levels, positions, equipment ---------------------------------------------------------


def test_no_side_plank_means_no_side_plank_and_says_why():
    outcome = program(side_plank="none")
    assert all(e.position != "side-plank" for e in chosen(outcome).values())
    assert any(r.text.startswith("Because you said you cannot yet hold a side plank") for r in outcome.left_out)


def test_side_plank_from_knees_starts_at_the_easier_version():
    ids = chosen(program(side_plank="knees"))
    assert "plank-knees" in ids and "plank" not in ids
    assert ids["plank-knees"].reasons[0].text.startswith("Because you said you can hold a side plank from your knees")


def test_standing_ability_sets_the_activation_version():
    assert "lift" in chosen(program(single_leg_stance="yes"))
    ids = chosen(program(single_leg_stance="no"))
    assert "lift-held" in ids
    assert "cannot yet stand on one leg for 30 seconds" in ids["lift-held"].reasons[0].text


def test_cannot_squat_starts_at_the_easiest_version_not_tried_at_the_last_easier_one():
    assert "squat-held" in chosen(program(single_leg_squat="no"))
    ids = chosen(program(single_leg_squat="not-tried"))
    assert "squat-box" in ids
    assert "have not tried a single-leg squat" in ids["squat-box"].reasons[0].text


def test_missing_equipment_picks_a_version_that_needs_none_and_mirror_is_optional():
    ids = chosen(program(equipment=["step", "chair"], single_leg_squat="yes", side_plank="feet"))
    assert "top-leg" in ids and "top-leg-band" not in ids
    assert "lift" in ids  # needs a step and a mirror; the mirror is optional
    assert any("film yourself" in r.text for r in ids["lift"].reasons)


def test_return_to_sport_with_full_ability_starts_harder_movement_retraining():
    ids = chosen(program(goal="return-to-sport", single_leg_squat="yes"))
    assert "squat-deep" in ids and ids["squat-deep"].dose.goal == "strength"
    assert ids["lift"].dose.goal == "motor-control"


# --- sides, dosing, time ------------------------------------------------------------------


def test_stance_exercise_stands_on_the_weak_leg_and_moving_one_moves_it():
    ids = chosen(program(weak_side="left"))
    assert (ids["lift"].sides[0].stance, ids["lift"].sides[0].moving) == ("left", "right")
    assert ids["top-leg-band"].sides[0].moving == "left"
    assert ids["top-leg-band"].sides[0].text.startswith("Lie on your right side")


def test_both_and_not_sure_do_both_sides_left_first():
    for side in ("both", "not-sure"):
        outcome = program(weak_side=side)
        assert outcome.trained_sides == ("left", "right")
        assert [s.stance for s in chosen(outcome)["lift"].sides] == ["left", "right"]
        assert [s.moving for s in chosen(outcome)["top-leg-band"].sides] == ["left", "right"]
    assert "self-test" in program(weak_side="not-sure").notes[0].text


def test_dose_follows_the_goal_and_caps_days_at_the_dose():
    ids = chosen(program(goal="strength", days_per_week=7))
    band = ids["top-leg-band"].dose
    assert (band.goal, band.sets, band.days_per_week, band.source) == ("strength", "2\u20133", 3, "ACSM 2009")
    assert "3 days a week" in band.text and "2\u20133 days a week" in " ".join(band.notes)
    ids = chosen(program(goal="endurance", days_per_week=1))
    assert ids["top-leg-band"].dose.reps == "15\u201320" and "slower progress" in " ".join(ids["top-leg-band"].dose.notes)


def test_activation_is_always_dosed_for_motor_control():
    for goal in ("strength", "endurance", "return-to-sport", "motor-control"):
        lift = chosen(program(goal=goal, days_per_week=7))["lift"].dose
        assert (lift.goal, lift.hold_s, lift.days_per_week) == ("motor-control", "5", 7)


def test_few_minutes_give_one_exercise_per_phase_and_more_minutes_more():
    short = program(minutes_per_day=5, goal="motor-control")
    assert all(len(p.exercises) == 1 for p in short.phases)
    long = program(minutes_per_day=90, goal="motor-control")
    assert len(long.phases[1].exercises) == 2


def test_nothing_fitting_gives_a_referral_instead_of_an_empty_program():
    outcome = pick(answers(side_plank="none", recent_surgery_or_fracture=True, operated_side="both",
                           clinician_guidance=True, weight_bearing="partial", single_leg_stance="no",
                           precautions=["no-lying-on-operated-side"]), catalog())
    assert isinstance(outcome, Referral)


def test_same_answers_give_the_same_program():
    assert pick(answers(), catalog()) == pick(answers(), catalog())


# --- rendering and the browser method -----------------------------------------------------


def test_render_escapes_text_and_links_figures_from_the_base_url():
    data = json.loads(json.dumps(CATALOG))
    data["exercises"][1]["name"] = "<script>alert(1)</script>"
    outcome = pick(answers(), catalog_from_dict(data))
    html = render(outcome, base_url="../")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'src="../assets/figures/lift.svg"' in html
    assert "PHASE 1: ACTIVATION" in render_text(outcome)


def test_worker_method_builds_from_form_fields_and_reports_bad_answers():
    form = answers_to_form(answers())
    reply = json.loads(dispatch("picker.build", json.dumps({"catalog": CATALOG, "form": form, "base_url": ""})))
    assert reply["ok"] and reply["result"]["kind"] == "program"
    assert "Phase 1: Activation" in reply["result"]["html"]
    form["pain_now"] = ["11"]
    reply = json.loads(dispatch("picker.build", json.dumps({"catalog": CATALOG, "form": form})))
    assert reply["ok"] and reply["result"]["kind"] == "invalid"
    assert reply["result"]["problems"] == ["field 'pain_now': must be from 0 to 10, got 11"]
