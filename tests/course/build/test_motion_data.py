"""exercises/motion.yml: a missing, unknown or inconsistent movement stops the build with a
message naming the file, the exercise and the field."""

import pytest
import yaml

from hipdrop_course.catalog import load_catalog, load_motions
from hipdrop_tools.course.errors import DataError
from hipdrop_tools.course.project import Project
from support import ROOT


def problems_with(tmp_path, change) -> list[str]:
    project = Project(ROOT)
    catalog = load_catalog(project)
    data = yaml.safe_load((ROOT / "exercises" / "motion.yml").read_text())
    change(data)
    path = tmp_path / "motion.yml"
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(DataError) as caught:
        load_motions(project, catalog, path)
    return [str(problem) for problem in caught.value.problems]


def test_every_catalog_exercise_has_a_movement():
    motions = load_motions(Project(ROOT), load_catalog(Project(ROOT)))
    assert set(motions) == {exercise.id for exercise in load_catalog(Project(ROOT)).exercises}


def test_a_missing_movement_names_the_exercise(tmp_path):
    problems = problems_with(tmp_path, lambda data: data.pop("banded-clam"))
    assert len(problems) == 1 and "exercise 'banded-clam'" in problems[0] and "no movement" in problems[0]


def test_an_unknown_exercise_and_a_prop_without_equipment_are_named(tmp_path):
    def change(data):
        data["moon-walk"] = data["clam"]
        data["clam"]["wall"] = "free"

    problems = "\n".join(problems_with(tmp_path, change))
    assert "exercise 'moon-walk'" in problems and "not an exercise id" in problems
    assert "exercise 'clam'" in problems and "wall" in problems and "no 'wall'" in problems


def test_a_bad_angle_is_named_by_its_field(tmp_path):
    problems = problems_with(tmp_path, lambda data: data["clam"]["keyframes"][1]["free"].update(opening=400))
    assert any("exercise 'clam'" in p and "keyframes[1].free.opening" in p.replace("/", ".") for p in problems), problems
