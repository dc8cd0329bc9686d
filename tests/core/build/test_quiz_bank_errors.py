"""A broken quiz bank stops `hipdrop check` and the build with every problem named by place."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support import ROOT, Built, build_in_process, copy_project, without_precompressed_copies

BAD_BANKS = Path(__file__).parent / "bad_quizzes"
FIXTURES = sorted(p.name for p in BAD_BANKS.glob("*.yml"))


def expected_message(name: str) -> str:
    """Each fixture's first line: ``# expect: <question>: <field>: <message>``."""
    first = (BAD_BANKS / name).read_text().splitlines()[0]
    assert first.startswith("# expect: "), f"{name}: no '# expect:' line"
    return f"quizzes/{name}: " + first[len("# expect: "):]


def project_with(tmp_path: Path, *fixtures: str) -> Path:
    """A project whose quizzes are lesson 1's bank plus the given bad banks; the rest is linked."""
    root = tmp_path / "p"
    (root / "quizzes").mkdir(parents=True)
    for entry in ROOT.iterdir():
        if entry.name not in ("quizzes", ".git", ".venv", "site"):
            (root / entry.name).symlink_to(entry)
    shutil.copy(ROOT / "quizzes" / "lesson-1.yml", root / "quizzes")
    for name in fixtures:
        shutil.copy(BAD_BANKS / name, root / "quizzes" / name)
    return root


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
    result = check(Path(__file__).resolve().parents[3])
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
    result = build_in_process(project / "mkdocs.yml", tmp_path / "out")
    assert result.returncode != 0
    assert "quizzes/lesson-1.yml" in result.stderr and "'explanation' is a required property" in result.stderr


def put_html_in_the_first_question(data):
    """HTML in every text of the first question a reader sees: prompt, option label, option
    feedback and explanation (what the two escaping tests below look for)."""
    question = data["questions"][0]
    question["prompt"] = "Pick one <script>alert(1)</script> <b>now</b>"
    question["options"][0]["text"] = "Swing side <img src=x onerror=alert(1)>"
    question["options"][1]["feedback"] = "Nope <script>alert(2)</script>"
    question["explanation"] = "See <iframe src=//evil></iframe>"


@pytest.fixture(scope="module")
def html_in_the_bank(tmp_path_factory) -> tuple[Built, Path]:
    """The course built once with HTML in lesson 1's first question (in this process): (the
    build's result, lesson 1's built page)."""
    work = tmp_path_factory.mktemp("html-in-bank")
    project = copy_project(work / "p")
    break_bank(project, put_html_in_the_first_question)
    without_precompressed_copies(project / "mkdocs.yml")  # the tests read the pages only
    out = work / "out"
    return build_in_process(project / "mkdocs.yml", out), out / "lessons" / "what-is-trendelenburg" / "index.html"


def test_html_in_a_prompt_is_shown_as_text_never_run(html_in_the_bank):
    result, page = html_in_the_bank
    assert result.returncode == 0, result.stderr
    html = page.read_text()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_there_is_a_fixture_for_every_kind_of_bad_bank():
    kinds = {"unknown-type", "no-correct-answer", "duplicate-id", "numeric-without-tolerance",
             "matching-unequal-sides", "link-page-missing", "link-anchor-missing", "markdown-does-not-render",
             "generated-unknown-generator", "generated-without-generator", "generated-seeds-backwards",
             "generated-seed-below-one", "generated-with-an-answer", "generated-without-feedback"}
    assert kinds <= {name[: -len(".yml")] for name in FIXTURES}


@pytest.mark.parametrize("name", FIXTURES)
def test_each_bad_bank_stops_check_with_its_message(tmp_path, name):
    result = check(project_with(tmp_path, name))
    assert result.returncode == 1
    assert expected_message(name) in result.stderr, result.stderr


def test_every_problem_in_every_bank_is_listed_in_one_run(tmp_path):
    result = check(project_with(tmp_path, *FIXTURES))
    assert result.returncode == 1
    for name in FIXTURES:
        assert expected_message(name) in result.stderr
    listed = [line for line in result.stderr.splitlines() if line.startswith("  - ")]
    assert len(listed) >= len(FIXTURES)
    assert result.stderr.splitlines()[0] == f"{len(listed)} problems in the course data:"


def test_the_site_build_stops_on_a_dangling_lesson_link(tmp_path):
    project = project_with(tmp_path, "link-anchor-missing.yml")
    result = build_in_process(project / "mkdocs.yml", tmp_path / "out")
    assert result.returncode != 0
    assert expected_message("link-anchor-missing.yml") in result.stderr


def test_html_in_options_and_feedback_is_shown_as_text_never_run(html_in_the_bank):
    result, page = html_in_the_bank
    assert result.returncode == 0, result.stderr
    html = page.read_text()
    for raw in ("<img src=x onerror", "<script>alert(2)", "<iframe src=//evil"):
        assert raw not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # the label, as text
    # The feedback travels to the page inside the quiz's JSON data, already escaped for display.
    data = json.loads(re.search(r'<script type="application/json" class="hd-data">(.*?)</script>', html, re.S)[1])
    shown = data["questions"][0]["options"][1]["feedback_html"]
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in shown and "<script>" not in shown
