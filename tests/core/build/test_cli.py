"""The `hipdrop` command as a user meets it: every subcommand's --help works, and a user's mistake
(a missing file, malformed JSON or YAML, an output folder that cannot be written, output piped into
a program that stops reading) ends with a clear message and a non-zero exit, never a traceback."""

import json
import re
import shutil
import subprocess
import sys

import pytest

from support import ROOT

HIPDROP = [sys.executable, "-m", "hipdrop_tools"]


def hipdrop(*args: str, root=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([*HIPDROP, "--root", str(root), *args], capture_output=True, text=True, timeout=300)


def listed_subcommands() -> list[str]:
    """The subcommands `hipdrop --help` lists, read from its output (not from the code)."""
    result = subprocess.run([*HIPDROP, "--help"], capture_output=True, text=True, check=True)
    choices = re.search(r"\{([a-z,-]+)\}", result.stdout)
    assert choices, result.stdout
    return choices.group(1).split(",")


def assert_clear_failure(result: subprocess.CompletedProcess, *names: str) -> None:
    """Non-zero exit, no traceback, a message on stderr that names what went wrong."""
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.strip(), "no message on stderr"
    for name in names:
        assert name in result.stderr, result.stderr


def test_help_lists_the_subcommands():
    assert {"check", "pick", "lab", "handouts", "export", "bundle"} <= set(listed_subcommands())


@pytest.mark.parametrize("command", listed_subcommands())
def test_every_subcommand_help_works(command):
    result = subprocess.run([*HIPDROP, command, "--help"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith(f"usage: hipdrop {command}")


def test_lab_help_shows_the_percent_unit():
    result = subprocess.run([*HIPDROP, "lab", "--help"], capture_output=True, text=True)
    assert "% of body weight" in " ".join(result.stdout.split())


def test_a_missing_answers_file(tmp_path):
    missing = tmp_path / "nowhere.json"
    assert_clear_failure(hipdrop("pick", "--answers", str(missing)), str(missing), "no such file")


def test_malformed_json(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text('{"weak_side": "left",')
    assert_clear_failure(hipdrop("pick", "--answers", str(path)), str(path), "not valid JSON")


def test_an_answers_file_that_is_not_text(tmp_path):
    path = tmp_path / "answers.json"
    path.write_bytes(b"\xff\xfe\x00\x01")
    assert_clear_failure(hipdrop("pick", "--answers", str(path)), str(path), "not UTF-8")


def test_an_answers_path_that_is_a_folder(tmp_path):
    assert_clear_failure(hipdrop("pick", "--answers", str(tmp_path)), str(tmp_path))


@pytest.fixture
def project(tmp_path):
    """The course's data in a folder of its own, to break (with its mkdocs.yml and its macros/
    folder, the course's pack, which brings the catalog's checks)."""
    for folder in ("quizzes", "exercises", "docs", "macros", "site_assets"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def test_malformed_yaml_in_a_quiz_bank(project):
    (project / "quizzes" / "broken.yml").write_text("id: broken\n  questions: [\n")
    result = hipdrop("check", root=project)
    assert_clear_failure(result, "quizzes/broken.yml", "not valid YAML (line 2")
    assert len(result.stderr.strip().splitlines()) == 2  # the count, then the one problem on one line


def test_malformed_yaml_in_the_catalog(project):
    (project / "exercises" / "catalog.yml").write_text("exercises: [\n")
    result = hipdrop("check", root=project)
    assert_clear_failure(result, "exercises/catalog.yml", "not valid YAML")
    assert len(result.stderr.strip().splitlines()) == 2


def test_a_missing_catalog(project):
    (project / "exercises" / "catalog.yml").unlink()
    assert_clear_failure(hipdrop("check", root=project), "exercises/catalog.yml")


def test_an_unwritable_output_folder(tmp_path):
    # A path under a plain file can be written by no one (root included).
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    target = blocker / "out"
    for args in (
        ("export", "--format", "gift", "--out", str(target)),
        ("lab", "--figure", str(target / "figure.svg")),
        ("lab", "--chart", str(target / "chart.svg")),
        ("bundle", "--out", str(target)),
    ):
        result = hipdrop(*args)
        assert_clear_failure(result, str(blocker))
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_output_into_a_folder_that_is_a_file(tmp_path):
    blocker = tmp_path / "taken"
    blocker.write_text("")
    assert_clear_failure(hipdrop("export", "--format", "moodle-xml", "--out", str(blocker)), str(blocker))


def test_handouts_from_a_folder_with_no_site(tmp_path):
    assert_clear_failure(hipdrop("handouts", "--site", str(tmp_path)), str(tmp_path))


GOOD_ANSWERS = {
    "red_flags": [], "age_16_or_over": True, "pregnancy": "no", "falls_or_walking_aid": False,
    "weak_side": "left", "pain_now": 2, "pain_onset": "new", "outer_hip_pain": False,
    "recent_surgery_or_fracture": False, "single_leg_stance": "no", "side_plank": "knees",
    "single_leg_squat": "no", "walking_worse": "no", "goal": "strength", "minutes_per_day": 20,
    "days_per_week": 3, "equipment": ["step", "chair", "wall", "band"],
}


@pytest.mark.parametrize("args", [("pick", "--format", "html"), ("lab", "--format", "json"), ("lab", "--list-presets")])
def test_output_piped_into_a_program_that_stops_reading_ends_quietly(tmp_path, args):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(GOOD_ANSWERS))
    extra = ("--answers", str(answers)) if args[0] == "pick" else ()
    # As `hipdrop ... | head -0`: the reader is gone before the first line is written.
    process = subprocess.Popen([*HIPDROP, "--root", str(ROOT), *args, *extra],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    process.stdout.close()
    stderr = process.stderr.read()
    process.wait(timeout=60)
    assert stderr == ""
    assert process.returncode != 0  # the shell's 141: stopped by a closed pipe


def test_output_piped_into_head_in_a_shell(tmp_path):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(GOOD_ANSWERS))
    command = " ".join([*HIPDROP, "--root", str(ROOT), "pick", "--answers", str(answers), "--format", "html"])
    result = subprocess.run(["bash", "-c", f"set -o pipefail; {command} | head -c 10"], capture_output=True, text=True)
    assert len(result.stdout) == 10
    assert result.stderr == ""
