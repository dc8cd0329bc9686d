"""All the course's data, loaded and checked together so that one run reports every problem.

The loaders are the core's and the enabled packs' (``Pack.loaders``): each is a function
``project -> data`` that raises ``DataError`` with all of its problems.
"""

from collections.abc import Sized
from dataclasses import dataclass

from hipdrop_tools.course.course_package import course_packs
from hipdrop_tools.course.errors import DataError, Problem
from hipdrop_tools.course.packs import resolve
from hipdrop_tools.course.project import Project


@dataclass(frozen=True)
class Course:
    data: dict[str, Sized]  # a loader's result: a list or mapping of what it read

    def summary(self) -> str:
        return ", ".join(f"{len(value)} {name}" for name, value in self.data.items())


def load_course(project: Project) -> Course:
    problems: list[Problem] = []
    data: dict[str, Sized] = {}
    for pack in course_packs(project):
        for name, loader in pack.loaders.items():
            try:
                data[name] = resolve(loader)(project)
            except DataError as error:
                problems += error.problems
    if problems:  # two loaders reading the same file (the catalog) report its problems once
        raise DataError(list(dict.fromkeys(problems)))
    return Course(data=data)
