"""The `quiz_downloads()` macro (the teachers' table of exported quiz files) lists the banks by id,
the course's final quiz last: the one the plugin's `scorm.final_quiz` names, whatever it is called."""

import shutil
from pathlib import Path
from types import SimpleNamespace

from hipdrop_tools.course.project import Project
from hipdrop_tools.mkdocs_plugin.quiz_macros import macros

MINI = Path(__file__).parent / "mini_course"


def course_with_banks(tmp_path: Path, names: list[str]) -> Path:
    root = tmp_path / "course"
    shutil.copytree(MINI / "docs", root / "docs")
    (root / "quizzes").mkdir()
    source = (MINI / "quizzes" / "water.yml").read_text()
    for name in names:  # the same bank under another id, its question ids made unique
        (root / "quizzes" / f"{name}.yml").write_text(source.replace("id: water", f"id: {name}").replace("w-boil", f"{name}-boil"))
    return root


def bank_order(root: Path, final_quiz: str) -> list[str]:
    table = macros(Project(root=root, final_quiz=final_quiz))["quiz_downloads"](SimpleNamespace(src_uri="teachers/quizzes.md"))
    return [row.split("[")[1].split(".xml")[0] for row in table.splitlines()[2:]]


def test_the_final_quiz_named_by_the_course_comes_last(tmp_path):
    root = course_with_banks(tmp_path, ["alpha", "exam", "omega"])
    assert bank_order(root, final_quiz="exam") == ["alpha", "omega", "exam"]
    assert bank_order(root, final_quiz="") == ["alpha", "exam", "omega"]
