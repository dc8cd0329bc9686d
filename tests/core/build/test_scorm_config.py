"""`hipdrop scorm` with a wrong pass mark in mkdocs.yml: a clear error naming the field, no zip."""

import subprocess
import sys

import pytest

from hipdrop_tools.lms.scorm import ScormError, settings
from support import copy_project

BANKS = {"final", "lesson-1"}


@pytest.mark.parametrize("extra, field", [
    ({"scorm": {"mastery_score": 120, "final_quiz": "final"}}, "plugins.hipdrop.scorm.mastery_score: 120"),
    ({"scorm": {"mastery_score": "80%", "final_quiz": "final"}}, "plugins.hipdrop.scorm.mastery_score: '80%'"),
    ({"scorm": {"mastery_score": True, "final_quiz": "final"}}, "plugins.hipdrop.scorm.mastery_score: True"),
    ({}, "plugins.hipdrop.scorm.mastery_score: None"),
    ({"scorm": {"mastery_score": 80, "final_quiz": "exam"}}, "plugins.hipdrop.scorm.final_quiz: 'exam' is not a quiz bank"),
    ({"scorm": [80]}, "plugins.hipdrop.scorm: must be a mapping"),
])
def test_a_wrong_setting_is_named(extra, field):
    with pytest.raises(ScormError, match="^mkdocs.yml: ") as caught:
        settings(extra, BANKS)
    assert field in str(caught.value)


def test_the_settings_in_range_are_taken():
    assert settings({"scorm": {"mastery_score": 0, "final_quiz": "final"}}, BANKS).mastery_score == 0
    assert settings({"scorm": {"mastery_score": 100, "final_quiz": "lesson-1"}}, BANKS).final_quiz == "lesson-1"


def test_hipdrop_scorm_reports_a_wrong_pass_mark_and_writes_no_package(tmp_path):
    project = copy_project(tmp_path / "course")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("mastery_score: 80", "mastery_score: 800"))
    out = tmp_path / "dist"
    result = subprocess.run(
        [sys.executable, "-m", "hipdrop_tools", "--root", str(project), "scorm", "--out", str(out)],
        capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert "mkdocs.yml: plugins.hipdrop.scorm.mastery_score: 800 is not a whole number from 0 to 100" in result.stderr
    assert "Traceback" not in result.stderr
    assert not list(out.glob("*.zip"))
