"""The course's problem generators (for ``generated_numeric`` quiz questions), from its packs.

Each pack registers generators by name (``Pack.generators``: name -> ``"module:function"``);
at build time they are imported here and passed to the engine (``generators=``); in the browser
the engine wheel's registry carries the same table (``hipdrop.quiz.generated``).
"""

from collections.abc import Callable

from hipdrop_tools.course.errors import HipdropError
from hipdrop_tools.course.packs import generator_table, resolve
from hipdrop_tools.course.project import Project


class GeneratorImportError(HipdropError):
    """A registered generator's ``module:function`` cannot be imported."""


def course_generators(project: Project) -> dict[str, Callable]:
    """Generator name -> function, for every generator the course's packs register."""
    from hipdrop_tools.course.course_package import course_packs  # it imports the course's code

    table = generator_table(course_packs(project))
    out = {}
    for name, reference in table.items():
        try:
            out[name] = resolve(reference)
        except (ImportError, AttributeError) as error:
            raise GeneratorImportError(f"problem generator '{name}': cannot import {reference} ({error})") from None
    return out
