"""This course's own Python (Hip Drop: Trendelenburg gait), loaded by the hipdrop plugin from this
folder by path, as the package ``hipdrop_course``: never installed.

- ``PACK`` (``pack.py``): what the course adds to the generator: the program picker, the mechanics
  lab, the guided session and the exercise catalog (their worker methods, macros, data loader,
  CSS, ``hipdrop pick`` and ``hipdrop lab``). Its browser files are the course's ``site_assets/`` folder.
- ``engine/``: the pure-Python engine (standard library only) that also runs in the reader's
  browser: packed into the course's engine wheel at build time.
- the other modules: the macros (static HTML from the catalog and the engine), the catalog's loader
  and schema, and the subcommands (``cli/``). Build time only.
"""

from . import clinical, exercises, mechanics, picker, session
from .pack import PACK

# Each module gives one family of macros: ``macros(project) -> {name: macro(page, ...)}``.
# ``clinical`` gives warning_signs, approach_limits, clinical_rules and pain_monitoring_rule.
MACRO_MODULES = (mechanics, picker, exercises, clinical, session)

__all__ = ["PACK", "macros"]


def macros(project) -> dict:
    table: dict = {}
    for module in MACRO_MODULES:
        table.update(module.macros(project))
    return table
