"""`hipdrop pick` builds the same program as the page, and refuses bad answers with the same messages."""

import json
import subprocess
import sys

from hipdrop_course.engine.picker import AnswersError, answers_from_dict
from support import ROOT

GOOD = {
    "weak_side": "left", "pain_now": 2, "single_leg_stance": "no", "side_plank": "knees",
    "single_leg_squat": "no", "goal": "strength", "minutes_per_day": 20, "days_per_week": 3,
    "equipment": ["step", "chair", "wall", "band"],
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
    assert "PHASE 1: ACTIVATION" in out and "PHASE 2: STRENGTHENING" in out
    assert "Stand on your left leg" in out
    assert "If walking is worse after an exercise, stop that exercise and keep the others" in out
    # cannot stand on one leg: a low-load drill on both feet comes before the hip dip
    assert "You start with a low-load drill before the hip dip" in out
    assert "Hold the support with your left hand, the hand on the standing leg's side" in out


def test_json_is_the_engine_outcome(tmp_path):
    result = pick(tmp_path, GOOD, "--format", "json")
    data = json.loads(result.stdout)
    assert data["kind"] == "program" and data["trained_sides"] == ["left"]
    assert all(phase["exercises"] for phase in data["phases"])
    first = data["phases"][0]["exercises"][0]
    assert first["dose"]["source"] and first["reasons"] and "left" in first["sides"][0]["text"]


def test_html_links_illustrations_from_the_base_url(tmp_path):
    result = pick(tmp_path, GOOD, "--format", "html", "--base-url", "../")
    assert result.returncode == 0
    assert '<img class="hd-program-figure" src="../assets/figures/' in result.stdout


def test_a_red_flag_prints_a_referral_and_no_program(tmp_path):
    result = pick(tmp_path, {**GOOD, "red_flags": ["saddle-numbness"]}, "--format", "json")
    data = json.loads(result.stdout)
    assert data["kind"] == "referral" and data["urgency"] == "emergency-today" and "phases" not in data
    assert "999" in data["what_to_do"]


def test_after_a_posterior_hip_replacement_the_program_keeps_its_precautions(tmp_path):
    answers = {**GOOD, "recent_surgery_or_fracture": True, "operated_side": "left", "weeks_since_surgery": 3,
               "procedure": "hip-replacement-posterior", "clinician_guidance": True, "weight_bearing": "partial"}
    result = pick(tmp_path, answers, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    ids = [e["id"] for p in data["phases"] for e in p["exercises"]]
    assert ids == ["lying-isometric-abduction"]  # everything else stands on one leg, planks or lies stacked
    kinds = {x["exercise_id"]: x["kind"] for x in data["left_out"]}
    assert kinds["side-plank-knees"] == "weight-bearing" and kinds["banded-clam"] == "precaution"


def test_surgery_without_its_details_is_refused_naming_each_field(tmp_path):
    result = pick(tmp_path, {**GOOD, "recent_surgery_or_fracture": True, "clinician_guidance": True})
    assert result.returncode == 1
    for field in ("operated_side", "weeks_since_surgery", "procedure"):
        assert f"field '{field}': needed when there was a recent surgery" in result.stderr
    result = pick(tmp_path, {**GOOD, "recent_surgery_or_fracture": True, "procedure": "keyhole"})
    assert "field 'procedure': 'keyhole' is not one of" in result.stderr


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
