"""`hipdrop lab` gives the lab's numbers for worksheets: same engine, text or JSON, clear errors."""

import json
import subprocess
import sys

from support import ROOT


def lab(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hipdrop_tools", "--root", str(ROOT), "lab", *args],
        capture_output=True,
        text=True,
    )


def test_default_is_the_worked_example_in_text():
    result = lab()
    assert result.returncode == 0, result.stderr
    assert "1,167 N" in result.stdout and "1,726 N" in result.stdout
    assert "2.5 × body weight" in result.stdout


def test_json_output_with_overrides():
    result = lab("--format", "json", "--body-weight-n", "700", "--body-weight-arm-cm", "10",
                 "--abductor-arm-cm", "5", "--abductor-angle-deg", "70")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert abs(data["abductor_force_n"] - 1167) < 1
    assert round(data["joint_force_bw"], 1) == 2.5
    assert data["inputs"]["cane_hand"] == "opposite"


def test_presets_and_kilograms():
    weak = json.loads(lab("--preset", "weak-abductors", "--format", "json").stdout)
    assert weak["holds_level"] is False
    leaned = json.loads(lab("--preset", "weak-abductors", "--lean-cm", "5", "--format", "json").stdout)
    assert leaned["holds_level"] is True
    kg = json.loads(lab("--body-weight-kg", "80", "--format", "json").stdout)
    assert abs(kg["inputs"]["body_weight_n"] - 784.5) < 0.1
    listing = lab("--list-presets").stdout
    assert all(name in listing for name in ("quiet-stance", "compensated", "cane-opposite", "cane-same", "weak-abductors"))


def test_same_hand_cane_does_not_help_and_opposite_does():
    def force(*args):
        return json.loads(lab("--format", "json", *args).stdout)["abductor_force_n"]

    plain = force()
    assert force("--cane-force-n", "70", "--cane-hand", "opposite") < plain
    assert force("--cane-force-n", "70", "--cane-hand", "same") >= plain


def test_bad_values_are_all_listed_and_fail(tmp_path):
    result = lab("--body-weight-n", "-10", "--abductor-arm-cm", "0", "--lean-cm", "30")
    assert result.returncode == 2
    assert "3 problems" in result.stderr
    for name in ("body_weight_n", "abductor_arm_cm", "lean_cm"):
        assert name in result.stderr
    assert result.stdout == ""


def test_figure_and_chart_files(tmp_path):
    figure, chart = tmp_path / "f.svg", tmp_path / "c.svg"
    result = lab("--preset", "cane-opposite", "--figure", str(figure), "--chart", str(chart))
    assert result.returncode == 0, result.stderr
    assert figure.read_text().startswith("<svg") and "cane 70 N" in figure.read_text()
    assert "Abductor force" in chart.read_text()
