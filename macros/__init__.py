"""mkdocs-macros module: turns the project's data into static HTML inside Markdown pages.

Thin glue only. Each submodule owns one family of macros and exposes ``register(env, project)``;
the logic lives in ``hipdrop_tools`` (loading, validation) and ``hipdrop`` (the engine).
"""

from pathlib import Path

from hipdrop_tools.project import Project

from . import clinical, exercises, mechanics, offline, picker, quizzes

# Each entry registers one family of macros. Add a module here to add macros.
MACRO_MODULES = (quizzes, mechanics, picker, exercises, clinical, offline)


def define_env(env):
    project = Project(root=Path(env.conf["config_file_path"]).parent)
    for module in MACRO_MODULES:
        module.register(env, project)
