"""The pack's build side: its macros (static HTML from the catalog and the engine), the catalog's
loader and schema, and its ``hipdrop`` subcommands. Runs at build time only, never in the browser.
"""

from . import clinical, exercises, mechanics, picker

# Each module gives one family of macros: ``macros(project) -> {name: macro(page, ...)}``.
# ``clinical`` gives warning_signs, approach_limits, clinical_rules and pain_monitoring_rule.
MACRO_MODULES = (mechanics, picker, exercises, clinical)


def macros(project) -> dict:
    table: dict = {}
    for module in MACRO_MODULES:
        table.update(module.macros(project))
    return table
