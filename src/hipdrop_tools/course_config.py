"""The plugin options of a course folder, as the ``hipdrop`` command reads them from mkdocs.yml
(no MkDocs build): which packs the course enables and where its quizzes are."""

from pathlib import Path

import yaml

from .project import Project


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may hold MkDocs's own tags (``!ENV``, ``!relative``): read them as plain values."""


def _any_tag(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_Loader.add_multi_constructor("!", _any_tag)
_Loader.add_multi_constructor("tag:", _any_tag)


def plugin_options(root: Path) -> dict:
    """``plugins: [.., {hipdrop: {...}}]`` of ``root/mkdocs.yml``; {} when there is none."""
    path = root / "mkdocs.yml"
    if not path.is_file():
        return {}
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    plugins = data.get("plugins") or []
    if isinstance(plugins, dict):
        plugins = [{name: options} for name, options in plugins.items()]
    for entry in plugins:
        if isinstance(entry, dict) and "hipdrop" in entry:
            return entry["hipdrop"] or {}
    return {}


def course_project(root: Path) -> Project:
    options = plugin_options(root)
    return Project(
        root=root,
        quizzes=str(options.get("quizzes") or "quizzes"),
        docs=str(_docs_dir(root)),
        pyodide=Path(options["pyodide"]) if options.get("pyodide") else None,
        packs=tuple(options.get("packs") or ()),
    )


def course_short_name(root: Path) -> str:
    """The plugin's short_name, else site_name, else the exports' default category."""
    path = root / "mkdocs.yml"
    data = (yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}) if path.is_file() else {}
    from .export import CATEGORY_ROOT

    return str(plugin_options(root).get("short_name") or data.get("site_name") or CATEGORY_ROOT)


def _docs_dir(root: Path) -> str:
    path = root / "mkdocs.yml"
    if not path.is_file():
        return "docs"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    return str(data.get("docs_dir") or "docs")
