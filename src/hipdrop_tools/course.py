"""All the course's data, loaded and checked together so that one run reports every problem.

Add a data kind by adding a loader to ``LOADERS``: a function ``project -> data`` that raises
``DataError`` with all of its problems.
"""

from collections.abc import Callable
from dataclasses import dataclass

from . import catalog, quizzes
from .errors import DataError, Problem
from .project import Project

LOADERS: dict[str, Callable[[Project], object]] = {
    "quiz banks": quizzes.load_banks,
    "catalog exercises": lambda project: catalog.load_catalog(project).exercises,
}


@dataclass(frozen=True)
class Course:
    data: dict[str, object]

    def summary(self) -> str:
        return ", ".join(f"{len(value)} {name}" for name, value in self.data.items())


def load_course(project: Project) -> Course:
    problems: list[Problem] = []
    data: dict[str, object] = {}
    for name, loader in LOADERS.items():
        try:
            data[name] = loader(project)
        except DataError as error:
            problems += error.problems
    if problems:
        raise DataError(problems)
    return Course(data=data)
