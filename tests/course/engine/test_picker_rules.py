"""The program picker's rules, one test each, over a small catalog made for the tests.

Standard library and hipdrop only (no pytest), so the same file runs inside Pyodide. Expected
values are worked out by hand from the rule, never taken from the function under test.
"""

import json

from hipdrop.browser import CORE_METHODS
from hipdrop.browser import dispatch as engine_dispatch
from hipdrop_course.engine.methods import METHODS as PACK_METHODS
from hipdrop_course.engine.catalog import catalog_from_dict
from hipdrop_course.engine.picker import AnswersError, Program, Referral, RestAdvice, answers_from_dict, pick
from hipdrop_course.engine.picker.answers import answers_from_form, answers_to_form
from hipdrop_course.engine.picker.clinical_html import clinical_rules_html, warning_signs_html
from hipdrop_course.engine.picker.render import render, render_text
from hipdrop_course.engine.picker.safety import PAIN_MONITORING, STOP_WALKING_WORSE
from hipdrop_course.engine.picker.warning_signs import WARNING_SIGNS


def dispatch(method: str, params_json: str) -> str:
    """The worker's dispatcher with this course's methods (the core's and the hip-drop pack's)."""
    return engine_dispatch(method, params_json, methods={**CORE_METHODS, **PACK_METHODS})


def dosing(sets=2, reps=10, hold=0, rest=30, days=(2, 3), source="acsm"):
    return {"sets": sets, "reps": reps, "hold_s": hold, "rest_s": rest, "days_per_week": list(days),
            "basis": "guideline", "source": source}


def entry(eid, *, family, level, phase, position, works, easier=None, harder=None, equipment=(),
          precautions=(), requires=(), both_sides=False):
    data = {
        "id": eid, "name": eid.replace("-", " ").title(), "family": family, "level": level,
        "easier": easier, "harder": harder, "phase": phase, "position": position,
        "equipment": list(equipment),
        "working_leg": {"works": works, "headline": "h", "text": "t"},
        "purpose": "p", "setup": ["s"], "steps": ["s"], "cues": ["Keep the pelvis level", "Go slowly"],
        "common_errors": ["e"],
        "dosing": {"motor-control": dosing(2, 10, 5, 30, (5, 7), "convention"),
                   "strength": dosing([2, 3], [8, 12], 0, [60, 90], (2, 3)),
                   "endurance": dosing(2, [15, 20], 0, 30, (2, 3))},
        "precautions": list(precautions), "illustration": f"{eid}.svg",
    }
    if requires:
        data["requires"] = list(requires)
    if both_sides:
        data["both_sides"] = True
    return data


ONE_LEG = ("single-leg-weight-bearing", "balance-demand")
SIDE = ("lies-on-side", "crosses-midline", "active-abduction", "outer-hip-compression")
PLANK = SIDE + ("side-plank-loading",)

CATALOG = {
    "sources": {
        "acsm": {"cite": "ACSM 2009", "authors": "ACSM", "year": 2009, "title": "t", "journal": "j",
                 "verified": True},
        "convention": {"cite": "Clinical convention", "authors": "-", "year": 2020, "title": "t",
                       "journal": "j", "verified": False},
    },
    "exercises": [
        # activation: lying press (low-load, active abduction) -> shift (low-load) -> held lift -> lift -> weighted lift
        entry("press", family="lift", level="easier", phase="activation", position="lying-on-back",
              works="together", harder="stand-press", precautions=("active-abduction", "low-load")),
        entry("stand-press", family="lift", level="easier", phase="activation", position="standing-two-legs",
              works="moving", easier="press", harder="shift", equipment=("wall",),
              precautions=("active-abduction", "low-load")),
        entry("shift", family="lift", level="easier", phase="activation", position="standing-two-legs",
              works="stance", easier="stand-press", harder="lift-held", equipment=("support",), precautions=("low-load",)),
        entry("lift-held", family="lift", level="easier", phase="activation", position="standing",
              works="stance", easier="shift", harder="lift", equipment=("support",),
              precautions=("single-leg-weight-bearing", "outer-hip-compression", "low-load")),
        entry("lift", family="lift", level="standard", phase="activation", position="standing-on-step",
              works="stance", easier="lift-held", harder="lift-weight", equipment=("step", "mirror"),
              precautions=ONE_LEG + ("outer-hip-compression", "low-load")),
        entry("lift-weight", family="lift", level="harder", phase="activation", position="standing-on-step",
              works="stance", easier="lift", equipment=("step", "weight"),
              precautions=ONE_LEG + ("outer-hip-compression",)),
        # strengthening: side plank (both hips; high-load standard)
        entry("plank-knees", family="plank", level="easier", phase="strengthening", position="side-plank",
              works="both", harder="plank", precautions=PLANK),
        entry("plank", family="plank", level="standard", phase="strengthening", position="side-plank",
              works="both", easier="plank-knees", precautions=PLANK + ("high-load",)),
        # strengthening: top-leg lift (the moving leg works; "do the other side too")
        entry("top-leg-bent", family="top-leg", level="easier", phase="strengthening", position="side-lying",
              works="moving", harder="top-leg", precautions=SIDE, both_sides=True),
        entry("top-leg", family="top-leg", level="standard", phase="strengthening", position="side-lying",
              works="moving", easier="top-leg-bent", harder="top-leg-band", precautions=SIDE, both_sides=True),
        entry("top-leg-band", family="top-leg", level="harder", phase="strengthening",
              position="side-lying", works="moving", easier="top-leg", equipment=("band",),
              precautions=SIDE, both_sides=True),
        # strengthening: a hip extension with the leg turned out (anterior-approach precaution)
        entry("kick-back", family="kick-back", level="standard", phase="strengthening",
              position="standing", works="moving", precautions=("single-leg-weight-bearing", "extension-external-rotation")),
        # movement retraining: squat progression, the weighted one in strengthening
        entry("squat-held", family="squat", level="easier", phase="movement-retraining",
              position="standing", works="stance", harder="squat-box", equipment=("support",),
              precautions=("single-leg-weight-bearing",)),
        entry("squat-box", family="squat", level="easier", phase="movement-retraining",
              position="standing", works="stance", easier="squat-held", harder="squat",
              equipment=("chair",), precautions=ONE_LEG + ("hip-flexion-past-90",), requires=("squat-to-box",)),
        entry("squat", family="squat", level="standard", phase="movement-retraining",
              position="standing", works="stance", easier="squat-box", harder="squat-weight",
              precautions=ONE_LEG + ("hip-flexion-past-90",), requires=("squat-free",)),
        entry("squat-weight", family="squat", level="harder", phase="strengthening",
              position="standing", works="stance", easier="squat", equipment=("weight",),
              precautions=ONE_LEG + ("hip-flexion-past-90", "high-load"), requires=("squat-free",)),
    ],
}

EVERYTHING = ["step", "band", "chair", "mirror", "weight", "wall"]


def catalog():
    return catalog_from_dict(CATALOG)


def answers(**changes):
    data = {
        "weak_side": "left", "pain_now": 2, "single_leg_stance": "yes", "side_plank": "feet",
        "single_leg_squat": "no", "goal": "strength", "minutes_per_day": 90, "days_per_week": 3,
        "equipment": ["step", "band", "chair", "mirror", "wall"],
    }
    data.update(changes)
    return answers_from_dict(data)


def surgery(**changes):
    data = {"recent_surgery_or_fracture": True, "operated_side": "left", "weeks_since_surgery": 4,
            "procedure": "other", "clinician_guidance": True}
    data.update(changes)
    return data


def program(**changes) -> Program:
    outcome = pick(answers(**changes), catalog())
    assert isinstance(outcome, Program), outcome
    return outcome


def chosen(outcome: Program) -> dict:
    return {e.id: e for phase in outcome.phases for e in phase.exercises}


def left_out(outcome: Program) -> dict:
    return {x.exercise_id: x for x in outcome.left_out if x.exercise_id}


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
    data.update(operated_side="left", weight_bearing="partial", procedure="fracture-fixation")
    problems = problems_for(data)
    assert any("operated_side" in p and "no recent surgery" in p for p in problems)
    assert any("weight_bearing" in p for p in problems)
    assert any("'procedure'" in p for p in problems)


def test_surgery_needs_the_side_the_weeks_and_what_was_done():
    data = answers().to_dict()
    data.update(recent_surgery_or_fracture=True, clinician_guidance=True)
    problems = "\n".join(problems_for(data))
    for field in ("operated_side", "weeks_since_surgery", "procedure"):
        assert f"field '{field}': needed when there was a recent surgery" in problems


def test_walking_worse_after_some_exercises_needs_them_ticked():
    data = answers().to_dict()
    data.update(walking_worse="some")
    assert any("tick which ones" in p for p in problems_for(data))
    data.update(walking_worse="no", worse_exercises=["lift"])
    assert any("'worse_exercises'" in p for p in problems_for(data))


def test_standing_on_a_leg_that_may_not_take_full_weight_is_a_contradiction():
    data = answers(single_leg_stance="yes").to_dict()
    data.update(surgery(weight_bearing="partial"))
    assert any("single_leg_stance" in p for p in problems_for(data))


def test_form_strings_become_typed_answers_and_back():
    original = answers(weak_side="both", equipment=["band", "wall"], outer_hip_pain=True,
                       pain_onset="long-standing", walking_worse="some", worse_exercises=["lift"],
                       single_leg_stance="no", **surgery(precautions=["no-crossing-midline"]))
    form = answers_to_form(original)
    assert form["pain_now"] == ["2"] and form["equipment"] == ["band", "wall"]
    assert form["outer_hip_pain"] == ["yes"] and form["weeks_since_surgery"] == ["4"]
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


# --- warning signs -----------------------------------------------------------------------

# The issue's list, written out by hand: each sign's urgency.
EXPECTED_URGENCY = {
    "saddle-numbness": "emergency-today",
    "bladder-bowel-change": "emergency-today",
    "progressive-weakness": "emergency-today",
    "stroke-signs": "emergency-today",
    "major-trauma": "emergency-today",
    "fall-cannot-bear-weight": "emergency-today",
    "older-fall-groin-pain": "emergency-today",
    "fever-severe-hip-pain": "emergency-today",
    "clot-after-surgery": "emergency-today",
    "child-limp-unwell": "same-day",
    "teen-hip-knee-pain-limp": "same-day",
    "child-new-limp": "soon",
    "cancer-weight-loss-night-pain": "soon",
    "limp-after-hip-replacement": "soon",
    "nerve-injury": "soon",
    "pregnancy-pelvic-pain": "soon",
    "runner-groin-pain": "soon",
}
TITLES = {
    "emergency-today": "Get emergency help now, not an exercise program",
    "same-day": "See a doctor today, not an exercise program",
    "soon": "See a clinician before you start",
}


def test_every_warning_sign_has_the_urgency_the_issue_lists():
    assert {s.id: s.urgency for s in WARNING_SIGNS} == EXPECTED_URGENCY
    assert "walking-worse-after-exercise" not in EXPECTED_URGENCY


def test_each_warning_sign_on_its_own_gives_a_referral_at_its_urgency_and_no_exercises():
    for sign in WARNING_SIGNS:
        outcome = pick(answers(red_flags=[sign.id]), catalog())
        assert isinstance(outcome, Referral), sign.id
        assert outcome.urgency == EXPECTED_URGENCY[sign.id] and outcome.title == TITLES[outcome.urgency]
        assert [t.answer for t in outcome.triggers] == [sign.id]
        assert sign.source and sign.why and sign.whom and sign.what_to_do
        html = render(outcome)
        assert "hd-program-exercise" not in html and sign.label.split(",")[0] in html


def test_the_most_urgent_sign_sets_the_referral():
    outcome = pick(answers(red_flags=["nerve-injury", "child-limp-unwell", "saddle-numbness"]), catalog())
    assert outcome.urgency == "emergency-today" and "A&E" in outcome.whom
    assert [t.answer for t in outcome.triggers] == ["saddle-numbness", "child-limp-unwell", "nerve-injury"]
    assert "999" in outcome.what_to_do


def test_the_warning_sign_box_lists_each_sign_under_its_urgency():
    html = warning_signs_html("box", {"clinical-rules": "x/"})
    for sign in WARNING_SIGNS:
        heading = html.rfind("hd-urgency-heading", 0, html.index(sign.label.split(" (")[0][:40]))
        assert f'data-urgency="{EXPECTED_URGENCY[sign.id]}"' in html[heading:heading + 80], sign.id
    assert "new limp or weakness together with" not in html


# --- surgery, pain, walking --------------------------------------------------------------


def test_surgery_without_a_clinicians_guidance_gives_a_referral():
    outcome = pick(answers(**surgery(clinician_guidance=False)), catalog())
    assert isinstance(outcome, Referral) and outcome.triggers[0].field == "clinician_guidance"


def test_no_weight_on_the_leg_gives_a_referral():
    outcome = pick(answers(single_leg_stance="no", **surgery(weight_bearing="none")), catalog())
    assert isinstance(outcome, Referral) and outcome.triggers[0].field == "weight_bearing"


def test_new_high_pain_gives_rest_long_standing_high_pain_low_load_only():
    assert isinstance(pick(answers(pain_now=8), catalog()), RestAdvice)
    assert isinstance(pick(answers(pain_now=7, pain_onset="new"), catalog()), RestAdvice)
    outcome = program(pain_now=8, pain_onset="long-standing")
    # Low-load drills are press, shift, lift-held and lift; a gentle start takes the first: press.
    assert list(chosen(outcome)) == ["press"]
    assert PAIN_MONITORING in [r.text for r in outcome.stop_rules]
    assert "next morning" in PAIN_MONITORING and "5 out of 10" in PAIN_MONITORING
    assert any("review" in n.text for n in outcome.notes)


def test_walking_worse_after_every_exercise_gives_a_referral():
    outcome = pick(answers(walking_worse="all"), catalog())
    assert isinstance(outcome, Referral) and outcome.urgency == "soon" and "physiotherapist" in outcome.whom


def test_walking_worse_after_an_exercise_leaves_it_and_its_harder_versions_out():
    outcome = program(walking_worse="some", worse_exercises=["lift"], equipment=EVERYTHING)
    ids, gone = chosen(outcome), left_out(outcome)
    assert "lift" not in ids and "lift-weight" not in ids and "lift-held" in ids
    assert gone["lift"].kind == "walking-worse" and gone["lift-weight"].kind == "walking-worse"
    assert ids["lift-held"].harder is None  # the next step is left out, so none is offered


def test_every_program_carries_the_walking_worse_stop_rule():
    assert STOP_WALKING_WORSE.startswith("If walking is worse after an exercise, stop that exercise")
    assert STOP_WALKING_WORSE in [r.text for r in program().stop_rules]


# --- limits -------------------------------------------------------------------------------


def test_partial_weight_bearing_removes_standing_on_one_leg_and_the_side_plank():
    outcome = program(single_leg_stance="no", **surgery(weight_bearing="partial"))
    ids = chosen(outcome)
    # Worked by hand: everything else stands on one leg or planks; surgery means a gentle start,
    # so the lying drill and the easier lying version.
    assert set(ids) == {"press", "top-leg-bent"}
    assert left_out(outcome)["plank-knees"].kind == "weight-bearing"


def test_posterior_approach_excludes_crossing_midline_and_deep_bending_for_twelve_weeks():
    outcome = program(single_leg_squat="free", **surgery(procedure="hip-replacement-posterior", weeks_since_surgery=6))
    ids = chosen(outcome)
    assert not {"top-leg", "top-leg-band", "plank", "plank-knees", "squat", "squat-box", "squat-weight"} & set(ids)
    assert "squat-held" in ids and "kick-back" in ids
    later = chosen(program(**surgery(procedure="hip-replacement-posterior", weeks_since_surgery=12)))
    assert "top-leg-bent" in later


def test_anterior_lateral_and_not_sure_approaches():
    anterior = chosen(program(**surgery(procedure="hip-replacement-anterior")))
    assert "kick-back" not in anterior and "top-leg-bent" in anterior
    lateral = program(**surgery(procedure="hip-replacement-lateral"))
    assert not {"press", "stand-press", "top-leg-bent", "top-leg", "plank"} & set(chosen(lateral))
    assert "shift" in chosen(lateral)  # the first low-load drill without active abduction
    unsure = chosen(program(**surgery(procedure="hip-replacement-not-sure")))
    assert not {"kick-back", "top-leg-bent", "press", "plank"} & set(unsure)


def test_no_lying_on_the_operated_side_keeps_only_lying_on_the_other_side():
    # Right hip weak and operated; the top-leg lift is done on both sides ("do the other side too"),
    # so it would lie on the right side for the second set: left out.
    outcome = program(weak_side="right", **surgery(operated_side="right", precautions=["no-lying-on-operated-side"]))
    gone = left_out(outcome)
    assert "top-leg-band" in gone and "lie on your right side" in gone["top-leg-band"].text
    assert "kick-back" in chosen(outcome)


def test_outer_hip_pain_leaves_out_compressing_positions_and_starts_with_isometrics():
    outcome = program(outer_hip_pain=True)
    ids = chosen(outcome)
    assert "stand-press" in ids and not {"lift", "lift-held", "top-leg-bent", "plank"} & set(ids)
    assert left_out(outcome)["lift"].kind == "outer-hip"
    assert any("Grimaldi & Fearon 2015" in n.source for n in outcome.notes)


# --- starting level and versions ------------------------------------------------------------


def test_a_gentle_start_begins_with_a_low_load_drill_and_no_high_load():
    # Pain of 4 or more, or surgery: lying first; otherwise the first drill on both feet.
    for changes, first in (({"single_leg_stance": "no"}, "stand-press"), ({"pain_now": 4}, "press"),
                           ({"outer_hip_pain": True}, "stand-press"), (surgery(), "press")):
        outcome = program(**changes)
        ids = chosen(outcome)
        assert first in ids, changes
        assert "plank" not in ids and "squat-weight" not in ids
        assert "top-leg-bent" in ids or changes.get("outer_hip_pain")
    assert "lift" in chosen(program(pain_now=3))


def test_squat_family_follows_the_squat_answer():
    assert "squat-held" in chosen(program(single_leg_squat="no"))
    assert "squat-held" in chosen(program(single_leg_squat="not-tried"))
    box = chosen(program(single_leg_squat="box", equipment=EVERYTHING))
    assert "squat-box" in box and "squat" not in box and "squat-weight" not in box
    free = program(single_leg_squat="free", equipment=EVERYTHING)
    assert "squat-weight" in chosen(free) and chosen(free)["squat-weight"].phase == "strengthening"
    assert "squat" in chosen(program(single_leg_squat="free"))  # no weight ticked


def test_side_plank_levels():
    assert "plank-knees" in chosen(program(side_plank="knees"))
    assert "plank" in chosen(program(side_plank="feet"))
    outcome = program(side_plank="none")
    assert not {"plank", "plank-knees"} & set(chosen(outcome))
    assert left_out(outcome)["plank"].kind == "level"


def test_missing_equipment_is_a_reason_and_the_mirror_is_optional():
    outcome = program(equipment=["step"])
    ids = chosen(outcome)
    assert "top-leg" in ids and left_out(outcome)["top-leg-band"].kind == "equipment"
    assert "lift" in ids and any("film yourself" in r.text for r in ids["lift"].reasons)


# --- sides -------------------------------------------------------------------------------


def test_stance_exercise_stands_on_the_weak_leg_and_moving_one_moves_it():
    ids = chosen(program(weak_side="left"))
    assert (ids["lift"].sides[0].stance, ids["lift"].sides[0].moving) == ("left", "right")
    assert ids["top-leg-band"].sides[0].moving == "left"
    assert ids["top-leg-band"].sides[0].text.startswith("Lie on your right side")


def test_do_the_other_side_too_and_both_hips_work():
    ids = chosen(program(weak_side="right"))
    assert [s.moving for s in ids["top-leg-band"].sides] == ["right", "left"]
    assert [(s.stance, s.moving) for s in ids["plank"].sides] == [("right", "left"), ("left", "right")]


def test_supported_standing_exercises_name_the_hand_on_the_standing_side():
    # The lateral approach rules out the lying press (active abduction): the shift comes first.
    ids = chosen(program(weak_side="right", single_leg_stance="no",
                         **surgery(operated_side="right", procedure="hip-replacement-lateral")))
    shift = ids["shift"].sides[0]
    assert "your right hand, the hand on the standing leg's side" in shift.support
    assert "take over" in shift.support
    held = chosen(program(weak_side="left", single_leg_squat="no"))["squat-held"].sides[0]
    assert held.stance == "left" and "your left hand" in held.support


# --- dosing ------------------------------------------------------------------------------


def test_strengthening_is_dosed_as_strength_work_whatever_the_goal():
    for goal in ("motor-control", "strength", "endurance", "return-to-sport"):
        outcome = program(goal=goal, days_per_week=7)
        for exercise in outcome.phases[1].exercises:
            assert exercise.phase == "strengthening"
            assert (exercise.dose.goal, exercise.dose.days_per_week, exercise.dose.source) == ("strength", 3, "ACSM 2009")
            assert "not on days next to each other" in exercise.dose.text


def test_only_low_load_activation_drills_go_above_three_days():
    ids = chosen(program(goal="motor-control", days_per_week=7, single_leg_squat="free", equipment=EVERYTHING))
    assert ids["lift-weight"].dose.days_per_week == 3 and ids["lift-weight"].dose.goal == "strength"
    assert chosen(program(goal="motor-control", days_per_week=7))["lift"].dose.days_per_week == 7
    retraining = chosen(program(goal="motor-control", days_per_week=7))["squat-held"].dose
    assert retraining.goal == "motor-control" and retraining.days_per_week == 3


def test_fewer_days_than_the_dose_say_so():
    dose = chosen(program(days_per_week=1))["top-leg-band"].dose
    assert dose.days_per_week == 1 and "slower progress" in " ".join(dose.notes)


# --- building the program --------------------------------------------------------------------


def test_every_exercise_dropped_for_time_or_phase_size_is_listed():
    outcome = program(minutes_per_day=5, goal="motor-control")
    assert all(len(p.exercises) == 1 for p in outcome.phases)
    kinds = {x.exercise_id: x.kind for x in outcome.left_out if x.exercise_id}
    assert kinds.get("top-leg-band") == "time" or kinds.get("plank") == "time"
    # four strengthening families fit in 90 minutes, but a phase holds three
    full = program(single_leg_squat="free", equipment=EVERYTHING, goal="strength")
    assert len(full.phases[1].exercises) == 3
    assert [x.kind for x in full.left_out if x.exercise_id == "kick-back"] == ["phase-size"]


def test_the_check_for_moving_on_is_the_courses_own():
    outcome = program()
    for phase in outcome.phases:
        for reason in phase.moving_on:
            assert reason.text.startswith("The course's check") and "course convention" in reason.source
    stance = outcome.phases[1].moving_on[1]
    assert "Hardcastle & Nade 1985" in stance.text and "not the clinical Trendelenburg test" in stance.text


def test_nothing_fitting_gives_a_referral_instead_of_an_empty_program():
    outcome = pick(answers(side_plank="none", single_leg_stance="no",
                           **surgery(operated_side="both", weight_bearing="partial",
                                     procedure="hip-replacement-not-sure",
                                     precautions=["no-lying-on-operated-side"])),
                   catalog_from_dict({**CATALOG, "exercises": CATALOG["exercises"][5:]}))
    assert isinstance(outcome, Referral)


def test_same_answers_give_the_same_program():
    assert pick(answers(), catalog()) == pick(answers(), catalog())


# --- rendering and the browser method -----------------------------------------------------


def test_render_escapes_text_and_uses_the_addresses_the_build_gives():
    data = json.loads(json.dumps(CATALOG))
    data["exercises"][3]["name"] = "<script>alert(1)</script>"
    outcome = pick(answers(), catalog_from_dict(data))
    urls = {"exercises": {"lift": "../exercises/lift.html#lift"}, "figures": {"lift.svg": "../img/lift.svg"}}
    html = render(outcome, "../", urls)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="../exercises/lift.html#lift"' in html and 'src="../img/lift.svg"' in html
    assert "exercises/top-leg" not in html  # no address given: the name is not linked
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


def test_clinical_rules_page_lists_signs_limits_doses_and_conventions():
    html = clinical_rules_html(catalog())
    for sign in WARNING_SIGNS:
        assert sign.label.split(" (")[0].replace("'", "&#x27;") in html
    assert "Top Leg Band" in html and "Kick Back" in html  # excluded by named limits
    assert "ACSM 2009" in html and html.count("Course convention:") >= 10
