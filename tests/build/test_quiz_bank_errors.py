"""A broken quiz bank stops `hipdrop check` and the build with every problem named by place."""

import subprocess
import sys
from pathlib import Path

import yaml

from support import build_site, copy_project


def break_bank(project: Path, edit) -> None:
    path = project / "quizzes" / "lesson-1.yml"
    data = yaml.safe_load(path.read_text())
    edit(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hipdrop_tools", "--root", str(project), "check"],
        capture_output=True,
        text=True,
    )


def test_the_real_banks_pass(tmp_path):
    result = check(Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stderr


def test_every_problem_is_listed_with_file_question_and_field(tmp_path):
    project = copy_project(tmp_path / "p")

    def edit(data):
        first, second = data["questions"][0], data["questions"][1]
        for option in first["options"]:
            option["correct"] = False
        second["type"] = "essay"
        data["questions"][2]["link"] = "lessons/no-such-lesson.md#x"

    break_bank(project, edit)
    result = check(project)
    assert result.returncode == 1
    first_id = yaml.safe_load((project / "quizzes" / "lesson-1.yml").read_text())["questions"][0]["id"]
    second_id = yaml.safe_load((project / "quizzes" / "lesson-1.yml").read_text())["questions"][1]["id"]
    assert f"quizzes/lesson-1.yml: question '{first_id}': field 'options': no option is marked correct" in result.stderr
    assert f"quizzes/lesson-1.yml: question '{second_id}': field 'type'" in result.stderr
    assert "lessons/no-such-lesson.md#x' does not resolve" in result.stderr


def test_the_site_build_stops_on_a_broken_bank(tmp_path):
    project = copy_project(tmp_path / "p")
    break_bank(project, lambda data: data["questions"][0].pop("explanation"))
    result = build_site(tmp_path / "out", project / "mkdocs.yml")
    assert result.returncode != 0
    assert "quizzes/lesson-1.yml" in result.stderr and "'explanation' is a required property" in result.stderr


def test_html_in_a_prompt_is_shown_as_text_never_run(tmp_path):
    project = copy_project(tmp_path / "p")
    break_bank(project, lambda data: data["questions"][0].update(prompt="Pick one <script>alert(1)</script> <b>now</b>"))
    out = tmp_path / "out"
    result = build_site(out, project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    html = (out / "lessons" / "what-is-trendelenburg" / "index.html").read_text()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
