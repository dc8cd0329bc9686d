"""`hipdrop pick` builds the same program as the page, and refuses bad answers with the same messages."""

import json
import subprocess
import sys

from hipdrop_course.engine.picker import AnswersError, answers_from_dict
from support import ROOT

GOOD = {
    "red_flags": [], "age_16_or_over": True, "pregnancy": "no", "falls_or_walking_aid": False,
    "weak_side": "left", "pain_now": 2, "pain_onset": "new", "outer_hip_pain": False,
    "recent_surgery_or_fracture": False, "single_leg_stance": "yes", "side_plank": "knees",
    "single_leg_squat": "no", "walking_worse": "no", "goal": "strength", "minutes_per_day": 20,
    "days_per_week": 3, "equipment": ["step", "chair", "wall", "band"],
}


def pick(tmp_path, answers, *args: str) -> subprocess.CompletedProcess:
    path = tmp_path / "answers.json"
    path.write_text(answers if isinstance(answers, str) else json.dumps(answers))
    return subprocess.run(
        [sys.executable, "-m", "hipdrop_tools", "--root", str(ROOT), "pick", "--answers", str(path), *args],
        capture_output=True,
        text=True,
    )


def test_text_program_names_the_legs_the_phases_and_the_stop_rule(tmp_path):
    result = pick(tmp_path, GOOD)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "PHASE 1: ACTIVATION" in out and "PHASE 3: MOVEMENT RETRAINING" in out
    assert "Stand on your left leg" in out
    assert "If walking is worse after an exercise, stop that exercise and keep the others" in out
    assert "your usual pain is 2 out of 10, so during and after the exercises it may go up to about 4" in out
    assert "Hold the support with your left hand, the hand on the standing leg's side" in out


def test_a_gentle_start_prints_the_drill_on_both_feet_and_the_phase_that_waits(tmp_path):
    # Cannot stand on one leg: the gentlest drill on both feet first, movement retraining later.
    result = pick(tmp_path, {**GOOD, "single_leg_stance": "no"})
    out = result.stdout
    assert "You start with the gentlest drill of this family" in out
    assert "Keep both feet on the floor; your left side is next to the wall" in out
    assert "PHASE 3" not in out and "LATER: MOVEMENT RETRAINING" in out


def test_json_is_the_engine_outcome(tmp_path):
    result = pick(tmp_path, GOOD, "--format", "json")
    data = json.loads(result.stdout)
    assert data["kind"] == "program" and data["trained_sides"] == ["left"]
    assert all(phase["exercises"] for phase in data["phases"])
    first = data["phases"][0]["exercises"][0]
    assert first["dose"]["source"] and first["reasons"] and "left" in first["sides"][0]["text"]


def test_html_shows_each_exercises_figure_from_the_base_url(tmp_path):
    result = pick(tmp_path, GOOD, "--format", "html", "--base-url", "../")
    assert result.returncode == 0
    assert '<img class="hd-program-figure" src="../assets/hipdrop/figures/' in result.stdout


def test_a_red_flag_prints_a_referral_and_no_program(tmp_path):
    result = pick(tmp_path, {**GOOD, "red_flags": ["saddle-numbness"]}, "--format", "json")
    data = json.loads(result.stdout)
    assert data["kind"] == "referral" and data["urgency"] == "emergency-today" and "phases" not in data
    assert "999" in data["what_to_do"]


def test_after_a_posterior_hip_replacement_the_program_keeps_its_precautions(tmp_path):
    answers = {**GOOD, "single_leg_stance": "no", "recent_surgery_or_fracture": True, "operated_side": "left",
               "weeks_since_surgery": 3, "procedure": "hip-replacement-posterior", "clinician_guidance": True,
               "weight_bearing": "partial", "single_leg_cleared": "no", "precautions": []}
    result = pick(tmp_path, answers, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    ids = [e["id"] for p in data["phases"] for e in p["exercises"]]
    assert ids == ["lying-isometric-abduction"]  # everything else stands on one leg, planks or lies stacked
    kinds = {x["exercise_id"]: x["kind"] for x in data["left_out"]}
    assert kinds["side-plank-knees"] == "weight-bearing" and kinds["banded-clam"] == "weight-bearing"
    # Full weight, 8 weeks on, cleared to stand on the leg: the approach's own limits still apply.
    later = {**answers, "weight_bearing": "full", "weeks_since_surgery": 8, "single_leg_cleared": "yes"}
    data = json.loads(pick(tmp_path, later, "--format", "json").stdout)
    kinds = {x["exercise_id"]: x["kind"] for x in data["left_out"]}
    assert kinds["banded-clam"] == "precaution" and "posterior approach" in json.dumps(data["left_out"])


def test_surgery_without_its_details_is_refused_naming_each_question(tmp_path):
    result = pick(tmp_path, {**GOOD, "recent_surgery_or_fracture": True, "clinician_guidance": True})
    assert result.returncode == 1
    for field in ("operated_side", "weeks_since_surgery", "procedure"):
        assert f"field '{field}': please answer" in result.stderr
    # A blank weight answer is never "full": the question is asked again in its own words.
    assert "field 'weight_bearing': please answer “How much weight may the operated leg take?”" in result.stderr
    assert "field 'single_leg_cleared': please answer" in result.stderr
    result = pick(tmp_path, {**GOOD, "recent_surgery_or_fracture": True, "procedure": "keyhole"})
    assert "field 'procedure': 'keyhole' is not one of" in result.stderr


def test_after_a_fracture_the_healing_question_is_asked_and_not_sure_keeps_the_fracture_limits(tmp_path):
    answers = {**GOOD, "recent_surgery_or_fracture": True, "operated_side": "left", "weeks_since_surgery": 20,
               "procedure": "fracture-fixation", "clinician_guidance": True, "weight_bearing": "full",
               "single_leg_cleared": "yes", "precautions": []}
    result = pick(tmp_path, answers)
    assert result.returncode == 1
    assert "field 'bone_healed': please answer “Has your team said the bone has healed?”" in result.stderr
    data = json.loads(pick(tmp_path, {**answers, "bone_healed": "not-sure"}, "--format", "json").stdout)
    kinds = {x["exercise_id"]: x["kind"] for x in data["left_out"]}
    assert kinds["banded-clam"] == "fracture" and kinds["side-plank-counter"] == "fracture"
    healed = json.loads(pick(tmp_path, {**answers, "bone_healed": "yes"}, "--format", "json").stdout)
    kinds = {x["exercise_id"]: x["kind"] for x in healed["left_out"]}
    assert kinds["banded-clam"] == "post-op-start"  # healed: only the start cap holds back the band


def test_the_new_questions_left_blank_are_asked_in_plain_words(tmp_path):
    blank = {k: v for k, v in GOOD.items() if k not in ("age_16_or_over", "falls_or_walking_aid", "red_flags")}
    result = pick(tmp_path, blank)
    assert result.returncode == 1 and result.stdout == ""
    assert "please answer “Are you 16 or older?”" in result.stderr
    assert "please answer “In the last 12 months, have you had a fall" in result.stderr
    assert "field 'red_flags': please answer" in result.stderr


def test_under_16_prints_a_referral_and_the_reason(tmp_path):
    result = pick(tmp_path, {**GOOD, "age_16_or_over": False})
    assert result.returncode == 0 and "THIS COURSE IS FOR ADULTS" in result.stdout
    assert "adults (16 and over)" in result.stdout


def test_bad_answers_exit_non_zero_with_the_engines_messages(tmp_path):
    bad = {**GOOD, "pain_now": 11, "goal": "fame", "shoe_size": 9}
    result = pick(tmp_path, bad)
    assert result.returncode == 1 and result.stdout == ""
    try:
        answers_from_dict(bad)
    except AnswersError as error:
        expected = error.problems
    assert len(expected) == 3
    for problem in expected:
        assert problem in result.stderr
    assert "answers.json" in result.stderr


def test_a_file_that_is_not_json_is_named(tmp_path):
    result = pick(tmp_path, "{weak_side: left")
    assert result.returncode == 1 and "not valid JSON (line 1" in result.stderr
