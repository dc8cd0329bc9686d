"""The plugin options of a course folder, as the ``hipdrop`` command reads them from mkdocs.yml
(no MkDocs build): which packs the course enables and where its quizzes are."""

import re
import unicodedata
from pathlib import Path

import yaml

from hipdrop_tools.course.project import Project


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
        macros=str(options.get("macros") or "macros"),
        site_assets=str(options.get("site_assets") or "site_assets"),
    )


def worksheet_versions(root: Path) -> int:
    """The plugin's ``handouts.worksheet_versions``: how many versions of each generated question the
    worksheets print and the exports carry (the exports' default when the course does not say)."""
    from hipdrop_tools.course.errors import HipdropError
    from hipdrop_tools.lms.export import DEFAULT_VERSIONS

    handouts = plugin_options(root).get("handouts") or {}
    value = handouts.get("worksheet_versions", DEFAULT_VERSIONS) if isinstance(handouts, dict) else None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise HipdropError(
            f"{root / 'mkdocs.yml'}: plugins.hipdrop.handouts.worksheet_versions must be a whole number, 1 or more; "
            f"got {value!r}"
        )
    return value


def _site_config(root: Path) -> dict:
    path = root / "mkdocs.yml"
    return (yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}) if path.is_file() else {}


def course_title(root: Path) -> str:
    """The course's site_name, as readers see it ("the course" when mkdocs.yml has none)."""
    return str(_site_config(root).get("site_name") or "the course")


def course_short_name(root: Path) -> str:
    """The plugin's short_name, else site_name, else the exports' default category."""
    from hipdrop_tools.lms.export import CATEGORY_ROOT

    return str(plugin_options(root).get("short_name") or _site_config(root).get("site_name") or CATEGORY_ROOT)


def file_slug(name: str) -> str:
    """A name as a file name's part: ASCII letters and digits joined by dashes ("Water & Ice" -> "water-ice")."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "course"


def course_file_stem(root: Path) -> str:
    """What the course's downloads are called: its short name's slug and "course"
    ("water-course" for "Water"), the slug alone when it already ends with "course"."""
    slug = file_slug(course_short_name(root))
    return slug if slug == "course" or slug.endswith("-course") else f"{slug}-course"


def _docs_dir(root: Path) -> str:
    path = root / "mkdocs.yml"
    if not path.is_file():
        return "docs"
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    return str(data.get("docs_dir") or "docs")
